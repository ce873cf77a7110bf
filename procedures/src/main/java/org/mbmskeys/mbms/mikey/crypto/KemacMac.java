package org.mbmskeys.mbms.mikey.crypto;

import java.util.Objects;
import org.mbmskeys.engine.bytes.Bytes;
import org.mbmskeys.engine.bytes.SecretBytes;

/**
 * The KEMAC MAC (RFC 3830 §5.2, KEMAC MAC alg 1 = HMAC-SHA-1-160): HMAC-SHA-1 with auth_key over the
 * whole message from the common header up to and including the KEMAC "MAC alg" byte, i.e. the message
 * without its trailing 20 MAC bytes (as minisip computes it, {@code rawMessageLength() - 20}).
 *
 * <p>The sender encrypts first, then MACs. The receiver verifies over the bytes exactly as received (never
 * a re-encoding) and decrypts only if {@link #verify} answered {@code true}. Verification compares in
 * constant time, and a MAC of the wrong length is {@code false}, never an exception.
 *
 * <pre>{@code
 * Bytes macInput = received.slice(0, received.length() - KemacMac.LENGTH);
 * Bytes mac = received.slice(received.length() - KemacMac.LENGTH, KemacMac.LENGTH);
 * boolean authentic = KemacMac.verify(suite, keys.authenticationKey(), macInput, mac);
 * }</pre>
 *
 * <p>Every method throws {@link IllegalArgumentException} if {@code authKey} is not 20 bytes (a programming
 * error, such as passing encr_key).
 */
public final class KemacMac {

    /** MAC length of HMAC-SHA-1-160 in bytes. */
    public static final int LENGTH = HmacSha1160.MAC_LENGTH;

    private static final String WHERE = "KEMAC MAC";

    private KemacMac() {
    }

    /** The 20-byte MAC over {@code macInput}. */
    public static Bytes compute(CryptoSuite suite, SecretBytes authKey, Bytes macInput) {
        byte[] input = macInput.toByteArray();
        return Bytes.wrap(suite.hmacSha1(HmacSha1160.authKey(authKey, WHERE), input, 0, input.length));
    }

    /**
     * The 20-byte MAC over {@code length} bytes of {@code message} from {@code offset}, without copying
     * (for an encoder holding the message in its own array).
     *
     * @throws IllegalArgumentException if the slice is outside {@code message}
     */
    public static byte[] compute(CryptoSuite suite, SecretBytes authKey, byte[] message, int offset, int length) {
        return suite.hmacSha1(HmacSha1160.authKey(authKey, WHERE), message, offset, length);
    }

    /** Whether {@code mac} is the MAC of {@code macInput}; constant time; {@code false} for a wrong length. */
    public static boolean verify(CryptoSuite suite, SecretBytes authKey, Bytes macInput, Bytes mac) {
        Objects.requireNonNull(mac, "mac");
        byte[] input = macInput.toByteArray();
        return HmacSha1160.matches(compute(suite, authKey, input, 0, input.length), mac.toByteArray());
    }

    /**
     * Whether {@code mac} is the MAC of {@code length} bytes of {@code message} from {@code offset}; constant
     * time; {@code false} for a wrong length.
     *
     * @throws IllegalArgumentException if the slice is outside {@code message}
     */
    public static boolean verify(CryptoSuite suite, SecretBytes authKey, byte[] message, int offset, int length,
                                 byte[] mac) {
        Objects.requireNonNull(mac, "mac");
        return HmacSha1160.matches(compute(suite, authKey, message, offset, length), mac);
    }
}
