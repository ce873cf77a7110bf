package org.mbmskeys.engine.spi;

import java.security.SecureRandom;
import org.mbmskeys.engine.bytes.Bytes;

/** {@link RandomBytes#secure()}. The one place in the engine that creates a SecureRandom. */
final class SecureRandomBytes implements RandomBytes {

    static final SecureRandomBytes INSTANCE = new SecureRandomBytes();

    private final SecureRandom random = new SecureRandom();

    private SecureRandomBytes() {
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
        return "RandomBytes.secure()";
    }
}
