package org.mbmskeys.mbms.mikey.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mbmskeys.engine.bytes.Bytes;
import org.mbmskeys.engine.bytes.Hex;
import org.mbmskeys.engine.bytes.SecretBytes;
import org.mbmskeys.mbms.keys.TimestampCounter;

/**
 * AES-CM-128 of the KEMAC (RFC 3830 §4.2.3) with the COUNTER padded to the IV's 64-bit T
 * ({@link CounterIvPolicy}, RFC 3830 §6.6; U6 in docs/wire-profile.md).
 *
 * <p>Keys are the <b>[SELF]</b> 16-byte-inkey keys of vectors/mikey-prf.json. The IVs and ciphertexts pinned here are
 * <b>self-computed</b> in this change with Python ({@code cryptography} AES-CTR, IV built by hand from the RFC
 * formula) and agree with javax.crypto fed the annotated IV; they are regression values, not official vectors.
 */
class KemacCipherTest {

    private static final int CSB_ID = 0x01020304;
    private static final TimestampCounter COUNTER = TimestampCounter.of(0xDEADBEEFL);
    private static final KemacKeys KEYS = KemacKeys.of(
            SecretBytes.ofHex("d0fe800a31aa671a9fda5009c60a1114"),
            SecretBytes.ofHex("5128fbd4045393bd34d9ffca7e877700781330e8"),
            SecretBytes.ofHex("4eacad003f487312d9d8d8e6c513"));

    /** IV for salt_key 4eacad003f487312d9d8d8e6c513, CSB ID 0x01020304, COUNTER 0xdeadbeef. */
    private static final Bytes GOLDEN_IV = Hex.annotated("""
            4e ac          # salt[0..1] XOR 0x0000
            ac 02 3c 4c    # salt[2..5] ad003f48 XOR CSB ID 01020304
            73 12 d9 d8    # salt[6..9] XOR 00000000: COUNTER zero-extended, high half of T
            06 4b 7b fc    # salt[10..13] d8e6c513 XOR COUNTER deadbeef: low half of T
            00 00          # 0x0000: the block counter starts at 0
            """);

    /** A KEMAC plaintext in the shape of a Key data sub-payload (content does not matter to AES-CM). */
    private static final byte[] KEY_DATA = Hex.annotated("""
            00                                  # next payload: last
            02                                  # Type TEK (2) | KV Null (0)
            0010                                # key data len 16
            00112233445566778899aabbccddeeff    # key
            0004 00010002                       # 6 more bytes, to end inside the second block
            """).toByteArray();

    @Test
    void ivFollowsRfc3830WithTheCounterZeroExtendedToSixtyFourBits() {
        byte[] iv = AesCmIv.of(KEYS.saltingKey().copyBytes(), CSB_ID, CounterIvPolicy.ivTimestamp(COUNTER));

        assertThat(Bytes.wrap(iv)).isEqualTo(GOLDEN_IV);
    }

    @Test
    void counterPolicyPutsTheCounterInTheLowThirtyTwoBitsOfT() {
        assertThat(CounterIvPolicy.ivTimestamp(TimestampCounter.of(0xFFFFFFFFL))).isEqualTo(0x0000_0000_FFFF_FFFFL);
        assertThat(CounterIvPolicy.ivTimestamp(TimestampCounter.of(0))).isZero();
    }

    @Test
    void ivRejectsASaltThatIsNot112Bits() {
        assertThatThrownBy(() -> AesCmIv.of(new byte[16], CSB_ID, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("AES-CM salt_key must be 14 bytes (112 bits, RFC 3830 §4.2.3), got 16");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(Suites.BOTH)
    void encryptionIsAesCtrUnderTheGoldenIv(CryptoSuite suite) {
        byte[] ciphertext = KemacCipher.encrypt(suite, KEYS, CSB_ID, COUNTER, KEY_DATA);

        assertThat(ciphertext)
                .isEqualTo(Reference.aesCtr(KEYS.encryptionKey().copyBytes(), GOLDEN_IV.toByteArray(), KEY_DATA));
        assertThat(Hex.encode(ciphertext)).isEqualTo("1b8089e6ea5585f479b4d58b0f9d1be4be76cd7e4421897a29cb");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(Suites.BOTH)
    void decryptionRestoresThePlaintext(CryptoSuite suite) {
        Random random = new Random(3830);
        for (int length = 0; length <= 80; length++) {
            byte[] plaintext = new byte[length];
            random.nextBytes(plaintext);

            byte[] ciphertext = KemacCipher.encrypt(suite, KEYS, CSB_ID, COUNTER, plaintext);

            assertThat(ciphertext).hasSize(length);
            assertThat(KemacCipher.decrypt(suite, KEYS, CSB_ID, COUNTER, ciphertext)).isEqualTo(plaintext);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(Suites.BOTH)
    void decryptingTheEncrDataFieldInPlaceEqualsDecryptingACopy(CryptoSuite suite) {
        byte[] ciphertext = KemacCipher.encrypt(suite, KEYS, CSB_ID, COUNTER, KEY_DATA);
        byte[] message = new byte[7 + ciphertext.length + 21];
        System.arraycopy(ciphertext, 0, message, 7, ciphertext.length);

        assertThat(KemacCipher.decrypt(suite, KEYS, CSB_ID, COUNTER, message, 7, ciphertext.length))
                .isEqualTo(KEY_DATA);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(Suites.BOTH)
    void aCounterEqualsTheNtpFormWithTheSameSixtyFourBitValue(CryptoSuite suite) {
        assertThat(KemacCipher.encrypt(suite, KEYS, CSB_ID, COUNTER, KEY_DATA))
                .isEqualTo(KemacCipher.encryptNtp(suite, KEYS, CSB_ID, 0x0000_0000_DEAD_BEEFL, KEY_DATA));
        assertThat(KemacCipher.encryptNtp(suite, KEYS, CSB_ID, 0xDEAD_BEEF_0000_0000L, KEY_DATA))
                .as("a counter in the high half of T would be a different IV")
                .isNotEqualTo(KemacCipher.encrypt(suite, KEYS, CSB_ID, COUNTER, KEY_DATA));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(Suites.BOTH)
    void ntpTimestampsRoundTrip(CryptoSuite suite) {
        long ntp = 0xE7A1_B2C3_D4E5_F607L;   // all 64 bits used

        byte[] ciphertext = KemacCipher.encryptNtp(suite, KEYS, CSB_ID, ntp, KEY_DATA);

        assertThat(KemacCipher.decryptNtp(suite, KEYS, CSB_ID, ntp, ciphertext)).isEqualTo(KEY_DATA);
        assertThat(KemacCipher.decryptNtp(suite, KEYS, CSB_ID, ntp ^ (1L << 63), ciphertext)).isNotEqualTo(KEY_DATA);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(Suites.BOTH)
    void aChangedCounterChangesTheCiphertext(CryptoSuite suite) {
        byte[] base = KemacCipher.encrypt(suite, KEYS, CSB_ID, COUNTER, KEY_DATA);

        assertThat(KemacCipher.encrypt(suite, KEYS, CSB_ID, COUNTER.next(), KEY_DATA)).isNotEqualTo(base);
        assertThat(KemacCipher.decrypt(suite, KEYS, CSB_ID, COUNTER.next(), base)).isNotEqualTo(KEY_DATA);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(Suites.BOTH)
    void aChangedCsbIdChangesTheCiphertext(CryptoSuite suite) {
        byte[] base = KemacCipher.encrypt(suite, KEYS, CSB_ID, COUNTER, KEY_DATA);

        for (int bit = 0; bit < 32; bit++) {
            assertThat(KemacCipher.encrypt(suite, KEYS, CSB_ID ^ (1 << bit), COUNTER, KEY_DATA))
                    .as("CSB ID bit %d", bit).isNotEqualTo(base);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(Suites.BOTH)
    void anEmptyEncrDataFieldStaysEmpty(CryptoSuite suite) {
        // solicited pull: KEMAC with Encr data len 0 (TS 33.246 §6.3.2.2.4)
        assertThat(KemacCipher.encrypt(suite, KEYS, CSB_ID, COUNTER, new byte[0])).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(Suites.BOTH)
    void thePlaintextArrayIsLeftUntouched(CryptoSuite suite) {
        byte[] plaintext = KEY_DATA.clone();

        KemacCipher.encrypt(suite, KEYS, CSB_ID, COUNTER, plaintext);

        assertThat(plaintext).isEqualTo(KEY_DATA);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(Suites.BOTH)
    void destroyedKeysAreRefused(CryptoSuite suite) {
        KemacKeys keys = KemacKeys.of(SecretBytes.of(new byte[16]), SecretBytes.of(new byte[20]),
                SecretBytes.of(new byte[14]));
        keys.destroy();

        assertThatThrownBy(() -> KemacCipher.encrypt(suite, keys, CSB_ID, COUNTER, KEY_DATA))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("secret was destroyed");
    }
}
