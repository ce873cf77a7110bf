package org.mbmskeys.engine.dsl;

import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.codehaus.groovy.runtime.InvokerInvocationException;
import org.mbmskeys.engine.model.Problem;
import org.mbmskeys.engine.model.SourceRef;

/**
 * The state of one run of one script: where keywords are (stack line + {@link PositionIndex}), the
 * problems found so far, and the procedures declared. Keywords report problems here and carry on, so one
 * run finds as many problems as it can.
 */
final class BuildContext {

    private static final StackWalker STACK = StackWalker.getInstance();

    private final String file;
    private final String scriptClass;
    private final PositionIndex index;
    private final List<Problem> problems = new ArrayList<>();
    private final Map<String, Integer> consumed = new HashMap<>();
    private final List<ProcedureSpec> procedures = new ArrayList<>();
    private Object script;
    private boolean failed;

    BuildContext(String file, String scriptClass, PositionIndex index) {
        this.file = file;
        this.scriptClass = scriptClass;
        this.index = index;
    }

    String file() {
        return file;
    }

    /** The script object: owner and {@code this} of the closures kept in the model. */
    Object script() {
        return script;
    }

    void script(Object script) {
        this.script = script;
    }

    List<ProcedureSpec> procedures() {
        return procedures;
    }

    List<Problem> problems() {
        return problems;
    }

    /** Where the script called {@code keyword} (or wrote the bare name {@code keyword}) just now. */
    SourceRef here(String keyword) {
        Optional<Integer> line = STACK.walk(frames -> frames.filter(f -> isScriptFrame(f.getClassName()))
                .map(StackWalker.StackFrame::getLineNumber).filter(l -> l > 0).findFirst());
        if (line.isEmpty()) {
            return new SourceRef(file, 1, 1);
        }
        int[] at = index.locate(keyword, line.get(), consumed);
        return new SourceRef(file, at[0], at[1]);
    }

    /** The source text of the condition of the {@code guard} call at {@code at}, if {@link GuardSource} took one. */
    Optional<String> guardSource(SourceRef at) {
        return index.guardSource(at.line(), at.column());
    }

    void report(SourceRef at, String message) {
        problems.add(new Problem(at, message));
    }

    /** Whether script code threw: the declarations are then incomplete, and verifying them would only add noise. */
    boolean failed() {
        return failed;
    }

    /** Script code (not a keyword) threw while the procedure was being built. */
    void scriptFailed(Throwable thrown) {
        failed = true;
        Throwable t = thrown;
        while ((t instanceof InvokerInvocationException || t instanceof InvocationTargetException) && t.getCause() != null) {
            t = t.getCause();
        }
        int line = 0;
        for (StackTraceElement e : t.getStackTrace()) {
            if (isScriptFrame(e.getClassName()) && e.getLineNumber() > 0) {
                line = e.getLineNumber();
                break;
            }
        }
        SourceRef at = line > 0 ? new SourceRef(file, line, index.firstColumn(line)) : new SourceRef(file, 1, 1);
        report(at, "the script failed while building the procedure: " + whatWentWrong(t));
    }

    /** The first line of the message, without Java's class names; a script author never wrote those. */
    private static String whatWentWrong(Throwable t) {
        String message = t.getMessage() == null ? "" : t.getMessage().lines().findFirst().orElse("").strip();
        if (!message.isEmpty()) {
            return ProcedureCompiler.withoutPackages(message);
        }
        if (t instanceof NullPointerException) {
            return "a value it used is null";
        }
        if (t instanceof StackOverflowError) {
            return "it calls itself without end";
        }
        return "an error without a message";
    }

    private boolean isScriptFrame(String className) {
        return className.equals(scriptClass) || className.startsWith(scriptClass + "$");
    }
}
