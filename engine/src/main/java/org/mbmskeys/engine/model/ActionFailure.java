package org.mbmskeys.engine.model;

import java.util.Objects;

/**
 * An action or guard written in a script threw: says which one and where, as in
 * {@code action of transition 'waiting' -[Answer]-> 'done' at msk-request.groovy:42 threw
 * IllegalStateException: boom}, the line being the one inside the block that threw when the stack trace
 * shows it, else the line the block starts on. The runtime records {@link #getMessage()} as the
 * instance's failure (so listeners and traces name the script position) and hands listeners the
 * {@linkplain #getCause() original exception}.
 */
public final class ActionFailure extends RuntimeException {

    private final String where;

    /**
     * @param what  the block, e.g. {@code action of transition 'waiting' -[Answer]-> 'done'}
     * @param file  the script file
     * @param line  the script line
     * @param cause what the block threw
     */
    public ActionFailure(String what, String file, int line, Throwable cause) {
        super(what + " at " + file + ":" + line + " threw " + name(cause) + describe(cause), Objects.requireNonNull(cause));
        this.where = what + " at " + file + ":" + line;
    }

    /** The block and its script position, e.g. {@code onEntry of state 'sending' at push.groovy:7}. */
    public String where() {
        return where;
    }

    private static String name(Throwable cause) {
        String simple = cause.getClass().getSimpleName();
        return simple.isEmpty() ? cause.getClass().getName() : simple;
    }

    private static String describe(Throwable cause) {
        return cause.getMessage() == null ? "" : ": " + cause.getMessage();
    }

    /** The line of the innermost frame of {@code thrown} in script {@code file}, or {@code fallback}. */
    public static int lineIn(Throwable thrown, String file, int fallback) {
        String base = file.substring(file.lastIndexOf('/') + 1);
        for (StackTraceElement frame : thrown.getStackTrace()) {
            String frameFile = frame.getFileName();
            if (frameFile != null && frame.getLineNumber() > 0 && (frameFile.equals(file) || frameFile.equals(base))) {
                return frame.getLineNumber();
            }
        }
        return fallback;
    }
}
