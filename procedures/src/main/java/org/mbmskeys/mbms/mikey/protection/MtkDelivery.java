package org.mbmskeys.mbms.mikey.protection;

import java.util.Objects;
import java.util.Optional;
import org.mbmskeys.engine.bytes.Bytes;
import org.mbmskeys.engine.bytes.SecretBytes;
import org.mbmskeys.mbms.keys.KeyDomainId;
import org.mbmskeys.mbms.keys.MskId;
import org.mbmskeys.mbms.keys.MtkId;
import org.mbmskeys.mbms.keys.TimestampCounter;
import org.mbmskeys.mbms.profile.InterimProfile;

/**
 * An MTK message the BM-SC multicasts to every UE of a service, protected with the MSK
 * (TS 33.246 §6.3.3, §6.4.6.2): HDR, EXT{MSK ID}, EXT{MTK ID}, T, [RAND], KEMAC. The V bit is never set:
 * nobody answers MTK messages.
 *
 * @param salt the MTK salt when the service uses one (Key data type TEK+SALT)
 * @param rand the RAND payload; the profile always sends one, receivers also accept none
 */
public record MtkDelivery(KeyDomainId keyDomain, MskId mskId, MtkId mtkId, SecretBytes mtk,
                          Optional<SecretBytes> salt, TimestampCounter counter, Optional<Bytes> rand) {

    /**
     * @throws IllegalArgumentException if the MSK ID has Key Number 0, the MTK or salt has the wrong length,
     *                                  or RAND is empty or longer than 255 bytes
     */
    public MtkDelivery {
        Objects.requireNonNull(keyDomain, "keyDomain");
        Objects.requireNonNull(mskId, "mskId");
        Objects.requireNonNull(mtkId, "mtkId");
        Objects.requireNonNull(mtk, "mtk");
        Objects.requireNonNull(salt, "salt");
        Objects.requireNonNull(counter, "counter");
        Objects.requireNonNull(rand, "rand");
        if (mskId.isCurrentMarker()) {
            throw new IllegalArgumentException("MSK ID " + mskId + " has Key Number 0 (\"current MSK\"); an MTK "
                    + "message names the actual MSK, Key Number 1..65535");
        }
        if (mtk.length() != InterimProfile.MTK_LENGTH) {
            throw new IllegalArgumentException("MTK must be " + InterimProfile.MTK_LENGTH + " bytes, got " + mtk.length());
        }
        if (salt.isPresent() && salt.get().length() != InterimProfile.MTK_SALT_LENGTH) {
            throw new IllegalArgumentException("MTK salt must be " + InterimProfile.MTK_SALT_LENGTH + " bytes, got "
                    + salt.get().length());
        }
        rand.ifPresent(Rands::check);
    }

    /** An MTK message with a RAND and, optionally, a salt. */
    public static MtkDelivery of(KeyDomainId keyDomain, MskId mskId, MtkId mtkId, SecretBytes mtk,
                                 Optional<SecretBytes> salt, TimestampCounter counter, Bytes rand) {
        return new MtkDelivery(keyDomain, mskId, mtkId, mtk, salt, counter, Optional.of(rand));
    }
}
