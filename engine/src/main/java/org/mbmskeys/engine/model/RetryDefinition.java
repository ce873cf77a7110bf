package org.mbmskeys.engine.model;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A bounded retry on a timer: when the timer fires and fewer than {@code maxAttempts} retries were made
 * since the state was entered from outside, the state is re-entered (entry actions run again, timers
 * restart) and the attempt count grows by one; otherwise the transition's target is taken.
 *
 * <p>Back-off: after the n-th retry the timer is armed with {@code min(max, delay × backoff^n)} instead of
 * its own delay (n = 0, the first entry, uses the timer's delay as it is), then moved by up to
 * ± {@code jitter} of itself at random, so that many instances that failed together do not retry together.
 * {@code after(seconds(2)) { retry 4, backoff: 2.0, max: seconds(30) }} fires at 2, 6, 14, 30 and 60 s.
 *
 * @param maxAttempts how many times the state is re-entered before the target is taken, at least 1
 * @param backoff     the factor the delay grows by per retry, at least 1 (1: the same delay every time)
 * @param max         the largest delay a retry waits, before jitter; at least the timer's delay
 * @param jitter      a fraction in [0, 1): each retry's delay is moved by up to ± this much of itself
 */
public record RetryDefinition(int maxAttempts, double backoff, Optional<Duration> max, double jitter) {

    public RetryDefinition {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("a bounded retry needs at least 1 attempt, got " + maxAttempts);
        }
        if (!(backoff >= 1) || Double.isInfinite(backoff)) {
            throw new IllegalArgumentException("a retry's back-off factor must be a number of at least 1, got " + backoff);
        }
        Objects.requireNonNull(max, "max");
        if (max.filter(m -> m.isNegative() || m.isZero()).isPresent()) {
            throw new IllegalArgumentException("a retry's longest delay must be positive, got " + max.get());
        }
        if (!(jitter >= 0 && jitter < 1)) {
            throw new IllegalArgumentException("a retry's jitter must be a fraction from 0 up to (not including) 1, got "
                    + jitter);
        }
    }

    /** The same delay for every retry, no jitter. */
    public RetryDefinition(int maxAttempts) {
        this(maxAttempts, 1.0, Optional.empty(), 0.0);
    }

    /** Whether a retry waits anything but the timer's own delay. */
    public boolean changesDelay() {
        return backoff != 1.0 || jitter != 0.0;
    }

    /**
     * The delay of a timer whose own delay is {@code delay} after the {@code retry}-th retry (0: first
     * entry), in whole milliseconds rounded up, before jitter.
     */
    public long delayMillis(Duration delay, int retry) {
        double millis = delay.toNanos() / 1e6;
        if (retry == 0) {
            return (long) Math.ceil(millis);
        }
        if (backoff != 1.0) {
            millis *= Math.pow(backoff, retry);
        }
        if (max.isPresent()) {
            millis = Math.min(millis, max.get().toNanos() / 1e6);
        }
        return (long) Math.ceil(millis);
    }

    /**
     * {@link #delayMillis} moved by {@code spread × jitter} of itself ({@code spread} in [-1, 1], from the
     * engine's random source), for every retry after the first entry; never below 1 ms.
     */
    public long delayMillis(Duration delay, int retry, double spread) {
        long plain = delayMillis(delay, retry);
        if (retry == 0 || jitter == 0.0) {
            return plain;
        }
        return Math.max(1, Math.round(plain * (1 + jitter * spread)));
    }
}
