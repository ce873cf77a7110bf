package org.mbmskeys.adapters.jdbc;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Objects;
import org.mbmskeys.engine.bytes.SecretBytes;
import org.mbmskeys.mbms.mikey.crypto.AesGcm;

/**
 * The key-encryption key (KEK) under which the stores keep key material: AES-GCM (NIST SP 800-38D, {@link AesGcm})
 * with a fresh 96-bit nonce per wrap and the row's identity as associated data, so a wrapped key copied to another
 * row, or read with another KEK, fails its tag check and is refused with {@link KeyUnwrapException} rather than
 * turning into a wrong key. Stored form: {@code version(1) ‖ nonce(12) ‖ ciphertext ‖ tag(16)}.
 *
 * <p>The KEK itself comes from configuration (16 or 32 bytes); this class keeps its own copy and never prints it.
 */
public final class KeyEncryptionKey {

    private static final byte VERSION = 1;

    private final SecretBytes key;
    private final SecureRandom random;

    /**
     * @param kek    16 or 32 bytes (AES-128 or AES-256); copied
     * @param random source of the per-wrap nonces
     * @throws IllegalArgumentException if the KEK has another length
     */
    public KeyEncryptionKey(SecretBytes kek, SecureRandom random) {
        Objects.requireNonNull(kek, "kek");
        if (kek.length() != 16 && kek.length() != 32) {
            throw new IllegalArgumentException("a key-encryption key is 16 or 32 bytes (AES-128/256), got "
                    + kek.length());
        }
        this.key = kek.copy();
        this.random = Objects.requireNonNull(random, "random");
    }

    /** Wraps {@code plain} for the row named {@code rowIdentity}. */
    byte[] wrap(SecretBytes plain, String rowIdentity) {
        byte[] nonce = new byte[AesGcm.NONCE_BYTES];
        random.nextBytes(nonce);
        byte[] sealed = AesGcm.seal(key, nonce, aad(rowIdentity), plain.unsafeArray());
        return ByteBuffer.allocate(1 + nonce.length + sealed.length).put(VERSION).put(nonce).put(sealed).array();
    }

    /**
     * Unwraps what {@link #wrap} stored for {@code rowIdentity}.
     *
     * @throws KeyUnwrapException if the KEK is not the one that wrapped it, or the value was moved or altered
     */
    SecretBytes unwrap(byte[] stored, String rowIdentity) {
        int header = 1 + AesGcm.NONCE_BYTES;
        if (stored.length < header + AesGcm.TAG_BYTES || stored[0] != VERSION) {
            throw new KeyUnwrapException(rowIdentity, "not a wrapped key of version " + VERSION);
        }
        return AesGcm.open(key, stored, 1, aad(rowIdentity), stored, header, stored.length - header)
                .orElseThrow(() -> new KeyUnwrapException(rowIdentity, "its tag does not verify: another "
                        + "key-encryption key wrapped it, or it belongs to another row"));
    }

    /** Whether {@code other} holds the same key (compared in constant time); re-wrapping under it would change nothing. */
    boolean sameKeyAs(KeyEncryptionKey other) {
        return key.equals(other.key);
    }

    private static byte[] aad(String rowIdentity) {
        return ("mbms-keys wrapped key v1 " + rowIdentity).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "KeyEncryptionKey[AES-" + key.length() * 8 + ", secret]";
    }
}
