package org.mbmskeys.mbms.roles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mbmskeys.mbms.roles.RolesWorld.NEWS;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mbmskeys.mbms.bmsc.distribution.DeliveryOutcome;
import org.mbmskeys.mbms.bmsc.distribution.DeliveryRecord;
import org.mbmskeys.mbms.keys.MskRef;
import org.mbmskeys.mbms.keys.ServiceType;
import org.mbmskeys.mbms.ue.Ue;
import org.mbmskeys.mbms.ue.keys.MskChange;
import org.mbmskeys.mbms.ue.keys.MskKey;
import org.mbmskeys.mbms.ue.procedure.UeOutcome;
import org.mbmskeys.mbms.ue.registration.RegistrationState;

/**
 * The BM-SC and UE facades end to end (TS 33.246 §6.3.2.1A registration, §6.3.2.3.1 MSK push and its
 * verification message, §6.3.2.1B deregistration and invalidation): what a registered UE holds after each
 * rotation, and the BM-SC's records of it.
 */
class RotatedMsksReachRegisteredUesTest {

    private final RolesWorld world = new RolesWorld();

    private Ue registered(String name) {
        Ue ue = world.ue(name);
        ue.announce(RolesWorld.announcement("news", NEWS, "news-files", ServiceType.DOWNLOAD));
        ue.powerOn();
        ue.use("news");
        world.settle();
        return ue;
    }

    @Test
    void aUeThatUsesAServiceIsRegisteredAtTheBmscAndGetsTheCurrentMsk() {
        world.bmsc.defineService("news", ServiceType.DOWNLOAD, NEWS);
        MskRef msk = world.bmsc.rotate(NEWS);   // before any UE: pushed to nobody

        Ue alice = registered("alice");

        assertThat(world.outcomes(UeOutcome.ServiceRegistered.class)).singleElement()
                .satisfies(r -> assertThat(r.serviceId()).isEqualTo("news"));
        assertThat(alice.registration("news")).get().satisfies(r -> assertThat(r.state()).isEqualTo(RegistrationState.REGISTERED));
        assertThat(world.bmsc.registration(RolesWorld.impi(1))).get()
                .satisfies(r -> assertThat(r.services()).extracting(Object::toString).containsExactly("news"));
        assertThat(world.outcomes(UeOutcome.MskReceived.class)).extracting(UeOutcome.MskReceived::msk).containsExactly(msk);
        List<MskKey> held = alice.msks("news");
        assertThat(held).extracting(MskKey::ref).containsExactly(msk);
        assertThat(world.bmsc.currentMsk(NEWS)).contains(msk);
        assertThat(world.bmsc.deliveries(RolesWorld.impi(1))).singleElement().satisfies(d -> {
            assertThat(d.msk()).isEqualTo(msk);
            assertThat(d.outcome()).isEqualTo(DeliveryOutcome.DELIVERED);
        });
    }

    @Test
    void aRotationIsPushedToEveryRegisteredUeAndAcknowledged() {
        world.bmsc.defineService("news", ServiceType.DOWNLOAD, NEWS);
        world.bmsc.rotate(NEWS);
        Ue alice = registered("alice");
        Ue bob = registered("bob");
        world.outcomes.clear();

        MskRef next = world.bmsc.rotate(NEWS);
        world.settle();

        assertThat(world.outcomes(UeOutcome.MskReceived.class)).extracting(UeOutcome.MskReceived::ue, UeOutcome.MskReceived::msk,
                UeOutcome.MskReceived::verificationSent)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("alice", next, true),
                        org.assertj.core.groups.Tuple.tuple("bob", next, true));
        assertThat(alice.msks("news")).extracting(MskKey::ref).contains(next);
        assertThat(bob.msks("news")).extracting(MskKey::ref).contains(next);
        assertThat(world.bmsc.deliveries(RolesWorld.impi(2))).extracting(DeliveryRecord::msk, DeliveryRecord::outcome)
                .endsWith(org.assertj.core.groups.Tuple.tuple(next, DeliveryOutcome.DELIVERED));
        world.run(Duration.ofMinutes(5));   // acknowledged: no retransmission
        assertThat(world.outcomes(UeOutcome.MskReceived.class)).hasSize(2);
    }
}
