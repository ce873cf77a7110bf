package org.mbmskeys.adapters.jdbc;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mbmskeys.mbms.bmsc.keys.KeyRegistryStorage;

/** The key registry storage contract on a real PostgreSQL server. */
class JdbcKeyRegistryStorageOnPostgresTest extends KeyRegistryStorageContract {

    @RegisterExtension
    static final PostgresServer PG = new PostgresServer();
    private Database db;

    @Override
    KeyRegistryStorage newStorage() {
        db = PG.freshDatabase().open();
        return new JdbcKeyRegistryStorage(db, Keks.kek());
    }

    @AfterEach
    void close() {
        db.close();
    }
}
