package org.mbmskeys.adapters.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mbmskeys.mbms.digest.NonceCounts;
import org.mbmskeys.mbms.digest.NonceCounts.Outcome;

/** The {@link NonceCounts} contract: each count is accepted once per nonce, in any order within the window of 64. */
abstract class NonceCountsContract {

    static final Instant T0 = Instant.parse("2026-12-04T10:00:00Z");
    static final Instant EXPIRY = T0.plusSeconds(300);

    NonceCounts counts;

    abstract NonceCounts newCounts();

    @BeforeEach
    void open() {
        counts = newCounts();
    }

    Outcome use(String nonce, long nc) {
        return counts.advance(nonce, nc, T0, EXPIRY, T0.plusSeconds(1));
    }

    @Test
    void eachCountIsAcceptedOnceInAnyOrderWithinTheWindow() {
        assertThat(use("a", 1)).isEqualTo(Outcome.ACCEPTED);
        assertThat(use("a", 1)).isEqualTo(Outcome.REPLAYED);
        assertThat(use("a", 3)).isEqualTo(Outcome.ACCEPTED);
        assertThat(use("a", 2)).as("below the highest, never used: arrived out of order").isEqualTo(Outcome.ACCEPTED);
        assertThat(use("a", 2)).isEqualTo(Outcome.REPLAYED);
        assertThat(use("a", 3)).isEqualTo(Outcome.REPLAYED);
        assertThat(use("a", 4)).isEqualTo(Outcome.ACCEPTED);
        assertThat(use("a", 100)).isEqualTo(Outcome.ACCEPTED);
        assertThat(use("a", 4)).as("accepted before, now below the window").isEqualTo(Outcome.REPLAYED);
        assertThat(use("a", 35)).as("never used, but below the window of 64").isEqualTo(Outcome.REPLAYED);
        assertThat(use("a", 36)).as("never used, the lowest count of the window").isEqualTo(Outcome.ACCEPTED);
    }

    @Test
    void eachNonceHasItsOwnCount() {
        assertThat(use("a", 5)).isEqualTo(Outcome.ACCEPTED);
        assertThat(use("b", 1)).isEqualTo(Outcome.ACCEPTED);
        assertThat(use("b", 1)).isEqualTo(Outcome.REPLAYED);
        assertThat(use("a", 5)).isEqualTo(Outcome.REPLAYED);
    }
}
