package org.mbmskeys.mbms.roles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mbmskeys.mbms.roles.RolesWorld.LIVE;
import static org.mbmskeys.mbms.roles.RolesWorld.NEWS;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.mbmskeys.mbms.bmsc.distribution.DeliveryOutcome;
import org.mbmskeys.mbms.bmsc.distribution.DeliveryRecord;
import org.mbmskeys.mbms.keys.MskRef;
import org.mbmskeys.mbms.keys.ServiceType;
import org.mbmskeys.mbms.ue.Ue;
import org.mbmskeys.mbms.ue.keys.MskChange;
import org.mbmskeys.mbms.ue.keys.MskKey;
import org.mbmskeys.mbms.ue.procedure.UeOutcome;

/**
 * Deregistration at the BM-SC facade (TS 33.246 §6.3.2.1B, §6.3.2.3.1): every MSK the UE may hold of a Key Group
 * it no longer needs (the current and the previous one) is invalidated; a Key Group another registered service
 * still uses is kept, and so is the registration.
 */
class BmscDeregistrationInvalidatesOnlyUnusedMsksTest {

    private final RolesWorld world = new RolesWorld();

    private void uses(Ue ue, String service, org.mbmskeys.mbms.bmsc.services.KeyGroupRef group) {
        ue.announce(RolesWorld.announcement(service, group, service + "-files", ServiceType.DOWNLOAD));
        ue.use(service);
        world.settle();
    }

    @Test
    void leavingInvalidatesBothTheCurrentAndThePreviousMskOfTheKeyGroup() {
        world.bmsc.defineService("news", ServiceType.DOWNLOAD, NEWS);
        MskRef first = world.bmsc.rotate(NEWS);
        Ue alice = world.ue("alice");
        alice.powerOn();
        uses(alice, "news", NEWS);
        MskRef second = world.bmsc.rotate(NEWS);
        world.settle();
        assertThat(alice.msks("news")).extracting(MskKey::ref).containsExactlyInAnyOrder(first, second);
        world.outcomes.clear();

        alice.leave("news");
        world.run(Duration.ofSeconds(5));

        assertThat(world.outcomes(UeOutcome.MskReceived.class)).extracting(UeOutcome.MskReceived::msk)
                .containsExactlyInAnyOrder(first, second);
        assertThat(world.outcomes(UeOutcome.MskReceived.class)).extracting(UeOutcome.MskReceived::change)
                .containsOnly(MskChange.INVALIDATED);
        assertThat(alice.keyStore().msks()).isEmpty();
        assertThat(world.bmsc.deliveries(RolesWorld.impi(1))).filteredOn(r -> r.outcome() == DeliveryOutcome.INVALIDATED)
                .extracting(DeliveryRecord::msk).containsExactlyInAnyOrder(first, second);
    }

    @Test
    void leavingOneServiceKeepsTheMsksOfTheOtherAndTheRegistration() {
        world.bmsc.defineService("news", ServiceType.DOWNLOAD, NEWS);
        world.bmsc.defineService("sport", ServiceType.DOWNLOAD, LIVE);
        MskRef news = world.bmsc.rotate(NEWS);
        MskRef sport = world.bmsc.rotate(LIVE);
        Ue alice = world.ue("alice");
        alice.powerOn();
        uses(alice, "news", NEWS);
        uses(alice, "sport", LIVE);
        world.outcomes.clear();

        alice.leave("news");
        world.run(Duration.ofSeconds(5));

        assertThat(world.outcomes(UeOutcome.MskReceived.class)).extracting(UeOutcome.MskReceived::msk).containsExactly(news);
        assertThat(alice.msks("sport")).extracting(MskKey::ref).containsExactly(sport);
        assertThat(world.bmsc.registration(RolesWorld.impi(1))).get()
                .satisfies(r -> assertThat(r.services()).extracting(Object::toString).containsExactly("sport"));

        MskRef nextSport = world.bmsc.rotate(LIVE);
        world.settle();
        assertThat(alice.msks("sport")).extracting(MskKey::ref).contains(nextSport);
    }
}
