package org.mbmskeys.engine.diagram;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.mbmskeys.engine.model.Guard;
import org.mbmskeys.engine.model.ProcedureDefinition;
import org.mbmskeys.engine.model.RetryDefinition;
import org.mbmskeys.engine.model.SourceRef;
import org.mbmskeys.engine.model.StateDefinition;
import org.mbmskeys.engine.model.StateKind;
import org.mbmskeys.engine.model.TimerDefinition;
import org.mbmskeys.engine.model.TransitionDefinition;
import org.mbmskeys.engine.model.Trigger;

/**
 * Builds definitions in Java for diagram tests, without the DSL: states in declaration order, nested
 * through {@link StateBuilder#state}. Source positions count up per declaration so error messages can be
 * asserted.
 */
final class DefinitionBuilder {

    private static final Guard ALWAYS = context -> true;

    private final String name;
    private String description = "";
    private String spec = "";
    private String initial;
    private Optional<String> error = Optional.empty();
    private final Map<String, StateBuilder> states = new LinkedHashMap<>();
    private int line = 1;

    private DefinitionBuilder(String name) {
        this.name = name;
    }

    static DefinitionBuilder procedure(String name) {
        return new DefinitionBuilder(name);
    }

    DefinitionBuilder description(String text) {
        this.description = text;
        return this;
    }

    DefinitionBuilder spec(String reference) {
        this.spec = reference;
        return this;
    }

    DefinitionBuilder initial(String state) {
        this.initial = state;
        return this;
    }

    /** Names the error state; declare it with {@link StateBuilder#error()}, or not, to test a bad reference. */
    DefinitionBuilder errorState(String state) {
        this.error = Optional.of(state);
        return this;
    }

    DefinitionBuilder state(String stateName, Consumer<StateBuilder> body) {
        return declare(stateName, Optional.empty(), body);
    }

    DefinitionBuilder state(String stateName) {
        return state(stateName, s -> { });
    }

    private DefinitionBuilder declare(String stateName, Optional<String> parent, Consumer<StateBuilder> body) {
        StateBuilder s = new StateBuilder(stateName, parent, at());
        states.put(stateName, s);
        body.accept(s);
        return this;
    }

    ProcedureDefinition build() {
        Map<String, StateDefinition> built = new LinkedHashMap<>();
        states.forEach((n, s) -> built.put(n, s.build()));
        String first = initial != null ? initial : states.keySet().iterator().next();
        return new ProcedureDefinition(name, 1, description, spec, List.of(), Optional.empty(), List.of(), built,
                first, error, new SourceRef(name + ".groovy", 1, 1));
    }

    private SourceRef at() {
        return new SourceRef(name + ".groovy", ++line, 5);
    }

    /** One state: its children, kind, transitions and timers. */
    final class StateBuilder {

        private final String stateName;
        private final Optional<String> parent;
        private final SourceRef declaredAt;
        private Optional<String> initialChild = Optional.empty();
        private StateKind kind = StateKind.NORMAL;
        private final List<TransitionDefinition> transitions = new ArrayList<>();
        private final List<TimerDefinition> timers = new ArrayList<>();

        private StateBuilder(String stateName, Optional<String> parent, SourceRef declaredAt) {
            this.stateName = stateName;
            this.parent = parent;
            this.declaredAt = declaredAt;
        }

        /** A child state; the first child declared is the initial child unless {@link #initial} says otherwise. */
        StateBuilder state(String child, Consumer<StateBuilder> body) {
            if (initialChild.isEmpty()) {
                initialChild = Optional.of(child);
            }
            declare(child, Optional.of(stateName), body);
            return this;
        }

        StateBuilder state(String child) {
            return state(child, s -> { });
        }

        StateBuilder initial(String child) {
            initialChild = Optional.of(child);
            return this;
        }

        StateBuilder finalState() {
            kind = StateKind.FINAL;
            return this;
        }

        StateBuilder error() {
            kind = StateKind.ERROR;
            return this;
        }

        StateBuilder on(Class<?> event, String target) {
            return add(Trigger.event(event), false, Optional.of(target), Optional.empty());
        }

        StateBuilder onGuarded(Class<?> event, String target) {
            return add(Trigger.event(event), true, Optional.of(target), Optional.empty());
        }

        /** A guarded transition whose guard has a label, as the DSL gives it. */
        StateBuilder onGuarded(Class<?> event, String target, String guardLabel) {
            return add(Trigger.event(event), Optional.of(guardLabel), Optional.of(target), Optional.empty());
        }

        StateBuilder onSignal(String signal, String target) {
            return add(Trigger.signal(signal), false, Optional.of(target), Optional.empty());
        }

        /** An internal transition: no target, the instance stays. */
        StateBuilder internal(Trigger trigger, boolean guarded) {
            return add(trigger, guarded, Optional.empty(), Optional.empty());
        }

        /** An internal transition with a labelled guard. */
        StateBuilder internal(Trigger trigger, String guardLabel) {
            return add(trigger, Optional.of(guardLabel), Optional.empty(), Optional.empty());
        }

        StateBuilder after(Duration delay, String target) {
            return add(timer(delay), false, Optional.of(target), Optional.empty());
        }

        StateBuilder afterRetrying(Duration delay, int attempts, String target) {
            return add(timer(delay), false, Optional.of(target), Optional.of(new RetryDefinition(attempts)));
        }

        StateBuilder afterRetrying(Duration delay, RetryDefinition retry, String target) {
            return add(timer(delay), false, Optional.of(target), Optional.of(retry));
        }

        /** A timer transition on a timer the state does not declare, as only an unverified model can have. */
        StateBuilder onUndeclaredTimer(String timer, String target) {
            return add(Trigger.timer(timer), false, Optional.of(target), Optional.empty());
        }

        private Trigger timer(Duration delay) {
            String timerName = stateName + "#timer" + (timers.size() + 1);
            timers.add(new TimerDefinition(timerName, delay, at()));
            return Trigger.timer(timerName);
        }

        private StateBuilder add(Trigger trigger, boolean guarded, Optional<String> target,
                                 Optional<RetryDefinition> retry) {
            transitions.add(new TransitionDefinition(trigger, guarded ? Optional.of(ALWAYS) : Optional.empty(),
                    List.of(), target, retry, at()));
            return this;
        }

        private StateBuilder add(Trigger trigger, Optional<String> guardLabel, Optional<String> target,
                                 Optional<RetryDefinition> retry) {
            transitions.add(new TransitionDefinition(trigger, Optional.of(ALWAYS), guardLabel, List.of(), target, retry, at()));
            return this;
        }

        private StateDefinition build() {
            return new StateDefinition(stateName, parent, initialChild, kind, List.of(), List.of(), transitions,
                    timers, declaredAt);
        }
    }
}
