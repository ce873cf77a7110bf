package org.mbmskeys.features.engine;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.mbmskeys.engine.spi.InstanceRecord;
import org.mbmskeys.engine.spi.InstanceStore;

/**
 * An {@link InstanceStore} that behaves like a database: it keeps immutable, name-based copies
 * ({@link InstanceRecord#copyOf}) and never the engine's own objects, so a new engine must rebuild every
 * instance from what was saved. Features run the persistence rules on it and on the in-memory default.
 */
final class CopyingStore implements InstanceStore {

    private final Map<String, InstanceRecord> records = new ConcurrentHashMap<>();

    @Override
    public Optional<InstanceRecord> load(String procedure, Object key) {
        return Optional.ofNullable(records.get(id(procedure, key)));
    }

    @Override
    public void save(InstanceRecord record) {
        records.put(id(record.procedure(), record.key()), InstanceRecord.copyOf(record));
    }

    @Override
    public void remove(String procedure, Object key) {
        records.remove(id(procedure, key));
    }

    @Override
    public void forEach(Consumer<? super InstanceRecord> action) {
        records.values().forEach(action);
    }

    private static String id(String procedure, Object key) {
        return procedure + "[" + key + "]";
    }

    @Override
    public String toString() {
        return "a durable store";
    }
}
