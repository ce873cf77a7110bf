/**
 * The {@code native} execution backend: {@link org.mbmskeys.engine.backend.interpreter.NativeBackend}
 * interprets the model from precomputed per-state transition tables. (The package is not called
 * {@code native} because that is a Java keyword.)
 */
package org.mbmskeys.engine.backend.interpreter;
