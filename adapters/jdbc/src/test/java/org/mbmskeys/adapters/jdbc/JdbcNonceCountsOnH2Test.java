package org.mbmskeys.adapters.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mbmskeys.mbms.digest.NonceCounts;
import org.mbmskeys.mbms.digest.NonceCounts.Outcome;

/** The nonce-count contract on H2; expired rows are purged, live ones are not. */
class JdbcNonceCountsOnH2Test extends NonceCountsContract {

    @TempDir
    Path dir;
    private Database db;

    @Override
    NonceCounts newCounts() {
        db = Backend.h2(dir).open();
        return new JdbcNonceCounts(db);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void purgeDropsOnlyExpiredNonces() {
        JdbcNonceCounts jdbc = (JdbcNonceCounts) counts;
        jdbc.advance("old", 1, T0, T0.plusSeconds(10), T0);
        jdbc.advance("live", 1, T0, EXPIRY, T0);

        assertThat(jdbc.purgeExpired(T0.plusSeconds(11))).isEqualTo(1);

        assertThat(use("live", 1)).as("still remembered").isEqualTo(Outcome.REPLAYED);
    }
}
