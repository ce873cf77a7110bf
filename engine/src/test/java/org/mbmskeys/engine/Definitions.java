package org.mbmskeys.engine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.mbmskeys.engine.model.Action;
import org.mbmskeys.engine.model.Guard;
import org.mbmskeys.engine.model.InputDefinition;
import org.mbmskeys.engine.model.ProcedureDefinition;
import org.mbmskeys.engine.model.RetryDefinition;
import org.mbmskeys.engine.model.SourceRef;
import org.mbmskeys.engine.model.StateDefinition;
import org.mbmskeys.engine.model.StateKind;
import org.mbmskeys.engine.model.TimerDefinition;
import org.mbmskeys.engine.model.TransitionDefinition;
import org.mbmskeys.engine.model.Trigger;
import org.mbmskeys.engine.model.VariableDefinition;

/**
 * A small fluent builder for procedure definitions in Java tests (the DSL builds the same model from
 * scripts). Nested states get their parent from where they are declared; a composite's initial child is
 * its first child unless {@code initial(...)} says otherwise. Each transition gets a distinct source line,
 * so rejection details can name it.
 *
 * <pre>{@code
 * ProcedureDefinition p = Definitions.procedure("p")
 *         .state("a", s -> s.on(Go.class, "b"))
 *         .state("b", s -> s.after("t", Duration.ofSeconds(5), t -> t.to("done")))
 *         .finalState("done")
 *         .build();
 * }</pre>
 */
public final class Definitions {

    private static int line = 1;

    private Definitions() {
    }

    public static ProcedureBuilder procedure(String name) {
        return new ProcedureBuilder(name);
    }

    static synchronized SourceRef here() {
        return new SourceRef("test.groovy", line++, 5);
    }

    public static final class ProcedureBuilder {
        private final String name;
        private int version = 1;
        private final List<InputDefinition> inputs = new ArrayList<>();
        private Optional<String> correlationKey = Optional.empty();
        private final List<VariableDefinition> variables = new ArrayList<>();
        private final Map<String, StateDefinition> states = new LinkedHashMap<>();
        private String initial;
        private Optional<String> error = Optional.empty();

        ProcedureBuilder(String name) {
            this.name = name;
        }

        public ProcedureBuilder version(int version) {
            this.version = version;
            return this;
        }

        public ProcedureBuilder input(String input, Class<?> type) {
            inputs.add(new InputDefinition(input, type, here()));
            return this;
        }

        public ProcedureBuilder correlationKey(String input) {
            correlationKey = Optional.of(input);
            return this;
        }

        public ProcedureBuilder variable(String variable, Class<?> type, Object initialValue) {
            variables.add(new VariableDefinition(variable, type, initialValue, here()));
            return this;
        }

        /** The initial state; defaults to the first top-level state. */
        public ProcedureBuilder initial(String state) {
            initial = state;
            return this;
        }

        public ProcedureBuilder state(String state, Consumer<StateBuilder> body) {
            return add(new StateBuilder(this, state, Optional.empty(), StateKind.NORMAL), body);
        }

        public ProcedureBuilder state(String state) {
            return state(state, s -> { });
        }

        public ProcedureBuilder finalState(String state) {
            return finalState(state, s -> { });
        }

        public ProcedureBuilder finalState(String state, Consumer<StateBuilder> body) {
            return add(new StateBuilder(this, state, Optional.empty(), StateKind.FINAL), body);
        }

        /** Declares the error state (and makes it the procedure's error state). */
        public ProcedureBuilder errorState(String state) {
            return errorState(state, s -> { });
        }

        public ProcedureBuilder errorState(String state, Consumer<StateBuilder> body) {
            error = Optional.of(state);
            return add(new StateBuilder(this, state, Optional.empty(), StateKind.ERROR), body);
        }

        ProcedureBuilder add(StateBuilder state, Consumer<StateBuilder> body) {
            if (initial == null && state.parent.isEmpty()) {
                initial = state.name;
            }
            states.put(state.name, null);   // keeps declaration order: parent before children
            body.accept(state);
            states.put(state.name, state.build());
            return this;
        }

        public ProcedureDefinition build() {
            return new ProcedureDefinition(name, version, "test procedure " + name, "TEST §1", inputs, correlationKey,
                    variables, states, initial, error, new SourceRef("test.groovy", 1, 1));
        }
    }

    public static final class StateBuilder {
        private final ProcedureBuilder procedure;
        final String name;
        final Optional<String> parent;
        private final StateKind kind;
        private final SourceRef at = here();
        private final List<Action> onEntry = new ArrayList<>();
        private final List<Action> onExit = new ArrayList<>();
        private final List<TransitionDefinition> transitions = new ArrayList<>();
        private final List<TimerDefinition> timers = new ArrayList<>();
        private Optional<String> initialChild = Optional.empty();

        StateBuilder(ProcedureBuilder procedure, String name, Optional<String> parent, StateKind kind) {
            this.procedure = procedure;
            this.name = name;
            this.parent = parent;
            this.kind = kind;
        }

        public StateBuilder onEntry(Action action) {
            onEntry.add(action);
            return this;
        }

        public StateBuilder onExit(Action action) {
            onExit.add(action);
            return this;
        }

        /** On an event of {@code type}, go to {@code target}. */
        public StateBuilder on(Class<?> type, String target) {
            return on(type, t -> t.to(target));
        }

        public StateBuilder on(Class<?> type, Consumer<TransitionBuilder> body) {
            return on(Trigger.event(type), body);
        }

        public StateBuilder onSignal(String signal, String target) {
            return onSignal(signal, t -> t.to(target));
        }

        public StateBuilder onSignal(String signal, Consumer<TransitionBuilder> body) {
            return on(Trigger.signal(signal), body);
        }

        public StateBuilder on(Trigger trigger, Consumer<TransitionBuilder> body) {
            TransitionBuilder t = new TransitionBuilder(trigger);
            body.accept(t);
            transitions.add(t.build());
            return this;
        }

        /** A timer {@code timer} of {@code delay} with its transition. */
        public StateBuilder after(String timer, Duration delay, Consumer<TransitionBuilder> body) {
            timers.add(new TimerDefinition(timer, delay, here()));
            return on(Trigger.timer(timer), body);
        }

        /** A timer without a transition (only for tests of broken definitions). */
        public StateBuilder timer(String timer, Duration delay) {
            timers.add(new TimerDefinition(timer, delay, here()));
            return this;
        }

        public StateBuilder initial(String child) {
            initialChild = Optional.of(child);
            return this;
        }

        public StateBuilder state(String child, Consumer<StateBuilder> body) {
            return child(child, StateKind.NORMAL, body);
        }

        public StateBuilder state(String child) {
            return state(child, s -> { });
        }

        public StateBuilder finalState(String child) {
            return child(child, StateKind.FINAL, s -> { });
        }

        private StateBuilder child(String child, StateKind childKind, Consumer<StateBuilder> body) {
            if (initialChild.isEmpty()) {
                initialChild = Optional.of(child);
            }
            procedure.add(new StateBuilder(procedure, child, Optional.of(name), childKind), body);
            return this;
        }

        StateDefinition build() {
            return new StateDefinition(name, parent, initialChild, kind, onEntry, onExit, transitions, timers, at);
        }
    }

    public static final class TransitionBuilder {
        private final Trigger trigger;
        private final SourceRef at = here();
        private Optional<Guard> guard = Optional.empty();
        private final List<Action> actions = new ArrayList<>();
        private Optional<String> target = Optional.empty();
        private Optional<RetryDefinition> retry = Optional.empty();

        TransitionBuilder(Trigger trigger) {
            this.trigger = trigger;
        }

        public TransitionBuilder when(Guard guard) {
            this.guard = Optional.of(guard);
            return this;
        }

        public TransitionBuilder action(Action action) {
            actions.add(action);
            return this;
        }

        public TransitionBuilder to(String target) {
            this.target = Optional.of(target);
            return this;
        }

        public TransitionBuilder retry(int maxAttempts) {
            this.retry = Optional.of(new RetryDefinition(maxAttempts));
            return this;
        }

        public TransitionBuilder retry(RetryDefinition retry) {
            this.retry = Optional.of(retry);
            return this;
        }

        TransitionDefinition build() {
            return new TransitionDefinition(trigger, guard, actions, target, retry, at);
        }
    }
}
