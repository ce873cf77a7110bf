package org.mbmskeys.adapters.jdbc;

import org.junit.jupiter.api.extension.RegisterExtension;

/** Durability and key wrapping on a real PostgreSQL server. */
class DurabilityOnPostgresTest extends DurabilityContract {

    @RegisterExtension
    static final PostgresServer PG = new PostgresServer();

    @Override
    Backend newBackend() {
        return PG.freshDatabase();
    }
}
