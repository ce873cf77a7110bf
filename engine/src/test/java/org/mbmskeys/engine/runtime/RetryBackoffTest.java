package org.mbmskeys.engine.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.mbmskeys.engine.Harness;
import org.mbmskeys.engine.OnBothBackends;
import org.mbmskeys.engine.model.ProcedureDefinition;
import org.mbmskeys.engine.model.RetryDefinition;
import org.mbmskeys.engine.spi.InstanceRecord;
import org.mbmskeys.engine.spi.ManualScheduler;

/**
 * A retry with back-off re-arms its timer with a growing delay, capped, optionally moved by jitter from
 * the engine's random source; the deadlines are absolute, so a restart keeps the schedule.
 */
@OnBothBackends
class RetryBackoffTest {

    private static final Instant T0 = ManualScheduler.DEFAULT_START;

    @Parameter
    String backend;

    private final List<Long> sentAt = new ArrayList<>();

    private ProcedureDefinition resend(RetryDefinition retry) {
        return ProcedureDefinition.builder("p")
                .state("sending", s -> s
                        .onEntry(ctx -> {
                            sentAt.add(Duration.between(T0, ctx.now()).toMillis());
                            ctx.send("out", "attempt " + ctx.attempt());
                        })
                        .after("ack", Duration.ofSeconds(2), t -> t.retry(retry).to("failed")))
                .finalState("failed")
                .errorState("broken")
                .build();
    }

    private static long endedAt(Harness h) {
        return Duration.between(T0, h.time.now()).toMillis();
    }

    @Test
    void eachRetryWaitsTheDelayTimesTheFactorToThePowerOfTheAttemptUpToTheCap() {
        Harness h = Harness.of(backend, resend(new RetryDefinition(4, 2.0, Optional.of(Duration.ofSeconds(30)), 0)));
        h.engine.start("p", "k", Map.of());

        h.time.advance(Duration.ofSeconds(59));
        assertThat(h.state("p", "k")).isEqualTo("sending");
        h.time.advance(Duration.ofSeconds(1));

        // 2 s, then 4, 8, 16, and 32 capped to 30
        assertThat(sentAt).containsExactly(0L, 2_000L, 6_000L, 14_000L, 30_000L);
        assertThat(h.journal.ended).extracting(e -> e.last().state()).containsExactly("failed");
        assertThat(endedAt(h)).isEqualTo(60_000L);
    }

    @Test
    void withoutBackOffEveryRetryWaitsTheSameDelay() {
        Harness h = Harness.of(backend, resend(new RetryDefinition(3)));
        h.engine.start("p", "k", Map.of());

        h.time.advance(Duration.ofSeconds(8));

        assertThat(sentAt).containsExactly(0L, 2_000L, 4_000L, 6_000L);
        assertThat(h.journal.ended).hasSize(1);
    }

    @Test
    void jitterMovesEachRetryByAtMostItsFractionWithTheEnginesRandomBytes() {
        // The harness's random bytes count up from 0, so the draws are 0x0001, 0x0203: spreads just above -1.
        Harness h = Harness.of(backend, resend(new RetryDefinition(3, 1.0, Optional.empty(), 0.5)));
        h.engine.start("p", "k", Map.of());

        h.time.advance(Duration.ofSeconds(10));

        assertThat(sentAt).hasSize(4);
        long[] waits = {sentAt.get(1) - sentAt.get(0), sentAt.get(2) - sentAt.get(1), sentAt.get(3) - sentAt.get(2)};
        assertThat(waits[0]).isEqualTo(2_000L);   // the first entry's delay is the timer's own
        for (int i = 1; i < 3; i++) {
            assertThat(waits[i]).isBetween(1_000L, 3_000L).isNotEqualTo(2_000L);
        }
        // retry 1 draws 0x0001, retry 2 draws 0x0203
        assertThat(waits[1]).isEqualTo(Math.round(2_000 * (1 + 0.5 * (1 / 65535.0 * 2 - 1))));
        assertThat(waits[2]).isEqualTo(Math.round(2_000 * (1 + 0.5 * (0x0203 / 65535.0 * 2 - 1))));
    }

    @Test
    void aRestartKeepsTheGrownDeadline() {
        RetryDefinition retry = new RetryDefinition(4, 3.0, Optional.empty(), 0);
        Harness before = Harness.of(backend, resend(retry));
        before.engine.start("p", "k", Map.of());
        before.time.advance(Duration.ofSeconds(3));   // retry 1 at 2 s; next due at 2 + 6 = 8 s
        assertThat(before.engine.instance("p", "k").orElseThrow().deadlines())
                .containsExactly(new InstanceRecord.Deadline("sending", "ack", T0.plusSeconds(8)));

        Harness after = Harness.restartOn(before, resend(retry));
        after.time.advance(Duration.ofMillis(4_999));
        assertThat(sentAt).containsExactly(0L, 2_000L);
        after.time.advance(Duration.ofMillis(1));

        assertThat(sentAt).containsExactly(0L, 2_000L, 8_000L);
        assertThat(after.engine.instance("p", "k").orElseThrow().deadlines())
                .containsExactly(new InstanceRecord.Deadline("sending", "ack", T0.plusSeconds(8 + 18)));
    }
}
