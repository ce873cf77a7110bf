package org.mbmskeys.engine.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One state. States nest: a composite state has children and an initial child, entered when the
 * composite is entered. Transitions of an enclosing state apply in all its descendants (the innermost
 * matching transition wins). State names are unique within a procedure.
 */
public record StateDefinition(String name, Optional<String> parent, Optional<String> initialChild, StateKind kind,
                              List<Action> onEntry, List<Action> onExit, List<TransitionDefinition> transitions,
                              List<TimerDefinition> timers, SourceRef declaredAt) {

    public StateDefinition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(parent, "parent");
        Objects.requireNonNull(initialChild, "initialChild");
        Objects.requireNonNull(kind, "kind");
        onEntry = List.copyOf(onEntry);
        onExit = List.copyOf(onExit);
        transitions = List.copyOf(transitions);
        timers = List.copyOf(timers);
        Objects.requireNonNull(declaredAt, "declaredAt");
    }

    public boolean isComposite() {
        return initialChild.isPresent();
    }

    public Optional<TimerDefinition> timer(String timerName) {
        return timers.stream().filter(t -> t.name().equals(timerName)).findFirst();
    }
}
