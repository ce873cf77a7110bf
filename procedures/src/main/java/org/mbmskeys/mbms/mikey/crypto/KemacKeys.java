package org.mbmskeys.mbms.mikey.crypto;

import java.util.Objects;
import org.mbmskeys.engine.bytes.Bytes;
import org.mbmskeys.engine.bytes.SecretBytes;

/**
 * The three keys that protect one MIKEY message made with a pre-shared key (RFC 3830 §4.1.4): encr_key
 * (16 bytes, AES-CM-128), auth_key (20 bytes, HMAC-SHA-1-160) and salt_key (14 bytes, the AES-CM IV).
 *
 * <p>In MBMS the pre-shared key is the MUK for MSK messages and the MSK for MTK messages (TS 33.246
 * §6.5.2, §6.4.6.2); CSB ID and RAND are those of the message being protected or checked. Derive once per
 * message, use for {@link KemacMac}, {@link KemacCipher} and {@link VerificationMac}, then {@link #destroy()}.
 *
 * <pre>{@code
 * KemacKeys keys = KemacKeys.derive(CryptoSuite.jca(), muk, csbId, rand);
 * try {
 *     if (!KemacMac.verify(suite, keys.authenticationKey(), macInput, mac)) { ... discard ... }
 *     byte[] keyData = KemacCipher.decrypt(suite, keys, csbId, counter, encrData);
 * } finally {
 *     keys.destroy();
 * }
 * }</pre>
 *
 * <p>Prints only the key lengths. Not thread-safe against a concurrent {@link #destroy()}.
 */
public final class KemacKeys {

    private final SecretBytes encryptionKey;
    private final SecretBytes authenticationKey;
    private final SecretBytes saltingKey;

    private KemacKeys(SecretBytes encryptionKey, SecretBytes authenticationKey, SecretBytes saltingKey) {
        this.encryptionKey = checkLength(encryptionKey, PrfInput.KEMAC_ENCRYPTION_KEY_LENGTH, "encr_key");
        this.authenticationKey = checkLength(authenticationKey, PrfInput.KEMAC_AUTHENTICATION_KEY_LENGTH, "auth_key");
        this.saltingKey = checkLength(saltingKey, PrfInput.KEMAC_SALTING_KEY_LENGTH, "salt_key");
    }

    /**
     * Derives encr_key, auth_key and salt_key from {@code psk} with the MIKEY-1 PRF.
     *
     * @param rand the message's RAND; {@link Bytes#empty()} if it has none
     * @throws IllegalArgumentException if {@code psk} is empty
     */
    public static KemacKeys derive(CryptoSuite suite, SecretBytes psk, int csbId, Bytes rand) {
        MikeyPrf prf = MikeyPrf.mikey1(suite);
        return new KemacKeys(
                prf.derive(PrfInput.kemacEncryptionKey(psk, csbId, rand)),
                prf.derive(PrfInput.kemacAuthenticationKey(psk, csbId, rand)),
                prf.derive(PrfInput.kemacSaltingKey(psk, csbId, rand)));
    }

    /**
     * Wraps keys obtained elsewhere (not copied; {@link #destroy()} destroys them).
     *
     * @throws IllegalArgumentException if a key has the wrong length (16, 20 and 14 bytes)
     */
    public static KemacKeys of(SecretBytes encryptionKey, SecretBytes authenticationKey, SecretBytes saltingKey) {
        return new KemacKeys(encryptionKey, authenticationKey, saltingKey);
    }

    /** encr_key, 16 bytes. */
    public SecretBytes encryptionKey() {
        return encryptionKey;
    }

    /** auth_key, 20 bytes: the KEMAC MAC and the verification (V) MAC. */
    public SecretBytes authenticationKey() {
        return authenticationKey;
    }

    /** salt_key, 14 bytes. */
    public SecretBytes saltingKey() {
        return saltingKey;
    }

    /** Zeroes all three keys. Idempotent. */
    public void destroy() {
        encryptionKey.destroy();
        authenticationKey.destroy();
        saltingKey.destroy();
    }

    public boolean isDestroyed() {
        return encryptionKey.isDestroyed() && authenticationKey.isDestroyed() && saltingKey.isDestroyed();
    }

    private static SecretBytes checkLength(SecretBytes key, int expected, String name) {
        Objects.requireNonNull(key, name);
        if (key.length() != expected) {
            throw new IllegalArgumentException("KEMAC " + name + " must be " + expected + " bytes (RFC 3830 §4.1.4), got "
                    + key.length());
        }
        return key;
    }

    @Override
    public String toString() {
        return "KemacKeys[encr_key " + encryptionKey.length() + " bytes, auth_key " + authenticationKey.length()
                + " bytes, salt_key " + saltingKey.length() + " bytes" + (isDestroyed() ? ", destroyed]" : "]");
    }
}
