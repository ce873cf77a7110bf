package org.mbmskeys.mbms.digest;

import org.mbmskeys.engine.bytes.Bytes;

/**
 * Source of the random bytes in server nonces and client cnonces. Injected so tests are reproducible
 * (STYLE.md P13); {@link #secure()} is the production default. Implementations must be thread-safe.
 * This stands in for the engine's {@code RandomBytes} SPI until that exists; the shapes match.
 */
@FunctionalInterface
public interface DigestRandom {

    /** {@code length} fresh random bytes. */
    Bytes next(int length);

    /** A shared {@link java.security.SecureRandom}-backed source. */
    static DigestRandom secure() {
        return SecureDigestRandom.INSTANCE;
    }
}
