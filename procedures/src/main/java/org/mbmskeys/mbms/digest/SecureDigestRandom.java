package org.mbmskeys.mbms.digest;

import java.security.SecureRandom;
import org.mbmskeys.engine.bytes.Bytes;

/** The default {@link DigestRandom}: one SecureRandom, which is thread-safe. */
enum SecureDigestRandom implements DigestRandom {
    INSTANCE;

    private final SecureRandom random = new SecureRandom();

    @Override
    public Bytes next(int length) {
        byte[] out = new byte[length];
        random.nextBytes(out);
        return Bytes.wrap(out);
    }
}
