package org.mbmskeys.engine.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.mbmskeys.engine.Harness;
import org.mbmskeys.engine.OnBothBackends;
import org.mbmskeys.engine.TestEvents.Go;
import org.mbmskeys.engine.bytes.Bytes;
import org.mbmskeys.engine.model.ProcedureDefinition;
import org.mbmskeys.engine.spi.Endpoint;
import org.mbmskeys.engine.spi.Envelope;
import org.mbmskeys.engine.spi.InstanceRecord;
import org.mbmskeys.engine.spi.ManualScheduler;
import org.mbmskeys.engine.spi.RejectionReason;
import org.mbmskeys.engine.spi.Route;

/** Issue 6.4: an undeployed procedure starts no new instance, while running ones finish on their version. */
@OnBothBackends
class UndeployTest {

    @Parameter
    String backend;

    private static final ProcedureDefinition P = ProcedureDefinition.builder("p")
            .state("a", s -> s.on(Go.class, "b").onSignal("skip", "b"))
            .state("b", s -> s.on(Go.class, "done"))
            .finalState("done")
            .build();

    private static final ProcedureDefinition PARENT = ProcedureDefinition.builder("parent")
            .state("a", s -> s.on(Go.class, t -> t.action(ctx -> ctx.start("p", "child", Map.of())).to("done")))
            .finalState("done")
            .errorState("failed")
            .build();

    private static final String UNDEPLOYED = "procedure 'p' was undeployed: its running instances finish, new ones are "
            + "refused; deployed are [parent]";

    private static Envelope from(String sender) {
        return Envelope.of(Endpoint.of(sender, 1), Endpoint.of("engine", 2), Bytes.of((byte) 1));
    }

    @Test
    void newStartsAreRefusedWithTheReasonWhileARunningInstanceFinishesOnItsVersion() {
        Harness h = Harness.of(backend, P, PARENT);
        h.engine.start("p", "old", Map.of());

        h.engine.undeploy("p");

        assertThatThrownBy(() -> h.engine.start("p", "new", Map.of())).isInstanceOf(IllegalArgumentException.class)
                .hasMessage(UNDEPLOYED);
        assertThat(h.engine.procedures()).containsExactly("parent");
        assertThat(h.engine.definition("p")).isEmpty();
        h.engine.signal("p", "old", "skip");
        h.engine.send("p", "old", new Go());
        assertThat(h.journal.ended).extracting(e -> e.instance() + " " + e.last().state()).containsExactly("p[old] done");
    }

    @Test
    void anActionThatStartsAnUndeployedProcedureFailsItsStepWithTheReason() {
        Harness h = Harness.of(backend, P, PARENT);
        h.engine.undeploy("p");
        h.engine.start("parent", "k", Map.of());

        h.engine.send("parent", "k", new Go());

        assertThat(h.journal.failed).extracting(f -> f.cause().getMessage()).containsExactly(UNDEPLOYED);
        assertThat(h.engine.instance("p", "child")).isEmpty();
    }

    @Test
    void aRouteThatWouldCreateAnInstanceIsRejectedButOneToARunningInstanceIsDelivered() {
        Harness h = Harness.of(backend, b -> b.route(e -> Optional.of(Route.createIfAbsent("p", e.from().host(), new Go(),
                Map.of()))), P, PARENT);
        h.engine.start("p", "running", Map.of());
        h.engine.undeploy("p");

        h.engine.route(from("running"));
        h.engine.route(from("newcomer"));

        assertThat(h.state("p", "running")).isEqualTo("b");
        assertThat(h.engine.instance("p", "newcomer")).isEmpty();
        assertThat(h.journal.rejected).extracting(r -> r.instance() + " " + r.reason() + ": " + r.detail()).containsExactly(
                "p[newcomer] " + RejectionReason.UNKNOWN_PROCEDURE + ": a routing rule named procedure 'p', which was "
                        + "undeployed: its running instances finish, new ones are refused; deployed are [parent]");
    }

    @Test
    void aStoredRecordOfAnUndeployedProcedureIsStillBoundAndRuns() {
        RecoveryTest.CopyingStore durable = new RecoveryTest.CopyingStore();
        Harness h = Harness.on(backend, new ManualScheduler(), durable, P);
        h.engine.undeploy("p");
        durable.save(InstanceRecord.of("p", 1, P.fingerprint(), "stored", "a", Map.of(), Map.of(),
                List.of(), Map.of(), Optional.empty()));

        h.engine.send("p", "stored", new Go());

        assertThat(h.state("p", "stored")).isEqualTo("b");
    }

    @Test
    void aNewerVersionDeployedAfterAnUndeployStartsAgain() {
        Harness h = Harness.of(backend, P);
        h.engine.undeploy("p");

        assertThatThrownBy(() -> h.engine.deploy(P)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("procedure 'p' v1 was deployed before; a new definition needs a version above 1, got v1");
        h.engine.deploy(P.withVersion(2));
        h.engine.start("p", "k", Map.of());

        assertThat(h.engine.instance("p", "k").orElseThrow().version()).isEqualTo(2);
    }

    @Test
    void undeployingWhatIsNotDeployedIsRefused() {
        Harness h = Harness.of(backend, P);

        assertThatThrownBy(() -> h.engine.undeploy("q")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no procedure 'q' is deployed; deployed are [p]");
        h.engine.undeploy("p");
        assertThatThrownBy(() -> h.engine.undeploy("p")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("procedure 'p' was undeployed: its running instances finish, new ones are refused; deployed are []");
    }

    @Test
    void aSignalWithoutPayloadNeedsNoNullArgument() {
        Harness h = Harness.of(backend, P);
        h.engine.start("p", "k", Map.of());

        h.engine.signal("p", "k", "skip");

        assertThat(h.state("p", "k")).isEqualTo("b");
    }
}
