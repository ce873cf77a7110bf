package org.mbmskeys.engine.model;

import java.util.Objects;

/** A procedure variable: a name, a type and its initial value (null allowed). */
public record VariableDefinition(String name, Class<?> type, Object initialValue, SourceRef declaredAt) {

    public VariableDefinition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(declaredAt, "declaredAt");
        if (initialValue != null && !boxed(type).isInstance(initialValue)) {
            throw new IllegalArgumentException("variable '" + name + "' is a " + type.getSimpleName()
                    + " but its initial value is a " + initialValue.getClass().getSimpleName());
        }
    }

    /** Whether {@code value} may be stored in this variable. */
    public boolean accepts(Object value) {
        return value == null ? !type.isPrimitive() : boxed(type).isInstance(value);
    }

    static Class<?> boxed(Class<?> type) {
        if (!type.isPrimitive()) {
            return type;
        }
        if (type == int.class) {
            return Integer.class;
        }
        if (type == long.class) {
            return Long.class;
        }
        if (type == boolean.class) {
            return Boolean.class;
        }
        if (type == double.class) {
            return Double.class;
        }
        if (type == short.class) {
            return Short.class;
        }
        if (type == byte.class) {
            return Byte.class;
        }
        if (type == char.class) {
            return Character.class;
        }
        return Float.class;
    }
}
