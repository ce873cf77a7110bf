package org.mbmskeys.mbms.bmsc.distribution;

import java.util.Objects;
import org.mbmskeys.engine.bytes.SecretBytes;

/**
 * A copy of a UE's MUK with what is known about it. The caller owns the copy and destroys it when done
 * ({@link #destroy()}); {@code toString} never shows the key.
 */
public final class UeMuk {

    private final KnownMuk known;
    private final SecretBytes key;

    UeMuk(KnownMuk known, SecretBytes key) {
        this.known = Objects.requireNonNull(known, "known");
        this.key = Objects.requireNonNull(key, "key");
    }

    public KnownMuk known() {
        return known;
    }

    /** The MUK: the MIKEY pre-shared key of the UE's MSK messages (TS 33.246 §6.4.1). */
    public SecretBytes key() {
        return key;
    }

    /** Zeroes this copy of the key. */
    public void destroy() {
        key.destroy();
    }

    @Override
    public String toString() {
        return "UeMuk[" + known.impi() + ", " + known.mukId() + ", expires " + known.expiresAt() + ", MUK " + key + "]";
    }
}
