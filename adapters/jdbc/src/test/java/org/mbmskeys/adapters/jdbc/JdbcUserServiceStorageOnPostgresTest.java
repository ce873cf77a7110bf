package org.mbmskeys.adapters.jdbc;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mbmskeys.mbms.bmsc.services.UserServiceStorage;

/** The user service contract on a real PostgreSQL server; "reopened" is a second pool on it (another node). */
class JdbcUserServiceStorageOnPostgresTest extends UserServiceStorageContract {

    @RegisterExtension
    static final PostgresServer PG = new PostgresServer();
    private final List<Database> opened = new ArrayList<>();
    private Backend backend;

    @Override
    UserServiceStorage newStorage() {
        backend = PG.freshDatabase();
        return pool();
    }

    @Override
    UserServiceStorage reopened() {
        return pool();
    }

    private UserServiceStorage pool() {
        Database db = backend.open();
        opened.add(db);
        return new JdbcUserServiceStorage(db);
    }

    @AfterEach
    void close() {
        opened.forEach(Database::close);
    }
}
