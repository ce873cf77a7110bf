package org.mbmskeys.engine.spi;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * {@link InstanceStore#inMemory()}. One unbounded Caffeine cache per procedure, so a lookup needs no
 * composite key object (two hash lookups instead of one allocation per event). Unbounded on purpose: a
 * live instance must never be evicted, so there is no expiry or size policy (and no per-entry policy
 * overhead: an unbounded cache costs what a ConcurrentHashMap entry costs).
 */
final class InMemoryInstanceStore implements InstanceStore {

    private final ConcurrentHashMap<String, Cache<Object, InstanceRecord>> byProcedure = new ConcurrentHashMap<>();

    @Override
    public Optional<InstanceRecord> load(String procedure, Object key) {
        Cache<Object, InstanceRecord> records = byProcedure.get(procedure);
        return records == null ? Optional.empty() : Optional.ofNullable(records.getIfPresent(key));
    }

    @Override
    public void save(InstanceRecord record) {
        Objects.requireNonNull(record, "record");
        Cache<Object, InstanceRecord> records = byProcedure.computeIfAbsent(record.procedure(),
                p -> Caffeine.newBuilder().build());
        Object key = record.key();
        // The engine saves after every step, mostly the object that is stored already (it mutates its
        // records in place). Replacing it with itself would change nothing but costs a locked compute on the
        // map (about a third of a lane's time per event); a lock-free read tells. Only the instance's lane
        // saves or removes its key, so nothing can come between the read and the put.
        if (records.getIfPresent(key) != record) {
            records.put(key, record);
        }
    }

    @Override
    public void remove(String procedure, Object key) {
        Cache<Object, InstanceRecord> records = byProcedure.get(procedure);
        if (records != null) {
            records.invalidate(key);
        }
    }

    @Override
    public void forEach(Consumer<? super InstanceRecord> action) {
        byProcedure.values().forEach(records -> records.asMap().values().forEach(action));
    }

    @Override
    public String toString() {
        return "InstanceStore.inMemory() with " + byProcedure.values().stream().mapToLong(Cache::estimatedSize).sum()
                + " records";
    }
}
