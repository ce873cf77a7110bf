package org.mbmskeys.adapters.jdbc;

import java.security.SecureRandom;
import org.mbmskeys.engine.bytes.SecretBytes;

/** Key-encryption keys for tests. */
final class Keks {

    static final SecretBytes KEK_BYTES = SecretBytes.ofHex("8f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0");
    static final SecretBytes OTHER_KEK_BYTES = SecretBytes.ofHex("00112233445566778899aabbccddeeff");
    /** The KEK an operator rotates to (docs/storage.md, "Rotating the key-encryption key"). */
    static final SecretBytes NEW_KEK_BYTES = SecretBytes.ofHex("5a0b1c2d3e4f5061728394a5b6c7d8e9fa0b1c2d3e4f5061728394a5b6c7d8e9");

    private Keks() {
    }

    static KeyEncryptionKey kek() {
        return new KeyEncryptionKey(KEK_BYTES, new SecureRandom());
    }

    static KeyEncryptionKey otherKek() {
        return new KeyEncryptionKey(OTHER_KEK_BYTES, new SecureRandom());
    }

    static KeyEncryptionKey newKek() {
        return new KeyEncryptionKey(NEW_KEK_BYTES, new SecureRandom());
    }
}
