package org.mbmskeys.adapters.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mbmskeys.mbms.ue.keys.UeKeyStorage;

/** The UE key storage contract on a real PostgreSQL server, and a reopen that keeps the state. */
class JdbcUeKeyStorageOnPostgresTest extends UeKeyStorageContract {

    @RegisterExtension
    static final PostgresServer PG = new PostgresServer();
    private Backend backend;
    private Database db;

    @Override
    UeKeyStorage newStorage() {
        backend = PG.freshDatabase();
        db = backend.open();
        return new JdbcUeKeyStorage(db, Keks.kek(), "ue-1");
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void aReopenLoadsTheLastState() {
        storage.store(full(21));
        db.close();

        db = backend.open();

        assertThat(new JdbcUeKeyStorage(db, Keks.kek(), "ue-1").load()).isEqualTo(full(21));
    }
}
