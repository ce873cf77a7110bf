package org.mbmskeys.engine.model;

import java.time.Duration;
import java.util.Objects;

/**
 * A state timer ({@code after(duration)}): armed on entry to the state, cancelled on exit, restartable by
 * an action. Its transition is the state's transition whose trigger is {@link Trigger.OnTimer} with this
 * name.
 */
public record TimerDefinition(String name, Duration delay, SourceRef declaredAt) {

    public TimerDefinition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(delay, "delay");
        Objects.requireNonNull(declaredAt, "declaredAt");
        if (delay.isNegative() || delay.isZero()) {
            throw new IllegalArgumentException("timer '" + name + "' needs a positive delay, got " + delay);
        }
    }
}
