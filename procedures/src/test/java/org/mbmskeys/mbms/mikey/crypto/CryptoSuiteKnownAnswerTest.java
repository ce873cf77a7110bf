package org.mbmskeys.mbms.mikey.crypto;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mbmskeys.engine.bytes.Hex;

/**
 * Official known-answer vectors, run against both suites:
 * <ul>
 *   <li>RFC 2202 §3 (HMAC-SHA-1): test cases 1, 2, 3, and 6 and 7 (80-byte keys, longer than a block);</li>
 *   <li>RFC 4231 §4.2, §4.3 (HMAC-SHA-256): test cases 1 and 2;</li>
 *   <li>NIST SP 800-38A Appendix F.5.1 (CTR-AES128.Encrypt), all four blocks.</li>
 * </ul>
 * The hex strings are laid out as in the documents so they can be compared by eye.
 */
class CryptoSuiteKnownAnswerTest {

    static Stream<Arguments> rfc2202() {
        return cross(
                Arguments.of("RFC 2202 test case 1", repeat(0x0b, 20), ascii("Hi There"),
                        "b617318655057264e28bc0b6fb378c8ef146be00"),
                Arguments.of("RFC 2202 test case 2", ascii("Jefe"), ascii("what do ya want for nothing?"),
                        "effcdf6ae5eb2fa2d27416d5f184df9c259a7c79"),
                Arguments.of("RFC 2202 test case 3", repeat(0xaa, 20), repeat(0xdd, 50),
                        "125d7342b9ac11cd91a39af48aa17b4f63f175d3"),
                Arguments.of("RFC 2202 test case 6 (80-byte key)", repeat(0xaa, 80),
                        ascii("Test Using Larger Than Block-Size Key - Hash Key First"),
                        "aa4ae5e15272d00e95705637ce8a3b55ed402112"),
                Arguments.of("RFC 2202 test case 7 (80-byte key, 73-byte data)", repeat(0xaa, 80),
                        ascii("Test Using Larger Than Block-Size Key and Larger Than One Block-Size Data"),
                        "e8e99d0f45237d786d6bbaa7965c7808bbff1a91"));
    }

    static Stream<Arguments> rfc4231() {
        return cross(
                Arguments.of("RFC 4231 test case 1", repeat(0x0b, 20), ascii("Hi There"),
                        "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7"),
                Arguments.of("RFC 4231 test case 2", ascii("Jefe"), ascii("what do ya want for nothing?"),
                        "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("rfc2202")
    void hmacSha1MatchesRfc2202(CryptoSuite suite, String vector, byte[] key, byte[] data, String expected) {
        assertThat(Hex.encode(suite.hmacSha1(key, data, 0, data.length))).as("slice form").isEqualTo(expected);
        assertThat(Hex.encode(suite.hmacSha1(key, data))).as("parts form").isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("rfc4231")
    void hmacSha256MatchesRfc4231(CryptoSuite suite, String vector, byte[] key, byte[] data, String expected) {
        assertThat(Hex.encode(suite.hmacSha256(key, data, 0, data.length))).as("slice form").isEqualTo(expected);
        assertThat(Hex.encode(suite.hmacSha256(key, data))).as("parts form").isEqualTo(expected);
    }

    /** NIST SP 800-38A F.5.1; the counter's low bytes fcfdfeff → fcfdff00 carry across a byte boundary. */
    private static final byte[] NIST_KEY = Hex.decode("2b7e151628aed2a6abf7158809cf4f3c");
    private static final byte[] NIST_INIT_COUNTER = Hex.decode("f0f1f2f3f4f5f6f7f8f9fafbfcfdfeff");
    private static final String[] NIST_PLAINTEXT = {
        "6bc1bee22e409f96e93d7e117393172a",
        "ae2d8a571e03ac9c9eb76fac45af8e51",
        "30c81c46a35ce411e5fbc1191a0a52ef",
        "f69f2445df4f9b17ad2b417be66c3710",
    };
    private static final String[] NIST_CIPHERTEXT = {
        "874d6191b620e3261bef6864990db6ce",
        "9806f66b7970fdff8617187bb9fffdff",
        "5ae4df3edbd5d35e5b4f09020db03eab",
        "1e031dda2fbe03d1792170a0f3009cee",
    };

    @ParameterizedTest(name = "{0}")
    @MethodSource(Suites.BOTH)
    void aesCtrMatchesNistSp80038aF51AllFourBlocks(CryptoSuite suite) {
        byte[] plaintext = Hex.decode(String.join("", NIST_PLAINTEXT));

        byte[] ciphertext = suite.aesCtr(NIST_KEY, NIST_INIT_COUNTER, plaintext, 0, plaintext.length);

        for (int block = 0; block < 4; block++) {
            assertThat(Hex.encode(Arrays.copyOfRange(ciphertext, 16 * block, 16 * block + 16)))
                    .as("F.5.1 block #%d", block + 1).isEqualTo(NIST_CIPHERTEXT[block]);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(Suites.BOTH)
    void aesCtrDecryptionIsTheSameOperationNistSp80038aF52(CryptoSuite suite) {
        byte[] ciphertext = Hex.decode(String.join("", NIST_CIPHERTEXT));

        byte[] plaintext = suite.aesCtr(NIST_KEY, NIST_INIT_COUNTER, ciphertext, 0, ciphertext.length);

        assertThat(Hex.encode(plaintext)).isEqualTo(String.join("", NIST_PLAINTEXT));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(Suites.BOTH)
    void aesCtrOnASliceEncryptsOnlyThatSliceFromTheFirstCounterBlock(CryptoSuite suite) {
        byte[] framed = Hex.decode("eeee" + NIST_PLAINTEXT[0] + NIST_PLAINTEXT[1] + "ffffff");

        byte[] ciphertext = suite.aesCtr(NIST_KEY, NIST_INIT_COUNTER, framed, 2, 32);

        assertThat(Hex.encode(ciphertext)).isEqualTo(NIST_CIPHERTEXT[0] + NIST_CIPHERTEXT[1]);
    }

    private static Stream<Arguments> cross(Arguments... vectors) {
        return Suites.both().flatMap(suite -> Stream.of(vectors).map(v -> {
            Object[] a = v.get();
            return Arguments.of(suite, a[0], a[1], a[2], a[3]);
        }));
    }

    private static byte[] repeat(int value, int count) {
        byte[] out = new byte[count];
        Arrays.fill(out, (byte) value);
        return out;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(US_ASCII);
    }
}
