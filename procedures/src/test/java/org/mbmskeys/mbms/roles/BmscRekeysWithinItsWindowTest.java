package org.mbmskeys.mbms.roles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mbmskeys.mbms.roles.RolesWorld.NEWS;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mbmskeys.adapters.memory.Fault;
import org.mbmskeys.engine.spi.InstanceRecord;
import org.mbmskeys.engine.spi.InstanceRef;
import org.mbmskeys.engine.spi.ProcedureListener;
import org.mbmskeys.engine.spi.Step;
import org.mbmskeys.mbms.bmsc.Bmsc;
import org.mbmskeys.mbms.bmsc.distribution.DeliveryOutcome;
import org.mbmskeys.mbms.keys.KeyValidity;
import org.mbmskeys.mbms.keys.MskRef;
import org.mbmskeys.mbms.keys.ServiceType;
import org.mbmskeys.mbms.ue.Ue;
import org.mbmskeys.mbms.ue.keys.MskKey;

/**
 * A re-key keeps at most as many UEs' pushes running as the operator's re-key window allows, and starts the
 * next UE's when one ends; a UE that does not answer holds its place until the push gives up on it. Unlimited
 * by default: every UE's push starts at once.
 */
class BmscRekeysWithinItsWindowTest {

    /** How many {@code bmsc.msk-push} instances run at once, and the most there ever were. */
    private static final class Pushes implements ProcedureListener {
        int running;
        int most;
        final List<String> started = new ArrayList<>();

        @Override
        public void transitioned(InstanceRef instance, Step step) {
            if (step instanceof Step.Started && instance.procedure().equals(Bmsc.MSK_PUSH)) {
                started.add(instance.key().toString());
                most = Math.max(most, ++running);
            }
        }

        @Override
        public void ended(InstanceRef instance, InstanceRecord last) {
            if (instance.procedure().equals(Bmsc.MSK_PUSH)) {
                running--;
            }
        }
    }

    private final Pushes pushes = new Pushes();
    private RolesWorld world;

    private List<Ue> fourRegisteredUes(int window) {
        world = new RolesWorld(b -> b.listener(pushes).rekeyWindow(window));
        world.bmsc.defineService("news", ServiceType.DOWNLOAD, NEWS);
        world.bmsc.rotate(NEWS);
        List<Ue> ues = new ArrayList<>();
        for (String name : List.of("alice", "bob", "carol", "dave")) {   // IMPIs in this order
            Ue ue = world.ue(name);
            ue.announce(RolesWorld.announcement("news", NEWS, "news-files", ServiceType.DOWNLOAD));
            ue.powerOn();
            ue.use("news");
            world.settle();
            ues.add(ue);
        }
        pushes.most = pushes.running;
        pushes.started.clear();
        return ues;
    }

    /** Takes alice (the first UE in IMPI order) off the network, rotates and lets what is due happen. */
    private MskRef rotateWhileAliceIsOffline() {
        world.network.inject(new Fault.Partition("alice"));
        MskRef msk = world.bmsc.rotate(NEWS);
        world.settle();
        return msk;
    }

    private static boolean holds(Ue ue, MskRef msk) {
        return ue.msks("news").stream().map(MskKey::ref).anyMatch(msk::equals);
    }

    @Test
    void byDefaultEveryUesPushStartsAtOnce() {
        List<Ue> ues = fourRegisteredUes(Integer.MAX_VALUE);

        MskRef msk = rotateWhileAliceIsOffline();

        assertThat(pushes.most).isEqualTo(4);
        assertThat(ues.subList(1, 4)).allMatch(ue -> holds(ue, msk));
        assertThat(world.bmsc.rekeyWindow()).isEqualTo(Integer.MAX_VALUE);
    }

    @Test
    void aUeThatDoesNotAnswerHoldsItsPlaceWhileTheOthersGoThroughTheRest() {
        List<Ue> ues = fourRegisteredUes(2);

        MskRef msk = rotateWhileAliceIsOffline();

        assertThat(pushes.started).hasSize(4);
        assertThat(pushes.most).isEqualTo(2);
        assertThat(ues.subList(1, 4)).allMatch(ue -> holds(ue, msk));
        assertThat(pushes.running).as("alice's push, unanswered").isEqualTo(1);
        assertThat(world.bmsc.rekeysInFlight()).isEqualTo(1);

        world.run(Duration.ofMinutes(2));
        assertThat(world.bmsc.rekeysInFlight()).isZero();
    }

    @Test
    void aPushStartedOutsideTheWindowEndingFreesNoPlaceInIt() {
        List<Ue> ues = fourRegisteredUes(1);
        world.network.inject(new Fault.Partition("alice"));
        world.bmsc.invalidate(RolesWorld.impi(1), world.bmsc.currentMsk(NEWS).orElseThrow());   // given up at 90 s
        world.run(Duration.ofSeconds(30));

        MskRef msk = world.bmsc.rotate(NEWS);   // alice's push holds the one place until 30 + 90 s
        world.run(Duration.ofSeconds(70));
        assertThat(ues.get(1)).as("bob at 100 s").matches(ue -> !holds(ue, msk));

        world.run(Duration.ofSeconds(30));
        assertThat(ues.get(1)).as("bob at 130 s").matches(ue -> holds(ue, msk));
    }

    @Test
    void aStartTheEngineRefusesAsAlreadyRunningFreesItsPlace() {
        List<Ue> ues = fourRegisteredUes(1);
        world.bmsc.rekeying(Bmsc.Rekeying.SOLICITED_PULL);
        world.network.inject(new Fault.Partition("alice"));
        world.bmsc.solicitPull(RolesWorld.impi(1), NEWS);   // alice's pull runs, outside the window
        world.settle();

        MskRef msk = world.bmsc.rotate(NEWS);   // alice's pull again: refused, the key runs
        world.settle();

        assertThat(ues.subList(1, 4)).allMatch(ue -> holds(ue, msk));
    }

    @Test
    void withOnePlaceTheNextUeWaitsUntilThePushToTheSilentOneGivesUp() {
        List<Ue> ues = fourRegisteredUes(1);

        MskRef msk = rotateWhileAliceIsOffline();
        assertThat(pushes.started).hasSize(1).allMatch(key -> key.startsWith(RolesWorld.impi(1)));
        assertThat(ues.subList(1, 4)).noneMatch(ue -> holds(ue, msk));

        world.run(Duration.ofMinutes(2));

        assertThat(world.bmsc.deliveries(RolesWorld.impi(1))).last()
                .satisfies(r -> assertThat(r.outcome()).isEqualTo(DeliveryOutcome.GAVE_UP));
        assertThat(ues.subList(1, 4)).allMatch(ue -> holds(ue, msk));
        assertThat(pushes.most).isEqualTo(1);
        assertThat(pushes.started).hasSize(4);
    }

    @Test
    void openingTheWindowStartsTheWaitingUesAtOnce() {
        List<Ue> ues = fourRegisteredUes(1);
        MskRef msk = rotateWhileAliceIsOffline();
        assertThat(ues.get(1)).matches(ue -> !holds(ue, msk));

        world.bmsc.rekeyWindow(3);
        world.settle();

        assertThat(ues.subList(1, 4)).allMatch(ue -> holds(ue, msk));
        assertThat(pushes.most).isEqualTo(3);
    }

    @Test
    void aValidityUpdateGoesThroughTheSameWindowBehindARotation() {
        List<Ue> ues = fourRegisteredUes(1);
        world.network.inject(new Fault.Partition("alice"));
        MskRef msk = world.bmsc.rotate(NEWS);
        world.bmsc.updateValidity(msk, KeyValidity.of(1, 2000));
        world.settle();
        assertThat(pushes.started).hasSize(1);

        world.run(Duration.ofMinutes(5));

        assertThat(pushes.most).isEqualTo(1);
        assertThat(pushes.started).hasSize(8);   // each UE: the rotation's push, then the validity update's
        assertThat(ues.subList(1, 4)).allMatch(ue -> ue.msks("news").stream()
                .anyMatch(k -> k.ref().equals(msk) && k.validity().equals(KeyValidity.of(1, 2000))));
    }

    @Test
    void aWindowBelowOneIsRefused() {
        assertThatThrownBy(() -> Bmsc.builder("bmsc.example.org").rekeyWindow(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 1");
        fourRegisteredUes(5);
        assertThatThrownBy(() -> world.bmsc.rekeyWindow(0)).isInstanceOf(IllegalArgumentException.class);
        assertThat(world.bmsc.rekeyWindow()).isEqualTo(5);
    }
}
