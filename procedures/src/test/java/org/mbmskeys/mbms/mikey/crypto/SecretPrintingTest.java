package org.mbmskeys.mbms.mikey.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mbmskeys.engine.bytes.Bytes;
import org.mbmskeys.engine.bytes.SecretBytes;
import org.mbmskeys.mbms.keys.TimestampCounter;

/** Types that hold key material print lengths, never key bytes; neither do the errors about keys. */
class SecretPrintingTest {

    private static final SecretBytes MUK = SecretBytes.ofHex("a1b2c3d4e5f60718293a4b5c6d7e8f90");
    private static final Bytes RAND = Bytes.ofHex("101112131415161718191a1b1c1d1e1f");

    @ParameterizedTest(name = "{0}")
    @MethodSource(Suites.BOTH)
    void kemacKeysPrintOnlyLengths(CryptoSuite suite) {
        KemacKeys keys = KemacKeys.derive(suite, MUK, 0x01020304, RAND);

        String printed = keys.toString();

        assertThat(printed).isEqualTo("KemacKeys[encr_key 16 bytes, auth_key 20 bytes, salt_key 14 bytes]");
        assertNoKeyHex(printed, keys.encryptionKey(), keys.authenticationKey(), keys.saltingKey(), MUK);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(Suites.BOTH)
    void prfInputAndPrfPrintTheLabelButNotTheInkey(CryptoSuite suite) {
        PrfInput input = PrfInput.kemacAuthenticationKey(MUK, 0x01020304, RAND);

        String printed = input + " " + MikeyPrf.mikey1(suite);

        assertThat(printed).contains("2d22ac75ff01020304", "SecretBytes[16 bytes]", suite.toString());
        assertNoKeyHex(printed, MUK, MikeyPrf.mikey1(suite).derive(input));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(Suites.BOTH)
    void errorsAboutAWrongKeyDoNotShowIt(CryptoSuite suite) {
        Throwable kemac = catchThrowable(() -> KemacMac.compute(suite, MUK, RAND));
        Throwable v = catchThrowable(() -> VerificationMac.verify(suite, MUK, RAND, RAND, RAND,
                TimestampCounter.of(1), RAND));
        Throwable aes = catchThrowable(() -> suite.aesCtr(MUK.slice(0, 15).copyBytes(), new byte[16], new byte[1], 0, 1));

        assertThat(kemac).isInstanceOf(IllegalArgumentException.class);
        assertThat(v).isInstanceOf(IllegalArgumentException.class);
        assertThat(aes).isInstanceOf(IllegalArgumentException.class);
        assertNoKeyHex(kemac.getMessage() + v.getMessage() + aes.getMessage(), MUK, MUK.slice(0, 15));
    }

    private static void assertNoKeyHex(String printed, SecretBytes... keys) {
        for (SecretBytes key : keys) {
            String hex = key.revealHex();
            for (int from = 0; from + 8 <= hex.length(); from += 2) {
                String window = hex.substring(from, from + 8);   // any 4 consecutive key bytes
                assertThat(printed).doesNotContain(window).doesNotContain(window.toUpperCase(Locale.ROOT));
            }
        }
    }
}
