package org.mbmskeys.engine.diagram;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.mbmskeys.engine.model.InvalidDefinitionException;
import org.mbmskeys.engine.model.ProcedureDefinition;
import org.mbmskeys.engine.model.Problem;
import org.mbmskeys.engine.model.StateDefinition;
import org.mbmskeys.engine.model.StateKind;
import org.mbmskeys.engine.model.TransitionDefinition;

/**
 * What every format draws, worked out once: the state tree with safe ids, and each transition as an
 * arrow placed in the innermost composite state that encloses both of its ends.
 *
 * <p>Why the placement matters: Mermaid and PlantUML put a state where it is first mentioned, so an arrow
 * written inside {@code state A { ... }} that names an outer state would pull that state into A. The
 * writers therefore declare every state first (nested blocks included) and write each arrow in the block
 * that already holds both ends; arrows between different branches go at the top level.
 */
final class Chart {

    /** One arrow between two states (the same state for internal transitions), with its plain label. */
    record Arrow(String from, String to, String label) {
    }

    private final ProcedureDefinition definition;
    private final StateIds ids;
    private final Map<String, List<StateDefinition>> children;
    private final List<Arrow> allArrows = new ArrayList<>();
    private final List<Arrow> topLevelArrows = new ArrayList<>();
    private final Map<String, List<Arrow>> arrowsInside = new LinkedHashMap<>();

    private Chart(ProcedureDefinition definition) {
        this.definition = definition;
        this.ids = StateIds.assign(definition.states().keySet());
        this.children = new LinkedHashMap<>();
        for (StateDefinition s : definition.states().values()) {
            children.put(s.name(), definition.children(s.name()));
        }
        for (StateDefinition s : definition.states().values()) {
            for (TransitionDefinition t : s.transitions()) {
                String to = t.target().orElse(s.name());
                Arrow arrow = new Arrow(s.name(), to, Labels.transition(s, t));
                allArrows.add(arrow);
                enclosing(s.name(), to).ifPresentOrElse(
                        scope -> arrowsInside.computeIfAbsent(scope, k -> new ArrayList<>()).add(arrow),
                        () -> topLevelArrows.add(arrow));
            }
        }
    }

    /**
     * The chart of {@code definition}.
     *
     * @throws InvalidDefinitionException if the definition names a state it does not have, or its
     *                                    nesting is not a tree: such a definition cannot be drawn
     *                                    faithfully, and the verifier would reject it anyway
     */
    static Chart of(ProcedureDefinition definition) {
        List<Problem> problems = Drawability.problems(definition);
        if (!problems.isEmpty()) {
            throw new InvalidDefinitionException(problems);
        }
        return new Chart(definition);
    }

    ProcedureDefinition definition() {
        return definition;
    }

    /** {@code name (spec)}, or just the name when the definition gives no spec reference. */
    String heading() {
        return definition.specRef().isBlank() ? definition.name()
                : definition.name() + " (" + definition.specRef() + ")";
    }

    String description() {
        return definition.description();
    }

    String id(String stateName) {
        return ids.of(stateName);
    }

    /** The top-level states, in declaration order. */
    List<StateDefinition> topLevel() {
        return definition.topLevelStates();
    }

    /** The children of {@code state}, in declaration order; a state with children is drawn as a composite. */
    List<StateDefinition> children(StateDefinition state) {
        return children.get(state.name());
    }

    boolean isComposite(StateDefinition state) {
        return !children(state).isEmpty();
    }

    /** Arrows to write inside {@code composite}'s block, in declaration order. */
    List<Arrow> arrowsInside(StateDefinition composite) {
        return arrowsInside.getOrDefault(composite.name(), List.of());
    }

    /** Arrows to write at the top level, in declaration order. */
    List<Arrow> topLevelArrows() {
        return topLevelArrows;
    }

    /** Every arrow in declaration order, for formats that need no placement (DOT). */
    List<Arrow> allArrows() {
        return allArrows;
    }

    /** States where the procedure ends (final and error states), in declaration order. */
    List<StateDefinition> terminals() {
        return definition.states().values().stream().filter(s -> s.kind().isTerminal()).toList();
    }

    boolean isErrorState(StateDefinition state) {
        return definition.errorState().filter(state.name()::equals).isPresent()
                || state.kind() == StateKind.ERROR;
    }

    /** The innermost state that strictly encloses both {@code a} and {@code b}, if any. */
    private Optional<String> enclosing(String a, String b) {
        List<String> pathB = definition.path(b);
        Set<String> aboveB = new HashSet<>(pathB.subList(1, pathB.size()));
        List<String> aboveA = definition.path(a);
        for (String s : aboveA.subList(1, aboveA.size())) {
            if (aboveB.contains(s)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
