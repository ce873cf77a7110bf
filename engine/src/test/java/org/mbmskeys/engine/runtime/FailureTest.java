package org.mbmskeys.engine.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.mbmskeys.engine.Harness;
import org.mbmskeys.engine.Journal;
import org.mbmskeys.engine.OnBothBackends;
import org.mbmskeys.engine.TestEvents.Go;
import org.mbmskeys.engine.TestEvents.Leave;
import org.mbmskeys.engine.TestEvents.Ping;
import org.mbmskeys.engine.model.InvalidDefinitionException;
import org.mbmskeys.engine.model.ProcedureDefinition;
import org.mbmskeys.engine.spi.InstanceRef;
import org.mbmskeys.engine.spi.ProcedureListener;
import org.mbmskeys.engine.spi.Step;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;

/**
 * A guard or action that throws moves its instance to the error state with the cause recorded; the
 * failed step's effects are dropped; the engine and the other instances carry on.
 */
@OnBothBackends
class FailureTest {

    @Parameter
    String backend;

    private final List<String> log = new ArrayList<>();

    private ProcedureDefinition failing(boolean withErrorState) {
        var b = ProcedureDefinition.builder("p")
                .state("session", s -> s
                        .onExit(ctx -> log.add("exit session"))
                        .state("a", a -> a
                                .onExit(ctx -> log.add("exit a"))
                                .after("t", Duration.ofSeconds(5), t -> t.to("b"))
                                .on(Go.class, t -> t.action(ctx -> {
                                    ctx.send("out", "before the failure");
                                    ctx.emit("half done");
                                    if (ctx.key().equals("bad")) {
                                        throw new IllegalStateException("key store unavailable");
                                    }
                                }).to("b"))
                                .on(Ping.class, t -> t.when(ctx -> {
                                    throw new ArithmeticException("guard broke");
                                }).to("b")))
                        .state("b", rest -> rest.on(Leave.class, "left")));
        if (withErrorState) {
            b.errorState("broken", e -> e.onEntry(ctx -> {
                log.add("enter broken after " + ctx.event());
                ctx.send("out", "failure notice");
            }));
        }
        return b.finalState("left").build();
    }

    @Test
    void anExceptionInAnActionMovesTheInstanceToTheErrorStateWithTheCauseRecorded() {
        Harness h = Harness.of(backend, failing(true));
        h.engine.start("p", "bad", Map.of());

        h.engine.send("p", "bad", new Go());

        Journal.Failed f = h.journal.failed.get(0);
        assertThat(f.state()).isEqualTo("a");
        assertThat(f.cause()).isInstanceOf(IllegalStateException.class).hasMessage("key store unavailable");
        Journal.Ended ended = h.journal.ended.get(0);
        assertThat(ended.last().state()).isEqualTo("broken");
        assertThat(ended.last().failure()).contains("java.lang.IllegalStateException: key store unavailable");
        assertThat(h.journal.steps.get(1)).isEqualTo(new Step.Failed("a", "Go",
                "java.lang.IllegalStateException: key store unavailable", "broken"));
        assertThat(h.store.load("p", "bad")).isEmpty();
    }

    @Test
    void theEffectsOfTheFailedStepAreDroppedButTheErrorStatesEntryActionsRunAndTheirsAreCarriedOut() {
        Harness h = Harness.of(backend, failing(true));
        h.engine.start("p", "bad", Map.of());

        h.engine.send("p", "bad", new Go());

        assertThat(h.sent("out")).containsExactly("failure notice");
        assertThat(h.journal.outcomes).isEmpty();
        // 'a' was exited by the transition before its action threw; nothing else of the instance ran.
        assertThat(log).containsExactly("exit a", "enter broken after Go[]");
    }

    @Test
    void theFailureDoesNotRunTheExitActionsOfTheStatesTheInstanceIsStillIn() {
        Harness h = Harness.of(backend, failing(true));
        h.engine.start("p", "k", Map.of());

        h.engine.send("p", "k", new Ping());   // the guard throws before anything was exited

        assertThat(log).containsExactly("enter broken after Ping[]");
    }

    @Test
    void anExceptionInAGuardFailsTheInstanceToo() {
        Harness h = Harness.of(backend, failing(true));
        h.engine.start("p", "k", Map.of());

        h.engine.send("p", "k", new Ping());

        assertThat(h.journal.failed).extracting(f -> f.cause().getMessage()).containsExactly("guard broke");
        assertThat(h.journal.ended.get(0).last().state()).isEqualTo("broken");
    }

    @Test
    void aProcedureWhoseActionsMayFailButThatHasNoErrorStateIsNotDeployed() {
        assertThatThrownBy(() -> Harness.of(backend, failing(false)))
                .isInstanceOf(InvalidDefinitionException.class)
                .hasMessageContaining("procedure 'p' has actions or guards, which may fail, but no error state; "
                        + "add errorState 'failed' (an instance whose action or guard throws moves there)");
    }

    @Test
    void aFailedInstancesTimersAreCancelled() {
        Harness h = Harness.of(backend, failing(true));
        h.engine.start("p", "bad", Map.of());
        h.engine.send("p", "bad", new Go());

        h.time.advance(Duration.ofSeconds(10));

        assertThat(h.journal.rejected).isEmpty();
        assertThat(h.journal.steps).hasSize(2);
    }

    @Test
    void otherInstancesAndTheEngineCarryOnAfterAFailure() {
        Harness h = Harness.of(backend, failing(true));
        h.engine.start("p", "bad", Map.of());
        h.engine.start("p", "good", Map.of());

        h.engine.send("p", "bad", new Go());
        h.engine.send("p", "good", new Go());
        h.engine.start("p", "later", Map.of());

        assertThat(h.state("p", "good")).isEqualTo("b");
        assertThat(h.state("p", "later")).isEqualTo("a");
        assertThat(h.journal.outcomes).extracting(Journal.Outcome::outcome).containsExactly("half done");
    }

    @Test
    void anErrorStateEntryThatThrowsAgainIsAddedToTheCauseAndItsEffectsDropped() {
        ProcedureDefinition p = ProcedureDefinition.builder("p")
                .state("a", s -> s.on(Leave.class, "left").on(Go.class, t -> t.action(ctx -> {
                    throw new IllegalStateException("first");
                }).to("a")))
                .errorState("broken", e -> e.onEntry(ctx -> {
                    ctx.send("out", "never");
                    throw new IllegalStateException("second");
                }))
                .finalState("left")
                .build();
        Harness h = Harness.of(backend, p);
        h.engine.start("p", "k", Map.of());

        h.engine.send("p", "k", new Go());

        Throwable cause = h.journal.failed.get(0).cause();
        assertThat(cause).hasMessage("first");
        assertThat(cause.getSuppressed()).extracting(Throwable::getMessage).containsExactly("second");
        assertThat(h.sent).isEmpty();
        assertThat(h.journal.ended.get(0).last().state()).isEqualTo("broken");
    }

    @Test
    void aFailureInAnEntryActionDuringStartFailsTheNewInstance() {
        ProcedureDefinition p = ProcedureDefinition.builder("p")
                .state("a", s -> s.on(Leave.class, "left").onEntry(ctx -> {
                    throw new IllegalArgumentException("bad input");
                }))
                .errorState("broken")
                .finalState("left")
                .build();
        Harness h = Harness.of(backend, p);

        h.engine.start("p", "k", Map.of());

        assertThat(h.journal.steps).containsExactly(new Step.Failed("a", "start",
                "java.lang.IllegalArgumentException: bad input", "broken"));
        assertThat(h.state("p", "k")).isEqualTo("(none)");
    }

    @Test
    void aListenerThatThrowsDoesNotStopTheOtherListenersOrTheInstance() {
        Journal after = new Journal();
        ProcedureDefinition p = ProcedureDefinition.builder("p").state("a", s -> s.on(Go.class, "b")).state("b", s -> s.on(Leave.class, "left")).finalState("left").build();
        Harness h = Harness.of(backend, b -> b
                .listener(new ProcedureListener() {
                    @Override
                    public void transitioned(InstanceRef instance, Step step) {
                        throw new IllegalStateException("listener bug");
                    }
                })
                .listener(after), p);
        h.engine.start("p", "k", Map.of());

        h.engine.send("p", "k", new Go());

        assertThat(after.steps).hasSize(2);
        assertThat(h.state("p", "k")).isEqualTo("b");
    }
}
