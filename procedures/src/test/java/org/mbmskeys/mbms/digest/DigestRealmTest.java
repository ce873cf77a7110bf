package org.mbmskeys.mbms.digest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** GBA realms of TS 24.109 / PROFILE.md §4.3. */
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
