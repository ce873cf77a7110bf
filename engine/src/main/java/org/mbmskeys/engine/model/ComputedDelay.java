package org.mbmskeys.engine.model;

import java.util.Objects;

/**
 * A timer delay computed on arming ({@link TimerDelay}), with the text diagrams show for it
 * ({@code after back-off}).
 *
 * @param function computes the delay from a read-only view of the instance
 * @param label what the delay is, in words; never blank
 */
public record ComputedDelay(TimerDelay function, String label) {

    public ComputedDelay {
        Objects.requireNonNull(function, "function");
        Objects.requireNonNull(label, "label");
        if (label.isBlank()) {
            throw new IllegalArgumentException("a computed delay needs a label saying what it is");
        }
    }
}
