package org.mbmskeys.mbms.mikey.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mbmskeys.engine.bytes.Bytes;
import org.mbmskeys.engine.bytes.Hex;
import org.mbmskeys.engine.bytes.SecretBytes;
import org.mbmskeys.mbms.keys.TimestampCounter;

/**
 * Verification (ACK) MAC (RFC 3830 §5.2, TS 33.246 §6.4.5.2; input layout in {@link VerificationMacInput},
 * its residual doubt is U16). The auth_key is derived from the <b>[SELF]</b> 16-byte MUK of vectors/mikey-prf.json
 * with the MSK message's CSB ID and RAND; expected MACs come from {@link Reference} (javax.crypto).
 */
class VerificationMacTest {

    private static final SecretBytes MUK = SecretBytes.ofHex("000102030405060708090a0b0c0d0e0f");
    private static final int MSK_CSB_ID = 0x01020304;
    private static final Bytes MSK_RAND = Bytes.ofHex("101112131415161718191a1b1c1d1e1f");
    private static final TimestampCounter MSK_COUNTER = TimestampCounter.of(42);

    private static final Bytes IDI = Bytes.ofHex("626d73632e6f70");   // "bmsc.op", ID data of the MSK message's IDi
    private static final Bytes IDR = Bytes.ofHex("756540627366");     // "ue@bsf", ID data of its IDr

    /** An ACK (TS 33.246 §6.4.5.2: HDR, T, IDr, V) without its 20 MAC bytes. */
    private static final Bytes ACK_WITHOUT_MAC = Hex.annotated("""
            01 01 05 00    # HDR: version 1, data type 1 (verification), next payload T, V=0 | PRF MIKEY-1
            01020304       # CSB ID of the MSK message
            00 01          # #CS 0, empty map
            06 02 0000002a # T (next ID): COUNTER 42, echoed from the MSK message
            09 01 0006 756540627366    # IDr (next V): URI, 6 bytes
            00 01          # V: last payload, Auth alg HMAC-SHA-1-160
            """);

    @Test
    void macInputIsAckThenIdiThenIdrThenFourByteCounter() {
        assertThat(VerificationMacInput.of(ACK_WITHOUT_MAC, IDI, IDR, TimestampCounter.of(0xA1B2C3D4L)))
                .isEqualTo(ACK_WITHOUT_MAC.concat(Hex.annotated("""
                        626d73632e6f70    # IDi data
                        756540627366      # IDr data
                        a1b2c3d4          # T value: the 32-bit COUNTER, big-endian, 4 bytes
                        """)));
    }

    /** U16: the three other readings a peer may MAC under: T padded to 8 bytes, and the identities left out. */
    @Test
    void theOtherReadingsPadTheCounterOrLeaveTheIdentitiesOut() {
        TimestampCounter t = TimestampCounter.of(0xA1B2C3D4L);

        assertThat(VerificationMacInput.of(ACK_WITHOUT_MAC, IDI, IDR, t, VerificationMacInput.Reading.IDS_AND_COUNTER_64))
                .isEqualTo(ACK_WITHOUT_MAC.concat(Bytes.ofHex("626d73632e6f70" + "756540627366" + "00000000a1b2c3d4")));
        assertThat(VerificationMacInput.of(ACK_WITHOUT_MAC, IDI, IDR, t, VerificationMacInput.Reading.COUNTER_32))
                .isEqualTo(ACK_WITHOUT_MAC.concat(Bytes.ofHex("a1b2c3d4")));
        assertThat(VerificationMacInput.of(ACK_WITHOUT_MAC, IDI, IDR, t, VerificationMacInput.Reading.COUNTER_64))
                .isEqualTo(ACK_WITHOUT_MAC.concat(Bytes.ofHex("00000000a1b2c3d4")));
        assertThat(VerificationMacInput.Reading.SENT).isEqualTo(VerificationMacInput.Reading.IDS_AND_COUNTER_32);
    }

    /** The BM-SC hears an ACK MACed under any reading, names it, and still refuses a wrong MAC under all four. */
    @ParameterizedTest(name = "{0}")
    @MethodSource(Suites.BOTH)
    void anAckMacedUnderAnyReadingIsRecognisedAndAWrongOneUnderNone(CryptoSuite suite) {
        SecretBytes authKey = KemacKeys.derive(suite, MUK, MSK_CSB_ID, MSK_RAND).authenticationKey();
        byte[] key = Hex.decode("5128fbd4045393bd34d9ffca7e877700781330e8");

        for (VerificationMacInput.Reading reading : VerificationMacInput.Reading.values()) {
            Bytes mac = Bytes.wrap(Reference.hmacSha1(key,
                    VerificationMacInput.of(ACK_WITHOUT_MAC, IDI, IDR, MSK_COUNTER, reading).toByteArray()));

            assertThat(VerificationMac.readingOf(suite, authKey, ACK_WITHOUT_MAC, IDI, IDR, MSK_COUNTER, mac))
                    .as("%s", reading).contains(reading);
            assertThat(VerificationMac.readingOf(suite, authKey, ACK_WITHOUT_MAC, IDI, IDR, MSK_COUNTER.next(), mac))
                    .as("%s under another counter", reading).isEmpty();
            assertThat(VerificationMac.readingOf(suite, authKey, ACK_WITHOUT_MAC, IDI, IDR, MSK_COUNTER,
                    mac.withByteXored(0, 1))).as("%s with a flipped bit", reading).isEmpty();
        }
        assertThat(VerificationMac.readingOf(suite, authKey, ACK_WITHOUT_MAC, IDI, IDR, MSK_COUNTER, Bytes.empty())).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(Suites.BOTH)
    void macIsHmacSha1OverTheLayoutUnderTheAuthKeyOfTheMskMessage(CryptoSuite suite) {
        SecretBytes authKey = KemacKeys.derive(suite, MUK, MSK_CSB_ID, MSK_RAND).authenticationKey();

        Bytes mac = VerificationMac.compute(suite, authKey, ACK_WITHOUT_MAC, IDI, IDR, MSK_COUNTER);

        byte[] layout = Reference.concat(ACK_WITHOUT_MAC.toByteArray(), IDI.toByteArray(), IDR.toByteArray(),
                Hex.decode("0000002a"));
        assertThat(mac.toByteArray()).hasSize(VerificationMac.LENGTH).isEqualTo(
                Reference.hmacSha1(Hex.decode("5128fbd4045393bd34d9ffca7e877700781330e8"), layout));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(Suites.BOTH)
    void rightMacIsAcceptedAndEveryFlippedMacBitIsRejected(CryptoSuite suite) {
        SecretBytes authKey = KemacKeys.derive(suite, MUK, MSK_CSB_ID, MSK_RAND).authenticationKey();
        Bytes mac = VerificationMac.compute(suite, authKey, ACK_WITHOUT_MAC, IDI, IDR, MSK_COUNTER);

        assertThat(VerificationMac.verify(suite, authKey, ACK_WITHOUT_MAC, IDI, IDR, MSK_COUNTER, mac)).isTrue();
        for (int bit = 0; bit < 160; bit++) {
            Bytes flipped = mac.withByteXored(bit / 8, 1 << (bit % 8));
            assertThat(VerificationMac.verify(suite, authKey, ACK_WITHOUT_MAC, IDI, IDR, MSK_COUNTER, flipped))
                    .as("MAC bit %d flipped", bit).isFalse();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(Suites.BOTH)
    void everyCoveredFieldChangeIsRejected(CryptoSuite suite) {
        SecretBytes authKey = KemacKeys.derive(suite, MUK, MSK_CSB_ID, MSK_RAND).authenticationKey();
        Bytes mac = VerificationMac.compute(suite, authKey, ACK_WITHOUT_MAC, IDI, IDR, MSK_COUNTER);
        int last = ACK_WITHOUT_MAC.length() - 1;

        for (int bit = 0; bit < 8; bit++) {
            assertThat(VerificationMac.verify(suite, authKey, ACK_WITHOUT_MAC.withByteXored(last, 1 << bit), IDI, IDR,
                    MSK_COUNTER, mac)).as("Auth alg byte, bit %d", bit).isFalse();
        }
        assertThat(VerificationMac.verify(suite, authKey, ACK_WITHOUT_MAC, IDI.withByteXored(6, 1), IDR, MSK_COUNTER,
                mac)).as("IDi").isFalse();
        assertThat(VerificationMac.verify(suite, authKey, ACK_WITHOUT_MAC, IDI, IDR.withByteXored(0, 1), MSK_COUNTER,
                mac)).as("IDr").isFalse();
        assertThat(VerificationMac.verify(suite, authKey, ACK_WITHOUT_MAC, IDI, IDR, MSK_COUNTER.next(), mac))
                .as("counter").isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(Suites.BOTH)
    void authKeyFromAnotherCsbIdOrRandIsRejected(CryptoSuite suite) {
        Bytes mac = VerificationMac.compute(suite,
                KemacKeys.derive(suite, MUK, MSK_CSB_ID, MSK_RAND).authenticationKey(),
                ACK_WITHOUT_MAC, IDI, IDR, MSK_COUNTER);

        SecretBytes otherCsb = KemacKeys.derive(suite, MUK, MSK_CSB_ID + 1, MSK_RAND).authenticationKey();
        SecretBytes otherRand = KemacKeys.derive(suite, MUK, MSK_CSB_ID, MSK_RAND.withByteXored(0, 1))
                .authenticationKey();
        assertThat(VerificationMac.verify(suite, otherCsb, ACK_WITHOUT_MAC, IDI, IDR, MSK_COUNTER, mac)).isFalse();
        assertThat(VerificationMac.verify(suite, otherRand, ACK_WITHOUT_MAC, IDI, IDR, MSK_COUNTER, mac)).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(Suites.BOTH)
    void macOfTheWrongLengthIsFalseNotAnException(CryptoSuite suite) {
        SecretBytes authKey = KemacKeys.derive(suite, MUK, MSK_CSB_ID, MSK_RAND).authenticationKey();
        Bytes mac = VerificationMac.compute(suite, authKey, ACK_WITHOUT_MAC, IDI, IDR, MSK_COUNTER);

        assertThat(VerificationMac.verify(suite, authKey, ACK_WITHOUT_MAC, IDI, IDR, MSK_COUNTER, mac.slice(0, 12)))
                .isFalse();
        assertThat(VerificationMac.verify(suite, authKey, ACK_WITHOUT_MAC, IDI, IDR, MSK_COUNTER, Bytes.empty()))
                .isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(Suites.BOTH)
    void wrongKeyLengthIsAProgrammingErrorNamingTheVMac(CryptoSuite suite) {
        assertThatThrownBy(() -> VerificationMac.compute(suite, MUK, ACK_WITHOUT_MAC, IDI, IDR, MSK_COUNTER))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("verification (V) MAC: auth_key must be 20 bytes");
    }
}
