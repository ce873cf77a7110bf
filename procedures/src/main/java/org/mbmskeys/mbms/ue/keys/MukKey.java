package org.mbmskeys.mbms.ue.keys;

import java.util.Objects;
import org.mbmskeys.engine.bytes.SecretBytes;
import org.mbmskeys.mbms.keys.MukId;

/**
 * The MUK a UE uses to verify an MSK message (TS 33.246 §6.5.2), with the role in which it was found:
 * the current MUK for that IDi, or the last successfully used MUK, which the ME keeps so that a
 * solicited-pull message protected with an older MUK can still be verified (§6.3.2.2.4; seeds
 * {@code 001}, {@code 004}). The key is the caller's copy: destroy it after use.
 */
public record MukKey(MukId id, SecretBytes key, Role role) {

    /** Where the MUK was found. */
    public enum Role {
        /** The MUK installed by the latest GBA run for this IDi. */
        CURRENT,
        /** Not current any more, but the last MUK an MSK message was successfully verified with. */
        LAST_USED
    }

    public MukKey {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(role, "role");
    }
}
