package org.mbmskeys.adapters.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/** Proves that a real PostgreSQL server starts here from Maven artifacts alone. */
class EmbeddedPostgresStartsTest {

    @Test
    void aRealServerAnswersAQuery() throws Exception {
        try (EmbeddedPostgres pg = EmbeddedPostgres.start();
                Connection c = pg.getPostgresDatabase().getConnection();
                Statement s = c.createStatement();
                ResultSet r = s.executeQuery("select version()")) {
            assertThat(r.next()).isTrue();
            assertThat(r.getString(1)).startsWith("PostgreSQL 17");
        }
    }
}
