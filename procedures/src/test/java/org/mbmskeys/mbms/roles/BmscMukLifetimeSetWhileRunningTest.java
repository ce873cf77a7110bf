package org.mbmskeys.mbms.roles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mbmskeys.mbms.roles.RolesWorld.NEWS;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.mbmskeys.mbms.keys.MskRef;
import org.mbmskeys.mbms.keys.ServiceType;
import org.mbmskeys.mbms.ue.Ue;
import org.mbmskeys.mbms.ue.keys.MskKey;
import org.mbmskeys.mbms.ue.procedure.UeOutcome;

/**
 * The BM-SC MUK lifetime set through the facade while the BM-SC runs (TS 33.246 §6.3.2.2.4): it applies to the
 * MUKs held already, so a UE whose MUK outlived it bootstraps again before it gets the next MSK, and set back to the
 * Ks_NAF lifetime the next MSK is pushed again.
 */
class BmscMukLifetimeSetWhileRunningTest {

    private static Ue registered(RolesWorld world, String name) {
        Ue ue = world.ue(name);
        ue.announce(RolesWorld.announcement("news", NEWS, "news-files", ServiceType.DOWNLOAD));
        ue.powerOn();
        ue.use("news");
        world.settle();
        return ue;
    }

    @Test
    void aLifetimeSetWhileRunningAppliesToTheMukAUeAlreadyHolds() {
        RolesWorld world = new RolesWorld();
        world.bmsc.defineService("news", ServiceType.DOWNLOAD, NEWS);
        world.bmsc.rotate(NEWS);
        Ue alice = registered(world, "alice");
        world.run(Duration.ofHours(2));
        int bootstrappings = world.bsf.bootstrappings(RolesWorld.impi(1)).size();
        assertThat(world.bmsc.mukLifetime()).isEmpty();

        world.bmsc.mukLifetime(Duration.ofHours(1));
        world.outcomes.clear();
        MskRef next = world.bmsc.rotate(NEWS);
        world.run(Duration.ofSeconds(30));

        assertThat(world.bmsc.mukLifetime()).contains(Duration.ofHours(1));
        assertThat(world.bsf.bootstrappings(RolesWorld.impi(1))).hasSize(bootstrappings + 1);
        assertThat(world.outcomes(UeOutcome.MskRequestAnswered.class)).isNotEmpty();
        assertThat(alice.msks("news")).extracting(MskKey::ref).contains(next);
    }

    @Test
    void backToTheLifetimeOfTheNafKeysTheNextMskIsPushedAgain() {
        RolesWorld world = new RolesWorld(b -> b.mukLifetime(Duration.ofHours(1)));
        world.bmsc.defineService("news", ServiceType.DOWNLOAD, NEWS);
        world.bmsc.rotate(NEWS);
        Ue alice = registered(world, "alice");
        world.run(Duration.ofHours(2));
        int bootstrappings = world.bsf.bootstrappings(RolesWorld.impi(1)).size();

        world.bmsc.mukLifetimeOfNafKeys();
        world.outcomes.clear();
        MskRef next = world.bmsc.rotate(NEWS);
        world.run(Duration.ofSeconds(30));

        assertThat(world.bmsc.mukLifetime()).isEmpty();
        assertThat(world.bsf.bootstrappings(RolesWorld.impi(1))).hasSize(bootstrappings);
        assertThat(world.outcomes(UeOutcome.MskRequestAnswered.class)).isEmpty();
        assertThat(alice.msks("news")).extracting(MskKey::ref).contains(next);
    }

    @Test
    void aLifetimeThatIsNotPositiveIsRefusedAndChangesNothing() {
        RolesWorld world = new RolesWorld(b -> b.mukLifetime(Duration.ofHours(1)));

        assertThatThrownBy(() -> world.bmsc.mukLifetime(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> world.bmsc.mukLifetime(null)).isInstanceOf(NullPointerException.class);
        assertThat(world.bmsc.mukLifetime()).contains(Duration.ofHours(1));
    }
}
