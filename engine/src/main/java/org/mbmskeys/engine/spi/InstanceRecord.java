package org.mbmskeys.engine.spi;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What an {@link InstanceStore} keeps of one procedure instance: which definition (name and version) it
 * runs, its correlation key, its current leaf state, its inputs and variables, its armed timers with
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
 * record to its deployed definition by names when it next loads it.
 *
 * <pre>{@code
 * InstanceRecord saved = InstanceRecord.of("ue.msk-request", 3, "ue-1", "waiting",
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

    /** Why the instance failed (exception type and message), if it did. */
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

    /** An immutable record with the given content, e.g. as read back from storage. */
    static InstanceRecord of(String procedure, int version, Object key, String state, Map<String, ?> inputs,
                             Map<String, ?> variables, List<Deadline> deadlines, Map<String, Integer> attempts,
                             Optional<String> failure) {
        return SnapshotRecord.of(procedure, version, key, state, inputs, variables, deadlines, attempts, failure);
    }

    /** An immutable copy of {@code record}'s current content. */
    static InstanceRecord copyOf(InstanceRecord record) {
        if (record instanceof SnapshotRecord) {
            return record;
        }
        return of(record.procedure(), record.version(), record.key(), record.state(), record.inputs(),
                record.variables(), record.deadlines(), record.attempts(), record.failure());
    }
}
