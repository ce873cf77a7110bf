package org.mbmskeys.adapters.jdbc;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.mbmskeys.mbms.bmsc.keys.KeyRegistryStorage;

/** The key registry storage contract on an H2 file database in a temporary folder. */
class JdbcKeyRegistryStorageOnH2Test extends KeyRegistryStorageContract {

    @TempDir
    Path dir;
    private Database db;

    @Override
    KeyRegistryStorage newStorage() {
        db = Backend.h2(dir).open();
        return new JdbcKeyRegistryStorage(db, Keks.kek());
    }

    @AfterEach
    void close() {
        db.close();
    }
}
