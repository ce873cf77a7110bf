package org.mbmskeys.mbms.keys;

import java.security.SecureRandom;
import org.mbmskeys.engine.bytes.SecretBytes;

enum SecureRandomKeyMaterial implements KeyMaterialSource {
    INSTANCE;

    // SecureRandom is thread-safe; one instance avoids re-seeding per key.
    private final SecureRandom random = new SecureRandom();

    @Override
    public SecretBytes generate(int length) {
        byte[] key = new byte[length];
        random.nextBytes(key);
        return SecretBytes.wrap(key);
    }
}
