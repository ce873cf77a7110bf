package org.mbmskeys.mbms.digest;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.mbmskeys.engine.bytes.SecretBytes;
import org.mbmskeys.mbms.profile.Unconfirmed;

/**
 * base64(MRK) as the Digest password: TS 33.246 §6.2.1.3 "MRK (MBMS Request Key) is used as password" and
 * Annex H step 4 "the MRK (base64 encoded) as the password". Vectors: the Annex F MRK {@code mrk_mbms} and
 * the 256-bit key {@code ks_ext_naf} of {@code vectors/gba.json} (self-computed, not official).
 */
class MrkDigestPasswordTest {

    private static final String KS_EXT_NAF = "ac989d60aad1969639e2073bf7ff93c1c652ea91b627a95a1c1e3ab1a836c48c";

    @Test
    void passwordIsPaddedStandardBase64OfTheMrkAsAscii() {
        SecretBytes password = MrkDigestPassword.derive(SecretBytes.ofHex(KS_EXT_NAF));

        assertThat(new String(password.copyBytes(), US_ASCII)).isEqualTo("rJidYKrRlpY54gc79/+TwcZS6pG2J6laHB46sag2xIw=");
    }

    /** The ME-based MRK of the gba.json vector, KDF(Ks_NAF, "mbms-mrk") (Annex F), as the password. */
    @Test
    void theAnnexFMrkOfTheVectorGivesItsBase64AsPassword() {
        SecretBytes mrk = SecretBytes.ofHex("c0c7aab9d1ee79b93aa08461ec060b2c948bad87211b51b8f84267c63e5dcea4");

        assertThat(new String(MrkDigestPassword.derive(mrk).copyBytes(), US_ASCII))
                .isEqualTo("wMequdHuebk6oIRh7AYLLJSLrYchG1G4+EJnxj5dzqQ=");
    }

    /** TS 33.246 settles the password (§6.2.1.3, Annex H step 4), so it is not a marked project choice. */
    @Test
    void thePasswordRuleIsNotMarkedUnconfirmed() {
        assertThat(MrkDigestPassword.class.getAnnotation(Unconfirmed.class)).isNull();
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
