/**
 * The runtime: start with {@link org.mbmskeys.engine.runtime.Engine#builder()}. Instances are compact
 * records handled on a fixed number of lanes (one writer per instance, events in order), timers are
 * deadlines in the records, effects are carried out after each step, and an execution backend
 * ({@code native} by default) decides the transitions. Everything but {@code Engine} and
 * {@code EngineBuilder} is internal.
 */
package org.mbmskeys.engine.runtime;
