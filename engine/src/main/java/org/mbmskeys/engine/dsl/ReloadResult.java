package org.mbmskeys.engine.dsl;

import java.util.List;
import org.mbmskeys.engine.model.Problem;
import org.mbmskeys.engine.model.ProcedureDefinition;

/**
 * What one {@link ProcedureRepository#reloadChanged()} did.
 *
 * @param loaded   new definitions now current (new procedures at version 1, changed ones at their next version)
 * @param removed  names of procedures whose script was deleted (or renamed the procedure); running
 *                 instances keep their version
 * @param problems why changed scripts were rejected; their previous versions stay current
 */
public record ReloadResult(List<ProcedureDefinition> loaded, List<String> removed, List<Problem> problems) {

    public ReloadResult {
        loaded = List.copyOf(loaded);
        removed = List.copyOf(removed);
        problems = List.copyOf(problems);
    }

    /** Whether any definition was added, replaced or removed. */
    public boolean changed() {
        return !loaded.isEmpty() || !removed.isEmpty();
    }
}
