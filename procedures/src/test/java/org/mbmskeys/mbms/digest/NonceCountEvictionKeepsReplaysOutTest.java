package org.mbmskeys.mbms.digest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.mbmskeys.mbms.digest.NonceCounts.Outcome;

/**
 * How the nonce-count memory makes room (RFC 7616 §3.4, §5.3): an expired entry leaves without moving the
 * floor, an evicted live entry moves the floor up and never down, and a nonce at or below the floor is
 * FORGOTTEN, never accepted again with its old nc.
 */
class NonceCountEvictionKeepsReplaysOutTest {

    private static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");

    private static Instant t(long minutes) {
        return T0.plus(Duration.ofMinutes(minutes));
    }

    @Test
    void expiredEntriesLeaveTheMemoryWhenTheNextNonceArrives() {
        NonceCountTracker tracker = new NonceCountTracker(3);
        tracker.advance("a", 1, t(0), t(5), t(0));
        tracker.advance("b", 1, t(1), t(6), t(1));

        assertThat(tracker.advance("c", 1, t(7), t(12), t(7))).isEqualTo(Outcome.ACCEPTED);

        assertThat(tracker.size()).isEqualTo(1);
    }

    @Test
    void anUntrackedNonceIssuedBeforeTheEvictedOneIsForgottenNotTracked() {
        NonceCountTracker tracker = new NonceCountTracker(1);
        tracker.advance("late", 1, t(2), t(7), t(2));

        assertThat(tracker.advance("early", 1, t(1), t(6), t(3))).isEqualTo(Outcome.FORGOTTEN);

        assertThat(tracker.size()).isZero();
        assertThat(tracker.advance("early", 1, t(1), t(6), t(3))).isEqualTo(Outcome.FORGOTTEN);
    }

    @Test
    void aNonceIssuedExactlyAtTheFloorIsForgotten() {
        NonceCountTracker tracker = new NonceCountTracker(1);
        tracker.advance("a", 1, t(2), t(7), t(2));
        tracker.advance("b", 1, t(3), t(8), t(3));   // evicts a: the floor is t(2)

        assertThat(tracker.advance("same-time", 1, t(2), t(7), t(4))).isEqualTo(Outcome.FORGOTTEN);
    }

    @Test
    void theFloorNeverMovesDownWhenAnOlderNonceIsEvictedLater() {
        NonceCountTracker tracker = new NonceCountTracker(2);
        tracker.advance("a", 1, t(3), t(8), t(3));                       // used first, issued late
        tracker.advance("b", 1, t(1), t(6), t(3));                       // used second, issued early
        tracker.advance("c", 1, t(4), t(4).plusSeconds(1), t(4));        // evicts a: floor t(3); c expires soon
        assertThat(tracker.advance("d", 1, t(4), t(9), t(4))).isEqualTo(Outcome.ACCEPTED);   // evicts b (issued t(1))

        // c has expired, so there is room without an eviction; e was issued below the floor t(3).
        assertThat(tracker.advance("e", 1, t(2), t(7), t(5))).isEqualTo(Outcome.FORGOTTEN);
    }

    @Test
    void theFloorRisesWithEachLaterEviction() {
        NonceCountTracker tracker = new NonceCountTracker(1);
        tracker.advance("a", 1, t(2), t(12), t(2));
        tracker.advance("b", 1, t(3), t(13), t(3));   // evicts a: floor t(2)
        tracker.advance("c", 1, t(5), t(15), t(5));   // evicts b: floor t(3)

        assertThat(tracker.advance("between", 1, t(2).plusSeconds(30), t(12), t(6))).isEqualTo(Outcome.FORGOTTEN);
    }
}
