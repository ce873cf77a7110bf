package org.mbmskeys.engine.runtime;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.mbmskeys.engine.backend.ExecutionBackend;
import org.mbmskeys.engine.model.DefinitionVerifier;
import org.mbmskeys.engine.model.ProcedureDefinition;

/**
 * Every deployed definition, by name. New instances use the current definition of a name (none after
 * {@link #undeploy}); an instance keeps the definition it started on (it holds its {@link Deployed}), and
 * every definition ever deployed stays here, so that records saved on it can be bound again after a
 * restart: by fingerprint, whatever the version number. Deploying is thread-safe and may happen while
 * instances run (hot reload).
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
     * Verifies and prepares {@code definition} and makes it the current definition of its name.
     *
     * @throws org.mbmskeys.engine.model.InvalidDefinitionException listing every problem the verifier finds
     * @throws IllegalArgumentException if that name already has this or a newer version
     */
    Deployed deploy(ProcedureDefinition definition) {
        Objects.requireNonNull(definition, "definition");
        verifier.requireValidDefinition(definition);   // every definition, scripted or built in Java
        Versions versions = byName.computeIfAbsent(definition.name(), n -> new Versions());
        synchronized (versions) {
            if (versions.highest != null && versions.highest >= definition.version()) {
                throw new IllegalArgumentException("procedure '" + definition.name() + "' v" + versions.highest
                        + (versions.current == null ? " was deployed before" : " is already deployed")
                        + "; a new definition needs a version above " + versions.highest + ", got v" + definition.version());
            }
            Deployed deployed = new Deployed(this, definition, backend.prepare(definition, lanes));
            versions.all.add(deployed);
            versions.highest = definition.version();
            versions.current = deployed;
            return deployed;
        }
    }

    /**
     * Prepares {@code definition} for stored records that name its fingerprint only: new instances never
     * use it. Its version number may equal another's; the fingerprint tells them apart.
     */
    Deployed retain(ProcedureDefinition definition) {
        Objects.requireNonNull(definition, "definition");
        verifier.requireValidDefinition(definition);
        Versions versions = byName.computeIfAbsent(definition.name(), n -> new Versions());
        synchronized (versions) {
            Deployed deployed = new Deployed(this, definition, backend.prepare(definition, lanes));
            versions.all.add(deployed);
            return deployed;
        }
    }

    /**
     * New instances of {@code name} are refused from now on; its definitions stay for the instances that
     * run on them and for stored records.
     *
     * @throws IllegalArgumentException if {@code name} is not deployed
     */
    void undeploy(String name) {
        require(name);
        Versions versions = byName.get(name);
        synchronized (versions) {
            versions.current = null;
        }
    }

    /** The current definition of {@code name}, or null (never deployed, or undeployed). */
    Deployed current(String name) {
        Versions versions = byName.get(name);
        return versions == null ? null : versions.current;
    }

    /**
     * The deployed definition of {@code name} with {@code fingerprint}, preferring the one numbered
     * {@code version}; null if none has that fingerprint.
     */
    Deployed withFingerprint(String name, String fingerprint, int version) {
        Deployed any = null;
        for (Deployed d : all(name)) {
            if (d.definition.fingerprint().equals(fingerprint)) {
                if (d.version == version) {
                    return d;
                }
                any = any == null ? d : any;
            }
        }
        return any;
    }

    /** The deployed definition of {@code name} numbered {@code version} (the current one first), or null. */
    Deployed version(String name, int version) {
        Deployed current = current(name);
        if (current != null && current.version == version) {
            return current;
        }
        return all(name).stream().filter(d -> d.version == version).findFirst().orElse(null);
    }

    /** Every definition of {@code name} ever deployed or retained, in the order they came. */
    List<Deployed> all(String name) {
        Versions versions = byName.get(name);
        return versions == null ? List.of() : versions.all;
    }

    /**
     * The current definition of {@code name}, for a new instance, or an exception naming what is deployed.
     *
     * @throws IllegalArgumentException if nothing of that name is deployed, or it was undeployed
     */
    Deployed require(String name) {
        Objects.requireNonNull(name, "procedure");
        Deployed d = current(name);
        if (d == null) {
            throw new IllegalArgumentException(notDeployed(name));
        }
        return d;
    }

    /**
     * Checks that {@code name} has ever been deployed, so that events can reach its running instances
     * (also after an undeploy).
     *
     * @throws IllegalArgumentException if it never was
     */
    void requireKnown(String name) {
        Objects.requireNonNull(name, "procedure");
        if (all(name).isEmpty()) {
            throw new IllegalArgumentException(notDeployed(name));
        }
    }

    /** Why no new instance of {@code name} can start, naming what is deployed. */
    String notDeployed(String name) {
        return all(name).isEmpty() ? "no procedure '" + name + "' is deployed; deployed are " + names()
                : "procedure '" + name + "' was undeployed: its running instances finish, new ones are refused; deployed are "
                        + names();
    }

    /** Names of the procedures that have a current definition. */
    Set<String> names() {
        Set<String> out = new TreeSet<>();
        byName.forEach((name, versions) -> {
            if (versions.current != null) {
                out.add(name);
            }
        });
        return out;
    }

    /** What is deployed of {@code name}, for messages: {@code v1 (fingerprint 3f…), v2 (…)}, or "nothing". */
    String describe(String name) {
        List<Deployed> all = all(name);
        return all.isEmpty() ? "no definition of '" + name + "' is deployed" : "deployed are " + all.stream()
                .map(d -> "v" + d.version + " (fingerprint " + d.definition.fingerprint() + ")")
                .collect(Collectors.joining(", "));
    }

    private static final class Versions {
        final List<Deployed> all = new CopyOnWriteArrayList<>();
        volatile Deployed current;
        /** The version number of the newest definition made current, or null. */
        Integer highest;
    }
}
