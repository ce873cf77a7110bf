package org.mbmskeys.adapters.jdbc;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The instance store contract on a real PostgreSQL server. */
class JdbcInstanceStoreOnPostgresTest extends InstanceStoreContract {

    @RegisterExtension
    static final PostgresServer PG = new PostgresServer();
    private Backend backend;

    @BeforeEach
    void freshDatabase() {
        backend = PG.freshDatabase();
    }

    @Override
    Backend backend() {
        return backend;
    }
}
