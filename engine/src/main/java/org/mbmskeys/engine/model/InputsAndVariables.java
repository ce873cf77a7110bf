package org.mbmskeys.engine.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Input and variable names are unique, and the correlation key is an input. */
final class InputsAndVariables implements DefinitionCheck {

    @Override
    public List<Problem> check(ProcedureDefinition d, SourcePositions where) {
        List<Problem> problems = new ArrayList<>();
        Map<String, SourceRef> inputs = new HashMap<>();
        for (InputDefinition i : d.inputs()) {
            SourceRef first = inputs.putIfAbsent(i.name(), i.declaredAt());
            if (first != null) {
                problems.add(new Problem(i.declaredAt(), "duplicate input '" + i.name() + "': already declared at " + first
                        + "; input names are unique"));
            }
        }
        d.correlationKey().filter(k -> !inputs.containsKey(k)).ifPresent(k -> problems.add(new Problem(where.correlationKey(d),
                "correlation key '" + k + "' is not an input; " + (inputs.isEmpty()
                        ? "declare it first with input '" + k + "', String (or its type)"
                        : NameSuggestions.hint(k, inputs.keySet(), "declared inputs")))));
        Map<String, SourceRef> variables = new HashMap<>();
        for (VariableDefinition v : d.variables()) {
            SourceRef first = variables.putIfAbsent(v.name(), v.declaredAt());
            if (first != null) {
                problems.add(new Problem(v.declaredAt(), "duplicate variable '" + v.name() + "': already declared at " + first
                        + "; variable names are unique"));
            }
        }
        return problems;
    }
}
