package org.mbmskeys.engine.spi;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * {@link InstanceStore#inMemory()}. One map per procedure, so a lookup needs no composite key object (two hash
 * lookups instead of one allocation per event). Unbounded on purpose: a live instance must never be evicted.
 *
 * <p>Plain {@link ConcurrentHashMap}s: an unbounded Caffeine cache is one inside, and its layers around each read
 * bought nothing here (the store was about 8 % of the BM-SC's time outside the crypto in a re-key profile,
 * docs/benchmarks.md).
 */
final class InMemoryInstanceStore implements InstanceStore {

    private final ConcurrentHashMap<String, Map<Object, InstanceRecord>> byProcedure = new ConcurrentHashMap<>();

    @Override
    public Optional<InstanceRecord> load(String procedure, Object key) {
        Map<Object, InstanceRecord> records = byProcedure.get(procedure);
        return records == null ? Optional.empty() : Optional.ofNullable(records.get(key));
    }

    @Override
    public void save(InstanceRecord record) {
        Objects.requireNonNull(record, "record");
        Map<Object, InstanceRecord> records = byProcedure.computeIfAbsent(record.procedure(), p -> new ConcurrentHashMap<>());
        Object key = record.key();
        // The engine saves after every step, mostly the object that is stored already (it mutates its
        // records in place). Replacing it with itself would change nothing but costs a locked write on the
        // map (about a third of a lane's time per event); a lock-free read tells. Only the instance's lane
        // saves or removes its key, so nothing can come between the read and the put.
        if (records.get(key) != record) {
            records.put(key, record);
        }
    }

    @Override
    public void remove(String procedure, Object key) {
        Map<Object, InstanceRecord> records = byProcedure.get(procedure);
        if (records != null) {
            records.remove(key);
        }
    }

    @Override
    public void forEach(Consumer<? super InstanceRecord> action) {
        byProcedure.values().forEach(records -> records.values().forEach(action));
    }

    @Override
    public String toString() {
        return "InstanceStore.inMemory() with " + byProcedure.values().stream().mapToLong(Map::size).sum() + " records";
    }
}
