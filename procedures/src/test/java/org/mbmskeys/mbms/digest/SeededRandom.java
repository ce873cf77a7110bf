package org.mbmskeys.mbms.digest;

import java.util.Random;
import org.mbmskeys.engine.bytes.Bytes;
import org.mbmskeys.engine.spi.RandomBytes;

/** Reproducible {@link RandomBytes} for tests: java.util.Random with a fixed seed. */
final class SeededRandom implements RandomBytes {

    private final Random random;

    SeededRandom(long seed) {
        this.random = new Random(seed);
    }

    @Override
    public synchronized Bytes next(int length) {
        byte[] out = new byte[length];
        random.nextBytes(out);
        return Bytes.wrap(out);
    }
}
