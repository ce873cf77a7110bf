package org.mbmskeys.adapters.jdbc;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mbmskeys.mbms.bmsc.registrations.RegistrationStorage;

/** The registration storage contract on a real PostgreSQL server. */
class JdbcRegistrationStorageOnPostgresTest extends RegistrationStorageContract {

    @RegisterExtension
    static final PostgresServer PG = new PostgresServer();
    private Database db;

    @Override
    RegistrationStorage newStorage() {
        db = PG.freshDatabase().open();
        return new JdbcRegistrationStorage(db);
    }

    @AfterEach
    void close() {
        db.close();
    }
}
