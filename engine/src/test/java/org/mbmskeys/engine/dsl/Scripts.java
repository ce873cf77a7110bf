package org.mbmskeys.engine.dsl;

import java.util.List;
import org.mbmskeys.engine.model.Problem;
import org.mbmskeys.engine.model.ProcedureDefinition;

/** Compilers shared by the tests (the first compile in a JVM is slow; the cache makes repeats cheap). */
final class Scripts {

    static final ProcedureCompiler STATIC = ProcedureCompiler.builder().imports("org.mbmskeys.engine.dsl.events.*").build();
    static final ProcedureCompiler DYNAMIC = ProcedureCompiler.builder().imports("org.mbmskeys.engine.dsl.events.*")
            .compileStatic(false).build();

    private Scripts() {
    }

    static ProcedureCompiler compiler(boolean statically) {
        return statically ? STATIC : DYNAMIC;
    }

    static ProcedureDefinition define(boolean statically, String script) {
        return compiler(statically).compile("t.groovy", script).orThrow();
    }

    static List<String> problems(boolean statically, String script) {
        return compiler(statically).compile("t.groovy", script).problems().stream().map(Problem::toString).toList();
    }

    /** Procedure 't' with initial state 'a', {@code body} from line 3 on, then final state 'done'. */
    static String around(String body) {
        return "procedure('t') {\n    initial 'a'\n" + body + "\n    finalState 'done'\n}\n";
    }
}
