package org.mbmskeys.mbms.mikey.protection;

import java.util.Objects;
import java.util.Optional;
import org.mbmskeys.engine.bytes.Bytes;
import org.mbmskeys.engine.bytes.SecretBytes;
import org.mbmskeys.mbms.keys.KeyDomainId;
import org.mbmskeys.mbms.keys.MskId;
import org.mbmskeys.mbms.keys.MtkId;
import org.mbmskeys.mbms.keys.ServiceType;
import org.mbmskeys.mbms.keys.TimestampCounter;
import org.mbmskeys.mbms.mikey.CsbId;
import org.mbmskeys.mbms.profile.InterimProfile;

/**
 * An MTK message the BM-SC multicasts to every UE of a service, protected with the MSK
 * (TS 33.246 §6.3.3, §6.4.5.3): HDR, EXT{Key Domain ID, MSK ID, MTK ID}, T, KEMAC. It carries no RAND
 * (§6.4.5.3 NOTE): both ends derive its KEMAC keys from the MIKEY-RAND stored with the MSK (§6.5.4). The
 * V bit is never set: nobody answers MTK messages.
 *
 * @param csbId   any value; TS 33.246 §6.4.2 recommends a random one per message ({@link CsbIds})
 * @param service streaming: the MTK travels as TEK+SALT with a 112-bit salt; download: as TGK, no salt
 * @param mtk     16, 24 or 32 bytes (TS 33.246 §4.2); the registry makes {@value InterimProfile#MTK_LENGTH}
 * @param salt    the MTK salt, present exactly for streaming
 * @param mskRand the MIKEY-RAND of the MSK's messages; enters the PRF labels, never the message
 */
public record MtkDelivery(CsbId csbId, KeyDomainId keyDomain, MskId mskId, MtkId mtkId, ServiceType service,
                          SecretBytes mtk, Optional<SecretBytes> salt, TimestampCounter counter, Bytes mskRand) {

    /**
     * @throws IllegalArgumentException if the MSK ID has Key Number 0 or Key Group 0, the MTK or salt has the
     *                                  wrong length, the salt's presence does not match the service, or the
     *                                  MSK's RAND is empty or longer than 255 bytes
     */
    public MtkDelivery {
        Objects.requireNonNull(csbId, "csbId");
        Objects.requireNonNull(keyDomain, "keyDomain");
        Objects.requireNonNull(mskId, "mskId");
        Objects.requireNonNull(mtkId, "mtkId");
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(mtk, "mtk");
        Objects.requireNonNull(salt, "salt");
        Objects.requireNonNull(counter, "counter");
        Objects.requireNonNull(mskRand, "mskRand");
        if (mskId.isCurrentMarker()) {
            throw new IllegalArgumentException("MSK ID " + mskId + " has Key Number 0 (\"current MSK\"); an MTK "
                    + "message names the actual MSK, Key Number 1..65535");
        }
        KeyGroups.requireNotReserved(mskId);
        if (!InterimProfile.ACCEPTED_KEY_LENGTHS.contains(mtk.length())) {
            throw new IllegalArgumentException("MTK must be 16, 24 or 32 bytes (SRTP master keys of 128, 192 or 256 "
                    + "bits, TS 33.246 §4.2), got " + mtk.length());
        }
        if (service == ServiceType.STREAMING && salt.isEmpty()) {
            throw new IllegalArgumentException("a streaming MTK travels with its 112-bit salt (TS 33.246 §6.4.5.3)");
        }
        if (service == ServiceType.DOWNLOAD && salt.isPresent()) {
            throw new IllegalArgumentException("a download MTK travels without salt (TS 33.246 §6.4.5.3)");
        }
        if (salt.isPresent() && salt.get().length() != InterimProfile.MTK_SALT_LENGTH) {
            throw new IllegalArgumentException("MTK salt must be " + InterimProfile.MTK_SALT_LENGTH + " bytes, got "
                    + salt.get().length());
        }
        Rands.check(mskRand);
    }

    /** A streaming MTK with its salt (TEK+SALT). */
    public static MtkDelivery streaming(CsbId csbId, KeyDomainId keyDomain, MskId mskId, MtkId mtkId, SecretBytes mtk,
                                        SecretBytes salt, TimestampCounter counter, Bytes mskRand) {
        return new MtkDelivery(csbId, keyDomain, mskId, mtkId, ServiceType.STREAMING, mtk, Optional.of(salt), counter,
                mskRand);
    }

    /** A download MTK (TGK, no salt). */
    public static MtkDelivery download(CsbId csbId, KeyDomainId keyDomain, MskId mskId, MtkId mtkId, SecretBytes mtk,
                                       TimestampCounter counter, Bytes mskRand) {
        return new MtkDelivery(csbId, keyDomain, mskId, mtkId, ServiceType.DOWNLOAD, mtk, Optional.empty(), counter,
                mskRand);
    }
}
