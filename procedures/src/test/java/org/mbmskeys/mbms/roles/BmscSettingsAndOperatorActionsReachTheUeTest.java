package org.mbmskeys.mbms.roles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mbmskeys.mbms.roles.RolesWorld.NEWS;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.mbmskeys.engine.testkit.TraceRecorder;
import org.mbmskeys.mbms.bmsc.Bmsc;
import org.mbmskeys.mbms.bmsc.distribution.DeliveryRecord;
import org.mbmskeys.mbms.bmsc.keys.KeyRegistryStorage;
import org.mbmskeys.mbms.bmsc.services.Membership;
import org.mbmskeys.mbms.bmsc.services.ServiceId;
import org.mbmskeys.mbms.keys.MskRef;
import org.mbmskeys.mbms.keys.ServiceType;
import org.mbmskeys.mbms.ue.Ue;
import org.mbmskeys.mbms.ue.keys.MskChange;
import org.mbmskeys.mbms.ue.keys.MskKey;
import org.mbmskeys.mbms.ue.procedure.UeOutcome;

/**
 * What the BM-SC facade's builder settings and operator actions change for a UE, end to end over the
 * in-memory network: the rekeying mode (also switched while running), an invalidation by the operator, the
 * membership that decides registrations, the key storage the MSKs live in, the MUK lifetime that turns a push
 * past which no MSK is pushed (TS 33.246 §6.3.2.2.4), the Spring backend, the script repository and closing.
 */
class BmscSettingsAndOperatorActionsReachTheUeTest {

    private static Ue registered(RolesWorld world, String name) {
        Ue ue = world.ue(name);
        ue.announce(RolesWorld.announcement("news", NEWS, "news-files", ServiceType.DOWNLOAD));
        ue.powerOn();
        ue.use("news");
        world.settle();
        return ue;
    }

    @Test
    void anInvalidationByTheOperatorReachesTheUeAndIsRecorded() {
        RolesWorld world = new RolesWorld();
        world.bmsc.defineService("news", ServiceType.DOWNLOAD, NEWS);
        MskRef msk = world.bmsc.rotate(NEWS);
        Ue alice = registered(world, "alice");
        world.outcomes.clear();

        world.bmsc.invalidate(RolesWorld.impi(1), msk);
        world.settle();

        assertThat(world.outcomes(UeOutcome.MskReceived.class)).singleElement().satisfies(r -> {
            assertThat(r.msk()).isEqualTo(msk);
            assertThat(r.change()).isEqualTo(MskChange.INVALIDATED);
        });
        assertThat(alice.msks("news")).isEmpty();
        assertThat(world.bmsc.deliveries(RolesWorld.impi(1))).extracting(DeliveryRecord::msk).containsExactly(msk, msk);
        assertThatThrownBy(() -> world.bmsc.invalidate(null, msk)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> world.bmsc.invalidate(RolesWorld.impi(1), null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void withRekeyingOnRequestARotationSendsNothingToTheUe() {
        RolesWorld world = new RolesWorld(b -> b.rekeying(Bmsc.Rekeying.ON_REQUEST));
        world.bmsc.defineService("news", ServiceType.DOWNLOAD, NEWS);
        MskRef first = world.bmsc.rotate(NEWS);
        Ue alice = registered(world, "alice");
        int sent = world.sent().size();
        world.outcomes.clear();

        MskRef next = world.bmsc.rotate(NEWS);
        world.run(Duration.ofSeconds(30));

        assertThat(next).isNotEqualTo(first);
        assertThat(world.bmsc.currentMsk(NEWS)).contains(next);
        assertThat(world.sent()).hasSize(sent);
        assertThat(world.outcomes).isEmpty();
        assertThat(alice.msks("news")).extracting(MskKey::ref).containsExactly(first);
    }

    @Test
    void theRekeyingModeSwitchedWhileRunningDecidesTheNextRotation() {
        RolesWorld world = new RolesWorld();
        world.bmsc.defineService("news", ServiceType.DOWNLOAD, NEWS);
        world.bmsc.rotate(NEWS);
        Ue alice = registered(world, "alice");
        world.outcomes.clear();

        world.bmsc.rekeying(Bmsc.Rekeying.SOLICITED_PULL);
        MskRef next = world.bmsc.rotate(NEWS);
        world.run(Duration.ofSeconds(30));

        assertThat(world.outcomes(UeOutcome.MskRequestAnswered.class)).singleElement();
        assertThat(alice.msks("news")).extracting(MskKey::ref).contains(next);
        assertThatThrownBy(() -> world.bmsc.rekeying(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void theMembershipGivenToTheBuilderDecidesWhoMayRegister() {
        Membership onlyTheFirstUe = Membership.allowList().allow(ServiceId.of("news"), RolesWorld.impi(1));
        RolesWorld world = new RolesWorld(b -> b.membership(onlyTheFirstUe));
        world.bmsc.defineService("news", ServiceType.DOWNLOAD, NEWS);
        world.bmsc.rotate(NEWS);

        registered(world, "alice");
        registered(world, "bob");

        assertThat(world.bmsc.registration(RolesWorld.impi(1))).isPresent();
        assertThat(world.bmsc.registration(RolesWorld.impi(2))).isEmpty();
        assertThat(world.outcomes(UeOutcome.ServiceRegistered.class)).extracting(UeOutcome.ServiceRegistered::ue)
                .containsExactly("alice");
        assertThat(world.outcomes(UeOutcome.ServiceRefused.class)).extracting(UeOutcome.ServiceRefused::ue)
                .containsExactly("bob");
    }

    @Test
    void theMsksLiveInTheKeyStorageGivenToTheBuilder() {
        KeyRegistryStorage storage = KeyRegistryStorage.inMemory();
        RolesWorld world = new RolesWorld(b -> b.keyStorage(storage));
        world.bmsc.defineService("news", ServiceType.DOWNLOAD, NEWS);

        MskRef msk = world.bmsc.rotate(NEWS);

        assertThat(storage.groups()).singleElement().satisfies(g -> assertThat(g.current()).contains(msk));
        assertThat(storage.msk(msk)).isPresent();
    }

    /**
     * The BM-SC pushes nothing under a MUK past its configured lifetime: it solicits a pull, answers the UE's MSK
     * request with a bootstrapping renegotiation, and the MSK reaches the UE after it ran GBA again (§6.3.2.2.4).
     */
    @Test
    void aUeWhoseMukOutlivedTheConfiguredLifetimeBootstrapsAgainBeforeItGetsTheNextMsk() {
        RolesWorld world = new RolesWorld(b -> b.mukLifetime(Duration.ofHours(1)));
        world.bmsc.defineService("news", ServiceType.DOWNLOAD, NEWS);
        world.bmsc.rotate(NEWS);
        Ue alice = registered(world, "alice");
        world.run(Duration.ofHours(2));
        world.outcomes.clear();
        int bootstrappings = world.bsf.bootstrappings(RolesWorld.impi(1)).size();

        MskRef next = world.bmsc.rotate(NEWS);
        world.run(Duration.ofSeconds(30));

        assertThat(world.bsf.bootstrappings(RolesWorld.impi(1))).hasSize(bootstrappings + 1);
        assertThat(alice.msks("news")).extracting(MskKey::ref).contains(next);
        assertThat(world.outcomes(UeOutcome.MskRequestAnswered.class)).isNotEmpty();
    }

    @Test
    void aUeWhoseMukIsWithinItsLifetimeGetsTheNextMskPushed() {
        RolesWorld world = new RolesWorld();
        world.bmsc.defineService("news", ServiceType.DOWNLOAD, NEWS);
        world.bmsc.rotate(NEWS);
        Ue alice = registered(world, "alice");
        world.run(Duration.ofHours(2));
        world.outcomes.clear();

        MskRef next = world.bmsc.rotate(NEWS);
        world.run(Duration.ofSeconds(30));

        assertThat(world.outcomes(UeOutcome.MskRequestAnswered.class)).isEmpty();
        assertThat(alice.msks("news")).extracting(MskKey::ref).contains(next);
    }

    @Test
    void onTheSpringBackendARotationReachesTheUeAsOnTheNativeOne() {
        TraceRecorder trace = new TraceRecorder();
        RolesWorld world = new RolesWorld(b -> b.backend("spring").listener(trace));
        world.bmsc.defineService("news", ServiceType.DOWNLOAD, NEWS);
        world.bmsc.rotate(NEWS);
        Ue alice = registered(world, "alice");

        MskRef next = world.bmsc.rotate(NEWS);
        world.settle();

        assertThat(alice.msks("news")).extracting(MskKey::ref).contains(next);
        assertThat(trace.instances()).isNotEmpty();
        assertThat(world.bmsc.engine().backend()).isEqualTo("spring");
    }

    @Test
    void reloadingUnchangedScriptsChangesNothingAndAClosedBmscStartsNoProcedure() {
        RolesWorld world = new RolesWorld();
        world.bmsc.defineService("news", ServiceType.DOWNLOAD, NEWS);

        assertThat(world.bmsc.reloadScripts().changed()).isFalse();

        world.bmsc.close();
        assertThatThrownBy(() -> world.bmsc.solicitPull(RolesWorld.impi(1), NEWS)).isInstanceOf(IllegalStateException.class);
    }
}
