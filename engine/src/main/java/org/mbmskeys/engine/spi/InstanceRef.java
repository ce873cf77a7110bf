package org.mbmskeys.engine.spi;

import java.util.Objects;

/** Names one procedure instance: the procedure and the instance's correlation key. Prints as {@code procedure[key]}. */
public record InstanceRef(String procedure, Object key) {

    public InstanceRef {
        Objects.requireNonNull(procedure, "procedure");
        Objects.requireNonNull(key, "key");
    }

    @Override
    public String toString() {
        return procedure + "[" + key + "]";
    }
}
