package org.mbmskeys.adapters.jdbc;

import org.junit.jupiter.api.extension.RegisterExtension;

/** The delivery record contract on a real PostgreSQL server. */
class JdbcDeliveryRecordsOnPostgresTest extends JdbcDeliveryRecordsContract {

    @RegisterExtension
    static final PostgresServer PG = new PostgresServer();
    private Backend backend;

    @Override
    Backend backend() {
        if (backend == null) {
            backend = PG.freshDatabase();
        }
        return backend;
    }
}
