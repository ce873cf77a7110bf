package org.mbmskeys.engine.model;

import static org.mbmskeys.engine.model.CheckWords.childNames;
import static org.mbmskeys.engine.model.CheckWords.stateNames;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** States nest as a tree: parents are states, no state is its own ancestor, a composite names one of its children first. */
final class StateNesting implements DefinitionCheck {

    @Override
    public List<Problem> check(ProcedureDefinition d, SourcePositions where) {
        List<Problem> problems = new ArrayList<>();
        for (StateDefinition s : d.states().values()) {
            if (s.parent().isPresent() && !d.hasState(s.parent().get())) {
                problems.add(new Problem(s.declaredAt(), "state '" + s.name() + "' names parent '" + s.parent().get()
                        + "', which is not a state; " + NameSuggestions.hint(s.parent().get(), stateNames(d), "declared states")));
            }
        }
        for (StateDefinition s : d.states().values()) {
            List<String> chain = new ArrayList<>(List.of(s.name()));
            Optional<String> p = s.parent();
            while (p.isPresent() && d.hasState(p.get())) {
                chain.add(p.get());
                if (p.get().equals(s.name())) {
                    problems.add(new Problem(s.declaredAt(), "state '" + s.name() + "' is its own ancestor ("
                            + String.join(" in ", chain) + "); states nest as a tree: give it a parent outside itself"));
                    break;
                }
                if (chain.size() > d.states().size() + 1) {
                    break; // a cycle further up; reported for the states on it
                }
                p = d.state(p.get()).parent();
            }
        }
        for (StateDefinition s : d.states().values()) {
            List<String> children = childNames(d, s.name());
            if (s.initialChild().isEmpty()) {
                if (!children.isEmpty()) {
                    problems.add(new Problem(s.declaredAt(), "state '" + s.name() + "' has child states but no initial child; "
                            + "add initial '" + children.get(0) + "' inside state('" + s.name() + "') (children: "
                            + String.join(", ", children) + ")"));
                }
            } else if (!children.contains(s.initialChild().get())) {
                String child = s.initialChild().get();
                problems.add(new Problem(where.initialChild(s), children.isEmpty()
                        ? "state '" + s.name() + "' names initial child '" + child + "' but has no child states; declare state('"
                        + child + "') { ... } inside it, or remove the initial"
                        : "initial child '" + child + "' of state '" + s.name() + "' is not one of its children; "
                        + NameSuggestions.hint(child, children, "children of '" + s.name() + "'")));
            }
        }
        return problems;
    }
}
