package org.mbmskeys.mbms.ue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.mbmskeys.mbms.ue.gba.UbClient;
import org.mbmskeys.mbms.ue.keys.UiccId;

/**
 * A UE's name starts the keys of its instances (alice/msk/...), so it is a host name: not empty, no '/', no
 * white space.
 */
class UeProfileTest {

    private static final UiccId UICC = UiccId.of("8949440000000000011");
    private static final UbClient NO_BSF = () -> {
        throw new AssertionError("no bootstrapping in this test");
    };

    @Test
    void aHostNameIsAUeName() {
        assertThat(UeProfile.usim("alice.example.org", UICC, NO_BSF).name()).isEqualTo("alice.example.org");
    }

    @Test
    void anEmptyNameIsRefused() {
        assertThatThrownBy(() -> UeProfile.usim("", UICC, NO_BSF)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("a UE name is a host name");
        assertThatThrownBy(() -> UeProfile.usim("  ", UICC, NO_BSF)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aNameWithASlashWouldBreakTheInstanceKeysAndIsRefused() {
        assertThatThrownBy(() -> UeProfile.usim("alice/msk", UICC, NO_BSF))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'alice/msk'");
    }

    @Test
    void aNameWithWhiteSpaceIsRefused() {
        assertThatThrownBy(() -> UeProfile.usim("alice smith", UICC, NO_BSF))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'alice smith'");
        assertThatThrownBy(() -> UeProfile.usim("alice\tsmith", UICC, NO_BSF))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
