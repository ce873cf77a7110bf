package org.mbmskeys.mbms.keys;

import java.util.Objects;
import org.mbmskeys.engine.bytes.SecretBytes;

/**
 * An MSK as the UE holds it: identity, key and key validity (SEQl..SEQu of MTK IDs, TS 33.246 §6.5.3).
 * The key is the caller's copy: destroy it after use.
 */
public record MskKey(MskRef ref, SecretBytes key, KeyValidity validity) {

    public MskKey {
        Objects.requireNonNull(ref, "ref");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(validity, "validity");
    }
}
