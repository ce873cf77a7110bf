package org.mbmskeys.engine.model;

import java.util.Objects;

/** An input a procedure is started with: a name and the type its value must have. */
public record InputDefinition(String name, Class<?> type, SourceRef declaredAt) {

    public InputDefinition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(declaredAt, "declaredAt");
    }

    /** Whether {@code value} may be given for this input (a primitive type takes its boxed values). */
    public boolean accepts(Object value) {
        return value != null && VariableDefinition.boxed(type).isInstance(value);
    }
}
