package org.mbmskeys.engine.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.mbmskeys.engine.Harness;
import org.mbmskeys.engine.OnBothBackends;
import org.mbmskeys.engine.TestEvents.Go;
import org.mbmskeys.engine.model.ProcedureDefinition;
import org.mbmskeys.engine.spi.InstanceRecord;
import org.mbmskeys.engine.spi.InstanceStore;
import org.mbmskeys.engine.spi.ManualScheduler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;

/**
 * A new engine on the same store takes the instances over: records are bound to the deployed
 * definitions, timers re-armed, and deadlines that passed while no engine ran fire once.
 */
@OnBothBackends
class RecoveryTest {

    @Parameter
    String backend;

    private static final Instant T0 = ManualScheduler.DEFAULT_START;

    /** Ticks every 5 s (a self-transition re-arms the timer) until Go. */
    private final ProcedureDefinition ticker = ProcedureDefinition.builder("ticker")
            .input("ue", String.class)
            .variable("ticks", Integer.class, 0)
            .state("ticking", s -> s
                    .after("tick", Duration.ofSeconds(5), t -> t
                            .action(ctx -> ctx.set("ticks", (Integer) ctx.get("ticks") + 1)).to("ticking"))
                    .on(Go.class, "stopped"))
            .state("stopped", s -> s.on(Go.class, "ticking"))
            .errorState("failed")
            .build();

    private final ProcedureDefinition resend = ProcedureDefinition.builder("resend")
            .state("delivering", s -> s
                    .onEntry(ctx -> ctx.send("out", "attempt " + ctx.attempt()))
                    .after("ack", Duration.ofSeconds(5), t -> t.retry(3).to("failed")))
            .finalState("failed")
            .errorState("broken")
            .build();

    private static int ticks(Harness h, Object key) {
        return (Integer) h.engine.instance("ticker", key).orElseThrow().variables().get("ticks");
    }

    @Test
    void aNewEngineOnTheSameStoreContinuesEachInstanceWhereItWas() {
        Harness before = Harness.of(backend, ticker);
        before.engine.start("ticker", "a", Map.of("ue", "a"));
        before.engine.start("ticker", "b", Map.of("ue", "b"));
        before.engine.send("ticker", "b", new Go());
        before.time.advance(Duration.ofSeconds(6));

        Harness after = Harness.restartOn(before, ticker);

        assertThat(after.state("ticker", "a")).isEqualTo("ticking");
        assertThat(after.state("ticker", "b")).isEqualTo("stopped");
        assertThat(ticks(after, "a")).isEqualTo(1);
        after.engine.send("ticker", "b", new Go());
        assertThat(after.state("ticker", "b")).isEqualTo("ticking");
    }

    @Test
    void aDeadlineThatPassedWhileNoEngineRanFiresOnceThenTheTimerRunsOnFromNow() {
        Harness before = Harness.of(backend, ticker);
        before.engine.start("ticker", "a", Map.of("ue", "a"));
        before.time.advance(Duration.ofSeconds(12));   // ticks at 5 and 10; next due at 15
        before.engine.close();
        before.time.advance(Duration.ofSeconds(20));   // t=32: three periods missed

        Harness after = Harness.on(backend, before.time, before.store, ticker);
        after.time.runDue();

        assertThat(ticks(after, "a")).isEqualTo(3);
        assertThat(after.engine.instance("ticker", "a").orElseThrow().deadlines())
                .containsExactly(new InstanceRecord.Deadline("ticking", "tick", T0.plusSeconds(37)));
        after.time.advance(Duration.ofSeconds(5));
        assertThat(ticks(after, "a")).isEqualTo(4);
    }

    @Test
    void aDeadlineStillAheadIsReArmedAndFiresOnTime() {
        Harness before = Harness.of(backend, ticker);
        before.engine.start("ticker", "a", Map.of("ue", "a"));
        before.time.advance(Duration.ofSeconds(3));

        Harness after = Harness.restartOn(before, ticker);
        after.time.advance(Duration.ofMillis(1999));
        assertThat(ticks(after, "a")).isZero();
        after.time.advance(Duration.ofMillis(1));

        assertThat(ticks(after, "a")).isEqualTo(1);
    }

    @Test
    void recordsReadBackFromADurableStoreAreBoundByNameWithTheirTimersAndRetryCounters() {
        CopyingStore durable = new CopyingStore();
        ManualScheduler time = new ManualScheduler();
        Harness before = Harness.on(backend, time, durable, ticker, resend);
        before.engine.start("ticker", "a", Map.of("ue", "a"));
        before.engine.start("resend", "r", Map.of());
        time.advance(Duration.ofSeconds(11));   // ticker: 2 ticks; resend: 2 retries
        before.engine.close();
        assertThat(durable.records.get("resend/r").attempts()).containsEntry("delivering", 2);

        Harness after = Harness.on(backend, time, durable, ticker, resend);
        time.advance(Duration.ofSeconds(4));   // t=15: both due

        assertThat(ticks(after, "a")).isEqualTo(3);
        assertThat(after.sent("out")).containsExactly("attempt 3");
        time.advance(Duration.ofSeconds(5));
        assertThat(after.journal.ended).extracting(e -> e.last().state()).containsExactly("failed");
        assertThat(durable.records).containsOnlyKeys("ticker/a");
    }

    /** Another node's instance, handed over while this engine runs: bound, saved, its missed deadline fired once. */
    @Test
    void aRunningEngineTakesOverAnotherEnginesInstanceAndItsMissedDeadlineFiresOnce() {
        CopyingStore gone = new CopyingStore();
        ManualScheduler time = new ManualScheduler();
        Harness other = Harness.on(backend, time, gone, resend);
        other.engine.start("resend", "r", Map.of());
        time.advance(Duration.ofSeconds(6));   // attempts 0 and 1 sent, at 0 and 5 s; the next is due at 10 s
        other.engine.close();
        InstanceRecord left = gone.records.get("resend/r");

        CopyingStore mine = new CopyingStore();
        Harness h = Harness.on(backend, time, mine, resend);
        time.advance(Duration.ofSeconds(6));   // t=12: that deadline has passed
        h.engine.takeOver(left);
        h.engine.takeOver(left);               // handed over twice: taken over once
        time.runDue();

        assertThat(h.sent("out")).containsExactly("attempt 2");
        assertThat(mine.records.get("resend/r").attempts()).containsEntry("delivering", 2);
        time.advance(Duration.ofSeconds(5));
        assertThat(h.sent("out")).containsExactly("attempt 2", "attempt 3");
    }

    @Test
    void aStoredRecordOfAProcedureThatIsNotDeployedStaysInTheStoreWithTheReasonAndIsReported() {
        CopyingStore durable = new CopyingStore();
        InstanceRecord orphan = InstanceRecord.of("gone", 1, "x", "somewhere", Map.of(), Map.of(),
                List.of(new InstanceRecord.Deadline("somewhere", "t", T0)), Map.of(), Optional.empty());
        durable.save(orphan);

        Harness h = Harness.on(backend, new ManualScheduler(), durable, ticker);
        h.time.advance(Duration.ofSeconds(1));

        String reason = "gone[x] started on v1 (fingerprint unknown), which is not deployed; no definition of 'gone' is "
                + "deployed. It does not continue on another definition: deploy the one it started on "
                + "(EngineBuilder.retired), or move it with a migration (EngineBuilder.migration)";
        InstanceRecord kept = durable.records.get("gone/x");
        assertThat(kept.state()).isEqualTo("somewhere");
        assertThat(kept.deadlines()).isEqualTo(orphan.deadlines());
        assertThat(kept.failure()).contains(reason);
        assertThat(h.journal.failed).extracting(f -> f.instance() + " in " + f.state() + ": " + f.cause())
                .containsExactly("gone[x] in somewhere: " + reason);
        assertThat(h.journal.steps).isEmpty();
    }

    @Test
    void aRecordWithoutFingerprintSavedOnAVersionThatIsNotDeployedFailsRatherThanSwitchingToTheNewest() {
        CopyingStore durable = new CopyingStore();
        durable.save(InstanceRecord.of("ticker", 7, "a", "stopped", Map.of("ue", "a"), Map.of("ticks", 9), List.of(),
                Map.of(), Optional.empty()));

        Harness h = Harness.on(backend, new ManualScheduler(), durable, ticker);
        h.engine.send("ticker", "a", new Go());

        assertThat(h.engine.instance("ticker", "a")).isEmpty();
        assertThat(h.journal.failed).extracting(f -> f.cause().getMessage()).singleElement().asString()
                .startsWith("ticker[a] started on v7 (fingerprint unknown), which is not deployed; deployed are v1 (fingerprint "
                        + ticker.fingerprint() + ").");
        assertThat(h.journal.rejected).extracting(r -> r.reason() + ": " + r.detail()).singleElement().asString()
                .startsWith("NO_INSTANCE: the stored instance of 'ticker' with key a does not run: ticker[a] started on v7");
    }

    @Test
    void aRecordWithoutFingerprintIsBoundByItsVersionNumber() {
        CopyingStore durable = new CopyingStore();
        durable.save(InstanceRecord.of("ticker", 1, "a", "stopped", Map.of("ue", "a"), Map.of("ticks", 9), List.of(),
                Map.of(), Optional.empty()));

        Harness h = Harness.on(backend, new ManualScheduler(), durable, ticker);
        h.engine.send("ticker", "a", new Go());

        assertThat(h.engine.instance("ticker", "a").orElseThrow()).satisfies(r -> {
            assertThat(r.version()).isEqualTo(1);
            assertThat(r.fingerprint()).contains(ticker.fingerprint());
            assertThat(r.state()).isEqualTo("ticking");
            assertThat(r.variables()).containsEntry("ticks", 9);
        });
    }

    /** Like a database: keeps immutable name-based copies, never the engine's objects. */
    static final class CopyingStore implements InstanceStore {
        final Map<String, InstanceRecord> records = new ConcurrentHashMap<>();

        @Override
        public Optional<InstanceRecord> load(String procedure, Object key) {
            return Optional.ofNullable(records.get(procedure + "/" + key));
        }

        @Override
        public void save(InstanceRecord record) {
            records.put(record.procedure() + "/" + record.key(), InstanceRecord.copyOf(record));
        }

        @Override
        public void remove(String procedure, Object key) {
            records.remove(procedure + "/" + key);
        }

        @Override
        public void forEach(Consumer<? super InstanceRecord> action) {
            records.values().forEach(action);
        }
    }
}
