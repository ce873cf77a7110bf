package org.mbmskeys.mbms.mikey.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mbmskeys.engine.bytes.Bytes;
import org.mbmskeys.engine.bytes.SecretBytes;

/**
 * {@link KemacKeys}: one call derives the three §4.1.4 keys. Expected values are the <b>[SELF]</b> regression
 * values of {@code vectors/mikey-prf.json} (16-byte inkey case), not official vectors.
 */
class KemacKeysTest {

    private static final SecretBytes MUK = SecretBytes.ofHex("000102030405060708090a0b0c0d0e0f");
    private static final int CSB_ID = 0x01020304;
    private static final Bytes RAND = Bytes.ofHex("101112131415161718191a1b1c1d1e1f");

    @ParameterizedTest(name = "{0}")
    @MethodSource(Suites.BOTH)
    void deriveGivesEncrAuthAndSaltKeysOfTheVectorFile(CryptoSuite suite) {
        KemacKeys keys = KemacKeys.derive(suite, MUK, CSB_ID, RAND);

        assertThat(keys.encryptionKey().revealHex()).isEqualTo("d0fe800a31aa671a9fda5009c60a1114");
        assertThat(keys.authenticationKey().revealHex()).isEqualTo("5128fbd4045393bd34d9ffca7e877700781330e8");
        assertThat(keys.saltingKey().revealHex()).isEqualTo("4eacad003f487312d9d8d8e6c513");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(Suites.BOTH)
    void destroyZeroesAllThreeKeysAndLeavesTheMukAlone(CryptoSuite suite) {
        KemacKeys keys = KemacKeys.derive(suite, MUK, CSB_ID, RAND);

        keys.destroy();

        assertThat(keys.isDestroyed()).isTrue();
        assertThatThrownBy(() -> keys.authenticationKey().revealHex()).isInstanceOf(IllegalStateException.class);
        assertThat(MUK.isDestroyed()).isFalse();
        assertThat(keys).hasToString("KemacKeys[encr_key 16 bytes, auth_key 20 bytes, salt_key 14 bytes, destroyed]");
    }

    @Test
    void ofRejectsAKeyOfTheWrongLengthNamingIt() {
        SecretBytes k16 = SecretBytes.of(new byte[16]);
        SecretBytes k20 = SecretBytes.of(new byte[20]);
        SecretBytes k14 = SecretBytes.of(new byte[14]);

        assertThat(KemacKeys.of(k16, k20, k14).saltingKey()).isSameAs(k14);
        assertThatThrownBy(() -> KemacKeys.of(k16, k16, k14))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("KEMAC auth_key must be 20 bytes (RFC 3830 §4.1.4), got 16");
        assertThatThrownBy(() -> KemacKeys.of(k16, k20, k16))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("KEMAC salt_key must be 14 bytes (RFC 3830 §4.1.4), got 16");
    }
}
