package org.mbmskeys.adapters.jdbc;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Objects;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.mbmskeys.engine.bytes.SecretBytes;

/**
 * The key-encryption key (KEK) under which the stores keep key material: AES-GCM (NIST SP 800-38D) with a fresh
 * 96-bit nonce per wrap and the row's identity as associated data, so a wrapped key copied to another row, or
 * read with another KEK, fails its tag check and is refused with {@link KeyUnwrapException} rather than turning
 * into a wrong key. Stored form: {@code version(1) ‖ nonce(12) ‖ ciphertext ‖ tag(16)}.
 *
 * <p>The KEK itself comes from configuration (16 or 32 bytes); this class keeps its own copy and never prints it.
 */
public final class KeyEncryptionKey {

    private static final byte VERSION = 1;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec key;
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
        byte[] copy = kek.copyBytes();
        this.key = new SecretKeySpec(copy, "AES");
        java.util.Arrays.fill(copy, (byte) 0);
        this.random = Objects.requireNonNull(random, "random");
    }

    /** Wraps {@code plain} for the row named {@code rowIdentity}. */
    byte[] wrap(SecretBytes plain, String rowIdentity) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
            gcm.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            gcm.updateAAD(aad(rowIdentity));
            byte[] sealed = gcm.doFinal(plain.unsafeArray());
            return ByteBuffer.allocate(1 + NONCE_BYTES + sealed.length).put(VERSION).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this JRE", e);
        }
    }

    /**
     * Unwraps what {@link #wrap} stored for {@code rowIdentity}.
     *
     * @throws KeyUnwrapException if the KEK is not the one that wrapped it, or the value was moved or altered
     */
    SecretBytes unwrap(byte[] stored, String rowIdentity) {
        if (stored.length < 1 + NONCE_BYTES + TAG_BITS / 8 || stored[0] != VERSION) {
            throw new KeyUnwrapException(rowIdentity, "not a wrapped key of version " + VERSION);
        }
        try {
            Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
            gcm.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, stored, 1, NONCE_BYTES));
            gcm.updateAAD(aad(rowIdentity));
            return SecretBytes.wrap(gcm.doFinal(stored, 1 + NONCE_BYTES, stored.length - 1 - NONCE_BYTES));
        } catch (AEADBadTagException e) {
            throw new KeyUnwrapException(rowIdentity,
                    "its tag does not verify: another key-encryption key wrapped it, or it belongs to another row");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this JRE", e);
        }
    }

    private static byte[] aad(String rowIdentity) {
        return ("mbms-keys wrapped key v1 " + rowIdentity).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "KeyEncryptionKey[AES-" + key.getEncoded().length * 8 + ", secret]";
    }
}
