package org.mbmskeys.engine.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A transition of a state: on {@code trigger}, if {@code guard} passes, run {@code actions} and go to
 * {@code target} (exiting and entering states as the hierarchy requires). An empty target makes it an
 * internal transition: the actions run and the instance stays in its state, no exit or entry, timers
 * untouched.
 *
 * @param retry for a timer transition: re-enter the state up to {@code retry.maxAttempts()} times before
 *              taking {@code target}
 */
public record TransitionDefinition(Trigger trigger, Optional<Guard> guard, List<Action> actions,
                                   Optional<String> target, Optional<RetryDefinition> retry, SourceRef declaredAt) {

    public TransitionDefinition {
        Objects.requireNonNull(trigger, "trigger");
        Objects.requireNonNull(guard, "guard");
        actions = List.copyOf(actions);
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(retry, "retry");
        Objects.requireNonNull(declaredAt, "declaredAt");
        if (retry.isPresent() && !(trigger instanceof Trigger.OnTimer)) {
            throw new IllegalArgumentException("a bounded retry belongs on a timer transition, not on " + trigger);
        }
    }

    public boolean isInternal() {
        return target.isEmpty() && retry.isEmpty();
    }
}
