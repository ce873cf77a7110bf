package org.mbmskeys.mbms.mikey.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mbmskeys.engine.bytes.Hex;

/**
 * The {@link CryptoSuite} contract apart from the algorithms themselves: slice and parts forms agree,
 * inputs are left untouched, wrong arguments fail the same way in both suites with a message that says
 * what is allowed. Expected values come from {@link Reference} (javax.crypto used directly).
 */
class CryptoSuiteContractTest {

    private static final byte[] KEY = Hex.decode("000102030405060708090a0b0c0d0e0f10111213");
    private static final byte[] MESSAGE = Hex.decode("0100150001020304000112233445566778899aabbccddeeff0");

    @ParameterizedTest(name = "{0}")
    @MethodSource(Suites.BOTH)
    void hmacOfASliceEqualsHmacOfThatPrefixCopied(CryptoSuite suite) {
        int length = MESSAGE.length - 5;
        byte[] prefix = Arrays.copyOf(MESSAGE, length);

        assertThat(suite.hmacSha1(KEY, MESSAGE, 0, length)).isEqualTo(Reference.hmacSha1(KEY, prefix));
        assertThat(suite.hmacSha256(KEY, MESSAGE, 0, length)).isEqualTo(Reference.hmacSha256(KEY, prefix));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(Suites.BOTH)
    void hmacOfPartsEqualsHmacOfTheirConcatenation(CryptoSuite suite) {
        byte[] a = Arrays.copyOfRange(MESSAGE, 0, 7);
        byte[] b = new byte[0];
        byte[] c = Arrays.copyOfRange(MESSAGE, 7, MESSAGE.length);

        assertThat(suite.hmacSha1(KEY, a, b, c)).isEqualTo(Reference.hmacSha1(KEY, MESSAGE));
        assertThat(suite.hmacSha256(KEY, a, b, c)).isEqualTo(Reference.hmacSha256(KEY, MESSAGE));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(Suites.BOTH)
    void hmacOfNoPartsIsHmacOfTheEmptyString(CryptoSuite suite) {
        assertThat(suite.hmacSha1(KEY)).isEqualTo(Reference.hmacSha1(KEY, new byte[0]));
        assertThat(suite.hmacSha1(KEY, MESSAGE, 3, 0)).isEqualTo(Reference.hmacSha1(KEY, new byte[0]));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(Suites.BOTH)
    void inputsAreNotModified(CryptoSuite suite) {
        byte[] key = KEY.clone();
        byte[] data = MESSAGE.clone();
        byte[] aesKey = Arrays.copyOf(KEY, 16);
        byte[] iv = Arrays.copyOf(MESSAGE, 16);

        suite.hmacSha1(key, data, 1, 10);
        suite.hmacSha256(key, data);
        suite.aesCtr(aesKey, iv, data, 0, data.length);

        assertThat(key).isEqualTo(KEY);
        assertThat(data).isEqualTo(MESSAGE);
        assertThat(aesKey).isEqualTo(Arrays.copyOf(KEY, 16));
        assertThat(iv).isEqualTo(Arrays.copyOf(MESSAGE, 16));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(Suites.BOTH)
    void aesCtrOfNothingIsEmpty(CryptoSuite suite) {
        assertThat(suite.aesCtr(new byte[16], new byte[16], MESSAGE, 4, 0)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(Suites.BOTH)
    void emptyHmacKeyIsRejectedInBothSuites(CryptoSuite suite) {
        assertThatThrownBy(() -> suite.hmacSha1(new byte[0], MESSAGE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("HMAC-SHA-1 key is empty; give at least one key byte");
        assertThatThrownBy(() -> suite.hmacSha256(new byte[0], MESSAGE, 0, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("HMAC-SHA-256 key is empty; give at least one key byte");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(Suites.BOTH)
    void sliceOutsideTheInputIsRejectedWithTheBounds(CryptoSuite suite) {
        assertThatThrownBy(() -> suite.hmacSha1(KEY, MESSAGE, 20, 6))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("slice offset 20, length 6 lies outside the 25-byte input; "
                        + "need 0 <= offset <= offset + length <= 25");
        assertThatThrownBy(() -> suite.hmacSha256(KEY, MESSAGE, -1, 2))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> suite.aesCtr(new byte[16], new byte[16], MESSAGE, 0, 26))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> suite.hmacSha1(KEY, MESSAGE, Integer.MAX_VALUE, 2))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(Suites.BOTH)
    void nullHmacPartIsRejectedWithItsIndex(CryptoSuite suite) {
        assertThatThrownBy(() -> suite.hmacSha1(KEY, MESSAGE, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("HMAC input part 1 of 2 is null");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(Suites.BOTH)
    void aesKeyAndIvMustBe16Bytes(CryptoSuite suite) {
        assertThatThrownBy(() -> suite.aesCtr(new byte[24], new byte[16], MESSAGE, 0, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("AES-128 key must be 16 bytes, got 24");
        assertThatThrownBy(() -> suite.aesCtr(new byte[16], new byte[12], MESSAGE, 0, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("AES-CTR initial counter block must be 16 bytes, got 12");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(Suites.BOTH)
    void aSuiteCanBeUsedAgainAfterARejectedCall(CryptoSuite suite) {
        assertThatThrownBy(() -> suite.hmacSha1(new byte[0], MESSAGE)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> suite.aesCtr(new byte[15], new byte[16], MESSAGE, 0, 1))
                .isInstanceOf(IllegalArgumentException.class);

        assertThat(suite.hmacSha1(KEY, MESSAGE)).isEqualTo(Reference.hmacSha1(KEY, MESSAGE));
        byte[] aesKey = Arrays.copyOf(KEY, 16);
        byte[] iv = Arrays.copyOf(MESSAGE, 16);
        assertThat(suite.aesCtr(aesKey, iv, MESSAGE, 0, MESSAGE.length))
                .isEqualTo(Reference.aesCtr(aesKey, iv, MESSAGE));
    }
}
