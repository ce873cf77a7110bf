package org.mbmskeys.adapters.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The database behind the durable stores: a HikariCP pool, migrated by Flyway on open.
 *
 * <pre>{@code
 * try (Database db = Database.h2File(Path.of("state/mbms-keys"))) {   // zero set-up default
 *     RegistrationStorage registrations = new JdbcRegistrationStorage(db);
 * }
 * Database shared = Database.postgres("jdbc:postgresql://db/mbms", "bmsc", password);  // several nodes
 * }</pre>
 *
 * <p>Several {@code Database}s (one per BM-SC node) may open the same PostgreSQL database; the stores keep
 * their compare-and-set answers correct across them. An H2 file is for one process.
 */
public final class Database implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Database.class);

    private final HikariDataSource pool;
    private final Vendor vendor;

    /** The SQL dialects the migrations are written for. */
    public enum Vendor {
        H2("h2"),
        POSTGRESQL("postgresql");

        private final String migrations;

        Vendor(String migrations) {
            this.migrations = migrations;
        }
    }

    private Database(HikariConfig config, Vendor vendor) {
        this.vendor = vendor;
        this.pool = new HikariDataSource(config);
        try {
            Flyway.configure()
                    .dataSource(pool)
                    .locations("classpath:db/migration/" + vendor.migrations)
                    .load()
                    .migrate();
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
        // Only the URL up to its parameters: a PostgreSQL URL may carry a password= parameter.
        LOG.info("Durable state opened on {} ({})", vendor, pool.getJdbcUrl().split("[?;]", 2)[0]);
    }

    /**
     * An embedded H2 database in the file {@code file} (H2 appends {@code .mv.db}), created if absent.
     * One process at a time.
     */
    public static Database h2File(Path file) {
        Objects.requireNonNull(file, "file");
        // The folder first, here: H2 creates a missing one itself, but fails ("a file with this name already exists")
        // when another process creates it between H2's look and its mkdir, as when a BM-SC and a UE process with
        // h2: state/... start together in one folder (a CI run failed so). createDirectories accepts a folder that
        // another made meanwhile.
        Path folder = file.toAbsolutePath().getParent();
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new StorageException("cannot create the folder of the H2 database " + file + ": " + folder
                    + " (" + e.getClass().getSimpleName() + ")", e);
        }
        HikariConfig config = baseConfig("mbms-keys-h2");
        // LOCK_TIMEOUT: a compare-and-set waits for a concurrent writer of the same row rather than failing at once.
        // WRITE_DELAY=0: a commit is written to the file before it returns. H2's default keeps commits up to 500 ms
        // in the process, so a BM-SC killed right after answering (a rotation, a registration) lost them.
        // DB_CLOSE_ON_EXIT=FALSE: H2 closes the database when the pool closes it, not in its own shutdown hook, which
        // ran beside the process's graceful stop and failed the deregistrations of a UE process stopping with SIGTERM.
        config.setJdbcUrl("jdbc:h2:file:" + file.toAbsolutePath() + ";LOCK_TIMEOUT=10000;WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE");
        config.setUsername("sa");
        config.setPassword("");
        return new Database(config, Vendor.H2);
    }

    /** A PostgreSQL database, which several nodes may share. The password is handed to the pool only. */
    public static Database postgres(String jdbcUrl, String user, String password) {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        if (!jdbcUrl.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("a PostgreSQL JDBC URL starts with jdbc:postgresql:, got "
                    + jdbcUrl.split("\\?", 2)[0]);
        }
        HikariConfig config = baseConfig("mbms-keys-postgresql");
        config.setJdbcUrl(jdbcUrl);
        config.setUsername(Objects.requireNonNull(user, "user"));
        config.setPassword(Objects.requireNonNull(password, "password"));
        return new Database(config, Vendor.POSTGRESQL);
    }

    private static HikariConfig baseConfig(String name) {
        HikariConfig config = new HikariConfig();
        config.setPoolName(name);
        config.setMaximumPoolSize(8);
        config.setAutoCommit(true);
        return config;
    }

    public Vendor vendor() {
        return vendor;
    }

    /** The pool, for the stores of this module. */
    DataSource dataSource() {
        return pool;
    }

    /** Runs {@code work} in one transaction: committed if it returns, rolled back if it throws. */
    <T> T inTransaction(SqlWork<T> work) {
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new StorageException("database operation failed: " + e.getMessage(), e);
        }
    }

    /** Releases the pool; stores of this database fail afterwards. */
    @Override
    public void close() {
        pool.close();
    }

    /** Work on one connection inside a transaction. */
    @FunctionalInterface
    interface SqlWork<T> {
        T run(Connection c) throws SQLException;
    }
}
