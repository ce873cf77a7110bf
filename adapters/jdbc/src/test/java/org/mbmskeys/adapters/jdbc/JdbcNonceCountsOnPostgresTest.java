package org.mbmskeys.adapters.jdbc;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mbmskeys.mbms.digest.NonceCounts;

/** The nonce-count contract on a real PostgreSQL server. */
class JdbcNonceCountsOnPostgresTest extends NonceCountsContract {

    @RegisterExtension
    static final PostgresServer PG = new PostgresServer();
    private Database db;

    @Override
    NonceCounts newCounts() {
        db = PG.freshDatabase().open();
        return new JdbcNonceCounts(db);
    }

    @AfterEach
    void close() {
        db.close();
    }
}
