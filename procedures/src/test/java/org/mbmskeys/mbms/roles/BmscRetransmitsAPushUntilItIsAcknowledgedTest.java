package org.mbmskeys.mbms.roles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mbmskeys.mbms.roles.RolesWorld.NEWS;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mbmskeys.adapters.memory.Captured;
import org.mbmskeys.adapters.memory.Fault;
import org.mbmskeys.adapters.memory.Message;
import org.mbmskeys.adapters.memory.Selector;
import org.mbmskeys.engine.spi.Cancellable;
import org.mbmskeys.engine.spi.Endpoint;
import org.mbmskeys.engine.spi.Envelope;
import org.mbmskeys.engine.testkit.TraceRecorder;
import org.mbmskeys.mbms.bmsc.distribution.DeliveryOutcome;
import org.mbmskeys.mbms.bmsc.distribution.DeliveryRecord;
import org.mbmskeys.mbms.keys.MskRef;
import org.mbmskeys.mbms.keys.ServiceType;
import org.mbmskeys.mbms.ue.Ue;
import org.mbmskeys.mbms.ue.keys.MskKey;
import org.mbmskeys.mbms.ue.procedure.UeOutcome;

/**
 * The BM-SC's MSK push over a lossy network (TS 33.246 §6.3.2.3.1, §6.4.3): a lost push is sent again with the
 * next counter and the acknowledged attempt is recorded; a UE that never answers is given up on after the last
 * resend and gets nothing more; a solicited pull of a UE that is not registered sends nothing; a MIKEY message
 * that is no verification message acknowledges no push.
 */
class BmscRetransmitsAPushUntilItIsAcknowledgedTest {

    private final TraceRecorder trace = new TraceRecorder();
    private final RolesWorld world = new RolesWorld(b -> b.listener(trace));

    private Ue registered(String name) {
        Ue ue = world.ue(name);
        ue.announce(RolesWorld.announcement("news", NEWS, "news-files", ServiceType.DOWNLOAD));
        ue.powerOn();
        ue.use("news");
        world.settle();
        return ue;
    }

    private List<Captured> datagramsFromBmscTo(String ue) {
        return world.sent().stream().filter(c -> c.message().kind() == Message.Kind.DATAGRAM
                && c.message().sender().equals(RolesWorld.BMSC) && c.message().recipient().equals(ue)).toList();
    }

    private static Selector mikeyTo(String ue) {
        return Selector.matching("MIKEY to " + ue, m -> m.kind() == Message.Kind.DATAGRAM && m.recipient().equals(ue));
    }

    @Test
    void aLostPushIsSentAgainAndTheAcknowledgedSecondAttemptIsRecorded() {
        world.bmsc.defineService("news", ServiceType.DOWNLOAD, NEWS);
        world.bmsc.rotate(NEWS);
        Ue alice = registered("alice");
        int before = datagramsFromBmscTo("alice").size();
        Cancellable loss = world.network.inject(new Fault.Drop(mikeyTo("alice")));

        MskRef next = world.bmsc.rotate(NEWS);
        world.settle();
        loss.cancel();
        assertThat(alice.msks("news")).extracting(MskKey::ref).doesNotContain(next);
        world.run(Duration.ofSeconds(3));

        assertThat(datagramsFromBmscTo("alice")).hasSize(before + 2);
        assertThat(alice.msks("news")).extracting(MskKey::ref).contains(next);
        assertThat(world.bmsc.deliveries(RolesWorld.impi(1))).last().satisfies(r -> {
            assertThat(r.msk()).isEqualTo(next);
            assertThat(r.attempts()).isEqualTo(2);
            assertThat(r.outcome()).isEqualTo(DeliveryOutcome.DELIVERED);
        });
        world.run(Duration.ofMinutes(2));
        assertThat(datagramsFromBmscTo("alice")).hasSize(before + 2);   // acknowledged: no more resends
    }

    @Test
    void aUeThatNeverAcknowledgesIsGivenUpOnAfterTheLastResend() {
        world.bmsc.defineService("news", ServiceType.DOWNLOAD, NEWS);
        world.bmsc.rotate(NEWS);
        registered("alice");
        int before = datagramsFromBmscTo("alice").size();
        world.network.inject(new Fault.Drop(mikeyTo("alice")));

        MskRef next = world.bmsc.rotate(NEWS);
        world.run(Duration.ofMinutes(2));

        assertThat(datagramsFromBmscTo("alice")).hasSize(before + 6);   // the first push and 5 resends
        assertThat(world.bmsc.deliveries(RolesWorld.impi(1))).last().satisfies(r -> {
            assertThat(r.msk()).isEqualTo(next);
            assertThat(r.attempts()).isEqualTo(6);
            assertThat(r.outcome()).isEqualTo(DeliveryOutcome.GAVE_UP);
            assertThat(r.acknowledgedAt()).isEmpty();
        });
        world.run(Duration.ofMinutes(10));
        assertThat(datagramsFromBmscTo("alice")).hasSize(before + 6);
    }

    @Test
    void aSolicitedPullOfAUeWithoutRegistrationSendsNothing() {
        world.bmsc.defineService("news", ServiceType.DOWNLOAD, NEWS);
        world.bmsc.rotate(NEWS);
        world.ue("alice");
        int sent = world.sent().size();

        world.bmsc.solicitPull(RolesWorld.impi(1), NEWS);
        world.run(Duration.ofSeconds(30));

        assertThat(world.sent()).hasSize(sent);
        assertThat(world.outcomes(UeOutcome.MskRequestAnswered.class)).isEmpty();
    }

    @Test
    void aPushThatIsNoVerificationMessageAcknowledgesNothing() {
        world.bmsc.defineService("news", ServiceType.DOWNLOAD, NEWS);
        world.bmsc.rotate(NEWS);
        registered("alice");
        world.network.inject(new Fault.Drop(mikeyTo("alice")));
        world.bmsc.rotate(NEWS);
        world.settle();
        Captured push = datagramsFromBmscTo("alice").get(datagramsFromBmscTo("alice").size() - 1);
        int records = world.bmsc.deliveries(RolesWorld.impi(1)).size();
        List<String> steps = steps();

        // the MSK message itself, sent back to the BM-SC: same CSB ID as the push, but no verification message
        world.network.node("mallory").send(Envelope.of(Endpoint.of("mallory", 2269), Endpoint.of(RolesWorld.BMSC, 2269),
                push.message().bytes()));
        world.settle();

        assertThat(world.bmsc.deliveries(RolesWorld.impi(1))).hasSize(records);
        assertThat(steps()).isEqualTo(steps);   // routed to no instance: the push saw no event, not even a rejected one
    }

    private List<String> steps() {
        return trace.instances().stream().map(i -> i + ": " + trace.trace(i)).sorted().toList();
    }
}
