package org.mbmskeys.mbms.ue.keys;

import java.util.Objects;
import java.util.Optional;
import org.mbmskeys.engine.bytes.SecretBytes;
import org.mbmskeys.mbms.keys.MskRef;
import org.mbmskeys.mbms.keys.MtkId;
import org.mbmskeys.mbms.keys.TimestampCounter;
import org.mbmskeys.mbms.mikey.CsbId;

/**
 * One MTK the UE holds: the MSK it came under, its MTK ID (with the MSK ID, the SRTP MKI, TS 33.246
 * §6.6.2.1), the timestamp counter and CSB ID of the MTK message that carried it, the MTK and the salt if any
 * (§6.4.6.2 step 5: "the MTK and salt if available"). The ME keeps "the two most recent MTKs used per MBMS
 * streaming or download session" (§6.5.4); the replay state lives with the MSK ({@link StoredMsk}). The CSB ID enters
 * the DCF keys of a download MTK ({@code traffic.DcfKeys}); it is empty only for an MTK a release before 2026-12-06
 * stored, whose download keys cannot be derived.
 */
public record StoredMtk(MskRef msk, MtkId mtkId, TimestampCounter counter, Optional<CsbId> csbId, SecretBytes key,
                        Optional<SecretBytes> salt) {

    public StoredMtk {
        Objects.requireNonNull(msk, "msk");
        Objects.requireNonNull(mtkId, "mtkId");
        Objects.requireNonNull(counter, "counter");
        Objects.requireNonNull(csbId, "csbId");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(salt, "salt");
        if (key.isEmpty()) {
            throw new IllegalArgumentException("MTK " + mtkId + " is empty; an MTK has key material");
        }
    }
}
