package org.mbmskeys.engine.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The delay of each retry of a back-off, and the values a retry refuses. */
class RetryDefinitionTest {

    private static final Duration TWO_SECONDS = Duration.ofSeconds(2);

    @Test
    void theDelayGrowsByTheFactorPerRetryUpToTheCapAndTheFirstEntryKeepsTheTimersDelay() {
        RetryDefinition r = new RetryDefinition(6, 2.0, Optional.of(Duration.ofSeconds(30)), 0);

        assertThat(new long[] {r.delayMillis(TWO_SECONDS, 0), r.delayMillis(TWO_SECONDS, 1), r.delayMillis(TWO_SECONDS, 2),
                r.delayMillis(TWO_SECONDS, 3), r.delayMillis(TWO_SECONDS, 4), r.delayMillis(TWO_SECONDS, 5)})
                .containsExactly(2_000, 4_000, 8_000, 16_000, 30_000, 30_000);
    }

    @Test
    void jitterMovesARetrysDelayByItsFractionOfItselfButNotTheFirstEntry() {
        RetryDefinition r = new RetryDefinition(3, 1.0, Optional.empty(), 0.1);

        assertThat(r.delayMillis(TWO_SECONDS, 1, -1)).isEqualTo(1_800);
        assertThat(r.delayMillis(TWO_SECONDS, 1, 1)).isEqualTo(2_200);
        assertThat(r.delayMillis(TWO_SECONDS, 1, 0)).isEqualTo(2_000);
        assertThat(r.delayMillis(TWO_SECONDS, 0, 1)).isEqualTo(2_000);
    }

    @Test
    void aPlainRetryKeepsTheDelayAndChangesNothing() {
        RetryDefinition r = new RetryDefinition(3);

        assertThat(r).isEqualTo(new RetryDefinition(3, 1.0, Optional.empty(), 0));
        assertThat(r.changesDelay()).isFalse();
        assertThat(r.delayMillis(Duration.ofMillis(1500), 2)).isEqualTo(1_500);
    }

    @Test
    void refusesAFactorBelowOneANonPositiveCapAndJitterOutsideZeroToOne() {
        assertThatThrownBy(() -> new RetryDefinition(3, 0.5, Optional.empty(), 0))
                .hasMessage("a retry's back-off factor must be a number of at least 1, got 0.5");
        assertThatThrownBy(() -> new RetryDefinition(3, Double.NaN, Optional.empty(), 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetryDefinition(3, 2, Optional.of(Duration.ZERO), 0))
                .hasMessage("a retry's longest delay must be positive, got PT0S");
        assertThatThrownBy(() -> new RetryDefinition(3, 2, Optional.empty(), 1))
                .hasMessage("a retry's jitter must be a fraction from 0 up to (not including) 1, got 1.0");
        assertThatThrownBy(() -> new RetryDefinition(3, 2, Optional.empty(), -0.1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetryDefinition(0))
                .hasMessage("a bounded retry needs at least 1 attempt, got 0");
    }
}
