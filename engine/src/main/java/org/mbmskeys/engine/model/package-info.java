/**
 * The immutable procedure model: {@link org.mbmskeys.engine.model.ProcedureDefinition} with nested
 * {@link org.mbmskeys.engine.model.StateDefinition}s, {@link org.mbmskeys.engine.model.TransitionDefinition}s
 * on {@link org.mbmskeys.engine.model.Trigger}s, timers, inputs and variables. Actions and guards are plain
 * Java functional interfaces over an {@link org.mbmskeys.engine.model.ActionContext}. No Groovy here: the DSL
 * builds this model, and Java code can build it directly.
 */
package org.mbmskeys.engine.model;
