package org.mbmskeys.engine.model;

import java.util.Objects;

/**
 * One problem in a procedure definition: where, and what is wrong together with what is allowed instead.
 * Prints as {@code file:line:col: message}.
 */
public record Problem(SourceRef where, String message) {

    public Problem {
        Objects.requireNonNull(where, "where");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return where + ": " + message;
    }
}
