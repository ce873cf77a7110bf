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
                .filter(f -> !isBuilder(f.getClassName()))
                .findFirst());
        return caller.filter(f -> f.getFileName() != null && f.getLineNumber() > 0)
                .map(f -> new SourceRef(f.getFileName(), f.getLineNumber(), 1))
                .orElse(SourceRef.UNKNOWN);
    }

    /** The builder, its nested classes and lambdas, and the factory; not a class whose name merely starts the same. */
    private static boolean isBuilder(String className) {
        String builder = ProcedureBuilder.class.getName();
        return className.equals(builder) || className.startsWith(builder + "$")
                || className.equals(CallerPosition.class.getName()) || className.equals(ProcedureDefinition.class.getName());
    }
}
