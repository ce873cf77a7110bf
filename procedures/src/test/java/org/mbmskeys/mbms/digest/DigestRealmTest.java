package org.mbmskeys.mbms.digest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mbmskeys.mbms.profile.Unconfirmed;

/**
 * GBA realms: TS 33.246 Annex H step 2 ("3GPP-bootstrapping" "@" FQDN of the BM-SC); the GBA_U form is a
 * project choice pending TS 24.109 (U8).
 */
class DigestRealmTest {

    @Test
    void gbaMeRealmNamesTheBmscFqdn() {
        assertThat(DigestRealm.gbaMe("bmsc.example.org").value()).isEqualTo("3GPP-bootstrapping@bmsc.example.org");
    }

    @Test
    void gbaURealmUsesTheUiccPrefix() {
        assertThat(DigestRealm.gbaU("bmsc.example.org").value()).isEqualTo("3GPP-bootstrapping-uicc@bmsc.example.org");
    }

    @Test
    void theGbaUPrefixIsTheMarkedU8Choice() throws NoSuchFieldException {
        Unconfirmed marker = DigestRealm.class.getDeclaredField("GBA_U_PREFIX").getAnnotation(Unconfirmed.class);

        assertThat(marker).isNotNull();
        assertThat(marker.value()).startsWith("U8: realm prefix for GBA_U, TS 24.109 not read; ");
        assertThat(DigestRealm.class.getDeclaredField("GBA_ME_PREFIX").getAnnotation(Unconfirmed.class)).isNull();
    }

    @Test
    void realmsCompareByExactText() {
        assertThat(DigestRealm.gbaMe("bmsc.example.org")).isEqualTo(DigestRealm.of("3GPP-bootstrapping@bmsc.example.org"))
                .isNotEqualTo(DigestRealm.gbaMe("BMSC.example.org"))
                .isNotEqualTo(DigestRealm.gbaU("bmsc.example.org"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "bmsc example.org", "bmsc.example.org.", "-bmsc.example.org", "bmsc..org",
        "bmsc.example.org:8080", "bmsc/x"})
    void notAnFqdnIsRefusedWithAnExample(String fqdn) {
        assertThatThrownBy(() -> DigestRealm.gbaMe(fqdn))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("such as bmsc.example.org; got '" + fqdn + "'");
    }

    @Test
    void emptyRealmIsRefused() {
        assertThatThrownBy(() -> DigestRealm.of("")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("realm must not be empty");
    }
}
