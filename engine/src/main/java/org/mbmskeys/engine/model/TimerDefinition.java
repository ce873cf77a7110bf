package org.mbmskeys.engine.model;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A state timer ({@code after(duration)}): armed on entry to the state, cancelled on exit, restartable by
 * an action. Its transition is the state's transition whose trigger is {@link Trigger.OnTimer} with this
 * name.
 *
 * <p>A timer's delay is fixed ({@code delay}) unless it is {@code computed} each time the timer is armed
 * ({@code after(delay('back-off') { ... })}); for a computed timer {@code delay} is only the smallest delay
 * the verifier compares a retry's {@code max} with.
 */
public record TimerDefinition(String name, Duration delay, SourceRef declaredAt, Optional<ComputedDelay> computed) {

    /** A timer with a fixed delay. */
    public TimerDefinition(String name, Duration delay, SourceRef declaredAt) {
        this(name, delay, declaredAt, Optional.empty());
    }

    public TimerDefinition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(delay, "delay");
        Objects.requireNonNull(declaredAt, "declaredAt");
        Objects.requireNonNull(computed, "computed");
        if (delay.isNegative() || delay.isZero()) {
            throw new IllegalArgumentException("timer '" + name + "' needs a positive delay, got " + delay);
        }
    }
}
