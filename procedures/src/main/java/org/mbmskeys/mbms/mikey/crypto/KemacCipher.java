package org.mbmskeys.mbms.mikey.crypto;

import java.util.Arrays;
import java.util.Objects;
import org.mbmskeys.mbms.keys.TimestampCounter;

/**
 * AES-CM-128 encryption of the KEMAC "Encr data" field (RFC 3830 §4.2.3, KEMAC Encr alg 1): AES-128 in
 * counter mode with key encr_key and initial counter block
 *
 * <pre>
 * IV = (salt_key XOR (0x0000 ‖ CSB ID ‖ T)) ‖ 0x0000        salt_key 112 bits, CSB ID 32 bits, T 64 bits
 * </pre>
 *
 * where T is the message's timestamp. MBMS messages carry a 32-bit COUNTER; {@link CounterIvPolicy} pads it
 * with leading zeros to T (RFC 3830 §6.6). 64-bit NTP timestamps go in as they are ({@code *Ntp} methods).
 * In PSK mode the plaintext is the chain of Key data sub-payloads only (RFC 3830 §3.1: E(encr_key, {TGK})).
 *
 * <p>Counter mode has no integrity of its own: check the KEMAC MAC ({@link KemacMac}) over the received
 * bytes before decrypting. Decryption never fails; wrong keys give garbage. The returned array holds key
 * material: zero it once the Key data sub-payloads are decoded.
 *
 * <pre>{@code
 * byte[] encrData = KemacCipher.encrypt(suite, keys, csbId, counter, keyDataPayloads);
 * byte[] keyData  = KemacCipher.decrypt(suite, keys, csbId, counter, received, encrOffset, encrLength);
 * }</pre>
 */
public final class KemacCipher {

    private KemacCipher() {
    }

    /**
     * Encrypts {@code plaintext} for a message with COUNTER timestamp {@code counter}.
     *
     * @throws IllegalStateException if {@code keys} were destroyed
     */
    public static byte[] encrypt(CryptoSuite suite, KemacKeys keys, int csbId, TimestampCounter counter,
                                 byte[] plaintext) {
        return apply(suite, keys, csbId, CounterIvPolicy.ivTimestamp(counter), plaintext, 0, plaintext.length);
    }

    /** Decrypts {@code ciphertext} of a message with COUNTER timestamp {@code counter}. */
    public static byte[] decrypt(CryptoSuite suite, KemacKeys keys, int csbId, TimestampCounter counter,
                                 byte[] ciphertext) {
        return apply(suite, keys, csbId, CounterIvPolicy.ivTimestamp(counter), ciphertext, 0, ciphertext.length);
    }

    /**
     * Decrypts {@code length} bytes of {@code message} from {@code offset} (the Encr data field in place).
     *
     * @throws IllegalArgumentException if the slice is outside {@code message}
     */
    public static byte[] decrypt(CryptoSuite suite, KemacKeys keys, int csbId, TimestampCounter counter,
                                 byte[] message, int offset, int length) {
        return apply(suite, keys, csbId, CounterIvPolicy.ivTimestamp(counter), message, offset, length);
    }

    /** Encrypts for a message with a 64-bit NTP or NTP-UTC timestamp (T payload TS type 0 or 1). */
    public static byte[] encryptNtp(CryptoSuite suite, KemacKeys keys, int csbId, long ntpTimestamp,
                                    byte[] plaintext) {
        return apply(suite, keys, csbId, ntpTimestamp, plaintext, 0, plaintext.length);
    }

    /** Decrypts for a message with a 64-bit NTP or NTP-UTC timestamp (T payload TS type 0 or 1). */
    public static byte[] decryptNtp(CryptoSuite suite, KemacKeys keys, int csbId, long ntpTimestamp,
                                    byte[] ciphertext) {
        return apply(suite, keys, csbId, ntpTimestamp, ciphertext, 0, ciphertext.length);
    }

    private static byte[] apply(CryptoSuite suite, KemacKeys keys, int csbId, long t64,
                                byte[] data, int offset, int length) {
        Objects.requireNonNull(suite, "suite");
        byte[] iv = AesCmIv.of(keys.saltingKey().unsafeArray(), csbId, t64);
        try {
            return suite.aesCtr(keys.encryptionKey().unsafeArray(), iv, data, offset, length);
        } finally {
            // The IV is salt_key XOR public data, so it reveals the salt: wipe it.
            Arrays.fill(iv, (byte) 0);
        }
    }
}
