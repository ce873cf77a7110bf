package org.mbmskeys.mbms.digest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * GBA realms: TS 33.246 Annex H step 2 ("3GPP-bootstrapping" "@" FQDN of the BM-SC), the realm of the ME-based
 * key that MBMS key management uses under GBA_ME and GBA_U alike (TS 24.109 §5.2.2.1).
 */
class DigestRealmTest {

    @Test
    void theBootstrappingRealmNamesTheBmscFqdn() {
        assertThat(DigestRealm.bootstrapping("bmsc.example.org").value()).isEqualTo("3GPP-bootstrapping@bmsc.example.org");
    }

    @Test
    void realmsCompareByExactText() {
        assertThat(DigestRealm.bootstrapping("bmsc.example.org")).isEqualTo(DigestRealm.of("3GPP-bootstrapping@bmsc.example.org"))
                .isNotEqualTo(DigestRealm.bootstrapping("BMSC.example.org"))
                .isNotEqualTo(DigestRealm.of("3GPP-bootstrapping-uicc@bmsc.example.org"));
    }

    @Test
    void aGbaRealmMatchesItsFqdnInAnyCaseButNotAnotherPrefixOrHost() {
        DigestRealm realm = DigestRealm.bootstrapping("bmsc.example.org");

        assertThat(realm.matches("3GPP-bootstrapping@bmsc.example.org")).isTrue();
        assertThat(realm.matches("3GPP-bootstrapping@BMSC.Example.ORG")).isTrue();
        assertThat(realm.matches("3gpp-bootstrapping@bmsc.example.org")).as("the prefix is a constant").isFalse();
        assertThat(realm.matches("3GPP-bootstrapping-uicc@bmsc.example.org")).isFalse();
        assertThat(realm.matches("3GPP-bootstrapping@bmsc.example.or")).isFalse();
        assertThat(realm.matches("3GPP-bootstrapping@bmsc.example.org2")).isFalse();
    }

    @Test
    void anyOtherRealmMatchesOnlyItsExactText() {
        assertThat(DigestRealm.of("Ops@bmsc.example.org").matches("Ops@bmsc.example.org")).isTrue();
        assertThat(DigestRealm.of("Ops@bmsc.example.org").matches("Ops@BMSC.example.org")).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "bmsc example.org", "bmsc.example.org.", "-bmsc.example.org", "bmsc..org",
        "bmsc.example.org:8080", "bmsc/x"})
    void notAnFqdnIsRefusedWithAnExample(String fqdn) {
        assertThatThrownBy(() -> DigestRealm.bootstrapping(fqdn))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("such as bmsc.example.org; got '" + fqdn + "'");
    }

    @Test
    void emptyRealmIsRefused() {
        assertThatThrownBy(() -> DigestRealm.of("")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("realm must not be empty");
    }
}
