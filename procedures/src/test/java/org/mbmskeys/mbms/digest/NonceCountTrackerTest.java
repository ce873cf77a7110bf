package org.mbmskeys.mbms.digest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.mbmskeys.mbms.digest.NonceCounts.Outcome;

/** Per-nonce nc must strictly increase (RFC 7616 §3.4, §5.3); memory is bounded without opening a replay. */
class NonceCountTrackerTest {

    private static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");
    private static final Duration LIFETIME = Duration.ofMinutes(5);

    private final NonceCountTracker tracker = new NonceCountTracker(1000);

    private Outcome use(NonceCountTracker t, String nonce, long nc, Instant issuedAt, Instant now) {
        return t.advance(nonce, nc, issuedAt, issuedAt.plus(LIFETIME), now);
    }

    @Test
    void increasingCountsAreAcceptedEvenWithGaps() {
        assertThat(use(tracker, "a", 1, T0, T0)).isEqualTo(Outcome.ACCEPTED);
        assertThat(use(tracker, "a", 2, T0, T0)).isEqualTo(Outcome.ACCEPTED);
        assertThat(use(tracker, "a", 7, T0, T0)).isEqualTo(Outcome.ACCEPTED);
    }

    @Test
    void sameCountAgainIsAReplay() {
        use(tracker, "a", 1, T0, T0);

        assertThat(use(tracker, "a", 1, T0, T0)).isEqualTo(Outcome.REPLAYED);
    }

    @Test
    void aLowerCountNeverUsedIsAcceptedOnceAndOneBelowTheWindowIsAReplay() {
        use(tracker, "a", 5, T0, T0);

        assertThat(use(tracker, "a", 3, T0, T0)).isEqualTo(Outcome.ACCEPTED);
        assertThat(use(tracker, "a", 3, T0, T0)).isEqualTo(Outcome.REPLAYED);
        assertThat(use(tracker, "a", 6, T0, T0)).isEqualTo(Outcome.ACCEPTED);
        assertThat(use(tracker, "a", 70, T0, T0)).isEqualTo(Outcome.ACCEPTED);
        assertThat(use(tracker, "a", 5, T0, T0)).as("below the window of 64").isEqualTo(Outcome.REPLAYED);
        assertThat(use(tracker, "a", 6, T0, T0)).as("the window's lowest, accepted before").isEqualTo(Outcome.REPLAYED);
        assertThat(use(tracker, "a", 7, T0, T0)).isEqualTo(Outcome.ACCEPTED);
    }

    @Test
    void countsOfDifferentNoncesAreIndependent() {
        use(tracker, "a", 5, T0, T0);

        assertThat(use(tracker, "b", 1, T0, T0)).isEqualTo(Outcome.ACCEPTED);
    }

    @Test
    void whenFullTheEvictedNonceIsForgottenNotReopenedForReplay() {
        NonceCountTracker small = new NonceCountTracker(2);
        use(small, "a", 1, T0, T0);
        use(small, "b", 1, T0.plusSeconds(1), T0.plusSeconds(1));

        assertThat(use(small, "c", 1, T0.plusSeconds(2), T0.plusSeconds(2))).isEqualTo(Outcome.ACCEPTED);
        assertThat(small.size()).isEqualTo(2);
        // "a" was evicted: its old nc must not be accepted again; the client is sent to a new nonce instead.
        assertThat(use(small, "a", 1, T0, T0.plusSeconds(3))).isEqualTo(Outcome.FORGOTTEN);
        assertThat(use(small, "c", 2, T0.plusSeconds(2), T0.plusSeconds(3))).isEqualTo(Outcome.ACCEPTED);
    }

    @Test
    void whenFullTheFirstUsedNonceIsEvictedWithoutScanningForExpiredOnes() {
        NonceCountTracker small = new NonceCountTracker(3);
        use(small, "a", 1, T0, T0);
        // "b" was issued long ago: used second, it expires first, behind the live "a".
        small.advance("b", 1, T0.minus(LIFETIME), T0.plusSeconds(1), T0);
        use(small, "c", 1, T0, T0);
        Instant later = T0.plusSeconds(2);

        assertThat(use(small, "d", 1, later, later)).isEqualTo(Outcome.ACCEPTED);

        // The bound holds, and the eldest entry went, not the expired one further in (no O(n) scan).
        assertThat(small.size()).isEqualTo(3);
        assertThat(use(small, "a", 2, T0, later)).isEqualTo(Outcome.FORGOTTEN);
        assertThat(use(small, "c", 1, T0, later)).isEqualTo(Outcome.REPLAYED);
        assertThat(use(small, "d", 1, later, later)).isEqualTo(Outcome.REPLAYED);
    }

    @Test
    void evictionFollowsFirstUseNotLaterUse() {
        NonceCountTracker small = new NonceCountTracker(2);
        use(small, "a", 1, T0, T0);
        use(small, "b", 1, T0.plusSeconds(1), T0.plusSeconds(1));
        use(small, "a", 2, T0, T0.plusSeconds(2));

        use(small, "c", 1, T0.plusSeconds(3), T0.plusSeconds(3));

        assertThat(use(small, "a", 3, T0, T0.plusSeconds(4))).isEqualTo(Outcome.FORGOTTEN);
        assertThat(use(small, "b", 1, T0.plusSeconds(1), T0.plusSeconds(4))).isEqualTo(Outcome.REPLAYED);
    }

    @Test
    void expiredEntriesMakeRoomWithoutForgettingLiveNonces() {
        NonceCountTracker small = new NonceCountTracker(1);
        use(small, "a", 1, T0, T0);
        Instant afterExpiry = T0.plus(LIFETIME).plusSeconds(1);

        assertThat(use(small, "b", 1, afterExpiry, afterExpiry)).isEqualTo(Outcome.ACCEPTED);
        assertThat(small.size()).isEqualTo(1);
        assertThat(use(small, "b", 1, afterExpiry, afterExpiry)).isEqualTo(Outcome.REPLAYED);
    }
}
