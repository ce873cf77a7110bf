package org.mbmskeys.adapters.jdbc;

import org.junit.jupiter.api.extension.RegisterExtension;

/** Rotating the key-encryption key on a real PostgreSQL server. */
class KeyRewrapOnPostgresTest extends KeyRewrapContract {

    @RegisterExtension
    static final PostgresServer PG = new PostgresServer();

    @Override
    Backend newBackend() {
        return PG.freshDatabase();
    }
}
