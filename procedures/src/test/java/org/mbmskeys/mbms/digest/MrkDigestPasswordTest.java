package org.mbmskeys.mbms.digest;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.mbmskeys.engine.bytes.SecretBytes;

/**
 * base64(MRK) as the Digest password (PROFILE.md §4.3, UNCONFIRMED for MBMS). Vector: the 256-bit key
 * {@code ks_ext_naf} of {@code vectors/gba.json} and its base64 from PROFILE.md §5.3 [SELF, regression
 * value, not official]; used here only as 32 key bytes.
 */
class MrkDigestPasswordTest {

    private static final String KS_EXT_NAF = "ac989d60aad1969639e2073bf7ff93c1c652ea91b627a95a1c1e3ab1a836c48c";

    @Test
    void passwordIsPaddedStandardBase64OfTheMrkAsAscii() {
        SecretBytes password = MrkDigestPassword.derive(SecretBytes.ofHex(KS_EXT_NAF));

        assertThat(new String(password.copyBytes(), US_ASCII)).isEqualTo("rJidYKrRlpY54gc79/+TwcZS6pG2J6laHB46sag2xIw=");
    }

    @Test
    void a128BitMrkGivesA24CharacterPassword() {
        SecretBytes password = MrkDigestPassword.derive(SecretBytes.ofHex("000102030405060708090a0b0c0d0e0f"));

        assertThat(new String(password.copyBytes(), US_ASCII)).isEqualTo("AAECAwQFBgcICQoLDA0ODw==");
    }

    @Test
    void passwordPrintsOnlyItsLength() {
        assertThat(MrkDigestPassword.derive(SecretBytes.ofHex(KS_EXT_NAF))).hasToString("SecretBytes[44 bytes]");
    }

    @Test
    void theMrkIsLeftIntact() {
        SecretBytes mrk = SecretBytes.ofHex(KS_EXT_NAF);
        MrkDigestPassword.derive(mrk);

        assertThat(mrk.revealHex()).isEqualTo(KS_EXT_NAF);
    }

    @Test
    void emptyMrkIsRefused() {
        assertThatThrownBy(() -> MrkDigestPassword.derive(SecretBytes.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("MRK must not be empty");
    }
}
