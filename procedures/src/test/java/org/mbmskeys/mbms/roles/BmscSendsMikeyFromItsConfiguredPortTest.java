package org.mbmskeys.mbms.roles;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.mbmskeys.adapters.memory.Captured;
import org.mbmskeys.adapters.memory.Message;
import org.mbmskeys.mbms.keys.ServiceType;
import org.mbmskeys.mbms.ue.Ue;
import org.mbmskeys.mbms.ue.procedure.UeOutcome;

/**
 * The BM-SC sends its MIKEY messages from the port its builder names (2269 unless told otherwise), and the
 * UE's verification message, sent back to that port, still acknowledges the push (TS 33.246 §6.3.2.3.1).
 */
class BmscSendsMikeyFromItsConfiguredPortTest {

    @Test
    void pushesLeaveFromTheConfiguredPortAndAreAcknowledgedThere() {
        RolesWorld world = new RolesWorld(b -> b.mikeyPort(3000));
        world.bmsc.defineService("news", ServiceType.DOWNLOAD, RolesWorld.NEWS);
        world.bmsc.rotate(RolesWorld.NEWS);
        Ue alice = world.ue("alice");
        alice.announce(RolesWorld.announcement("news", RolesWorld.NEWS, "files", ServiceType.DOWNLOAD));
        alice.powerOn();
        alice.use("news");
        world.settle();

        assertThat(world.sent()).extracting(Captured::message)
                .filteredOn(m -> m.kind() == Message.Kind.DATAGRAM && m.sender().equals(RolesWorld.BMSC))
                .isNotEmpty().allSatisfy(m -> assertThat(m.from().port()).isEqualTo(3000));
        assertThat(world.outcomes(UeOutcome.MskReceived.class)).singleElement()
                .satisfies(r -> assertThat(r.verificationSent()).isTrue());
        assertThat(world.bmsc.deliveries(RolesWorld.impi(1))).singleElement()
                .satisfies(d -> assertThat(d.acknowledgedAt()).isPresent());
    }

    @Test
    void byDefaultPushesLeaveFromPort2269() {
        RolesWorld world = new RolesWorld();
        world.bmsc.defineService("news", ServiceType.DOWNLOAD, RolesWorld.NEWS);
        world.bmsc.rotate(RolesWorld.NEWS);
        Ue alice = world.ue("alice");
        alice.announce(RolesWorld.announcement("news", RolesWorld.NEWS, "files", ServiceType.DOWNLOAD));
        alice.powerOn();
        alice.use("news");
        world.settle();

        assertThat(world.sent()).extracting(Captured::message)
                .filteredOn(m -> m.kind() == Message.Kind.DATAGRAM && m.sender().equals(RolesWorld.BMSC))
                .isNotEmpty().allSatisfy(m -> assertThat(m.from().port()).isEqualTo(2269));
    }
}
