package org.mbmskeys.engine.model;

import java.util.Objects;

/**
 * Where something was declared: a script file (as the loader names it), line and column, both 1-based.
 * Prints as {@code file:line:col}, the form every load-time problem uses.
 */
public record SourceRef(String file, int line, int column) {

    /** For definitions built in Java, where no script position exists. */
    public static final SourceRef UNKNOWN = new SourceRef("<java>", 0, 0);

    public SourceRef {
        Objects.requireNonNull(file, "file");
    }

    @Override
    public String toString() {
        return file + ":" + line + ":" + column;
    }
}
