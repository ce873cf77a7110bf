package org.mbmskeys.mbms.keys;

import java.util.Objects;
import java.util.Optional;
import org.mbmskeys.engine.bytes.SecretBytes;

/**
 * The last MTK accepted under one MSK, as the UE key store keeps it: its MTK ID, the timestamp counter of
 * the MTK message (the replay counter for that MSK, TS 33.246 §6.4.6.2 step 2), the MTK and the optional
 * salt.
 */
public record StoredMtk(MtkId mtkId, TimestampCounter counter, SecretBytes key, Optional<SecretBytes> salt) {

    public StoredMtk {
        Objects.requireNonNull(mtkId, "mtkId");
        Objects.requireNonNull(counter, "counter");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(salt, "salt");
        if (key.isEmpty()) {
            throw new IllegalArgumentException("MTK " + mtkId + " is empty; an MTK has key material");
        }
    }
}
