package org.mbmskeys.engine.spi;

import java.util.Random;
import org.mbmskeys.engine.bytes.Bytes;

/**
 * {@link RandomBytes#seeded}: the octets of a {@link Random} with that seed, so a run can be repeated octet for octet.
 * Predictable by design. Thread-safe as {@code Random} is: concurrent callers get octets of the one sequence,
 * interleaved in no fixed order.
 */
final class SeededRandomBytes implements RandomBytes {

    private final Random random;
    private final long seed;

    SeededRandomBytes(long seed) {
        this.random = new Random(seed);
        this.seed = seed;
    }

    @Override
    public Bytes next(int length) {
        if (length < 0) {
            throw new IllegalArgumentException("cannot draw " + length + " random bytes; the length must be 0 or more");
        }
        byte[] out = new byte[length];
        random.nextBytes(out);
        return Bytes.wrap(out);
    }

    @Override
    public String toString() {
        return "RandomBytes.seeded(" + seed + ")";
    }
}
