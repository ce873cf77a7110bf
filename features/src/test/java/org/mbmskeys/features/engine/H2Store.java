package org.mbmskeys.features.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.mbmskeys.adapters.jdbc.Database;
import org.mbmskeys.adapters.jdbc.JdbcInstanceStore;
import org.mbmskeys.engine.spi.InstanceRecord;
import org.mbmskeys.engine.spi.InstanceStore;

/**
 * The JDBC instance store on an H2 file in a temporary folder, as a BM-SC process keeps its running procedures. An
 * engine that starts again gets a new store on a new pool ({@link #reopen}), as a new process would: it has only
 * what the table holds.
 */
final class H2Store implements InstanceStore, AutoCloseable {

    private final Path folder;
    private Database db;
    private JdbcInstanceStore store;

    H2Store() {
        try {
            folder = Files.createTempDirectory("mbms-keys-features-h2");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        open();
    }

    private void open() {
        db = Database.h2File(folder.resolve("state"));
        store = JdbcInstanceStore.builder(db, "features").build();
    }

    /** A new store on a new pool over the same file: what a new process finds. */
    void reopen() {
        db.close();
        open();
    }

    @Override
    public Optional<InstanceRecord> load(String procedure, Object key) {
        return store.load(procedure, key);
    }

    @Override
    public void save(InstanceRecord record) {
        store.save(record);
    }

    @Override
    public void remove(String procedure, Object key) {
        store.remove(procedure, key);
    }

    @Override
    public void forEach(Consumer<? super InstanceRecord> action) {
        store.forEach(action);
    }

    @Override
    public void close() {
        db.close();
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String toString() {
        return "the H2 store";
    }
}
