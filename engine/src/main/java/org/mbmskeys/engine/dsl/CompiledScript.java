package org.mbmskeys.engine.dsl;

import java.util.List;
import org.mbmskeys.engine.model.Problem;

/**
 * One script compiled to a class (cached: compiling costs milliseconds warm, about 1.7 s cold), or the
 * compiler's problems with it. {@code lint} holds load-time findings of a class that did compile.
 *
 * @param typeErrorsOnly the compile failed only in static type checking, so a dynamic compile of the same
 *                       text can still run and report the structural problems too
 * @param unresolved     the compile failed only because classes did not resolve: these, so that a compile
 *                       with stand-ins for them can report the other problems; else null
 */
record CompiledScript(Class<?> scriptClass, PositionIndex index, List<Problem> problems, boolean typeErrorsOnly,
                      UnresolvedClasses unresolved) {

    CompiledScript {
        problems = List.copyOf(problems);
    }

    boolean compiled() {
        return scriptClass != null;
    }
}
