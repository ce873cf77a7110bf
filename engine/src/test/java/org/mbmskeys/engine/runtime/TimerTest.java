package org.mbmskeys.engine.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.mbmskeys.engine.Harness;
import org.mbmskeys.engine.OnBothBackends;
import org.mbmskeys.engine.TestEvents.Go;
import org.mbmskeys.engine.TestEvents.Leave;
import org.mbmskeys.engine.TestEvents.Ping;
import org.mbmskeys.engine.model.ProcedureDefinition;
import org.mbmskeys.engine.spi.InstanceRecord;
import org.mbmskeys.engine.spi.ManualScheduler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;

/** Timers are deadlines in the record: armed on entry, cancelled on exit, restartable. */
@OnBothBackends
class TimerTest {

    @Parameter
    String backend;

    private static final Instant T0 = ManualScheduler.DEFAULT_START;

    private final ProcedureDefinition waiting = ProcedureDefinition.builder("p")
            .state("waiting", s -> s
                    .after("answer", Duration.ofSeconds(5), t -> t.to("timedOut"))
                    .on(Go.class, "answered")
                    .on(Ping.class, t -> t.action(ctx -> ctx.restartTimer("answer"))))
            .state("answered", s -> s.on(Go.class, "waiting"))
            .state("timedOut", s -> s.on(Leave.class, "left"))
            .errorState("failed")
            .finalState("left")
            .build();

    @Test
    void aTimerArmedOnEntryFiresWhenItsDelayHasPassedAndNotBefore() {
        Harness h = Harness.of(backend, waiting);
        h.engine.start("p", "k", Map.of());

        assertThat(h.engine.instance("p", "k").orElseThrow().deadlines())
                .containsExactly(new InstanceRecord.Deadline("waiting", "answer", T0.plusSeconds(5)));
        h.time.advance(Duration.ofMillis(4999));
        assertThat(h.state("p", "k")).isEqualTo("waiting");

        h.time.advance(Duration.ofMillis(1));
        assertThat(h.state("p", "k")).isEqualTo("timedOut");
        assertThat(h.engine.instance("p", "k").orElseThrow().deadlines()).isEmpty();
    }

    @Test
    void leavingTheStateCancelsItsTimer() {
        Harness h = Harness.of(backend, waiting);
        h.engine.start("p", "k", Map.of());
        h.time.advance(Duration.ofSeconds(3));

        h.engine.send("p", "k", new Go());
        h.time.advance(Duration.ofSeconds(10));

        assertThat(h.state("p", "k")).isEqualTo("answered");
        assertThat(h.engine.instance("p", "k").orElseThrow().deadlines()).isEmpty();
        assertThat(h.journal.rejected).isEmpty();   // no stale timer event reached the instance
    }

    @Test
    void reenteringTheStateArmsTheTimerAfreshFromTheNewEntry() {
        Harness h = Harness.of(backend, waiting);
        h.engine.start("p", "k", Map.of());
        h.time.advance(Duration.ofSeconds(4));
        h.engine.send("p", "k", new Go());
        h.engine.send("p", "k", new Go());   // back in waiting at t=4s

        h.time.advance(Duration.ofSeconds(4));   // t=8s: the first arming would have fired at 5s
        assertThat(h.state("p", "k")).isEqualTo("waiting");
        h.time.advance(Duration.ofSeconds(1));   // t=9s
        assertThat(h.state("p", "k")).isEqualTo("timedOut");
    }

    @Test
    void restartingATimerPushesItsDeadlineBackFromNow() {
        Harness h = Harness.of(backend, waiting);
        h.engine.start("p", "k", Map.of());
        h.time.advance(Duration.ofSeconds(4));

        h.engine.send("p", "k", new Ping());   // restart at t=4s: due at 9s
        h.time.advance(Duration.ofSeconds(4));
        assertThat(h.state("p", "k")).isEqualTo("waiting");
        assertThat(h.engine.instance("p", "k").orElseThrow().deadlines())
                .containsExactly(new InstanceRecord.Deadline("waiting", "answer", T0.plusSeconds(9)));

        h.time.advance(Duration.ofSeconds(1));
        assertThat(h.state("p", "k")).isEqualTo("timedOut");
        assertThat(h.journal.rejected).isEmpty();
    }

    @Test
    void anInternalTransitionLeavesTheStatesTimersRunning() {
        ProcedureDefinition p = ProcedureDefinition.builder("p")
                .state("waiting", s -> s
                        .after("answer", Duration.ofSeconds(5), t -> t.to("timedOut"))
                        .on(Ping.class, t -> t.action(ctx -> ctx.emit("pong"))))
                .state("timedOut", s -> s.on(Leave.class, "left"))
                .errorState("failed")
                .finalState("left")
                .build();
        Harness h = Harness.of(backend, p);
        h.engine.start("p", "k", Map.of());
        h.time.advance(Duration.ofSeconds(4));

        h.engine.send("p", "k", new Ping());

        assertThat(h.engine.instance("p", "k").orElseThrow().deadlines())
                .containsExactly(new InstanceRecord.Deadline("waiting", "answer", T0.plusSeconds(5)));
        h.time.advance(Duration.ofSeconds(1));
        assertThat(h.state("p", "k")).isEqualTo("timedOut");
    }

    @Test
    void aTimerOfAnEnclosingStateKeepsRunningWhileTheInstanceMovesBetweenItsChildren() {
        ProcedureDefinition p = ProcedureDefinition.builder("p")
                .state("session", s -> s
                        .state("a", a -> a.on(Go.class, "b"))
                        .state("b", b -> b.on(Go.class, "a"))
                        .after("lifetime", Duration.ofSeconds(10), t -> t.to("expired")))
                .state("expired", s -> s.on(Leave.class, "left"))
                .finalState("left")
                .build();
        Harness h = Harness.of(backend, p);
        h.engine.start("p", "k", Map.of());

        for (int i = 0; i < 9; i++) {
            h.time.advance(Duration.ofSeconds(1));
            h.engine.send("p", "k", new Go());
        }
        assertThat(h.state("p", "k")).isEqualTo("b");
        h.time.advance(Duration.ofSeconds(1));

        assertThat(h.state("p", "k")).isEqualTo("expired");
    }

    @Test
    void onlyTheTransitionsOfTheStateWhoseTimerFiredMayTakeIt() {
        // The inner state's longer timer must not keep the outer one's from firing. (Two states cannot share
        // a timer name: the verifier refuses it, because a TimerFired carries only the name.)
        ProcedureDefinition p = ProcedureDefinition.builder("p")
                .state("outer", o -> o
                        .state("inner", i -> i.after("ti", Duration.ofSeconds(10), t -> t.to("innerFired")))
                        .state("innerFired")
                        .after("t", Duration.ofSeconds(3), t -> t.to("outerFired")))
                .state("outerFired", s -> s.on(Leave.class, "left"))
                .finalState("left")
                .build();
        Harness h = Harness.of(backend, p);
        h.engine.start("p", "k", Map.of());

        h.time.advance(Duration.ofSeconds(3));

        assertThat(h.state("p", "k")).isEqualTo("outerFired");
    }

    @Test
    void timersOfManyInstancesFireInDeadlineOrderAcrossLanes() {
        List<String> fired = new ArrayList<>();
        ProcedureDefinition p = ProcedureDefinition.builder("p")
                .input("delay", Integer.class)
                .state("a", s -> s
                        .onEntry(ctx -> ctx.set("unused", null))
                        .after("t", Duration.ofSeconds(1), t -> t.action(ctx -> fired.add(ctx.key() + "@"
                                + ctx.now().getEpochSecond() % 60)).to("b")))
                .state("b", s -> s.on(Leave.class, "left"))
                .variable("unused", Object.class, null)
                .errorState("failed")
                .finalState("left")
                .build();
        Harness h = Harness.of(backend, p);
        for (int i = 0; i < 6; i++) {
            h.time.advance(Duration.ofMillis(100));
            h.engine.start("p", "k" + i, Map.of("delay", i));
        }

        h.time.advance(Duration.ofSeconds(2));

        assertThat(fired).containsExactly("k0@1", "k1@1", "k2@1", "k3@1", "k4@1", "k5@1");
        assertThat(h.journal.steps).filteredOn(s -> s.to().equals("b")).hasSize(6);
    }

    @Test
    void restartingATimerTheStateDoesNotHaveFailsTheInstanceNamingTheTimersThere() {
        ProcedureDefinition p = ProcedureDefinition.builder("p")
                .state("a", s -> s
                        .after("answer", Duration.ofSeconds(5), t -> t.to("b"))
                        .on(Ping.class, t -> t.action(ctx -> ctx.restartTimer("anser"))))
                .state("b", s -> s.on(Leave.class, "left"))
                .errorState("failed")
                .finalState("left")
                .build();
        Harness h = Harness.of(backend, p);
        h.engine.start("p", "k", Map.of());

        h.engine.send("p", "k", new Ping());

        assertThat(h.journal.failed.get(0).cause()).hasMessage(
                "state 'a' and the states enclosing it have no timer 'anser'; timers there are [a.answer]");
    }

    @Test
    void aSubMillisecondDelayIsRoundedUpSoATimerNeverFiresEarly() {
        ProcedureDefinition p = ProcedureDefinition.builder("p")
                .state("a", s -> s.after("t", Duration.ofNanos(1_500_000), t -> t.to("b")))
                .state("b", s -> s.on(Leave.class, "left"))
                .finalState("left")
                .build();
        Harness h = Harness.of(backend, p);
        h.engine.start("p", "k", Map.of());

        h.time.advance(Duration.ofMillis(1));
        assertThat(h.state("p", "k")).isEqualTo("a");
        h.time.advance(Duration.ofMillis(1));
        assertThat(h.state("p", "k")).isEqualTo("b");
    }

    @Test
    void cancelledTimersDoNotPileUpWhileNoDeadlineComesDue() {
        // A re-key of a whole key group in miniature: every instance arms a timer and has it cancelled long before
        // it is due, and virtual time does not move. The stale heap entries must be dropped as they pile up, not
        // only when a deadline fires, and the one live timer must survive the compactions.
        Harness h = Harness.of(backend, waiting);
        h.engine.start("p", "keeper", Map.of());
        for (int i = 0; i < 10_000; i++) {
            h.engine.start("p", i, Map.of());
            h.engine.send("p", i, new Go());
        }

        // four lanes, each compacting once over 1,024 of its entries are stale: without that, 10,001 entries
        assertThat(((DefaultEngine) h.engine).timerEntries()).isLessThan(4 * 1_100);
        h.time.advance(Duration.ofSeconds(5));
        assertThat(h.state("p", "keeper")).isEqualTo("timedOut");
        assertThat(h.state("p", 9_999)).isEqualTo("answered");
        assertThat(h.journal.rejected).isEmpty();
    }
}
