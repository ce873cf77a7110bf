package org.mbmskeys.mbms.roles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.mbmskeys.mbms.roles.RolesWorld.NEWS;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.mbmskeys.engine.bytes.Bytes;
import org.mbmskeys.engine.spi.Endpoint;
import org.mbmskeys.engine.spi.Envelope;
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
 * is what its listener hears, a UE that bootstrapped again meanwhile gets the MSK afresh under its new MUK, and
 * an unanswered solicited pull ends in a push (§6.3.2.2.4).
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

    private static List<Bytes> datagramsFrom(RolesWorld world, String host) {
        return world.network.sent().stream().filter(s -> s.kind().equals("datagram") && s.from().equals(host))
                .map(TestNetwork.Sent::payload).toList();
    }

    private static Endpoint addressOf(RolesWorld world, String host) {
        TestNetwork.Sent sent = world.network.sent().stream().filter(s -> s.kind().equals("datagram") && s.from().equals(host))
                .reduce((a, b) -> b).orElseThrow();
        return Endpoint.of(host, sent.fromPort());
    }

    @Test
    void aVerificationMessageWithABadMacEndsNothingAndTheGenuineOneThenDelivers() {
        RolesWorld world = world(Bmsc.Rekeying.PUSH);
        registered(world, "alice");
        world.network.loseDatagramsFrom("alice");
        MskRef next = world.bmsc.rotate(NEWS);
        world.settle();
        Bytes genuine = datagramsFrom(world, "alice").get(datagramsFrom(world, "alice").size() - 1);
        byte[] forged = genuine.toByteArray();
        forged[forged.length - 1] ^= 0x01;   // the last byte of the verification MAC
        Endpoint alice = addressOf(world, "alice");
        Endpoint bmsc = Endpoint.of(RolesWorld.BMSC, 2269);
        world.network.deliverDatagramsOf("alice");   // alice's own resends are answered by what we inject
        emitted.clear();

        world.network.inject(Envelope.of(alice, bmsc, Bytes.wrap(forged)));
        world.settle();

        assertThat(world.bmsc.deliveries(RolesWorld.impi(1))).extracting(DeliveryRecord::msk).doesNotContain(next);
        assertThat(emitted).isEmpty();

        world.network.inject(Envelope.of(alice, bmsc, genuine));
        world.settle();

        DeliveryRecord record = world.bmsc.deliveries(RolesWorld.impi(1)).get(world.bmsc.deliveries(RolesWorld.impi(1)).size() - 1);
        assertThat(record.msk()).isEqualTo(next);
        assertThat(record.outcome()).isEqualTo(DeliveryOutcome.DELIVERED);
        assertThat(record.attempts()).isEqualTo(1);
        assertThat(emitted).containsExactly(record);   // the listener hears the very record the BM-SC keeps
        assertThat(failures).isEmpty();
    }

    @Test
    void aPushNeverAcknowledgedIsGivenUpAndTheListenerHearsTheRecord() {
        RolesWorld world = world(Bmsc.Rekeying.PUSH);
        registered(world, "alice");
        world.network.loseDatagramsFrom("alice");
        emitted.clear();

        MskRef next = world.bmsc.rotate(NEWS);
        world.run(Duration.ofMinutes(2));

        DeliveryRecord record = world.bmsc.deliveries(RolesWorld.impi(1)).get(world.bmsc.deliveries(RolesWorld.impi(1)).size() - 1);
        assertThat(record).extracting(DeliveryRecord::msk, DeliveryRecord::outcome, DeliveryRecord::attempts)
                .containsExactly(next, DeliveryOutcome.GAVE_UP, 6);
        assertThat(emitted).containsExactly(record);
        assertThat(failures).isEmpty();
    }

    @Test
    void aUeThatBootstrappedAgainDuringAPushGetsTheMskAfreshUnderItsNewMuk() {
        RolesWorld world = world(Bmsc.Rekeying.PUSH);
        Ue alice = registered(world, "alice");
        world.network.loseDatagramsFrom("alice");
        MskRef next = world.bmsc.rotate(NEWS);
        world.settle();

        alice.bootstrapNow();                                             // a new B-TID, so a new MUK
        alice.requestMsks(RolesWorld.BMSC, List.of(MskRef.of(NEWS.keyDomain(), MskId.current(NEWS.keyGroup()))));
        world.settle();                                                   // the BM-SC learnt the new MUK over Zn
        world.network.deliverDatagramsOf("alice");
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
        int sent = datagramsFrom(world, RolesWorld.BMSC).size();
        int records = world.bmsc.deliveries(RolesWorld.impi(1)).size();

        world.bmsc.invalidate(RolesWorld.impi(1), current);   // no registration, and its last address is forgotten
        world.run(Duration.ofMinutes(2));

        assertThat(datagramsFrom(world, RolesWorld.BMSC)).hasSize(sent);
        assertThat(world.bmsc.deliveries(RolesWorld.impi(1))).hasSize(records);
        assertThat(failures).isEmpty();
    }

    @Test
    void aSolicitedPullNobodyAnswersEndsInAPushOfTheCurrentMsk() {
        RolesWorld world = world(Bmsc.Rekeying.SOLICITED_PULL);
        Ue alice = registered(world, "alice");
        world.network.loseDatagramsTo("alice");                           // out of coverage: the solicitations are lost

        MskRef next = world.bmsc.rotate(NEWS);
        world.run(Duration.ofSeconds(25));
        assertThat(alice.msks("news")).extracting(MskKey::ref).doesNotContain(next);
        world.network.deliverDatagramsOf("alice");
        world.run(Duration.ofSeconds(60));

        assertThat(alice.msks("news")).extracting(MskKey::ref).contains(next);
        assertThat(world.bmsc.deliveries(RolesWorld.impi(1))).extracting(DeliveryRecord::msk, DeliveryRecord::outcome)
                .contains(tuple(next, DeliveryOutcome.DELIVERED));
        assertThat(failures).isEmpty();
    }
}
