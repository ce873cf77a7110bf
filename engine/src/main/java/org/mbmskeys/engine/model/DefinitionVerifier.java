package org.mbmskeys.engine.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Checks a {@link ProcedureDefinition} and returns every problem found, each with where it is and what is
 * allowed instead. Every definition goes through it: one compiled from a script when it is compiled (with
 * the script's finer positions) and every definition, scripted or built in Java, when it is deployed. It
 * knows nothing of Groovy.
 *
 * <p>It runs a list of {@link DefinitionCheck}s, in order: the built-in ones ({@link #builtInChecks()}),
 * then those the embedder added ({@link #with(List)}). A definition without states gets one problem
 * saying so and no check runs, since none would have anything to look at.
 *
 * <p>The built-in checks, in order:
 * <ul>
 *   <li>states nest as a tree: parents name states, no state is its own ancestor, a state with children
 *       has an initial child and it is one of its children;</li>
 *   <li>the initial state is a state;</li>
 *   <li>the error state is a state declared as the error state, there is only one, and there is one as
 *       soon as the procedure has an action or a guard (an action or a guard may throw and the instance
 *       then moves there);</li>
 *   <li>input and variable names are unique; the correlation key is an input;</li>
 *   <li>timer names are unique across the whole procedure (a {@link TimerFired} carries only the name);
 *       final and error states have no timers and no transitions; transitions wait for real events: not
 *       {@code Signal} or {@code TimerFired} as an event class (use a signal trigger or a timer), not a
 *       primitive type; a timer transition names a timer of its state, every timer has a transition,
 *       every target is a state, and a bounded retry has a target for when it gives up;</li>
 *   <li>every state is reachable from the initial state through transitions and initial children, and
 *       every non-final leaf state has a way out: a transition or timer of it or of an enclosing state that
 *       leads to another state.</li>
 * </ul>
 *
 * <p><b>Error-state reachability.</b> The error state counts as reachable when the procedure has at least
 * one action or guard (any of them may fail), or when a transition goes to it. An error state in a
 * procedure without actions, guards or transitions to it is reported as unreachable.
 *
 * <pre>{@code
 * List<Problem> problems = DefinitionVerifier.verify(definition);          // the built-in checks
 * ProcedureDefinition ok = DefinitionVerifier.requireValid(definition);     // or InvalidDefinitionException
 * DefinitionVerifier mine = DefinitionVerifier.with(List.of(namesItsClause)); // built-in checks, then mine
 * mine.requireValidDefinition(definition);
 * }</pre>
 */
public final class DefinitionVerifier {

    private static final List<DefinitionCheck> BUILT_IN = List.of(new StateNesting(), new InitialState(), new ErrorState(),
            new InputsAndVariables(), new TimersAndTransitions(), new Reachability());

    private static final DefinitionVerifier STANDARD = new DefinitionVerifier(BUILT_IN);

    private final List<DefinitionCheck> checks;

    private DefinitionVerifier(List<DefinitionCheck> checks) {
        this.checks = List.copyOf(checks);
    }

    /** The engine's own checks, in the order they run. */
    public static List<DefinitionCheck> builtInChecks() {
        return BUILT_IN;
    }

    /** A verifier with the built-in checks only. */
    public static DefinitionVerifier standard() {
        return STANDARD;
    }

    /** A verifier with the built-in checks, then {@code extra} in order. */
    public static DefinitionVerifier with(List<DefinitionCheck> extra) {
        if (extra.isEmpty()) {
            return STANDARD;
        }
        List<DefinitionCheck> all = new ArrayList<>(BUILT_IN);
        extra.forEach(c -> all.add(Objects.requireNonNull(c, "check")));
        return new DefinitionVerifier(all);
    }

    /** Every problem of {@code definition} under the built-in checks, positions from the model alone. Empty if it is valid. */
    public static List<Problem> verify(ProcedureDefinition definition) {
        return STANDARD.problems(definition, SourcePositions.OF_MODEL);
    }

    /** Every problem of {@code definition} under the built-in checks, pointing at the finer positions {@code where} knows. */
    public static List<Problem> verify(ProcedureDefinition definition, SourcePositions where) {
        return STANDARD.problems(definition, where);
    }

    /**
     * {@code definition} if it passes the built-in checks.
     *
     * @throws InvalidDefinitionException listing every problem
     */
    public static ProcedureDefinition requireValid(ProcedureDefinition definition) {
        return STANDARD.requireValidDefinition(definition);
    }

    /** Every problem of {@code definition} under this verifier's checks, in check order. Empty if it is valid. */
    public List<Problem> problems(ProcedureDefinition definition, SourcePositions where) {
        Objects.requireNonNull(definition, "definition");
        Objects.requireNonNull(where, "where");
        if (definition.states().isEmpty()) {
            return List.of(new Problem(definition.declaredAt(), "procedure '" + definition.name() + "' has no states; declare "
                    + "at least one state('name') { ... } and a finalState 'name'"));
        }
        List<Problem> found = new ArrayList<>();
        for (DefinitionCheck check : checks) {
            found.addAll(check.check(definition, where));
        }
        return List.copyOf(found);
    }

    /**
     * {@code definition} if it passes this verifier's checks.
     *
     * @throws InvalidDefinitionException listing every problem
     */
    public ProcedureDefinition requireValidDefinition(ProcedureDefinition definition) {
        List<Problem> found = problems(definition, SourcePositions.OF_MODEL);
        if (!found.isEmpty()) {
            throw new InvalidDefinitionException(found);
        }
        return definition;
    }

    /** The checks this verifier runs, in order. */
    public List<DefinitionCheck> checks() {
        return checks;
    }
}
