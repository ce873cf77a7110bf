package org.mbmskeys.mbms.mikey.crypto;

import java.security.GeneralSecurityException;
import java.util.Objects;
import java.util.Optional;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.mbmskeys.engine.bytes.SecretBytes;

/**
 * AES-GCM (NIST SP 800-38D) with a 96-bit nonce and a 128-bit tag, through the JCA. Not a MIKEY transform: it
 * protects key material at rest (the JDBC stores wrap MSKs and UE key state under a key-encryption key with it).
 * It lives here because only the crypto packages call cipher providers directly.
 */
public final class AesGcm {

    /** Nonce length in bytes; a nonce must never repeat under one key (use a fresh random one per seal). */
    public static final int NONCE_BYTES = 12;
    /** Tag length in bytes, appended to the ciphertext. */
    public static final int TAG_BYTES = 16;

    private static final String TRANSFORMATION = "AES/GCM/NoPadding";

    private AesGcm() {
    }

    /**
     * Encrypts and authenticates {@code plain}, binding {@code aad}.
     *
     * @param key a 16- or 32-byte AES key
     * @return ciphertext ‖ tag
     */
    public static byte[] seal(SecretBytes key, byte[] nonce, byte[] aad, byte[] plain) {
        Cipher gcm = cipher(Cipher.ENCRYPT_MODE, key, nonce, 0);
        gcm.updateAAD(aad);
        try {
            return gcm.doFinal(plain);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM encryption failed", e);
        }
    }

    /**
     * Checks and decrypts {@code sealed[offset, offset + length)} (ciphertext ‖ tag), whose nonce is
     * {@code nonceHolder[nonceOffset, nonceOffset + 12)}.
     *
     * @return the plaintext, or empty if the tag does not verify (another key, another {@code aad}, or altered)
     */
    public static Optional<SecretBytes> open(SecretBytes key, byte[] nonceHolder, int nonceOffset, byte[] aad,
                                             byte[] sealed, int offset, int length) {
        Cipher gcm = cipher(Cipher.DECRYPT_MODE, key, nonceHolder, nonceOffset);
        gcm.updateAAD(aad);
        try {
            return Optional.of(SecretBytes.wrap(gcm.doFinal(sealed, offset, length)));
        } catch (AEADBadTagException e) {
            return Optional.empty();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM decryption failed", e);
        }
    }

    private static Cipher cipher(int mode, SecretBytes key, byte[] nonce, int nonceOffset) {
        Objects.requireNonNull(key, "key");
        if (key.length() != 16 && key.length() != 32) {
            throw new IllegalArgumentException("an AES-GCM key is 16 or 32 bytes, got " + key.length());
        }
        try {
            Cipher gcm = Cipher.getInstance(TRANSFORMATION);
            gcm.init(mode, new SecretKeySpec(key.unsafeArray(), "AES"),
                    new GCMParameterSpec(TAG_BYTES * 8, nonce, nonceOffset, NONCE_BYTES));
            return gcm;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this JRE", e);
        }
    }
}
