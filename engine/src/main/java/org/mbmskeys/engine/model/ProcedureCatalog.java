package org.mbmskeys.engine.model;

import java.util.Optional;
import java.util.Set;

/**
 * Verified procedure definitions by name and version. New instances start on {@link #current(String)};
 * a running instance keeps the version it started with and finds it again with {@link #find(String, int)},
 * even after a newer version replaced it (hot reload).
 *
 * <p>Implementations are thread-safe: the runtime reads while a reload swaps definitions in.
 *
 * <pre>{@code
 * ProcedureDefinition latest = catalog.current("example.push").orElseThrow();
 * ProcedureDefinition pinned = catalog.find("example.push", instance.version()).orElseThrow();
 * }</pre>
 */
public interface ProcedureCatalog {

    /** The newest version of procedure {@code name}, if it is loaded. */
    Optional<ProcedureDefinition> current(String name);

    /** Version {@code version} of procedure {@code name}, if it was ever loaded. */
    Optional<ProcedureDefinition> find(String name, int version);

    /** The names of all currently loaded procedures. */
    Set<String> names();
}
