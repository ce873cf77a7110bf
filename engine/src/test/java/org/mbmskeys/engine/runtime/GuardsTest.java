package org.mbmskeys.engine.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mbmskeys.engine.Harness;
import org.mbmskeys.engine.OnBothBackends;
import org.mbmskeys.engine.TestEvents.Go;
import org.mbmskeys.engine.TestEvents.Ping;
import org.mbmskeys.engine.model.Guard;
import org.mbmskeys.engine.model.ProcedureDefinition;
import org.mbmskeys.engine.spi.InstanceRecord;
import org.mbmskeys.engine.spi.InstanceStore;
import org.mbmskeys.engine.spi.ManualScheduler;
import org.mbmskeys.engine.spi.RejectionReason;

/**
 * Guards only read: a transition that is not taken leaves the instance exactly as it was, on the
 * in-memory store (which hands out the engine's own record) and on a copying store (which hands out
 * copies) alike; a guard that tries to change or act fails its step with a reason that says so.
 */
@OnBothBackends
class GuardsTest {

    @Parameter
    String backend;

    private static Harness on(String backend, String store, ProcedureDefinition definition) {
        InstanceStore s = store.equals("copying") ? new RecoveryTest.CopyingStore() : InstanceStore.inMemory();
        return Harness.on(backend, new ManualScheduler(), s, definition);
    }

    /** Waits for Go in 'waiting' behind {@code guard}; Ping counts in an action, so there is something to keep. */
    private static ProcedureDefinition guarded(Guard guard) {
        return ProcedureDefinition.builder("p")
                .variable("tries", Integer.class, 0)
                .state("waiting", s -> s
                        .after("t", Duration.ofSeconds(5), t -> t.when(ctx -> false).to("done"))
                        .on(Go.class, t -> t.when(guard).to("done"))
                        .on(Ping.class, t -> t.action(ctx -> ctx.set("tries", (Integer) ctx.get("tries") + 1))))
                .finalState("done")
                .errorState("broken")
                .build();
    }

    private static InstanceRecord snapshot(Harness h) {
        return InstanceRecord.copyOf(h.engine.instance("p", "k").orElseThrow());
    }

    @ParameterizedTest(name = "on the {0} store")
    @ValueSource(strings = {"in-memory", "copying"})
    void aGuardThatSaysNoLeavesTheRecordExactlyAsItWas(String store) {
        Harness h = on(backend, store, guarded(ctx -> (Integer) ctx.get("tries") > 5 && ctx.attempt() == 0));
        h.engine.start("p", "k", Map.of());
        h.engine.send("p", "k", new Ping());
        InstanceRecord before = snapshot(h);

        h.engine.send("p", "k", new Go());

        assertThat(h.journal.rejected).extracting(r -> r.reason()).containsExactly(RejectionReason.GUARD_REJECTED);
        assertThat(snapshot(h)).isEqualTo(before);
    }

    @ParameterizedTest(name = "on the {0} store")
    @ValueSource(strings = {"in-memory", "copying"})
    void aGuardThatSetsAVariableFailsItsStepAndTheChangeIsNotKept(String store) {
        Harness h = on(backend, store, guarded(ctx -> {
            ctx.set("tries", 99);
            return false;
        }));
        h.engine.start("p", "k", Map.of());

        h.engine.send("p", "k", new Go());

        assertThat(h.journal.failed).singleElement().satisfies(f -> assertThat(f.cause())
                .hasMessageStartingWith("a guard cannot set variable 'tries' (in state 'waiting' of procedure 'p')")
                .hasMessageContaining("do it in the transition's action { } instead"));
        InstanceRecord last = h.journal.ended.get(0).last();
        assertThat(last.state()).isEqualTo("broken");
        assertThat(last.variables()).containsEntry("tries", 0);
        assertThat(h.journal.rejected).isEmpty();
    }

    @Test
    void aGuardThatSendsFailsItsStepAndNothingIsSent() {
        Harness h = Harness.of(backend, guarded(ctx -> {
            ctx.send("out", "from a guard");
            return true;
        }));
        h.engine.start("p", "k", Map.of());

        h.engine.send("p", "k", new Go());

        assertThat(h.sent).isEmpty();
        assertThat(h.journal.failed).singleElement()
                .satisfies(f -> assertThat(f.cause()).hasMessageStartingWith("a guard cannot send on 'out'"));
    }

    @Test
    void aGuardCannotEmitReplyStartSignalOrRestartATimer() {
        Guard[] guards = {
            ctx -> { ctx.emit("x"); return true; },
            ctx -> { ctx.reply("x"); return true; },
            ctx -> { ctx.start("p", "other", Map.of()); return true; },
            ctx -> { ctx.signal("p", "k", "s", null); return true; },
            ctx -> { ctx.restartTimer("t"); return true; },
        };
        String[] refused = {"emit", "reply", "start 'p'", "signal 's' to 'p'", "restartTimer 't'"};
        for (int i = 0; i < guards.length; i++) {
            Harness h = Harness.of(backend, guarded(guards[i]));
            h.engine.start("p", "k", Map.of());
            h.time.advance(Duration.ofSeconds(1));

            h.engine.send("p", "k", new Go());

            String expected = "a guard cannot " + refused[i] + " ";
            assertThat(h.journal.failed).as(refused[i]).singleElement()
                    .satisfies(f -> assertThat(f.cause()).hasMessageStartingWith(expected));
            assertThat(h.journal.outcomes).as(refused[i]).isEmpty();
            assertThat(h.journal.ended).as(refused[i]).extracting(e -> e.last().state()).containsExactly("broken");
        }
    }

    @ParameterizedTest(name = "on the {0} store")
    @ValueSource(strings = {"in-memory", "copying"})
    void aTimerWhoseGuardSaysNoIsSpentOnEveryStoreAndDoesNotFireAgainAfterARestart(String store) {
        Harness h = on(backend, store, guarded(ctx -> false));
        h.engine.start("p", "k", Map.of());
        h.time.advance(Duration.ofSeconds(5));
        assertThat(h.journal.rejected).extracting(r -> r.reason()).containsExactly(RejectionReason.GUARD_REJECTED);
        assertThat(h.store.load("p", "k").orElseThrow().deadlines()).isEmpty();

        Harness after = Harness.restartOn(h, guarded(ctx -> false));
        after.time.advance(Duration.ofSeconds(10));

        assertThat(after.journal.rejected).isEmpty();
        assertThat(after.state("p", "k")).isEqualTo("waiting");
    }
}
