package org.mbmskeys.mbms.keymanagement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * TS 33.246 Annex H step 1: "User-Agent: MBMSAgent; Release-6 3gpp-gba"; the User-Agent "shall include the
 * static string "3gpp-gba""; step 2: the BM-SC answers a request with that string with a 401.
 */
class GbaUserAgentTest {

    @Test
    void theUeAddsTheTokenToItsProduct() {
        assertThat(GbaUserAgent.with("MBMSAgent; Release-6")).isEqualTo("MBMSAgent; Release-6 3gpp-gba");
        assertThat(GbaUserAgent.with("mbms-keys/1.0")).isEqualTo("mbms-keys/1.0 3gpp-gba");
    }

    @Test
    void aProductThatAlreadyAnnouncesGbaIsKept() {
        assertThat(GbaUserAgent.with("MBMSAgent 3gpp-gba-uicc")).isEqualTo("MBMSAgent 3gpp-gba-uicc");
    }

    @ParameterizedTest
    @ValueSource(strings = {"MBMSAgent; Release-6 3gpp-gba", "3gpp-gba", "MBMSAgent 3gpp-gba-uicc",
        "Agent (x; 3gpp-gba)", "Agent 3gpp-gba/1.0", "Agent,3GPP-GBA"})
    void theBmscSeesTheToken(String userAgent) {
        assertThat(GbaUserAgent.announcesGba(userAgent)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"x3gpp-gbax", "MBMSAgent; Release-6", "Agent 3gpp-gba-me", "Agent/3gpp-gba", ""})
    void aWordThatOnlyContainsTheTokenDoesNotCount(String userAgent) {
        assertThat(GbaUserAgent.announcesGba(userAgent)).isFalse();
    }

    @Test
    void noHeaderAnnouncesNothing() {
        assertThat(GbaUserAgent.announcesGba(null)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "Agent\r\nX-Injected: 1"})
    void aBlankOrControlProductIsRefused(String product) {
        assertThatThrownBy(() -> GbaUserAgent.with(product))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("User-Agent product must be printable text");
    }
}
