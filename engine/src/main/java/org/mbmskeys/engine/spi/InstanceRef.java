package org.mbmskeys.engine.spi;

import java.util.Objects;

/** Names one procedure instance: the procedure and the instance's correlation key. Prints as {@code procedure[key]}. */
public record InstanceRef(String procedure, Object key) {

    public InstanceRef {
        Objects.requireNonNull(procedure, "procedure");
        Objects.requireNonNull(key, "key");
    }

    /** Written out: the generated one goes through an invokedynamic bootstrap that showed in the re-key profile. */
    @Override
    public boolean equals(Object o) {
        return o == this || o instanceof InstanceRef other && procedure.equals(other.procedure) && key.equals(other.key);
    }

    @Override
    public int hashCode() {
        return 31 * procedure.hashCode() + key.hashCode();
    }

    @Override
    public String toString() {
        return procedure + "[" + key + "]";
    }
}
