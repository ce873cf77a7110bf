package org.mbmskeys.engine.model;

import java.util.List;

/** The procedure's initial state is one of its states. */
final class InitialState implements DefinitionCheck {

    @Override
    public List<Problem> check(ProcedureDefinition d, SourcePositions where) {
        if (d.hasState(d.initialState())) {
            return List.of();
        }
        return List.of(new Problem(where.initialState(d), "initial state '" + d.initialState() + "' is not a state of procedure '"
                + d.name() + "'; " + NameSuggestions.hint(d.initialState(), CheckWords.stateNames(d), "declared states")));
    }
}
