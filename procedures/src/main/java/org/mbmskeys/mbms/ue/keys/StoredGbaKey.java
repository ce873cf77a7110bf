package org.mbmskeys.mbms.ue.keys;

import java.util.Objects;
import org.mbmskeys.engine.bytes.SecretBytes;
import org.mbmskeys.mbms.keys.MukId;

/**
 * A MUK or MRK as the UE key store keeps it (one record of {@link UeKeyState}): the key from one GBA run,
 * named by IDi ‖ IDr (TS 33.246 §6.1, §6.4.6.1).
 */
public record StoredGbaKey(MukId id, SecretBytes key) {

    public StoredGbaKey {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(key, "key");
        if (key.isEmpty()) {
            throw new IllegalArgumentException("key of " + id + " is empty; a MUK or MRK has key material");
        }
    }
}
