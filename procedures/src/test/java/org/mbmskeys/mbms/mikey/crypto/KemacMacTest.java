package org.mbmskeys.mbms.mikey.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mbmskeys.engine.bytes.Bytes;
import org.mbmskeys.engine.bytes.Hex;
import org.mbmskeys.engine.bytes.SecretBytes;

/**
 * KEMAC MAC, HMAC-SHA-1-160 over the message up to and including the KEMAC MAC alg byte (RFC 3830 §5.2).
 * Expected MACs come from {@link Reference} (javax.crypto HMAC-SHA-1 used directly); the auth_key is
 * the <b>[SELF]</b> 16-byte-inkey auth_key of vectors/mikey-prf.json.
 *
 * <p>Constant-time comparison is a code-review item ({@code HmacSha1160.matches} uses
 * {@code MessageDigest.isEqual}); what a test can show is that every wrong MAC, including one of the wrong
 * length, is a plain {@code false}.
 */
class KemacMacTest {

    private static final SecretBytes AUTH_KEY = SecretBytes.ofHex("5128fbd4045393bd34d9ffca7e877700781330e8");

    /** The MAC input of an MTK-message-like byte string: everything before the 20 MAC bytes. */
    private static final Bytes MAC_INPUT = Hex.annotated("""
            01 00 15 00    # HDR: version 1, PSK init, next payload EXT (21), V=0 | PRF MIKEY-1
            00f11000       # CSB ID
            00 01          # #CS 0, empty map
            05 03 0007 01 0004 00010002      # EXT (next T): type 3, len 7, Key ID type MSK, len 4, MSK ID
            0b 02 0000002a                   # T (next RAND): COUNTER 42
            01 10 101112131415161718191a1b1c1d1e1f   # RAND (next KEMAC)
            00 01 001a 1b8089e6ea5585f479b4d58b0f9d1be4be76cd7e4421897a29cb   # KEMAC: last, AES-CM, 26 bytes
            01             # MAC alg HMAC-SHA-1-160: the last byte the MAC covers
            """);

    @ParameterizedTest(name = "{0}")
    @MethodSource(Suites.BOTH)
    void macIsHmacSha1OfTheInputUnderAuthKey(CryptoSuite suite) {
        Bytes mac = KemacMac.compute(suite, AUTH_KEY, MAC_INPUT);

        assertThat(mac.toByteArray()).hasSize(KemacMac.LENGTH)
                .isEqualTo(Reference.hmacSha1(AUTH_KEY.copyBytes(), MAC_INPUT.toByteArray()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(Suites.BOTH)
    void rightMacOnTheReceivedBytesIsAccepted(CryptoSuite suite) {
        Bytes received = MAC_INPUT.concat(KemacMac.compute(suite, AUTH_KEY, MAC_INPUT));
        int macAt = received.length() - KemacMac.LENGTH;

        assertThat(KemacMac.verify(suite, AUTH_KEY, received.slice(0, macAt), received.slice(macAt, KemacMac.LENGTH)))
                .isTrue();
        byte[] raw = received.toByteArray();
        assertThat(KemacMac.verify(suite, AUTH_KEY, raw, 0, macAt, received.slice(macAt, 20).toByteArray())).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(Suites.BOTH)
    void everyFlippedMacBitIsRejected(CryptoSuite suite) {
        Bytes mac = KemacMac.compute(suite, AUTH_KEY, MAC_INPUT);

        for (int bit = 0; bit < 8 * KemacMac.LENGTH; bit++) {
            Bytes flipped = mac.withByteXored(bit / 8, 1 << (bit % 8));
            assertThat(KemacMac.verify(suite, AUTH_KEY, MAC_INPUT, flipped)).as("MAC bit %d flipped", bit).isFalse();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(Suites.BOTH)
    void everyFlippedBitOfTheMacAlgByteIsRejected(CryptoSuite suite) {
        Bytes mac = KemacMac.compute(suite, AUTH_KEY, MAC_INPUT);
        int last = MAC_INPUT.length() - 1;

        for (int bit = 0; bit < 8; bit++) {
            Bytes tampered = MAC_INPUT.withByteXored(last, 1 << bit);
            assertThat(KemacMac.verify(suite, AUTH_KEY, tampered, mac)).as("last input byte, bit %d", bit).isFalse();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(Suites.BOTH)
    void flippedFirstHeaderByteIsRejected(CryptoSuite suite) {
        Bytes mac = KemacMac.compute(suite, AUTH_KEY, MAC_INPUT);

        assertThat(KemacMac.verify(suite, AUTH_KEY, MAC_INPUT.withByteXored(0, 0x80), mac)).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(Suites.BOTH)
    void macOfTheWrongLengthIsFalseNotAnException(CryptoSuite suite) {
        Bytes mac = KemacMac.compute(suite, AUTH_KEY, MAC_INPUT);

        assertThat(KemacMac.verify(suite, AUTH_KEY, MAC_INPUT, mac.slice(0, 19))).as("19 bytes").isFalse();
        assertThat(KemacMac.verify(suite, AUTH_KEY, MAC_INPUT, mac.concat(Bytes.of((byte) 0)))).as("21 bytes").isFalse();
        assertThat(KemacMac.verify(suite, AUTH_KEY, MAC_INPUT, Bytes.empty())).as("empty").isFalse();
        assertThat(KemacMac.verify(suite, AUTH_KEY, MAC_INPUT.toByteArray(), 0, MAC_INPUT.length(), new byte[0]))
                .as("empty, array form").isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(Suites.BOTH)
    void macUnderAnotherAuthKeyIsRejected(CryptoSuite suite) {
        Bytes mac = KemacMac.compute(suite, AUTH_KEY, MAC_INPUT);
        SecretBytes otherKey = SecretBytes.of(AUTH_KEY.copyBytes());
        otherKey.unsafeArray()[19] ^= 1;

        assertThat(KemacMac.verify(suite, otherKey, MAC_INPUT, mac)).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(Suites.BOTH)
    void theSixteenByteEncrKeyInPlaceOfAuthKeyIsAProgrammingError(CryptoSuite suite) {
        SecretBytes encrKey = SecretBytes.ofHex("d0fe800a31aa671a9fda5009c60a1114");

        assertThatThrownBy(() -> KemacMac.compute(suite, encrKey, MAC_INPUT))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("KEMAC MAC: auth_key must be 20 bytes (HMAC-SHA-1-160, RFC 3830 §4.1.4), got 16; "
                        + "use KemacKeys.authenticationKey()");
    }
}
