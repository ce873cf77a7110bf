package org.mbmskeys.engine.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.mbmskeys.engine.Harness;
import org.mbmskeys.engine.Journal;
import org.mbmskeys.engine.OnBothBackends;
import org.mbmskeys.engine.TestEvents.Go;
import org.mbmskeys.engine.TestEvents.Leave;
import org.mbmskeys.engine.TestEvents.Numbered;
import org.mbmskeys.engine.TestEvents.Ping;
import org.mbmskeys.engine.TestEvents.Stop;
import org.mbmskeys.engine.model.ProcedureDefinition;
import org.mbmskeys.engine.spi.InstanceRecord;
import org.mbmskeys.engine.spi.InstanceRef;
import org.mbmskeys.engine.spi.RejectionReason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;

/** An event nothing accepts is reported with its reason and changes nothing. */
@OnBothBackends
class RejectionTest {

    @Parameter
    String backend;

    private final ProcedureDefinition guarded = ProcedureDefinition.builder("p")
            .variable("seen", Integer.class, 0)
            .state("session", s -> s
                    .state("idle", i -> i
                            .on(Numbered.class, t -> t.when(ctx -> ((Numbered) ctx.event()).n() > 10).to("big"))
                            .on(Numbered.class, t -> t.when(ctx -> ((Numbered) ctx.event()).n() > 5).to("medium"))
                            .after("idle", Duration.ofSeconds(30), t -> t.to("big")))
                    .state("medium")
                    .state("big")
                    .onSignal("reset", "session"))
            .errorState("failed")
            .build();

    @Test
    void anEventNoTransitionAcceptsIsRejectedWithWhatTheStateWouldAccept() {
        Harness h = Harness.of(backend, guarded);
        h.engine.start("p", "k", Map.of());
        InstanceRecord before = h.engine.instance("p", "k").orElseThrow();

        h.engine.send("p", "k", new Go());

        Journal.Rejected r = h.journal.rejected.get(0);
        assertThat(r.instance()).isEqualTo(new InstanceRef("p", "k"));
        assertThat(r.event()).isEqualTo(new Go());
        assertThat(r.reason()).isEqualTo(RejectionReason.NO_TRANSITION);
        assertThat(r.detail()).isEqualTo("in state 'idle' (in session): Go is not accepted; accepted are: Numbered, "
                + "timer 'idle', signal 'reset'");
        assertThat(h.engine.instance("p", "k").orElseThrow()).isEqualTo(InstanceRecord.copyOf(before));
        assertThat(h.journal.steps).hasSize(1);   // only the start
    }

    @Test
    void anEventWhoseEveryGuardSaysNoIsRejectedAsGuardRejectedNamingTheTransitions() {
        Harness h = Harness.of(backend, guarded);
        h.engine.start("p", "k", Map.of());

        h.engine.send("p", "k", new Numbered(3));

        Journal.Rejected r = h.journal.rejected.get(0);
        assertThat(r.reason()).isEqualTo(RejectionReason.GUARD_REJECTED);
        assertThat(r.detail()).startsWith("in state 'idle' (in session): the guards of every transition on Numbered said no "
                + "(declared at RejectionTest.java:");
        assertThat(h.state("p", "k")).isEqualTo("idle");
    }

    @Test
    void theFirstTransitionWhoseGuardPassesIsTaken() {
        Harness h = Harness.of(backend, guarded);
        h.engine.start("p", "k", Map.of());
        h.engine.start("p", "k2", Map.of());

        h.engine.send("p", "k", new Numbered(7));
        h.engine.send("p", "k2", new Numbered(70));

        assertThat(h.state("p", "k")).isEqualTo("medium");
        assertThat(h.state("p", "k2")).isEqualTo("big");
    }

    @Test
    void aRejectedEventLeavesTimersAsTheyWere() {
        Harness h = Harness.of(backend, guarded);
        h.engine.start("p", "k", Map.of());
        h.time.advance(Duration.ofSeconds(20));

        h.engine.send("p", "k", new Go());
        h.time.advance(Duration.ofSeconds(10));

        assertThat(h.state("p", "k")).isEqualTo("big");
    }

    @Test
    void anEventForAnInstanceThatIsNotRunningIsRejectedAsNoInstance() {
        Harness h = Harness.of(backend, guarded);

        h.engine.send("p", "nobody", new Ping());

        Journal.Rejected r = h.journal.rejected.get(0);
        assertThat(r.reason()).isEqualTo(RejectionReason.NO_INSTANCE);
        assertThat(r.detail()).isEqualTo("no instance of 'p' with key nobody is running (it never started, or it ended)");
    }

    @Test
    void aSecondStartWithTheSameKeyIsRejectedAsAlreadyRunningAndLeavesTheInstanceAlone() {
        Harness h = Harness.of(backend, guarded);
        h.engine.start("p", "k", Map.of());
        h.engine.send("p", "k", new Numbered(7));

        h.engine.start("p", "k", Map.of());

        assertThat(h.journal.rejected).extracting(Journal.Rejected::reason).containsExactly(RejectionReason.ALREADY_RUNNING);
        assertThat(h.journal.rejected.get(0).detail()).startsWith("p v1 [k] in medium is already running");
        assertThat(h.state("p", "k")).isEqualTo("medium");
    }

    @Test
    void eventsToAnInstanceThatEndedAreRejectedAsNoInstance() {
        ProcedureDefinition p = ProcedureDefinition.builder("p")
                .state("a", s -> s.on(Stop.class, "done"))
                .finalState("done")
                .build();
        Harness h = Harness.of(backend, p);
        h.engine.start("p", "k", Map.of());
        h.engine.send("p", "k", new Stop());

        h.engine.send("p", "k", new Stop());

        assertThat(h.journal.rejected).extracting(Journal.Rejected::reason).containsExactly(RejectionReason.NO_INSTANCE);
        assertThat(h.store.load("p", "k")).isEmpty();
    }

    @Test
    void aGuardThatSendsIsNotARejectionButAFailureAndSendsNothing() {
        ProcedureDefinition p = ProcedureDefinition.builder("p")
                .state("a", s -> s.on(Go.class, t -> t.when(ctx -> {
                    ctx.send("out", "from a guard");
                    return false;
                }).to("b")))
                .state("b", s -> s.on(Leave.class, "left"))
                .errorState("failed")
                .finalState("left")
                .build();
        Harness h = Harness.of(backend, p);
        h.engine.start("p", "k", Map.of());

        h.engine.send("p", "k", new Go());

        assertThat(h.sent).isEmpty();
        assertThat(h.journal.rejected).isEmpty();
        assertThat(h.journal.failed).singleElement()
                .satisfies(f -> assertThat(f.cause()).hasMessageStartingWith("a guard cannot send on 'out'"));
    }

    @Test
    void theTraceKeepsRejectionsInOrderWithTheStateTheInstanceStayedIn() {
        Harness h = Harness.of(backend, guarded);
        h.engine.start("p", "k", Map.of());
        h.engine.send("p", "k", new Go());
        h.engine.send("p", "k", new Numbered(7));

        assertThat(h.trace("p", "k").toString()).isEqualTo(String.join("\n", List.of(
                "start -> idle (enter [session, idle])",
                "idle rejected Go: NO_TRANSITION",
                "idle -[Numbered]-> medium (exit [idle], enter [medium])")));
    }
}
