package org.mbmskeys.engine.model;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Every state can be reached from the initial state, and every reachable non-final leaf has a way out.
 * Only checked once the states form a tree and the initial state exists (other checks report those).
 *
 * <p>The error state counts as reachable when the procedure has an action or a guard (any of them may
 * fail), or when a transition goes to it.
 */
final class Reachability implements DefinitionCheck {

    @Override
    public List<Problem> check(ProcedureDefinition d, SourcePositions where) {
        if (!CheckWords.treeIsSound(d) || !d.hasState(d.initialState())) {
            return List.of();
        }
        Set<String> reached = reachable(d);
        List<Problem> problems = new ArrayList<>();
        checkReachable(d, reached, problems);
        checkWayOut(d, reached, problems);
        return problems;
    }

    private static Set<String> reachable(ProcedureDefinition d) {
        Set<String> reached = new LinkedHashSet<>();
        Deque<String> work = new ArrayDeque<>();
        enter(d, d.initialState(), reached, work);
        if (d.errorState().isPresent() && d.hasState(d.errorState().get()) && CheckWords.hasActionsOrGuards(d)) {
            enter(d, d.errorState().get(), reached, work);
        }
        while (!work.isEmpty()) {
            for (TransitionDefinition t : d.state(work.pop()).transitions()) {
                // a typo'd target (reported) counts as the state its message suggests, so that state is not
                // also reported unreachable
                t.target().flatMap(target -> d.hasState(target) ? Optional.of(target)
                                : NameSuggestions.closest(target, d.states().keySet()))
                        .ifPresent(target -> enter(d, target, reached, work));
            }
        }
        return reached;
    }

    /** Entering a state makes it, its ancestors and its initial-child chain active. */
    private static void enter(ProcedureDefinition d, String state, Set<String> reached, Deque<String> work) {
        for (String s : d.path(state)) {
            if (reached.add(s)) {
                work.push(s);
            }
        }
        String s = state;
        while (true) {
            // a composite without initial child (reported) is taken to start with its first child, as the
            // message suggests, so that its children are not all reported unreachable as well
            String current = s;
            Optional<String> next = d.state(current).initialChild()
                    .or(() -> d.children(current).stream().findFirst().map(StateDefinition::name));
            if (next.isEmpty()) {
                break;
            }
            s = next.get();
            if (reached.add(s)) {
                work.push(s);
            }
        }
    }

    private static void checkReachable(ProcedureDefinition d, Set<String> reached, List<Problem> problems) {
        for (StateDefinition s : d.states().values()) {
            boolean parentUnreached = s.parent().filter(p -> !reached.contains(p)).isPresent();
            if (!reached.contains(s.name()) && !parentUnreached) {
                if (s.kind() == StateKind.ERROR) {
                    problems.add(new Problem(s.declaredAt(), "error state '" + s.name() + "' is unreachable: the procedure has "
                            + "no action or guard that could fail and no transition goes to it; remove it, or add goTo '"
                            + s.name() + "'"));
                } else {
                    problems.add(new Problem(s.declaredAt(), "state '" + s.name() + "' is unreachable: no transition from the "
                            + "initial state '" + d.initialState() + "' leads to it; add goTo '" + s.name()
                            + "' to a transition, or remove the state"));
                }
            }
        }
    }

    private static void checkWayOut(ProcedureDefinition d, Set<String> reached, List<Problem> problems) {
        for (StateDefinition leaf : d.states().values()) {
            if (leaf.kind() != StateKind.NORMAL || !d.children(leaf.name()).isEmpty() || !reached.contains(leaf.name())) {
                continue;
            }
            boolean wayOut = false;
            for (String s : d.path(leaf.name())) {
                for (TransitionDefinition t : d.state(s).transitions()) {
                    // a transition to an unknown state is reported as such; counting it as a way out avoids a second report
                    if (t.target().filter(target -> !d.hasState(target) || !d.entryLeaf(target).equals(leaf.name())).isPresent()) {
                        wayOut = true;
                    }
                }
            }
            if (!wayOut) {
                problems.add(new Problem(leaf.declaredAt(), "state '" + leaf.name() + "' is not final and has no way out: no "
                        + "transition or timer of it or of an enclosing state leads elsewhere; add on(...) { goTo '...' } or "
                        + "after(...) { goTo '...' }, or declare it with finalState"));
            }
        }
    }
}
