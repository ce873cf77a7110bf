/**
 * The Groovy DSL for procedures, the only package of the engine that uses Groovy. A procedure script
 * ({@link org.mbmskeys.engine.dsl.ProcedureScript}) is compiled once by
 * {@link org.mbmskeys.engine.dsl.ProcedureCompiler} into a verified
 * {@link org.mbmskeys.engine.model.ProcedureDefinition}, or into every problem it has as
 * {@code file:line:col: message}; {@link org.mbmskeys.engine.dsl.ProcedureRepository} loads the scripts of
 * an engine from the class path and/or a directory and reloads changed ones.
 *
 * <p>The keyword classes ({@link org.mbmskeys.engine.dsl.ProcedureSpec}, {@link org.mbmskeys.engine.dsl.StateSpec},
 * {@link org.mbmskeys.engine.dsl.TransitionSpec}, {@link org.mbmskeys.engine.dsl.TimerSpec},
 * {@link org.mbmskeys.engine.dsl.ActionScope}) are public so that scripts and IDEs can see them; only
 * scripts create or call them. The reference of every keyword is docs/dsl.md.
 */
package org.mbmskeys.engine.dsl;
