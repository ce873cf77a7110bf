package org.mbmskeys.mbms.roles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.mbmskeys.mbms.roles.RolesWorld.NEWS;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import java.util.concurrent.atomic.AtomicInteger;
import org.mbmskeys.adapters.memory.Fault;
import org.mbmskeys.adapters.memory.Message;
import org.mbmskeys.adapters.memory.Selector;
import org.mbmskeys.engine.spi.Cancellable;
import org.mbmskeys.engine.spi.InstanceRef;
import org.mbmskeys.engine.spi.ProcedureListener;
import org.mbmskeys.mbms.bmsc.Bmsc;
import org.mbmskeys.mbms.bmsc.distribution.DeliveryOutcome;
import org.mbmskeys.mbms.bmsc.distribution.DeliveryRecord;
import org.mbmskeys.mbms.keys.MskId;
import org.mbmskeys.mbms.keys.MskRef;
import org.mbmskeys.mbms.keys.ServiceType;
import org.mbmskeys.mbms.ue.Ue;
import org.mbmskeys.mbms.ue.keys.MskKey;

/**
 * What the BM-SC makes of the verification messages of an MSK push and of their absence (TS 33.246
 * §6.3.2.3.1, §6.4.5.2): only a verification message that passes its checks ends a push, the delivery record
 * is what its listener hears, a UE that bootstrapped again meanwhile gets the MSK afresh under its new MUK, a UE
 * that deregistered from everything gets its invalidations and then nothing, and an unanswered solicited pull ends
 * in a push (§6.3.2.2.4). Give-up after the script's resends is in {@code BmscRetransmitsAPushUntilItIsAcknowledgedTest}.
 */
class BmscPushAcknowledgementAndResendTest {

    /** What the BM-SC's procedures emitted and where they failed. */
    private final List<Object> emitted = new CopyOnWriteArrayList<>();
    private final List<String> failures = new CopyOnWriteArrayList<>();
    private final ProcedureListener listener = new ProcedureListener() {
        @Override
        public void outcome(InstanceRef instance, Object outcome) {
            emitted.add(outcome);
        }

        @Override
        public void failed(InstanceRef instance, String state, Throwable cause) {
            failures.add(instance + " in " + state + ": " + cause);
        }
    };

    private Ue registered(RolesWorld world, String name) {
        Ue ue = world.ue(name);
        ue.announce(RolesWorld.announcement("news", NEWS, "news-files", ServiceType.DOWNLOAD));
        ue.powerOn();
        ue.use("news");
        world.settle();
        return ue;
    }

    private RolesWorld world(Bmsc.Rekeying rekeying) {
        RolesWorld world = new RolesWorld(b -> b.rekeying(rekeying).listener(listener));
        world.bmsc.defineService("news", ServiceType.DOWNLOAD, NEWS);
        world.bmsc.rotate(NEWS);
        return world;
    }

    private static long datagramsFrom(RolesWorld world, String host) {
        return world.sent().stream().filter(c -> c.message().kind() == Message.Kind.DATAGRAM && c.message().sender().equals(host))
                .count();
    }

    /** Loses every datagram {@code host} sends (its verification messages), until cancelled. */
    private static Cancellable loseDatagramsFrom(RolesWorld world, String host) {
        return world.network.inject(new Fault.Drop(Selector.matching("datagrams from " + host,
                m -> m.kind() == Message.Kind.DATAGRAM && m.sender().equals(host))));
    }

    @Test
    void aVerificationMessageWithABadMacEndsNothingAndTheNextGenuineOneDelivers() {
        RolesWorld world = world(Bmsc.Rekeying.PUSH);
        registered(world, "alice");
        AtomicInteger fromAlice = new AtomicInteger();
        world.network.inject(new Fault.CorruptFromEnd(Selector.matching("alice's first verification message",
                m -> m.kind() == Message.Kind.DATAGRAM && m.sender().equals("alice") && fromAlice.incrementAndGet() == 1),
                1, 0x01));   // the last byte of its verification MAC
        emitted.clear();

        MskRef next = world.bmsc.rotate(NEWS);
        world.settle();
        assertThat(world.bmsc.deliveries(RolesWorld.impi(1))).extracting(DeliveryRecord::msk).doesNotContain(next);
        assertThat(emitted).isEmpty();
        world.run(Duration.ofSeconds(3));   // the push is resent after 2 s; alice's answer to it arrives intact

        List<DeliveryRecord> records = world.bmsc.deliveries(RolesWorld.impi(1)).stream().filter(d -> d.msk().equals(next)).toList();
        assertThat(records).singleElement().satisfies(d -> {
            assertThat(d.outcome()).isEqualTo(DeliveryOutcome.DELIVERED);
            assertThat(d.attempts()).isEqualTo(2);
        });
        assertThat(emitted).containsExactlyElementsOf(records);   // the listener hears the very record the BM-SC keeps
        assertThat(failures).isEmpty();
    }

    @Test
    void aUeThatBootstrappedAgainDuringAPushGetsTheMskAfreshUnderItsNewMuk() {
        RolesWorld world = world(Bmsc.Rekeying.PUSH);
        Ue alice = registered(world, "alice");
        Cancellable lost = loseDatagramsFrom(world, "alice");
        MskRef next = world.bmsc.rotate(NEWS);
        world.settle();

        alice.bootstrapNow();                                             // a new B-TID, so a new MUK
        alice.requestMsks(RolesWorld.BMSC, List.of(MskRef.of(NEWS.keyDomain(), MskId.current(NEWS.keyGroup()))));
        world.settle();                                                   // the BM-SC learnt the new MUK over Zn
        lost.cancel();
        world.run(Duration.ofSeconds(60));

        assertThat(world.bmsc.deliveries(RolesWorld.impi(1))).extracting(DeliveryRecord::msk, DeliveryRecord::outcome)
                .contains(tuple(next, DeliveryOutcome.DELIVERED))
                .doesNotContain(tuple(next, DeliveryOutcome.GAVE_UP));
        assertThat(alice.msks("news")).extracting(MskKey::ref).contains(next);
        assertThat(failures).isEmpty();
    }

    @Test
    void aFullyDeregisteredUeGetsItsInvalidationsAndThenNothingMore() {
        RolesWorld world = world(Bmsc.Rekeying.PUSH);
        Ue alice = registered(world, "alice");
        MskRef previous = world.bmsc.currentMsk(NEWS).orElseThrow();
        MskRef current = world.bmsc.rotate(NEWS);
        world.settle();

        alice.leave("news");
        world.run(Duration.ofSeconds(5));

        assertThat(world.bmsc.deliveries(RolesWorld.impi(1))).filteredOn(d -> d.outcome() == DeliveryOutcome.INVALIDATED)
                .extracting(DeliveryRecord::msk).containsExactlyInAnyOrder(previous, current);
        long sent = datagramsFrom(world, RolesWorld.BMSC);
        int records = world.bmsc.deliveries(RolesWorld.impi(1)).size();

        world.bmsc.invalidate(RolesWorld.impi(1), current);   // no registration, and its last address is forgotten
        world.run(Duration.ofMinutes(2));

        assertThat(datagramsFrom(world, RolesWorld.BMSC)).isEqualTo(sent);
        assertThat(world.bmsc.deliveries(RolesWorld.impi(1))).hasSize(records);
        assertThat(failures).isEmpty();
    }

    @Test
    void aSolicitedPullNobodyAnswersEndsInAPushOfTheCurrentMsk() {
        RolesWorld world = world(Bmsc.Rekeying.SOLICITED_PULL);
        Ue alice = registered(world, "alice");
        Cancellable outOfCoverage = world.network.inject(new Fault.Drop(Selector.matching("datagrams to alice",
                m -> m.kind() == Message.Kind.DATAGRAM && m.recipient().equals("alice"))));   // the solicitations are lost

        MskRef next = world.bmsc.rotate(NEWS);
        world.run(Duration.ofSeconds(25));
        assertThat(alice.msks("news")).extracting(MskKey::ref).doesNotContain(next);
        outOfCoverage.cancel();
        world.run(Duration.ofSeconds(60));

        assertThat(alice.msks("news")).extracting(MskKey::ref).contains(next);
        assertThat(world.bmsc.deliveries(RolesWorld.impi(1))).extracting(DeliveryRecord::msk, DeliveryRecord::outcome)
                .contains(tuple(next, DeliveryOutcome.DELIVERED));
        assertThat(failures).isEmpty();
    }
}
