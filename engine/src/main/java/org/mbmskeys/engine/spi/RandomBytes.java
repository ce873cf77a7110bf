package org.mbmskeys.engine.spi;

import org.mbmskeys.engine.bytes.Bytes;

/**
 * The engine's source of random octets (nonces, RAND, identifiers). Injected so that tests are
 * reproducible; production uses {@link #secure()}.
 *
 * <pre>{@code
 * RandomBytes random = RandomBytes.secure();
 * Bytes rand = random.next(16);
 * // in tests, any deterministic lambda: length -> Bytes.wrap(new byte[length])
 * }</pre>
 */
@FunctionalInterface
public interface RandomBytes {

    /**
     * {@code length} fresh random octets.
     *
     * @throws IllegalArgumentException if {@code length} is negative
     */
    Bytes next(int length);

    /** A shared {@link java.security.SecureRandom} (the platform default algorithm); thread-safe. */
    static RandomBytes secure() {
        return SecureRandomBytes.INSTANCE;
    }
}
