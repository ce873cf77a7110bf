package org.mbmskeys.features.engine;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.mbmskeys.engine.dsl.CompileResult;
import org.mbmskeys.engine.dsl.ProcedureCompiler;
import org.mbmskeys.engine.model.ProcedureDefinition;

/**
 * Compiles the scenarios' procedure scripts, each distinct text once per run. The first compile in a JVM
 * costs about 1.7 s and each further one tens of milliseconds; definitions are immutable, so scenarios
 * (and Scenario Outline examples) that declare the same text share one.
 */
final class Scripts {

    /** The script name in problems of scripts given inline (a feature's doc string). */
    static final String INLINE = "scenario.groovy";

    /** Static compilation (the default of the DSL), with the features' synthetic events imported. */
    static final ProcedureCompiler COMPILER = ProcedureCompiler.builder()
            .imports("org.mbmskeys.features.engine.events.*")
            .build();

    private static final Map<String, CompileResult> BY_TEXT = new ConcurrentHashMap<>();

    private Scripts() {
    }

    /**
     * The verified definition that {@code text} declares.
     *
     * @throws org.mbmskeys.engine.model.InvalidDefinitionException listing the script's problems
     */
    static ProcedureDefinition define(String text) {
        return BY_TEXT.computeIfAbsent(text, t -> COMPILER.compile(INLINE, t)).orThrow();
    }
}
