package org.mbmskeys.engine.model;

/**
 * A bounded retry on a timer: when the timer fires and fewer than {@code maxAttempts} retries were made
 * since the state was entered from outside, the state is re-entered (entry actions run again, timers
 * restart) and the attempt count grows by one; otherwise the transition's target is taken.
 */
public record RetryDefinition(int maxAttempts) {

    public RetryDefinition {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("a bounded retry needs at least 1 attempt, got " + maxAttempts);
        }
    }
}
