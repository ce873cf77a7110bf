package org.mbmskeys.engine.spi;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** {@link InstanceRecord#of}: an immutable, name-based record. Null variable values are allowed. */
record SnapshotRecord(String procedure, int version, Optional<String> fingerprint, Object key, String state, Map<String, Object> inputs,
                      Map<String, Object> variables, List<Deadline> deadlines, Map<String, Integer> attempts,
                      Optional<String> failure) implements InstanceRecord {

    SnapshotRecord {
        Objects.requireNonNull(procedure, "procedure");
        Objects.requireNonNull(fingerprint, "fingerprint");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(state, "state");
        inputs = copy(inputs);
        variables = copy(variables);
        deadlines = List.copyOf(deadlines);
        attempts = Map.copyOf(attempts);
        Objects.requireNonNull(failure, "failure");
    }

    static SnapshotRecord of(String procedure, int version, Optional<String> fingerprint, Object key, String state,
                             Map<String, ?> inputs, Map<String, ?> variables, List<Deadline> deadlines,
                             Map<String, Integer> attempts, Optional<String> failure) {
        return new SnapshotRecord(procedure, version, fingerprint, key, state, copy(inputs), copy(variables), deadlines, attempts,
                failure);
    }

    // Map.copyOf rejects null values, and a variable may well be null.
    private static Map<String, Object> copy(Map<String, ?> values) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    @Override
    public String toString() {
        return procedure + " v" + version + " [" + key + "] in " + state;
    }
}
