package org.mbmskeys.engine.spi;

import org.mbmskeys.engine.bytes.Bytes;

/**
 * The engine's source of random octets (nonces, RAND, identifiers). Injected so that tests are
 * reproducible; production uses {@link #secure()}.
 *
 * <pre>{@code
 * RandomBytes random = RandomBytes.secure();
 * Bytes rand = random.next(16);
 * // in tests and simulations: RandomBytes.seeded(7), or any deterministic lambda such as
 * // length -> Bytes.wrap(new byte[length])
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

    /**
     * A reproducible source for tests and simulations: the octets of a {@link java.util.Random} with {@code seed}, the
     * same on every run. Predictable, so never for a deployment: nonces and RANDs drawn from it can be guessed.
     */
    static RandomBytes seeded(long seed) {
        return new SeededRandomBytes(seed);
    }
}
