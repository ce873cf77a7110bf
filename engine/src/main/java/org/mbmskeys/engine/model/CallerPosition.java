package org.mbmskeys.engine.model;

import java.util.Optional;

/**
 * Where the Java code that declared part of a definition is: the first stack frame outside
 * {@link ProcedureBuilder} (and {@link ProcedureDefinition#builder}), as {@code File.java:line:1}. A problem in a Java-built definition then points
 * at the line to change, as a problem in a script does.
 */
final class CallerPosition {

    private static final StackWalker WALKER = StackWalker.getInstance();

    private CallerPosition() {
    }

    static SourceRef of() {
        Optional<StackWalker.StackFrame> caller = WALKER.walk(frames -> frames
                .filter(f -> !f.getClassName().startsWith(ProcedureBuilder.class.getName())
                        && !f.getClassName().equals(CallerPosition.class.getName())
                        && !f.getClassName().equals(ProcedureDefinition.class.getName()))
                .findFirst());
        return caller.filter(f -> f.getFileName() != null && f.getLineNumber() > 0)
                .map(f -> new SourceRef(f.getFileName(), f.getLineNumber(), 1))
                .orElse(SourceRef.UNKNOWN);
    }
}
