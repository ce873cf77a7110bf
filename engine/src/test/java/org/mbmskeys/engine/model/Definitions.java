package org.mbmskeys.engine.model;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Terse builders for definitions written in Java, as the runtime and its tests write them. Positions are java:LINE:1. */
final class Definitions {

    private Definitions() {
    }

    static SourceRef line(int n) {
        return new SourceRef("java", n, 1);
    }

    static final Action NOOP = context -> {
    };

    static TransitionDefinition on(Class<?> event, String target, int line) {
        return new TransitionDefinition(Trigger.event(event), Optional.empty(), List.of(), Optional.ofNullable(target),
                Optional.empty(), line(line));
    }

    static TransitionDefinition onTimer(String timer, String target, Integer retry, int line) {
        return new TransitionDefinition(Trigger.timer(timer), Optional.empty(), List.of(), Optional.ofNullable(target),
                Optional.ofNullable(retry).map(RetryDefinition::new), line(line));
    }

    static TransitionDefinition withAction(TransitionDefinition t) {
        return new TransitionDefinition(t.trigger(), t.guard(), List.of(NOOP), t.target(), t.retry(), t.declaredAt());
    }

    static TimerDefinition timer(String name, int line) {
        return new TimerDefinition(name, Duration.ofSeconds(5), line(line));
    }

    static StateDefinition state(String name, int line, TransitionDefinition... transitions) {
        return new StateDefinition(name, Optional.empty(), Optional.empty(), StateKind.NORMAL, List.of(), List.of(),
                List.of(transitions), List.of(), line(line));
    }

    static StateDefinition finalState(String name, int line) {
        return new StateDefinition(name, Optional.empty(), Optional.empty(), StateKind.FINAL, List.of(), List.of(),
                List.of(), List.of(), line(line));
    }

    static StateDefinition errorState(String name, int line) {
        return new StateDefinition(name, Optional.empty(), Optional.empty(), StateKind.ERROR, List.of(), List.of(),
                List.of(), List.of(), line(line));
    }

    static StateDefinition child(StateDefinition s, String parent) {
        return new StateDefinition(s.name(), Optional.of(parent), s.initialChild(), s.kind(), s.onEntry(), s.onExit(),
                s.transitions(), s.timers(), s.declaredAt());
    }

    static StateDefinition initialChild(StateDefinition s, String child) {
        return new StateDefinition(s.name(), s.parent(), Optional.of(child), s.kind(), s.onEntry(), s.onExit(),
                s.transitions(), s.timers(), s.declaredAt());
    }

    static StateDefinition withTimers(StateDefinition s, TimerDefinition... timers) {
        return new StateDefinition(s.name(), s.parent(), s.initialChild(), s.kind(), s.onEntry(), s.onExit(),
                s.transitions(), List.of(timers), s.declaredAt());
    }

    static StateDefinition withEntry(StateDefinition s) {
        return new StateDefinition(s.name(), s.parent(), s.initialChild(), s.kind(), List.of(NOOP), s.onExit(),
                s.transitions(), s.timers(), s.declaredAt());
    }

    static ProcedureDefinition procedure(String initial, StateDefinition... states) {
        return procedure(initial, null, List.of(), null, states);
    }

    static ProcedureDefinition procedure(String initial, String error, List<InputDefinition> inputs, String key,
                                         StateDefinition... states) {
        Map<String, StateDefinition> map = new LinkedHashMap<>();
        for (StateDefinition s : states) {
            map.put(s.name(), s);
        }
        return new ProcedureDefinition("p", 1, "", "", inputs, Optional.ofNullable(key), List.of(), map, initial,
                Optional.ofNullable(error), line(1));
    }

    static ProcedureDefinition withVariables(ProcedureDefinition d, VariableDefinition... variables) {
        return new ProcedureDefinition(d.name(), d.version(), d.description(), d.specRef(), d.inputs(), d.correlationKey(),
                new ArrayList<>(List.of(variables)), d.states(), d.initialState(), d.errorState(), d.declaredAt());
    }
}
