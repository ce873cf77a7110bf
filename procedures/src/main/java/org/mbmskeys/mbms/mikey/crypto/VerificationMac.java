package org.mbmskeys.mbms.mikey.crypto;

import java.util.Objects;
import java.util.Optional;
import org.mbmskeys.engine.bytes.Bytes;
import org.mbmskeys.engine.bytes.SecretBytes;
import org.mbmskeys.mbms.keys.TimestampCounter;
import org.mbmskeys.mbms.mikey.crypto.VerificationMacInput.Reading;

/**
 * The MAC of the V payload in the MSK verification message ("MIKEY ACK", RFC 3830 §5.2, §6.9; TS 33.246
 * §6.3.2.3): HMAC-SHA-1-160 with the auth_key derived from the MUK with the CSB ID and RAND of the MSK
 * message being acknowledged ({@code KemacKeys.derive(suite, muk, mskCsbId, mskRand).authenticationKey()}),
 * over the input {@link VerificationMacInput} lays out (an unconfirmed project choice); {@link #verify} accepts any
 * of its four readings, this side's own tried first.
 *
 * <p>The BM-SC verifies over the ACK bytes exactly as received and compares in constant time; a MAC of the
 * wrong length is {@code false}, never an exception.
 *
 * <pre>{@code
 * Bytes v = VerificationMac.compute(suite, keys.authenticationKey(), ackWithoutMac, idi, idr, mskCounter);
 * }</pre>
 *
 * <p>Every method throws {@link IllegalArgumentException} if {@code authKey} is not 20 bytes (a programming
 * error, such as passing the MUK itself instead of the derived auth_key).
 */
public final class VerificationMac {

    /** MAC length of HMAC-SHA-1-160 in bytes. */
    public static final int LENGTH = HmacSha1160.MAC_LENGTH;

    private static final String WHERE = "verification (V) MAC";

    private VerificationMac() {
    }

    /**
     * The 20-byte V MAC.
     *
     * @param ackWithoutMac the encoded ACK up to and including the V payload's Auth alg byte
     * @param idi           ID data of the MSK message's IDi payload
     * @param idr           ID data of the MSK message's IDr payload
     * @param counter       the COUNTER of the MSK message acknowledged
     */
    public static Bytes compute(CryptoSuite suite, SecretBytes authKey, Bytes ackWithoutMac, Bytes idi, Bytes idr,
                                TimestampCounter counter) {
        return Bytes.wrap(mac(suite, authKey, ackWithoutMac, idi, idr, counter, Reading.SENT));
    }

    /**
     * Whether {@code mac} is the V MAC of the given ACK under any {@link Reading} of its input ({@link #readingOf});
     * constant time per reading; {@code false} for a wrong length.
     */
    public static boolean verify(CryptoSuite suite, SecretBytes authKey, Bytes ackWithoutMac, Bytes idi, Bytes idr,
                                 TimestampCounter counter, Bytes mac) {
        return readingOf(suite, authKey, ackWithoutMac, idi, idr, counter, mac).isPresent();
    }

    /**
     * The reading of the MAC input under which {@code mac} verifies, trying this side's own first and the other
     * three of {@link Reading} only if it fails (the texts leave the input open, U16); empty if none does. Each
     * comparison is constant time; a MAC of the wrong length matches none.
     */
    public static Optional<Reading> readingOf(CryptoSuite suite, SecretBytes authKey, Bytes ackWithoutMac, Bytes idi,
                                              Bytes idr, TimestampCounter counter, Bytes mac) {
        Objects.requireNonNull(mac, "mac");
        HmacSha1160.authKey(authKey, WHERE);   // a wrong key is the caller's mistake, whatever the MAC
        if (mac.length() != HmacSha1160.MAC_LENGTH) {
            return Optional.empty();   // lengths are public: no reading can match, so no HMAC is computed
        }
        byte[] received = mac.toByteArray();
        for (Reading reading : Reading.values()) {
            if (HmacSha1160.matches(mac(suite, authKey, ackWithoutMac, idi, idr, counter, reading), received)) {
                return Optional.of(reading);
            }
        }
        return Optional.empty();
    }

    private static byte[] mac(CryptoSuite suite, SecretBytes authKey, Bytes ackWithoutMac, Bytes idi, Bytes idr,
                              TimestampCounter counter, Reading reading) {
        byte[] key = HmacSha1160.authKey(authKey, WHERE);
        byte[] input = VerificationMacInput.layout(ackWithoutMac, idi, idr, counter, reading);
        return suite.hmacSha1(key, input, 0, input.length);
    }
}
