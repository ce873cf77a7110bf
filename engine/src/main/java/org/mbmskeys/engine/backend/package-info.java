/**
 * The seam between the runtime and the machinery that executes a definition. Start with
 * {@link org.mbmskeys.engine.backend.ExecutionBackend}: it prepares each definition once into an
 * {@link org.mbmskeys.engine.backend.ExecutableProcedure}, which handles one event of one instance at a
 * time through a {@link org.mbmskeys.engine.backend.StepContext}. {@link org.mbmskeys.engine.backend.StateTree}
 * numbers states and states the exit/entry rules every backend follows;
 * {@link org.mbmskeys.engine.backend.Rejections} words events and rejections the same way for all.
 *
 * <p>Backends: {@code backend.interpreter} ({@code native}, the default) and {@code backend.spring}.
 */
package org.mbmskeys.engine.backend;
