package org.mbmskeys.mbms.roles;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.mbmskeys.adapters.http.HttpWire;
import org.mbmskeys.mbms.ue.Ue;
import org.mbmskeys.mbms.ue.UeHost;
import org.mbmskeys.mbms.ue.UeProfile;
import org.mbmskeys.mbms.ue.gba.UbClient;
import org.mbmskeys.mbms.ue.keys.UiccId;

/**
 * The two settings a UE engine cannot default (UeSettings): the transport of MIKEY and key management, and the HTTP
 * codec. A host or a one-UE builder without either is refused when built, with the setting to give named.
 */
class UeBuildersRequireTransportAndCodecTest {

    private final RolesWorld world = new RolesWorld();
    private final UeProfile erin = UeProfile.usim("erin", UiccId.of("8949440000000000088"), () -> {
        throw new AssertionError("no bootstrapping in this test");
    });

    @Test
    void aHostWithoutATransportIsRefused() {
        assertThatThrownBy(() -> UeHost.builder().httpCodec(HttpWire.codec()).scheduler(world.time).deterministic()
                .build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("builder.transport(...)");
    }

    @Test
    void aHostWithoutTheHttpCodecIsRefused() {
        assertThatThrownBy(() -> UeHost.builder().transport(world.network.hosts()).scheduler(world.time)
                .deterministic().build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("builder.httpCodec(...)");
    }

    @Test
    void aOneUeBuilderWithoutATransportIsRefused() {
        assertThatThrownBy(() -> Ue.builder(erin).httpCodec(HttpWire.codec()).scheduler(world.time).deterministic()
                .build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("builder.transport(...)");
    }

    @Test
    void aOneUeBuilderWithoutTheHttpCodecIsRefused() {
        assertThatThrownBy(() -> Ue.builder(erin).transport(world.network.node("erin")).scheduler(world.time)
                .deterministic().build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("builder.httpCodec(...)");
    }
}
