package org.mbmskeys.engine.model;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Builds a {@link ProcedureDefinition} in Java, as the Groovy DSL builds one from a script: states in
 * declaration order, nested by declaring them inside their parent, each with its transitions, timers and
 * entry and exit actions. Obtained from {@link ProcedureDefinition#builder(String)}.
 *
 * <pre>{@code
 * ProcedureDefinition push = ProcedureDefinition.builder("push")
 *         .specRef("TS 33.246 §6.3.2")
 *         .input("ue", String.class)
 *         .correlationKey("ue")
 *         .state("waiting", s -> s
 *                 .onEntry(ctx -> ctx.send("mikey", "MSK"))
 *                 .on(Ack.class, "done")
 *                 .after("resend", Duration.ofSeconds(2), t -> t.retry(3).to("failed")))
 *         .finalState("done")
 *         .errorState("failed")
 *         .build();
 * }</pre>
 *
 * <p><b>Defaults.</b> The initial state is the first top-level state and a composite's initial child its
 * first child, unless {@code initial(...)} says otherwise. Version 1, no description, no spec clause. A
 * transition without {@link TransitionBuilder#to} is internal. Every declaration is positioned where the
 * Java code made it (file and line of the caller), so a problem the verifier finds points at that line;
 * {@code declaredAt(...)} gives a position of your own.
 *
 * <p>{@link #build()} checks only what the model cannot hold (a state name declared twice) and what the
 * record constructors check; the rules of a sound procedure are the {@link DefinitionVerifier}'s, run
 * when the definition is deployed (or call {@link DefinitionVerifier#requireValid} yourself).
 */
public final class ProcedureBuilder {

    private final String name;
    private int version = 1;
    private String description = "";
    private String specRef = "";
    private final List<InputDefinition> inputs = new ArrayList<>();
    private Optional<String> correlationKey = Optional.empty();
    private final List<VariableDefinition> variables = new ArrayList<>();
    private final Map<String, StateBuilder> states = new LinkedHashMap<>();
    private String initial;
    private Optional<String> errorState = Optional.empty();
    private SourceRef declaredAt;

    ProcedureBuilder(String name) {
        this.name = Objects.requireNonNull(name, "name");
        this.declaredAt = CallerPosition.of();
    }

    /** The version; 1 unless set. A reloaded definition gets the next one. */
    public ProcedureBuilder version(int number) {
        this.version = number;
        return this;
    }

    public ProcedureBuilder description(String text) {
        this.description = Objects.requireNonNull(text, "text");
        return this;
    }

    /** The spec clause the procedure implements, e.g. {@code "TS 33.246 §6.3.2"}. */
    public ProcedureBuilder specRef(String clause) {
        this.specRef = Objects.requireNonNull(clause, "clause");
        return this;
    }

    /** Where the procedure is declared; by default, where {@code builder(name)} was called. */
    public ProcedureBuilder declaredAt(SourceRef where) {
        this.declaredAt = Objects.requireNonNull(where, "where");
        return this;
    }

    /** An input the procedure is started with. */
    public ProcedureBuilder input(String input, Class<?> type) {
        inputs.add(new InputDefinition(input, type, CallerPosition.of()));
        return this;
    }

    /** The input whose value identifies an instance. */
    public ProcedureBuilder correlationKey(String input) {
        this.correlationKey = Optional.of(input);
        return this;
    }

    /** A per-instance variable with its initial value (null allowed for object types). */
    public ProcedureBuilder variable(String variable, Class<?> type, Object initialValue) {
        variables.add(new VariableDefinition(variable, type, initialValue, CallerPosition.of()));
        return this;
    }

    /** The initial state; the first top-level state unless set. */
    public ProcedureBuilder initial(String state) {
        this.initial = Objects.requireNonNull(state, "state");
        return this;
    }

    /** A top-level state. */
    public ProcedureBuilder state(String state, Consumer<StateBuilder> body) {
        return state(state, StateKind.NORMAL, body);
    }

    /** A top-level state with nothing in it. */
    public ProcedureBuilder state(String state) {
        return state(state, StateKind.NORMAL, s -> { });
    }

    /**
     * A top-level state of {@code kind}. This does not make an {@link StateKind#ERROR} state the procedure's
     * error state: {@link #errorState(String)} declares and names it at once.
     */
    public ProcedureBuilder state(String state, StateKind kind, Consumer<StateBuilder> body) {
        declare(new StateBuilder(this, state, Optional.empty(), kind), body);
        return this;
    }

    /** A top-level final state: the instance ends there. */
    public ProcedureBuilder finalState(String state) {
        return state(state, StateKind.FINAL, s -> { });
    }

    /** A top-level final state with entry actions. */
    public ProcedureBuilder finalState(String state, Consumer<StateBuilder> body) {
        return state(state, StateKind.FINAL, body);
    }

    /** Declares the error state, where an instance whose action or guard throws moves, and names it so. */
    public ProcedureBuilder errorState(String state) {
        return errorState(state, s -> { });
    }

    /** Declares the error state with entry actions, and names it so. */
    public ProcedureBuilder errorState(String state, Consumer<StateBuilder> body) {
        errorState = Optional.of(state);
        return state(state, StateKind.ERROR, body);
    }

    /** Names the error state without declaring it (declare it with {@link #state(String, StateKind, Consumer)}). */
    public ProcedureBuilder errorStateName(String state) {
        this.errorState = Optional.of(state);
        return this;
    }

    private void declare(StateBuilder state, Consumer<StateBuilder> body) {
        if (states.containsKey(state.name)) {
            throw new IllegalArgumentException("state '" + state.name + "' of procedure '" + name + "' is declared twice ("
                    + state.declaredAt + "); state names are unique in a procedure, nested states included");
        }
        if (initial == null && state.parent.isEmpty()) {
            initial = state.name;
        }
        states.put(state.name, state);   // before its children: declaration order puts parents first
        body.accept(state);
    }

    /**
     * The definition.
     *
     * @throws IllegalArgumentException if the record constructors reject a part (see theirs)
     */
    public ProcedureDefinition build() {
        Map<String, StateDefinition> built = new LinkedHashMap<>();
        states.forEach((n, s) -> built.put(n, s.build()));
        return new ProcedureDefinition(name, version, description, specRef, inputs, correlationKey, variables, built,
                initial == null ? "" : initial, errorState, declaredAt);
    }

    /** One state: its children, transitions, timers and entry and exit actions. */
    public static final class StateBuilder {
        private final ProcedureBuilder procedure;
        private final String name;
        private final Optional<String> parent;
        private final StateKind kind;
        private SourceRef declaredAt = CallerPosition.of();
        private final List<Action> onEntry = new ArrayList<>();
        private final List<Action> onExit = new ArrayList<>();
        private final List<TransitionDefinition> transitions = new ArrayList<>();
        private final List<TimerDefinition> timers = new ArrayList<>();
        private Optional<String> initialChild = Optional.empty();

        private StateBuilder(ProcedureBuilder procedure, String name, Optional<String> parent, StateKind kind) {
            this.procedure = procedure;
            this.name = Objects.requireNonNull(name, "name");
            this.parent = parent;
            this.kind = Objects.requireNonNull(kind, "kind");
        }

        /** Where the state is declared; by default, where it was declared in Java. */
        public StateBuilder declaredAt(SourceRef where) {
            this.declaredAt = Objects.requireNonNull(where, "where");
            return this;
        }

        /** An action run on entering the state. */
        public StateBuilder onEntry(Action action) {
            onEntry.add(Objects.requireNonNull(action, "action"));
            return this;
        }

        /** An action run on leaving the state. */
        public StateBuilder onExit(Action action) {
            onExit.add(Objects.requireNonNull(action, "action"));
            return this;
        }

        /** On an event of {@code type} (or a subtype), go to {@code target}. */
        public StateBuilder on(Class<?> type, String target) {
            return on(Trigger.event(type), t -> t.to(target));
        }

        /** On an event of {@code type}, the transition {@code body} describes. */
        public StateBuilder on(Class<?> type, Consumer<TransitionBuilder> body) {
            return on(Trigger.event(type), body);
        }

        /** On signal {@code signal}, go to {@code target}. */
        public StateBuilder onSignal(String signal, String target) {
            return on(Trigger.signal(signal), t -> t.to(target));
        }

        /** On signal {@code signal}, the transition {@code body} describes. */
        public StateBuilder onSignal(String signal, Consumer<TransitionBuilder> body) {
            return on(Trigger.signal(signal), body);
        }

        /** On {@code trigger}, the transition {@code body} describes. */
        public StateBuilder on(Trigger trigger, Consumer<TransitionBuilder> body) {
            TransitionBuilder t = new TransitionBuilder(trigger);
            body.accept(t);
            transitions.add(t.build());
            return this;
        }

        /** A timer {@code timer} of {@code delay}, armed on entry, and the transition it fires. */
        public StateBuilder after(String timer, Duration delay, Consumer<TransitionBuilder> body) {
            timers.add(new TimerDefinition(timer, delay, CallerPosition.of()));
            return on(Trigger.timer(timer), body);
        }

        /** A timer {@code timer} of {@code delay} that goes to {@code target}. */
        public StateBuilder after(String timer, Duration delay, String target) {
            return after(timer, delay, t -> t.to(target));
        }

        /**
         * A timer {@code timer} whose delay {@code delay} computes each time it is armed (read only, like a
         * guard), shown in diagrams as {@code after <label>}, and the transition it fires.
         */
        public StateBuilder after(String timer, String label, TimerDelay delay, Consumer<TransitionBuilder> body) {
            timers.add(new TimerDefinition(timer, Duration.ofMillis(1), CallerPosition.of(),
                    Optional.of(new ComputedDelay(delay, label))));
            return on(Trigger.timer(timer), body);
        }

        /** A timer alone; give it a transition with {@code on(Trigger.timer(timer), ...)}. */
        public StateBuilder timer(String timer, Duration delay) {
            timers.add(new TimerDefinition(timer, delay, CallerPosition.of()));
            return this;
        }

        /** The child entered first; the first child declared unless set. */
        public StateBuilder initial(String child) {
            initialChild = Optional.of(child);
            return this;
        }

        /** A child state. */
        public StateBuilder state(String child, Consumer<StateBuilder> body) {
            return state(child, StateKind.NORMAL, body);
        }

        /** A child state with nothing in it. */
        public StateBuilder state(String child) {
            return state(child, StateKind.NORMAL, s -> { });
        }

        /** A final child state. */
        public StateBuilder finalState(String child) {
            return state(child, StateKind.FINAL, s -> { });
        }

        /** A child state of {@code kind}. */
        public StateBuilder state(String child, StateKind childKind, Consumer<StateBuilder> body) {
            if (initialChild.isEmpty()) {
                initialChild = Optional.of(child);
            }
            procedure.declare(new StateBuilder(procedure, child, Optional.of(name), childKind), body);
            return this;
        }

        private StateDefinition build() {
            return new StateDefinition(name, parent, initialChild, kind, onEntry, onExit, transitions, timers, declaredAt);
        }
    }

    /** One transition: guard, actions, target and bounded retry. */
    public static final class TransitionBuilder {
        private final Trigger trigger;
        private SourceRef declaredAt = CallerPosition.of();
        private Optional<Guard> guard = Optional.empty();
        private Optional<String> guardLabel = Optional.empty();
        private final List<Action> actions = new ArrayList<>();
        private Optional<String> target = Optional.empty();
        private Optional<RetryDefinition> retry = Optional.empty();

        private TransitionBuilder(Trigger trigger) {
            this.trigger = Objects.requireNonNull(trigger, "trigger");
        }

        /** Where the transition is declared; by default, where it was declared in Java. */
        public TransitionBuilder declaredAt(SourceRef where) {
            this.declaredAt = Objects.requireNonNull(where, "where");
            return this;
        }

        /** Taken only if {@code condition} passes. */
        public TransitionBuilder when(Guard condition) {
            this.guard = Optional.of(condition);
            return this;
        }

        /** Taken only if {@code condition} passes; {@code label} is what diagrams and rejections show of it. */
        public TransitionBuilder when(String label, Guard condition) {
            this.guardLabel = Optional.of(label);
            return when(condition);
        }

        /** An action run when the transition is taken, after the exit actions and before the entry actions. */
        public TransitionBuilder action(Action action) {
            actions.add(Objects.requireNonNull(action, "action"));
            return this;
        }

        /** The state to go to; without it the transition is internal. */
        public TransitionBuilder to(String state) {
            this.target = Optional.of(state);
            return this;
        }

        /** For a timer transition: re-enter the state up to {@code maxAttempts} times before going to the target. */
        public TransitionBuilder retry(int maxAttempts) {
            return retry(new RetryDefinition(maxAttempts));
        }

        /** For a timer transition: a bounded retry with back-off (a growing delay, a cap, jitter). */
        public TransitionBuilder retry(RetryDefinition definition) {
            this.retry = Optional.of(Objects.requireNonNull(definition, "definition"));
            return this;
        }

        private TransitionDefinition build() {
            return new TransitionDefinition(trigger, guard, guardLabel, actions, target, retry, declaredAt);
        }
    }
}
