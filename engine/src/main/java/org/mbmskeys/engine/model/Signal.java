package org.mbmskeys.engine.model;

import java.util.Objects;

/** A named signal delivered to an instance, with an optional payload. */
public record Signal(String name, Object payload) {

    public Signal {
        Objects.requireNonNull(name, "name");
    }

    public static Signal of(String name) {
        return new Signal(name, null);
    }
}
