package org.mbmskeys.engine.dsl;

import java.util.List;
import org.mbmskeys.engine.model.Problem;
import org.mbmskeys.engine.model.ProcedureDefinition;

/**
 * Told what a {@link ProcedureRepository} reload did, for example to log it or to alert an operator when a
 * changed script was rejected. Called on the thread that called {@code reloadChanged()}, after the new
 * definitions are in place. Given to the repository's builder, or added to a built repository with
 * {@link ProcedureRepository#addListener} (an engine built with {@code procedures(repository)} does that).
 *
 * <pre>{@code
 * ProcedureRepository.builder().directory(dir).listener(new ReloadListener() {
 *     public void rejected(String file, List<Problem> problems) { alerts.raise(file, problems); }
 * }).build();
 * }</pre>
 */
public interface ReloadListener {

    /** {@code definition} is now current: a new procedure, or a new version of a changed one. */
    default void loaded(ProcedureDefinition definition) {
    }

    /** The changed script {@code file} was rejected; the previous version (if any) stays current. */
    default void rejected(String file, List<Problem> problems) {
    }

    /** Procedure {@code name} is no longer current: its script was deleted or now declares another name. */
    default void removed(String name) {
    }
}
