package org.mbmskeys.engine.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A procedure has at most one error state, declared as such, and has one as soon as an action or guard
 * could fail.
 */
final class ErrorState implements DefinitionCheck {

    @Override
    public List<Problem> check(ProcedureDefinition d, SourcePositions where) {
        List<Problem> problems = new ArrayList<>();
        Optional<String> error = d.errorState();
        if (error.isPresent()) {
            if (!d.hasState(error.get())) {
                problems.add(new Problem(d.declaredAt(), "error state '" + error.get() + "' is not a state of procedure '"
                        + d.name() + "'; " + NameSuggestions.hint(error.get(), CheckWords.stateNames(d), "declared states")));
            } else if (d.state(error.get()).kind() != StateKind.ERROR) {
                StateDefinition s = d.state(error.get());
                problems.add(new Problem(s.declaredAt(), "the error state '" + s.name() + "' is declared as a " + s.kind()
                        + " state; declare it with errorState '" + s.name() + "'"));
            }
        }
        for (StateDefinition s : d.states().values()) {
            if (s.kind() == StateKind.ERROR && !error.equals(Optional.of(s.name()))) {
                problems.add(new Problem(s.declaredAt(), "state '" + s.name() + "' is an error state, but "
                        + error.map(e -> "the procedure's error state is '" + e + "'").orElse("the procedure names no error state")
                        + "; a procedure has exactly one error state"));
            }
        }
        if (error.isEmpty() && CheckWords.hasActionsOrGuards(d)) {
            problems.add(new Problem(d.declaredAt(), "procedure '" + d.name() + "' has actions or guards, which may fail, but "
                    + "no error state; add errorState 'failed' (an instance whose action or guard throws moves there)"));
        }
        return problems;
    }
}
