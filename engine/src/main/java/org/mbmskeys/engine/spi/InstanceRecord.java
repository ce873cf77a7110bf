package org.mbmskeys.engine.spi;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What an {@link InstanceStore} keeps of one procedure instance: which definition (name, version and
 * fingerprint) it runs, its correlation key, its current leaf state, its inputs and variables, its armed timers with
 * their deadlines, its retry counters and, after a failure, the recorded cause. An instance is this record
 * and nothing more: no machine object, no scheduled task.
 *
 * <p>The engine's own records are compact (the state is an index, values an array, deadlines a
 * {@code long[]}) and are mutated by the engine, which is their only writer: one instance is only ever
 * handled by one lane at a time. The accessors below build name-based views for stores that serialize;
 * an in-memory store just keeps the object. A store must copy what it needs during
 * {@link InstanceStore#save}, because the engine keeps mutating the record afterwards; a record passed to
 * a {@link ProcedureListener} is valid during the call (take {@link #copyOf} to keep it).
 *
 * <p>A store that rebuilds records from storage creates them with {@link #of}; the engine binds such a
 * record to the deployed definition with its {@link #fingerprint()} (whatever that definition's version
 * number) when it next loads it, and binds it by names from there. A store must keep the fingerprint:
 * version numbers restart at 1 when a repository is built anew, so the number alone cannot tell an
 * edited script from the one the instance started on. A record without a fingerprint (written before
 * there were fingerprints) is bound to the deployed definition with its version number, with a warning.
 *
 * <pre>{@code
 * InstanceRecord saved = InstanceRecord.of("ue.msk-request", 3, "9f86d081884c7d65", "ue-1", "waiting",
 *         Map.of("ue", "ue-1"), Map.of("tries", 1),
 *         List.of(new InstanceRecord.Deadline("waiting", "answer", Instant.parse("2026-01-01T00:00:30Z"))),
 *         Map.of(), Optional.empty());
 * }</pre>
 */
public interface InstanceRecord {

    /** The procedure (definition name). */
    String procedure();

    /** The definition version the instance started on; it keeps that version until it ends. */
    int version();

    /**
     * The fingerprint of the definition the instance started on ({@link org.mbmskeys.engine.model.ProcedureDefinition#fingerprint()}),
     * its durable identity; empty if unknown (a record written without it), in which case the engine binds
     * the record by its version number alone and logs a warning.
     */
    default Optional<String> fingerprint() {
        return Optional.empty();
    }

    /** The correlation key: unique per procedure among live instances. */
    Object key();

    /** The current leaf state. */
    String state();

    /** The inputs the instance was started with, by name. */
    Map<String, Object> inputs();

    /** The procedure variables, by name. */
    Map<String, Object> variables();

    /** The armed timers, each with its deadline. */
    List<Deadline> deadlines();

    /** Retry counters of the states that have a bounded retry, by state name; zero counters may be left out. */
    Map<String, Integer> attempts();

    /**
     * Why the instance failed (exception type and message), if it did. A record that stays in the store
     * with a failure is one the engine could not bind to a deployed definition (the failure names what
     * it needs); it is bound and runs on when that definition is deployed.
     */
    Optional<String> failure();

    /**
     * An armed timer: timer {@code timer} of state {@code state} falls due {@code at}.
     */
    record Deadline(String state, String timer, Instant at) {
        public Deadline {
            Objects.requireNonNull(state, "state");
            Objects.requireNonNull(timer, "timer");
            Objects.requireNonNull(at, "at");
        }
    }

    /**
     * An immutable record with the given content, e.g. as read back from storage.
     *
     * @param fingerprint the definition's fingerprint as saved, or null if unknown
     */
    static InstanceRecord of(String procedure, int version, String fingerprint, Object key, String state,
                             Map<String, ?> inputs, Map<String, ?> variables, List<Deadline> deadlines,
                             Map<String, Integer> attempts, Optional<String> failure) {
        return SnapshotRecord.of(procedure, version, Optional.ofNullable(fingerprint), key, state, inputs, variables,
                deadlines, attempts, failure);
    }

    /**
     * An immutable record without a fingerprint: the engine binds it by its version number alone, with a
     * warning. Prefer {@link #of(String, int, String, Object, String, Map, Map, List, Map, Optional)}.
     */
    static InstanceRecord of(String procedure, int version, Object key, String state, Map<String, ?> inputs,
                             Map<String, ?> variables, List<Deadline> deadlines, Map<String, Integer> attempts,
                             Optional<String> failure) {
        return of(procedure, version, null, key, state, inputs, variables, deadlines, attempts, failure);
    }

    /** An immutable copy of {@code record}'s current content. */
    static InstanceRecord copyOf(InstanceRecord record) {
        if (record instanceof SnapshotRecord) {
            return record;
        }
        return of(record.procedure(), record.version(), record.fingerprint().orElse(null), record.key(), record.state(),
                record.inputs(), record.variables(), record.deadlines(), record.attempts(), record.failure());
    }
}
