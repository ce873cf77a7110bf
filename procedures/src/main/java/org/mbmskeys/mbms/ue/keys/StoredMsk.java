package org.mbmskeys.mbms.ue.keys;

import java.util.Objects;
import java.util.Optional;
import org.mbmskeys.engine.bytes.Bytes;
import org.mbmskeys.engine.bytes.SecretBytes;
import org.mbmskeys.mbms.keys.KeyValidity;
import org.mbmskeys.mbms.keys.MskRef;
import org.mbmskeys.mbms.keys.MtkId;
import org.mbmskeys.mbms.keys.MukId;
import org.mbmskeys.mbms.keys.ServiceType;
import org.mbmskeys.mbms.keys.TimestampCounter;
import org.mbmskeys.mbms.mikey.SecurityPolicyPayload;
import org.mbmskeys.mbms.mikey.SrtpCsEntry;

/**
 * One MSK as the UE key store keeps it: key, key validity, the MIKEY-RAND of the MSK message that
 * delivered the key (TS 33.246 §6.5.4: "MSK, MIKEY-RAND, SEQl and SEQu were transferred to the MGV-S with
 * the execution of the MSK update procedures"; the MTK messages under it carry no RAND and use this one),
 * the service type of its Key Group (§4.2), and the MTK replay state under it, if an MTK was accepted:
 * the ME's current MTK ID (§6.4.6.2 step 3) and the MTK replay counter of this MSK (§6.4.6.2 step 2,
 * §6.5.4). These two stay here, not with the MTKs, so that dropping an MTK (only two are kept per
 * session, §6.5.4) never forgets what was already accepted.
 *
 * <p>{@code protectedBy}, {@code mukGeneration} and {@code lastCounter} describe the last accepted MSK
 * message that delivered, replaced or updated this MSK: its MUK ID, the install generation of that MUK
 * ({@link UeKeyState#mukGenerations()}) and its timestamp counter. The two-MSK rule orders MSKs by them
 * ({@link MskAge}, §6.5.3), so an update or a resend makes an MSK newer.
 *
 * <p>An invalidated MSK (SEQl &gt; SEQu) is deleted, never stored, so {@code validity} is always a real
 * interval.
 *
 * <p>{@code srtpPolicy} is the SRTP policy (SP payload) of a streaming Key Group, adopted from a verified MSK message
 * (§6.4.6.1 step 5) and kept with the MSK whose MTKs it applies to: the media layer needs it with each MTK
 * (§6.6.2.1: R, the RCC mode, the key lengths). An MSK message without one keeps the policy held for the Key Group.
 * {@code srtpCs} is the SRTP-ID map entry of the last verified streaming MSK message for this MSK (RFC 3830 §6.1.1:
 * Policy_no, the SSRC of the RTP session and the sender's rollover counter ROC then), kept the same way.
 */
public record StoredMsk(MskRef ref, SecretBytes key, KeyValidity validity, Bytes rand, ServiceType serviceType,
                        MukId protectedBy, long mukGeneration, TimestampCounter lastCounter,
                        Optional<MtkId> currentMtkId, Optional<TimestampCounter> mtkCounter,
                        Optional<SecurityPolicyPayload> srtpPolicy, Optional<SrtpCsEntry> srtpCs) {

    public StoredMsk {
        Objects.requireNonNull(ref, "ref");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(validity, "validity");
        Objects.requireNonNull(rand, "rand");
        Objects.requireNonNull(serviceType, "serviceType");
        Objects.requireNonNull(protectedBy, "protectedBy");
        Objects.requireNonNull(lastCounter, "lastCounter");
        Objects.requireNonNull(currentMtkId, "currentMtkId");
        Objects.requireNonNull(mtkCounter, "mtkCounter");
        Objects.requireNonNull(srtpPolicy, "srtpPolicy");
        Objects.requireNonNull(srtpCs, "srtpCs");
        if (currentMtkId.isPresent() != mtkCounter.isPresent()) {
            throw new IllegalArgumentException("MSK " + ref + ": the current MTK ID and the MTK counter are set "
                    + "together, by an accepted MTK message");
        }
        if (ref.mskId().isCurrentMarker()) {
            throw new IllegalArgumentException("MSK " + ref + " has Key Number 0, which means 'current MSK' and names no stored MSK");
        }
        if (key.isEmpty()) {
            throw new IllegalArgumentException("MSK " + ref + " is empty; a stored MSK has key material");
        }
        if (rand.isEmpty()) {
            throw new IllegalArgumentException("MSK " + ref + " has an empty MIKEY-RAND; the MTK messages under it "
                    + "need the RAND of its MSK message (TS 33.246 §6.5.4)");
        }
        if (validity.isInvalidation()) {
            throw new IllegalArgumentException("MSK " + ref + " has key validity " + validity
                    + " with SEQl > SEQu; an invalidated MSK is deleted, not stored");
        }
    }

    /** An MSK without an SRTP policy and SRTP-ID map entry (a download Key Group, or none received yet). */
    public StoredMsk(MskRef ref, SecretBytes key, KeyValidity validity, Bytes rand, ServiceType serviceType,
                     MukId protectedBy, long mukGeneration, TimestampCounter lastCounter,
                     Optional<MtkId> currentMtkId, Optional<TimestampCounter> mtkCounter) {
        this(ref, key, validity, rand, serviceType, protectedBy, mukGeneration, lastCounter, currentMtkId, mtkCounter,
                Optional.empty(), Optional.empty());
    }

    /** The same MSK as touched by a later accepted MSK message (delivery, resend or validity update). */
    StoredMsk touchedBy(MukId mukId, long generation, TimestampCounter counter) {
        return new StoredMsk(ref, key, validity, rand, serviceType, mukId, generation, counter, currentMtkId, mtkCounter,
                srtpPolicy, srtpCs);
    }

    /** A new key, validity, RAND and service type; the MTK replay state is kept (see {@link #withoutMtkState}). */
    StoredMsk withKey(SecretBytes newKey, KeyValidity newValidity, Bytes newRand, ServiceType newType) {
        return new StoredMsk(ref, newKey, newValidity, newRand, newType, protectedBy, mukGeneration, lastCounter,
                currentMtkId, mtkCounter, srtpPolicy, srtpCs);
    }

    /** No MTK accepted yet: for a different key under the same MSK ID, whose MTK messages start afresh. */
    StoredMsk withoutMtkState() {
        return new StoredMsk(ref, key, validity, rand, serviceType, protectedBy, mukGeneration, lastCounter,
                Optional.empty(), Optional.empty(), srtpPolicy, srtpCs);
    }

    StoredMsk withValidity(KeyValidity newValidity) {
        return new StoredMsk(ref, key, newValidity, rand, serviceType, protectedBy, mukGeneration, lastCounter,
                currentMtkId, mtkCounter, srtpPolicy, srtpCs);
    }

    /**
     * After an accepted MTK message: SEQl := SEQp (§6.5.4), the current MTK ID and the MTK replay counter
     * are the message's.
     */
    StoredMsk withMtkAccepted(MtkId mtkId, TimestampCounter counter) {
        return new StoredMsk(ref, key, validity.withSeqLow(mtkId), rand, serviceType, protectedBy, mukGeneration,
                lastCounter, Optional.of(mtkId), Optional.of(counter), srtpPolicy, srtpCs);
    }

    /** The same MSK with the SRTP policy and SRTP-ID map entry adopted from a verified MSK message (§6.4.6.1 step 5). */
    StoredMsk withSrtp(Optional<SecurityPolicyPayload> policy, Optional<SrtpCsEntry> cs) {
        return new StoredMsk(ref, key, validity, rand, serviceType, protectedBy, mukGeneration, lastCounter,
                currentMtkId, mtkCounter, policy, cs);
    }
}
