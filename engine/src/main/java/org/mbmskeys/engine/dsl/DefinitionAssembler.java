package org.mbmskeys.engine.dsl;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.mbmskeys.engine.model.Action;
import org.mbmskeys.engine.model.Guard;
import org.mbmskeys.engine.model.ProcedureDefinition;
import org.mbmskeys.engine.model.RetryDefinition;
import org.mbmskeys.engine.model.SourcePositions;
import org.mbmskeys.engine.model.SourceRef;
import org.mbmskeys.engine.model.StateDefinition;
import org.mbmskeys.engine.model.TimerDefinition;
import org.mbmskeys.engine.model.TransitionDefinition;

/**
 * Turns what a script declared into the immutable model, and remembers where the words the model does
 * not keep positions for ({@code initial}, {@code goTo}, {@code correlateBy}) were, for the verifier.
 * Problems that only the script can see (a state declared twice, no initial state) are reported here;
 * the assembly goes on with a stand-in so the verifier still checks the rest.
 */
final class DefinitionAssembler {

    /** The model and the finer positions. */
    record Assembled(ProcedureDefinition definition, SourcePositions positions) {
    }

    private final BuildContext context;
    private final ProcedureSpec procedure;
    private final Map<String, StateDefinition> states = new LinkedHashMap<>();
    private final Map<String, SourceRef> declared = new HashMap<>();
    private final Map<String, SourceRef> initialChildren = new HashMap<>();
    private final Map<TransitionDefinition, SourceRef> targets = new IdentityHashMap<>();

    private DefinitionAssembler(BuildContext context, ProcedureSpec procedure) {
        this.context = context;
        this.procedure = procedure;
    }

    static Assembled assemble(BuildContext context, ProcedureSpec procedure, int version) {
        return new DefinitionAssembler(context, procedure).run(version);
    }

    private Assembled run(int version) {
        for (StateSpec s : procedure.$states) {
            add(s);
        }
        String initial;
        if (procedure.$initial != null) {
            initial = procedure.$initial.value();
        } else if (procedure.$states.isEmpty()) {
            initial = "";
        } else {
            initial = procedure.$states.get(0).$name;
            context.report(procedure.$at, "procedure '" + procedure.$name + "' has no initial state; add initial '" + initial
                    + "' (declared states: " + String.join(", ", new TreeSet<>(states.keySet())) + ")");
        }
        ProcedureDefinition definition = new ProcedureDefinition(procedure.$name, version,
                procedure.$description == null ? "" : procedure.$description.value(),
                procedure.$spec == null ? "" : procedure.$spec.value(),
                procedure.$inputs, Optional.ofNullable(procedure.$correlateBy).map(Given::value), procedure.$variables, states,
                initial, Optional.ofNullable(procedure.$errorState).map(Given::value), procedure.$at);
        return new Assembled(definition, positions());
    }

    /** {@code transition 'waiting' -[Answer]-> 'done'}, or {@code ... -[Answer]- (internal)} without a target. */
    private static String describe(String state, TransitionSpec t) {
        return "transition '" + state + "' -[" + t.$trigger + "]" + (t.$target == null ? "- (internal)"
                : "-> '" + t.$target.value() + "'");
    }

    private void add(StateSpec s) {
        SourceRef first = declared.putIfAbsent(s.$name, s.$at);
        if (first != null) {
            context.report(s.$at, "duplicate state '" + s.$name + "': already declared at " + first
                    + "; state names are unique in a procedure, nested states included");
            return; // and its nested states: they would be checked against the first one
        }
        List<TransitionDefinition> transitions = new ArrayList<>();
        List<TimerDefinition> timers = new ArrayList<>();
        for (TransitionSpec t : s.$transitions) {
            Optional<RetryDefinition> retry = Optional.empty();
            if (t instanceof TimerSpec timer) {
                timers.add(new TimerDefinition(timer.$timerName, timer.$delay, timer.$at, Optional.ofNullable(timer.$computed)));
                retry = Optional.ofNullable(timer.$retry).map(Given::value);
            }
            String described = describe(s.$name, t);
            Optional<Guard> guard = Optional.ofNullable(t.$guard).map(Given::value)
                    .map(g -> g instanceof ClosureGuard c ? c.describedAs("guard of " + described) : g);
            List<Action> actions = new ArrayList<>();
            for (Action a : t.$actions) {
                actions.add(a instanceof ClosureAction c ? c.describedAs("action of " + described) : a);
            }
            TransitionDefinition definition = new TransitionDefinition(t.$trigger, guard,
                    guard.flatMap(g -> Optional.ofNullable(t.$guardLabel)), actions,
                    Optional.ofNullable(t.$target).map(Given::value), retry, t.$at);
            if (t.$target != null) {
                targets.put(definition, t.$target.at());
            }
            transitions.add(definition);
        }
        if (s.$initial != null) {
            initialChildren.put(s.$name, s.$initial.at());
        }
        states.put(s.$name, new StateDefinition(s.$name, Optional.ofNullable(s.$parent).map(p -> p.$name),
                Optional.ofNullable(s.$initial).map(Given::value), s.$kind, s.$onEntry, s.$onExit, transitions, timers, s.$at));
        for (StateSpec child : s.$children) {
            add(child);
        }
    }

    private SourcePositions positions() {
        Given<String> initial = procedure.$initial;
        Given<String> correlateBy = procedure.$correlateBy;
        return new SourcePositions() {
            @Override
            public SourceRef initialState(ProcedureDefinition p) {
                return initial != null ? initial.at() : p.declaredAt();
            }

            @Override
            public SourceRef initialChild(StateDefinition state) {
                return initialChildren.getOrDefault(state.name(), state.declaredAt());
            }

            @Override
            public SourceRef target(TransitionDefinition transition) {
                return targets.getOrDefault(transition, transition.declaredAt());
            }

            @Override
            public SourceRef correlationKey(ProcedureDefinition p) {
                return correlateBy != null ? correlateBy.at() : p.declaredAt();
            }
        };
    }
}
