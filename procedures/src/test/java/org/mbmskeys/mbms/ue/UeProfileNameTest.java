package org.mbmskeys.mbms.ue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mbmskeys.mbms.ue.gba.UbClient;
import org.mbmskeys.mbms.ue.keys.UiccId;

/**
 * A UE's name is the host name MIKEY and key management are addressed to, and the first segment of its
 * procedure instance keys ({@code alice/msk/...}): it must be non-blank, without {@code '/'} and white space.
 */
class UeProfileNameTest {

    private static final UiccId UICC = UiccId.of("8949440000000000011");
    private static final UbClient NO_BSF = () -> {
        throw new AssertionError("no bootstrapping in this test");
    };

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "alice/msk", "/alice", "alice smith", "alice\t", "\nalice"})
    void aNameThatIsNoHostNameIsRefused(String name) {
        assertThatThrownBy(() -> UeProfile.usim(name, UICC, NO_BSF))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("a UE name is a host name without '/' or white space");
    }

    @Test
    void aHostNameIsAccepted() {
        assertThat(UeProfile.usim("ue-17.example.org", UICC, NO_BSF).name()).isEqualTo("ue-17.example.org");
    }
}
