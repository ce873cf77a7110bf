package org.mbmskeys.engine.model;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Checks a {@link ProcedureDefinition} once, when it is loaded, and returns every problem found, each with
 * where it is and what is allowed instead. Works on definitions from the Groovy DSL and on definitions
 * built in Java alike; it knows nothing of Groovy.
 *
 * <p>What is checked:
 * <ul>
 *   <li>the procedure has states; the initial state, every transition target, every parent and initial
 *       child, the error state and the correlation key name things that exist;</li>
 *   <li>a state with children has an initial child, and it is one of its children;</li>
 *   <li>input, variable and timer names are unique (timer names across the whole procedure, because a
 *       {@link TimerFired} carries only the name);</li>
 *   <li>final and error states have no timers and no transitions (the procedure ends there);</li>
 *   <li>transitions wait for real events: not {@code Signal} or {@code TimerFired} as an event class (use
 *       a signal trigger or a timer), not a primitive type; a timer transition names a timer of its
 *       state, every timer has a transition, and a bounded retry has a target for when it gives up;</li>
 *   <li>every state is reachable from the initial state through transitions and initial children;</li>
 *   <li>every non-final leaf state has a way out: a transition or timer of it or of an enclosing state
 *       that leads to another state;</li>
 *   <li>a procedure with an action or a guard declares an error state, because an action or a guard may
 *       throw and the instance then moves there.</li>
 * </ul>
 *
 * <p><b>Error-state reachability.</b> The error state counts as reachable when the procedure has at least
 * one action or guard (any of them may fail), or when a transition goes to it. An error state in a
 * procedure without actions, guards or transitions to it is reported as unreachable.
 *
 * <pre>{@code
 * List<Problem> problems = DefinitionVerifier.verify(definition);
 * ProcedureDefinition ok = DefinitionVerifier.requireValid(definition); // or InvalidDefinitionException
 * }</pre>
 */
public final class DefinitionVerifier {

    private final ProcedureDefinition d;
    private final SourcePositions where;
    private final List<Problem> problems = new ArrayList<>();
    /** False when parents or initial children name unknown states or loop: reachability is then not computed. */
    private boolean treeIsSound = true;

    private DefinitionVerifier(ProcedureDefinition d, SourcePositions where) {
        this.d = d;
        this.where = where;
    }

    /** Every problem of {@code definition}, positions from the model alone. Empty if it is valid. */
    public static List<Problem> verify(ProcedureDefinition definition) {
        return verify(definition, SourcePositions.OF_MODEL);
    }

    /** Every problem of {@code definition}, pointing at the finer positions {@code where} knows. */
    public static List<Problem> verify(ProcedureDefinition definition, SourcePositions where) {
        DefinitionVerifier v = new DefinitionVerifier(definition, where);
        v.run();
        return List.copyOf(v.problems);
    }

    /**
     * {@code definition} if it is valid.
     *
     * @throws InvalidDefinitionException listing every problem
     */
    public static ProcedureDefinition requireValid(ProcedureDefinition definition) {
        List<Problem> found = verify(definition);
        if (!found.isEmpty()) {
            throw new InvalidDefinitionException(found);
        }
        return definition;
    }

    private void run() {
        if (d.states().isEmpty()) {
            report(d.declaredAt(), "procedure '" + d.name() + "' has no states; declare at least one "
                    + "state('name') { ... } and a finalState 'name'");
            return;
        }
        checkTree();
        checkInitialState();
        checkErrorState();
        checkInputsAndVariables();
        checkTimersAndTransitions();
        if (treeIsSound && d.hasState(d.initialState())) {
            Set<String> reached = reachable();
            checkReachable(reached);
            checkWayOut(reached);
        }
    }

    private void checkTree() {
        for (StateDefinition s : d.states().values()) {
            if (s.parent().isPresent() && !d.hasState(s.parent().get())) {
                treeIsSound = false;
                report(s.declaredAt(), "state '" + s.name() + "' names parent '" + s.parent().get()
                        + "', which is not a state; " + NameSuggestions.hint(s.parent().get(), stateNames(), "declared states"));
            }
        }
        for (StateDefinition s : d.states().values()) {
            List<String> chain = new ArrayList<>(List.of(s.name()));
            Optional<String> p = s.parent();
            while (p.isPresent() && d.hasState(p.get())) {
                chain.add(p.get());
                if (p.get().equals(s.name())) {
                    treeIsSound = false;
                    report(s.declaredAt(), "state '" + s.name() + "' is its own ancestor (" + String.join(" in ", chain)
                            + "); states nest as a tree: give it a parent outside itself");
                    break;
                }
                if (chain.size() > d.states().size() + 1) {
                    break; // a cycle further up; reported for the states on it
                }
                p = d.state(p.get()).parent();
            }
        }
        for (StateDefinition s : d.states().values()) {
            List<String> children = childNames(s.name());
            if (s.initialChild().isEmpty()) {
                if (!children.isEmpty()) {
                    report(s.declaredAt(), "state '" + s.name() + "' has child states but no initial child; add initial '"
                            + children.get(0) + "' inside state('" + s.name() + "') (children: " + String.join(", ", children) + ")");
                }
            } else if (!children.contains(s.initialChild().get())) {
                String child = s.initialChild().get();
                treeIsSound &= d.hasState(child); // an unknown name would break walking the tree
                report(where.initialChild(s), children.isEmpty()
                        ? "state '" + s.name() + "' names initial child '" + child + "' but has no child states; declare state('"
                        + child + "') { ... } inside it, or remove the initial"
                        : "initial child '" + child + "' of state '" + s.name() + "' is not one of its children; "
                        + NameSuggestions.hint(child, children, "children of '" + s.name() + "'"));
            }
        }
    }

    private void checkInitialState() {
        if (!d.hasState(d.initialState())) {
            report(where.initialState(d), "initial state '" + d.initialState() + "' is not a state of procedure '" + d.name()
                    + "'; " + NameSuggestions.hint(d.initialState(), stateNames(), "declared states"));
        }
    }

    private void checkErrorState() {
        Optional<String> error = d.errorState();
        if (error.isPresent()) {
            if (!d.hasState(error.get())) {
                report(d.declaredAt(), "error state '" + error.get() + "' is not a state of procedure '" + d.name() + "'; "
                        + NameSuggestions.hint(error.get(), stateNames(), "declared states"));
            } else if (d.state(error.get()).kind() != StateKind.ERROR) {
                StateDefinition s = d.state(error.get());
                report(s.declaredAt(), "the error state '" + s.name() + "' is declared as a " + s.kind()
                        + " state; declare it with errorState '" + s.name() + "'");
            }
        }
        for (StateDefinition s : d.states().values()) {
            if (s.kind() == StateKind.ERROR && !error.equals(Optional.of(s.name()))) {
                report(s.declaredAt(), "state '" + s.name() + "' is an error state, but "
                        + error.map(e -> "the procedure's error state is '" + e + "'").orElse("the procedure names no error state")
                        + "; a procedure has exactly one error state");
            }
        }
        if (error.isEmpty() && hasActionsOrGuards()) {
            report(d.declaredAt(), "procedure '" + d.name() + "' has actions or guards, which may fail, but no error state; "
                    + "add errorState 'failed' (an instance whose action or guard throws moves there)");
        }
    }

    private void checkInputsAndVariables() {
        Map<String, SourceRef> inputs = new HashMap<>();
        for (InputDefinition i : d.inputs()) {
            SourceRef first = inputs.putIfAbsent(i.name(), i.declaredAt());
            if (first != null) {
                report(i.declaredAt(), "duplicate input '" + i.name() + "': already declared at " + first + "; input names are unique");
            }
        }
        d.correlationKey().filter(k -> !inputs.containsKey(k)).ifPresent(k -> report(where.correlationKey(d),
                "correlation key '" + k + "' is not an input; " + (inputs.isEmpty()
                        ? "declare it first with input '" + k + "', String (or its type)"
                        : NameSuggestions.hint(k, inputs.keySet(), "declared inputs"))));
        Map<String, SourceRef> variables = new HashMap<>();
        for (VariableDefinition v : d.variables()) {
            SourceRef first = variables.putIfAbsent(v.name(), v.declaredAt());
            if (first != null) {
                report(v.declaredAt(), "duplicate variable '" + v.name() + "': already declared at " + first
                        + "; variable names are unique");
            }
        }
    }

    private void checkTimersAndTransitions() {
        Map<String, String> timerOwners = new HashMap<>();
        Map<String, SourceRef> timerPositions = new HashMap<>();
        for (StateDefinition s : d.states().values()) {
            for (TimerDefinition t : s.timers()) {
                String owner = timerOwners.putIfAbsent(t.name(), s.name());
                if (owner != null) {
                    report(t.declaredAt(), "duplicate timer '" + t.name() + "': already declared in state '" + owner + "' at "
                            + timerPositions.get(t.name()) + "; timer names are unique in a procedure");
                } else {
                    timerPositions.put(t.name(), t.declaredAt());
                }
                if (s.kind().isTerminal()) {
                    report(t.declaredAt(), kindWord(s) + " state '" + s.name() + "' cannot have timers: the procedure ends there; "
                            + "remove after(" + Durations.format(t.delay()) + ") or declare '" + s.name() + "' with state(...)");
                }
                boolean handled = s.transitions().stream().anyMatch(tr -> tr.trigger().equals(Trigger.timer(t.name())));
                if (!handled) {
                    report(t.declaredAt(), "timer '" + t.name() + "' of state '" + s.name() + "' has no transition; add one "
                            + "triggered by Trigger.timer('" + t.name() + "')");
                }
            }
            for (TransitionDefinition t : s.transitions()) {
                checkTransition(s, t);
            }
        }
    }

    private void checkTransition(StateDefinition s, TransitionDefinition t) {
        String what = describe(s, t);
        if (s.kind().isTerminal() && !(t.trigger() instanceof Trigger.OnTimer)) {
            report(t.declaredAt(), kindWord(s) + " state '" + s.name() + "' cannot have transitions: the procedure ends there; "
                    + "remove " + what + " or declare '" + s.name() + "' with state(...)");
        }
        if (t.trigger() instanceof Trigger.OnEvent e) {
            if (e.type() == Signal.class) {
                report(t.declaredAt(), what + " in state '" + s.name() + "' would never fire: signals are matched by name; "
                        + "write on(signal('name')) { ... }");
            } else if (e.type() == TimerFired.class) {
                report(t.declaredAt(), what + " in state '" + s.name() + "' would never fire: timers are declared with "
                        + "after(duration) { ... }");
            } else if (e.type().isPrimitive()) {
                report(t.declaredAt(), what + " in state '" + s.name() + "' would never fire: events are objects; "
                        + "expected an event class or signal('name')");
            }
        }
        if (t.trigger() instanceof Trigger.OnTimer timer && s.timer(timer.name()).isEmpty()) {
            report(t.declaredAt(), "a transition of state '" + s.name() + "' waits for timer '" + timer.name()
                    + "', which state '" + s.name() + "' does not declare; "
                    + NameSuggestions.hint(timer.name(), s.timers().stream().map(TimerDefinition::name).toList(),
                    "timers of '" + s.name() + "'"));
        }
        if (t.target().isPresent() && !d.hasState(t.target().get())) {
            report(where.target(t), what + " in state '" + s.name() + "' goes to '" + t.target().get()
                    + "', which is not a state; " + NameSuggestions.hint(t.target().get(), stateNames(), "declared states"));
        }
        if (t.retry().isPresent() && t.target().isEmpty()) {
            report(t.declaredAt(), what + " in state '" + s.name() + "' retries " + t.retry().get().maxAttempts()
                    + (t.retry().get().maxAttempts() == 1 ? " time" : " times")
                    + " but has no target for when the retries are used up; add goTo 'failed' (or another state)");
        }
    }

    private Set<String> reachable() {
        Set<String> reached = new LinkedHashSet<>();
        Deque<String> work = new ArrayDeque<>();
        enter(d.initialState(), reached, work);
        if (d.errorState().isPresent() && d.hasState(d.errorState().get()) && hasActionsOrGuards()) {
            enter(d.errorState().get(), reached, work);
        }
        while (!work.isEmpty()) {
            for (TransitionDefinition t : d.state(work.pop()).transitions()) {
                // a typo'd target (reported) counts as the state its message suggests, so that state is not
                // also reported unreachable
                t.target().flatMap(target -> d.hasState(target) ? Optional.of(target) : NameSuggestions.closest(target, stateNames()))
                        .ifPresent(target -> enter(target, reached, work));
            }
        }
        return reached;
    }

    /** Entering a state makes it, its ancestors and its initial-child chain active. */
    private void enter(String state, Set<String> reached, Deque<String> work) {
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

    private void checkReachable(Set<String> reached) {
        for (StateDefinition s : d.states().values()) {
            boolean parentUnreached = s.parent().filter(p -> !reached.contains(p)).isPresent();
            if (!reached.contains(s.name()) && !parentUnreached) {
                if (s.kind() == StateKind.ERROR) {
                    report(s.declaredAt(), "error state '" + s.name() + "' is unreachable: the procedure has no action or guard "
                            + "that could fail and no transition goes to it; remove it, or add goTo '" + s.name() + "'");
                } else {
                    report(s.declaredAt(), "state '" + s.name() + "' is unreachable: no transition from the initial state '"
                            + d.initialState() + "' leads to it; add goTo '" + s.name() + "' to a transition, or remove the state");
                }
            }
        }
    }

    private void checkWayOut(Set<String> reached) {
        for (StateDefinition leaf : d.states().values()) {
            if (leaf.kind() != StateKind.NORMAL || !childNames(leaf.name()).isEmpty() || !reached.contains(leaf.name())) {
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
                report(leaf.declaredAt(), "state '" + leaf.name() + "' is not final and has no way out: no transition or timer "
                        + "of it or of an enclosing state leads elsewhere; add on(...) { goTo '...' } or "
                        + "after(...) { goTo '...' }, or declare it with finalState");
            }
        }
    }

    private boolean hasActionsOrGuards() {
        for (StateDefinition s : d.states().values()) {
            if (!s.onEntry().isEmpty() || !s.onExit().isEmpty()) {
                return true;
            }
            for (TransitionDefinition t : s.transitions()) {
                if (!t.actions().isEmpty() || t.guard().isPresent()) {
                    return true;
                }
            }
        }
        return false;
    }

    private String describe(StateDefinition s, TransitionDefinition t) {
        Trigger trigger = t.trigger();
        if (trigger instanceof Trigger.OnEvent e) {
            return "on(" + e.type().getSimpleName() + ")";
        }
        if (trigger instanceof Trigger.OnSignal sig) {
            return "on(signal('" + sig.name() + "'))";
        }
        String timer = ((Trigger.OnTimer) trigger).name();
        return s.timer(timer).map(td -> "after(" + Durations.format(td.delay()) + ")").orElse("the timer '" + timer + "'");
    }

    private static String kindWord(StateDefinition s) {
        return s.kind() == StateKind.ERROR ? "error" : "final";
    }

    private List<String> childNames(String state) {
        return d.children(state).stream().map(StateDefinition::name).toList();
    }

    private Collection<String> stateNames() {
        return d.states().keySet();
    }

    private void report(SourceRef at, String message) {
        problems.add(new Problem(at, message));
    }
}
