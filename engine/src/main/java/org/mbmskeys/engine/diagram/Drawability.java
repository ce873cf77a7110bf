package org.mbmskeys.engine.diagram;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.mbmskeys.engine.model.ProcedureDefinition;
import org.mbmskeys.engine.model.Problem;
import org.mbmskeys.engine.model.StateDefinition;
import org.mbmskeys.engine.model.TransitionDefinition;

/**
 * The few things a definition must get right to be drawn at all: every state it names exists, and the
 * states nest as a tree. Everything else (unreachable states, dead ends, unknown timers) is drawn as it
 * is; reporting those is the verifier's job, and a diagram of a flawed definition helps to see the flaw.
 */
final class Drawability {

    private Drawability() {
    }

    static List<Problem> problems(ProcedureDefinition d) {
        List<Problem> problems = new ArrayList<>();
        String known = "; states are " + d.states().keySet();
        if (!d.hasState(d.initialState())) {
            problems.add(new Problem(d.declaredAt(), "procedure '" + d.name() + "' starts in state '"
                    + d.initialState() + "', which it does not declare" + known));
        }
        d.errorState().filter(e -> !d.hasState(e)).ifPresent(e -> problems.add(new Problem(d.declaredAt(),
                "procedure '" + d.name() + "' names error state '" + e + "', which it does not declare" + known)));
        Set<String> inTree = statesInTree(d);
        for (StateDefinition s : d.states().values()) {
            s.parent().filter(p -> !d.hasState(p)).ifPresent(p -> problems.add(new Problem(s.declaredAt(),
                    "state '" + s.name() + "' is nested in '" + p + "', which is not a state" + known)));
            if (!inTree.contains(s.name())) {
                cycleAbove(d, s).ifPresent(chain -> problems.add(new Problem(s.declaredAt(), "state '"
                        + s.name() + "' is nested in a cycle (" + chain + "); nest states as a tree under"
                        + " top-level states")));
            }
            s.initialChild().ifPresent(c -> {
                List<String> kids = d.children(s.name()).stream().map(StateDefinition::name).toList();
                if (!kids.contains(c)) {
                    problems.add(new Problem(s.declaredAt(), "state '" + s.name() + "' starts in '" + c
                            + "', which is not one of its children; its children are " + kids));
                }
            });
            for (TransitionDefinition t : s.transitions()) {
                t.target().filter(target -> !d.hasState(target)).ifPresent(target -> problems.add(new Problem(
                        t.declaredAt(), "transition of state '" + s.name() + "' on " + t.trigger()
                        + " goes to '" + target + "', which is not a state" + known)));
            }
        }
        return problems;
    }

    /**
     * For a state outside the tree: its parent chain up to the first repeat ({@code a in b in a}), or
     * empty when the chain ends at an unknown parent (that state's own problem says so).
     */
    private static Optional<String> cycleAbove(ProcedureDefinition d, StateDefinition state) {
        List<String> chain = new ArrayList<>();
        Optional<String> s = Optional.of(state.name());
        while (s.isPresent() && d.hasState(s.get())) {
            chain.add(s.get());
            if (chain.indexOf(s.get()) != chain.size() - 1) {
                return Optional.of(String.join(" in ", chain));
            }
            s = d.state(s.get()).parent();
        }
        return Optional.empty();
    }

    /** States reached by walking down from the top-level states; one not reached has a cyclic parent chain. */
    private static Set<String> statesInTree(ProcedureDefinition d) {
        Set<String> seen = new HashSet<>();
        Deque<StateDefinition> todo = new ArrayDeque<>(d.topLevelStates());
        while (!todo.isEmpty()) {
            StateDefinition s = todo.pop();
            if (seen.add(s.name())) {
                todo.addAll(d.children(s.name()));
            }
        }
        return seen;
    }
}
