package org.mbmskeys.engine.runtime;

import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.mbmskeys.engine.backend.ExecutionBackend;
import org.mbmskeys.engine.model.DefinitionVerifier;
import org.mbmskeys.engine.model.ProcedureDefinition;

/**
 * Every deployed definition version, by name. New instances use the newest version; an instance keeps the
 * version it started on (it holds its {@link Deployed}), and old versions stay here so that records saved
 * on them can be bound again after a restart. Deploying is thread-safe and may happen while instances
 * run (hot reload).
 */
final class Registry {

    private final ExecutionBackend backend;
    private final int lanes;
    private final DefinitionVerifier verifier;
    private final ConcurrentHashMap<String, Versions> byName = new ConcurrentHashMap<>();

    Registry(ExecutionBackend backend, int lanes, DefinitionVerifier verifier) {
        this.backend = backend;
        this.lanes = lanes;
        this.verifier = verifier;
    }

    ExecutionBackend backend() {
        return backend;
    }

    /**
     * Verifies, prepares and deploys {@code definition}.
     *
     * @throws org.mbmskeys.engine.model.InvalidDefinitionException listing every problem the verifier finds
     * @throws IllegalArgumentException if that name already has this or a newer version
     */
    Deployed deploy(ProcedureDefinition definition) {
        Objects.requireNonNull(definition, "definition");
        verifier.requireValidDefinition(definition);   // every definition, scripted or built in Java
        Versions versions = byName.computeIfAbsent(definition.name(), n -> new Versions());
        synchronized (versions) {
            Deployed newest = versions.newest;
            if (newest != null && newest.version >= definition.version()) {
                throw new IllegalArgumentException("procedure '" + definition.name() + "' v" + newest.version
                        + " is already deployed; a new definition needs a version above " + newest.version + ", got v"
                        + definition.version());
            }
            Deployed deployed = new Deployed(this, definition, backend.prepare(definition, lanes));
            versions.all.put(definition.version(), deployed);
            versions.newest = deployed;
            return deployed;
        }
    }

    /** The newest version of {@code name}, or null. */
    Deployed newest(String name) {
        Versions versions = byName.get(name);
        return versions == null ? null : versions.newest;
    }

    /** Version {@code version} of {@code name}, or null. */
    Deployed version(String name, int version) {
        Versions versions = byName.get(name);
        return versions == null ? null : versions.all.get(version);
    }

    /**
     * The newest version of {@code name}, or an exception naming what is deployed.
     *
     * @throws IllegalArgumentException if nothing of that name is deployed
     */
    Deployed require(String name) {
        Objects.requireNonNull(name, "procedure");
        Deployed d = newest(name);
        if (d == null) {
            throw new IllegalArgumentException("no procedure '" + name + "' is deployed; deployed are " + names());
        }
        return d;
    }

    Set<String> names() {
        Set<String> out = new TreeSet<>();
        byName.forEach((name, versions) -> {
            if (versions.newest != null) {
                out.add(name);
            }
        });
        return out;
    }

    private static final class Versions {
        final Map<Integer, Deployed> all = new ConcurrentHashMap<>();
        volatile Deployed newest;
    }
}
