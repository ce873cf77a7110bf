package org.mbmskeys.mbms.mikey.crypto;

/**
 * The few primitives MIKEY (RFC 3830) and GBA (TS 33.220) need: HMAC-SHA-1, HMAC-SHA-256 and AES-128 in
 * counter mode.
 *
 * <p>Contract: every method is a pure function of its arguments; implementations keep no state visible to
 * the caller and are safe to call from any number of threads at once. Arguments are never modified or
 * retained, and each result is a fresh array the caller owns. Two implementations give identical outputs:
 * <ul>
 *   <li>{@link #jca()}: the JDK's JCA ({@code HmacSHA1}, {@code HmacSHA256}, {@code AES/CTR/NoPadding};
 *       SunJCE on a stock JDK, with AES-NI and SHA intrinsics). The default and the fast one.</li>
 *   <li>{@link #bouncyCastle()}: the Bouncy Castle lightweight API, independent of the installed JCA
 *       providers (no provider is registered). About 3–5 times slower.</li>
 * </ul>
 *
 * <p>The {@code (data, offset, length)} forms hash or encrypt a slice in place, e.g. a received MIKEY
 * message without its trailing MAC, so nothing is copied. The {@code parts} forms hash the concatenation
 * of their arguments without building it.
 *
 * <pre>{@code
 * CryptoSuite suite = CryptoSuite.jca();
 * byte[] mac = suite.hmacSha1(authKey, received, 0, received.length - 20);
 * byte[] keyData = suite.aesCtr(encrKey, iv, received, encrOffset, encrLength);
 * }</pre>
 *
 * <p>Wrong key, IV or slice arguments are programming errors and throw {@link IllegalArgumentException}
 * naming the argument and what is allowed; key bytes never appear in a message.
 */
public interface CryptoSuite {

    /** Output length of HMAC-SHA-1 in bytes (the MIKEY HMAC-SHA-1-160 MAC). */
    int HMAC_SHA1_LENGTH = 20;

    /** Output length of HMAC-SHA-256 in bytes. */
    int HMAC_SHA256_LENGTH = 32;

    /** AES-128 key length in bytes. */
    int AES128_KEY_LENGTH = 16;

    /** Length of the initial counter block of AES counter mode in bytes. */
    int AES_CTR_IV_LENGTH = 16;

    /**
     * HMAC-SHA-1 (RFC 2104) of {@code length} bytes of {@code data} from {@code offset}.
     *
     * @param key at least one byte
     * @throws IllegalArgumentException if the key is empty or the slice is outside {@code data}
     */
    byte[] hmacSha1(byte[] key, byte[] data, int offset, int length);

    /**
     * HMAC-SHA-1 of the concatenation of {@code parts}, in order.
     *
     * @param key at least one byte
     * @throws IllegalArgumentException if the key is empty
     */
    byte[] hmacSha1(byte[] key, byte[]... parts);

    /**
     * HMAC-SHA-256 (RFC 2104, FIPS 180-4) of {@code length} bytes of {@code data} from {@code offset}.
     *
     * @param key at least one byte
     * @throws IllegalArgumentException if the key is empty or the slice is outside {@code data}
     */
    byte[] hmacSha256(byte[] key, byte[] data, int offset, int length);

    /**
     * HMAC-SHA-256 of the concatenation of {@code parts}, in order.
     *
     * @param key at least one byte
     * @throws IllegalArgumentException if the key is empty
     */
    byte[] hmacSha256(byte[] key, byte[]... parts);

    /**
     * AES-128 in counter mode (NIST SP 800-38A §6.5) over {@code length} bytes of {@code data} from
     * {@code offset}: keystream blocks AES(key, IV), AES(key, IV + 1), … with the whole 16-byte block
     * incremented as one big-endian 128-bit number, XORed onto the data. Encryption and decryption are the
     * same operation. This is RFC 3830 §4.2.3 AES-CM once the IV is built ({@link KemacCipher}).
     *
     * @param key16 the 16-byte AES key
     * @param iv16  the 16-byte initial counter block
     * @return {@code length} bytes; empty if {@code length} is 0
     * @throws IllegalArgumentException if the key or IV is not 16 bytes or the slice is outside {@code data}
     */
    byte[] aesCtr(byte[] key16, byte[] iv16, byte[] data, int offset, int length);

    /** The JDK JCA suite: the default and the fast one (one cached {@code Mac}/{@code Cipher} per thread). */
    static CryptoSuite jca() {
        return JcaCryptoSuite.INSTANCE;
    }

    /** The Bouncy Castle lightweight-API suite; needs no JCA provider. */
    static CryptoSuite bouncyCastle() {
        return BouncyCastleCryptoSuite.INSTANCE;
    }
}
