package org.mbmskeys.mbms.mikey.protection;

import java.util.Objects;
import java.util.Optional;
import org.mbmskeys.engine.bytes.Bytes;
import org.mbmskeys.engine.bytes.SecretBytes;
import org.mbmskeys.mbms.keys.KeyDomainId;
import org.mbmskeys.mbms.keys.KeyValidity;
import org.mbmskeys.mbms.keys.MskId;
import org.mbmskeys.mbms.keys.ServiceType;
import org.mbmskeys.mbms.keys.TimestampCounter;
import org.mbmskeys.mbms.mikey.CsbId;
import org.mbmskeys.mbms.profile.InterimProfile;

/**
 * An MSK message the BM-SC sends to one UE, protected with that UE's MUK (TS 33.246 §6.3.2.3, §6.4.5.1).
 * Three forms share the payloads HDR, EXT{Key Domain ID, MSK ID}, T, RAND, IDi, IDr, [SP], KEMAC:
 * <ul>
 *   <li>{@link #delivery}: a new or replacing MSK with its key validity;</li>
 *   <li>{@link #validityUpdate}: no key, only new key validity for an MSK the UE holds (§6.5.3);</li>
 *   <li>{@link #invalidation}: no key, key validity SEQl &gt; SEQu, sent at deregistration (§6.3.2.1B).</li>
 * </ul>
 * The factories make download messages (#CS 0, Empty map, no SP); {@link #forStreaming} turns one into a
 * streaming message, whose header carries the SRTP-ID map entry and which carries the SP: every streaming
 * MSK message does, since §6.6.2.1 wants the ROC transmission rate R in every MSK delivery message and R
 * is an SP parameter.
 *
 * @param csbId              any value; TS 33.246 §6.4.2 recommends a random one per message ({@link CsbIds})
 * @param rand               the MSK's MIKEY-RAND, the same in every message for this MSK (§6.4.5.1); the
 *                           UE keeps it to open the MTK messages under this MSK, which carry none (§6.5.4)
 * @param idi                the BM-SC's FQDN
 * @param idr                the UE's B-TID
 * @param askForVerification sets the V bit: the UE answers with a verification message
 * @param streaming          the SRTP-ID map entry and SP of a streaming MSK; empty for a download MSK
 */
public record MskDelivery(CsbId csbId, KeyDomainId keyDomain, MskId mskId, Optional<SecretBytes> msk,
                          KeyValidity validity, TimestampCounter counter, Bytes rand, String idi, String idr,
                          boolean askForVerification, Optional<StreamingSession> streaming) {

    /**
     * @throws IllegalArgumentException if the Key Number is 0 (that marks a solicited pull), the Key Group is
     *                                  0 (reserved), SEQu is 0xFFFF outside an invalidation, the MSK is not
     *                                  {@value InterimProfile#MSK_LENGTH} bytes, or RAND is empty or longer
     *                                  than 255 bytes
     */
    public MskDelivery {
        Objects.requireNonNull(csbId, "csbId");
        Objects.requireNonNull(keyDomain, "keyDomain");
        Objects.requireNonNull(mskId, "mskId");
        Objects.requireNonNull(msk, "msk");
        Objects.requireNonNull(validity, "validity");
        Objects.requireNonNull(counter, "counter");
        Objects.requireNonNull(rand, "rand");
        Objects.requireNonNull(idi, "idi");
        Objects.requireNonNull(idr, "idr");
        Objects.requireNonNull(streaming, "streaming");
        if (mskId.isCurrentMarker()) {
            throw new IllegalArgumentException("MSK ID " + mskId + " has Key Number 0, which marks a solicited pull "
                    + "(TS 33.246 §6.3.2.2.4); use SolicitedPull, or a Key Number 1..65535");
        }
        KeyGroups.requireNotReserved(mskId);
        if (!validity.isInvalidation() && validity.seqHigh().value() == 0xFFFF) {
            throw new IllegalArgumentException("SEQu " + validity.seqHigh() + ": the BM-SC never sets SEQu to its "
                    + "maximum (TS 33.246 §6.4.5.1)");
        }
        if (msk.isPresent() && msk.get().length() != InterimProfile.MSK_LENGTH) {
            throw new IllegalArgumentException("MSK must be " + InterimProfile.MSK_LENGTH + " bytes, got " + msk.get().length());
        }
        Rands.check(rand);
    }

    /** A new MSK (or one replacing the MSK with the same ID). */
    public static MskDelivery delivery(CsbId csbId, KeyDomainId keyDomain, MskId mskId, SecretBytes msk,
                                       KeyValidity validity, TimestampCounter counter, Bytes rand, String idi,
                                       String idr, boolean askForVerification) {
        return new MskDelivery(csbId, keyDomain, mskId, Optional.of(msk), validity, counter, rand, idi, idr,
                askForVerification, Optional.empty());
    }

    /** New key validity for an MSK the UE already holds: KEMAC carries key data of length 0. */
    public static MskDelivery validityUpdate(CsbId csbId, KeyDomainId keyDomain, MskId mskId, KeyValidity validity,
                                             TimestampCounter counter, Bytes rand, String idi, String idr,
                                             boolean askForVerification) {
        return new MskDelivery(csbId, keyDomain, mskId, Optional.empty(), validity, counter, rand, idi, idr,
                askForVerification, Optional.empty());
    }

    /** Invalidates the MSK at the UE: no key, SEQl &gt; SEQu (TS 33.246 §6.3.2.1B). */
    public static MskDelivery invalidation(CsbId csbId, KeyDomainId keyDomain, MskId mskId, TimestampCounter counter,
                                           Bytes rand, String idi, String idr, boolean askForVerification) {
        return validityUpdate(csbId, keyDomain, mskId, KeyValidity.invalidated(), counter, rand, idi, idr,
                askForVerification);
    }

    /** This message for a streaming MSK: SRTP-ID map entry in the header, SP before the KEMAC. */
    public MskDelivery forStreaming(StreamingSession session) {
        return new MskDelivery(csbId, keyDomain, mskId, msk, validity, counter, rand, idi, idr, askForVerification,
                Optional.of(session));
    }

    /** Streaming when {@link #streaming} is present, download otherwise (TS 33.246 §4.2, §6.4.5.1). */
    public ServiceType serviceType() {
        return streaming.isPresent() ? ServiceType.STREAMING : ServiceType.DOWNLOAD;
    }

    /**
     * What the BM-SC keeps to check the UE's verification message, when {@link #askForVerification} is set:
     * the answer echoes this message's CSB ID (TS 33.246 §6.4.5.2).
     */
    public AckExpectation ackExpectation() {
        return new AckExpectation(csbId, rand, IdPolicy.initiator(idi).data(), IdPolicy.responder(idr).data(), counter);
    }
}
