package org.mbmskeys.mbms.ue.keys;

import java.util.Objects;
import java.util.Optional;
import org.mbmskeys.engine.bytes.SecretBytes;
import org.mbmskeys.mbms.keys.MskRef;
import org.mbmskeys.mbms.keys.MtkId;
import org.mbmskeys.mbms.keys.TimestampCounter;

/**
 * The MTK last accepted under an MSK (TS 33.246 §6.4.6.2 step 5: "the MTK and salt if available"), with
 * the MTK ID and timestamp counter of the message that carried it. Keys are the caller's copies.
 */
public record CurrentMtk(MskRef msk, MtkId mtkId, TimestampCounter counter, SecretBytes key,
                         Optional<SecretBytes> salt) {

    public CurrentMtk {
        Objects.requireNonNull(msk, "msk");
        Objects.requireNonNull(mtkId, "mtkId");
        Objects.requireNonNull(counter, "counter");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(salt, "salt");
    }
}
