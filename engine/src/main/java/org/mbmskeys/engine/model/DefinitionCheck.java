package org.mbmskeys.engine.model;

import java.util.List;

/**
 * One rule every procedure definition must follow, checked when the definition is compiled from a script
 * and again when it is deployed (a definition built in Java gets only the second). The engine's own rules
 * are checks too ({@link DefinitionVerifier#builtInChecks()}); an embedder adds its own on the
 * {@code EngineBuilder} and on the {@code ProcedureCompiler} (or {@code ProcedureRepository}) builder, and
 * they run after the built-in ones, in the order they were added.
 *
 * <p>A check reports problems in the script author's terms, each where it is: {@link Problem#where()} from
 * the model ({@link ProcedureDefinition#declaredAt()}, {@link StateDefinition#declaredAt()}, ...) or, finer,
 * from {@code where}. A definition built in Java has the positions its builder gave it.
 *
 * <pre>{@code
 * DefinitionCheck namesItsClause = (definition, where) -> definition.specRef().isBlank()
 *         ? List.of(new Problem(definition.declaredAt(), "procedure '" + definition.name()
 *                 + "' names no spec clause; add spec 'TS 33.246 §6.3'"))
 *         : List.of();
 * Engine engine = Engine.builder().check(namesItsClause).procedures(definitions).build();
 * }</pre>
 */
@FunctionalInterface
public interface DefinitionCheck {

    /**
     * Every problem this check finds in {@code definition}; empty if it has none. Called with definitions
     * that have at least one state; other names in it (targets, parents) may be wrong, as other checks
     * report, so look them up with {@link ProcedureDefinition#hasState} first.
     *
     * @param where finer positions than the model's, where the definition came from a script
     */
    List<Problem> check(ProcedureDefinition definition, SourcePositions where);
}
