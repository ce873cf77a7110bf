package org.mbmskeys.engine.backend;

import org.mbmskeys.engine.model.ProcedureDefinition;

/**
 * How the runtime executes definitions. The runtime owns the instance record, timers, persistence,
 * effects and listeners; a backend only decides, per event, which transition fires and runs its guards
 * and actions in the right order, reporting each move to the {@link StepContext}. Both backends (the
 * default {@code native} interpreter and {@code spring}) must produce the same calls for the same
 * definition and events, which the conformance suite checks by comparing transition traces.
 *
 * <p>Backends are found by name through {@link java.util.ServiceLoader} (a provider file
 * {@code META-INF/services/org.mbmskeys.engine.backend.ExecutionBackend}), so that
 * {@code EngineBuilder.backend("spring")} or the property {@code mbmskeys.engine.backend=spring} can
 * select one without a compile-time dependency.
 *
 * <pre>{@code
 * ExecutionBackend backend = new NativeBackend();
 * ExecutableProcedure p = backend.prepare(definition, 2);
 * p.start(step);     // step: the runtime's StepContext for a new instance
 * }</pre>
 */
public interface ExecutionBackend {

    /** The name to select it by: {@code native}, {@code spring}. */
    String name();

    /**
     * Prepares {@code definition} once, when it is deployed; the runtime has verified it first, so its names
     * resolve and its states form a tree.
     *
     * @param lanes how many lanes will call it (for per-lane machinery)
     * @throws org.mbmskeys.engine.model.InvalidDefinitionException if the definition cannot be executed
     */
    ExecutableProcedure prepare(ProcedureDefinition definition, int lanes);
}
