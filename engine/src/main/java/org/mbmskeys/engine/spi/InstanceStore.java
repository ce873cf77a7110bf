package org.mbmskeys.engine.spi;

import java.util.Optional;
import java.util.function.Consumer;

/**
 * Where instance records live. The engine loads a record before each step of its instance, saves it
 * after every step that changed it, and removes it when the instance ends; on start it walks every stored
 * record to re-arm their timers (deadlines that passed while the engine was down fire once).
 *
 * <p>Calls for one instance come from one lane at a time; calls for different instances come from
 * different threads concurrently, so implementations must be thread-safe. {@link #save} must copy what it
 * needs before returning: the engine mutates its records in place.
 *
 * <p>The default, {@link #inMemory()}, keeps the engine's own compact records (a few hundred bytes per
 * idle instance) and survives an engine restart within the same JVM. A durable store (JDBC) persists
 * through {@link InstanceRecord}'s name-based accessors and reads back with {@link InstanceRecord#of}.
 *
 * <pre>{@code
 * InstanceStore store = InstanceStore.inMemory();
 * Engine first = Engine.builder().store(store).procedure(definition).build();
 * // ... later, a new engine on the same store picks the instances up where they were
 * Engine second = Engine.builder().store(store).procedure(definition).build();
 * }</pre>
 */
public interface InstanceStore {

    /** The record of instance {@code key} of {@code procedure}, if it is live. */
    Optional<InstanceRecord> load(String procedure, Object key);

    /** Inserts or replaces the record of {@code (record.procedure(), record.key())}. */
    void save(InstanceRecord record);

    /** Forgets the instance; does nothing if it is not stored. */
    void remove(String procedure, Object key);

    /** Calls {@code action} once for every stored record (in no particular order). */
    void forEach(Consumer<? super InstanceRecord> action);

    /** A thread-safe in-memory store (unbounded: live instances are never evicted). */
    static InstanceStore inMemory() {
        return new InMemoryInstanceStore();
    }
}
