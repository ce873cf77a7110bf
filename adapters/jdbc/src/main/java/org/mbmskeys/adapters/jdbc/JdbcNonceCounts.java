package org.mbmskeys.adapters.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.mbmskeys.mbms.digest.NonceCountWindow;
import org.mbmskeys.mbms.digest.NonceCounts;

/**
 * Digest nonce-counts in the table {@code digest_nonce}, shared by every node on the database: one row per used
 * nonce with its {@link NonceCountWindow} (the highest count and which of those below it were accepted). A later
 * use reads the row {@code FOR UPDATE}, so uses on two nodes take turns, and writes the window back; a first use is
 * one guarded {@code INSERT}. Whatever the window refuses is a replay. A live nonce is never forgotten (so
 * {@link Outcome#FORGOTTEN} is never answered); rows of expired nonces are purged every {@value #PURGE_EVERY} first
 * uses, and by {@link #purgeExpired}.
 */
public final class JdbcNonceCounts implements NonceCounts {

    static final int PURGE_EVERY = 256;

    private final Database db;
    private final AtomicLong firstUses = new AtomicLong();

    public JdbcNonceCounts(Database db) {
        this.db = Objects.requireNonNull(db, "db");
    }

    @Override
    public Outcome advance(String nonce, long nc, Instant issuedAt, Instant expiresAt, Instant now) {
        Objects.requireNonNull(nonce, "nonce");
        Outcome outcome = db.inTransaction(c -> {
            Optional<Outcome> later = later(c, nonce, nc);
            if (later.isPresent()) {
                return later.get();
            }
            try (PreparedStatement first = c.prepareStatement(
                    "insert into digest_nonce (nonce, highest_nc, seen_below, expires_at) select ?, ?, 0, ? where not exists "
                            + "(select 1 from digest_nonce where nonce = ?)")) {
                first.setString(1, nonce);
                first.setLong(2, nc);
                first.setLong(3, expiresAt.toEpochMilli());
                first.setString(4, nonce);
                if (first.executeUpdate() == 1) {
                    return Outcome.ACCEPTED;
                }
            } catch (SQLException e) {
                if (!Sql.isUniqueViolation(e)) {
                    throw e;
                }
                c.rollback();
            }
            // Another node used this nonce first, just now: its row is there to take ours as a later use.
            return later(c, nonce, nc).orElse(Outcome.REPLAYED);
        });
        if (outcome == Outcome.ACCEPTED && nc == 1 && firstUses.incrementAndGet() % PURGE_EVERY == 0) {
            purgeExpired(now);
        }
        return outcome;
    }

    /** A use of a nonce that has its row: the row locked, the count taken into its window or refused; empty if no row. */
    private static Optional<Outcome> later(Connection c, String nonce, long nc) throws SQLException {
        NonceCountWindow window;
        try (PreparedStatement read = c.prepareStatement(
                "select highest_nc, seen_below from digest_nonce where nonce = ? for update")) {
            read.setString(1, nonce);
            try (ResultSet row = read.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                window = new NonceCountWindow(row.getLong(1), row.getLong(2));
            }
        }
        Optional<NonceCountWindow> next = window.accept(nc);
        if (next.isEmpty()) {
            return Optional.of(Outcome.REPLAYED);
        }
        try (PreparedStatement write = c.prepareStatement(
                "update digest_nonce set highest_nc = ?, seen_below = ? where nonce = ?")) {
            write.setLong(1, next.get().highest());
            write.setLong(2, next.get().seenBelow());
            write.setString(3, nonce);
            write.executeUpdate();
        }
        return Optional.of(Outcome.ACCEPTED);
    }

    /** Deletes the rows of nonces expired before {@code now}; answers how many. */
    public int purgeExpired(Instant now) {
        return db.inTransaction(c -> {
            try (PreparedStatement s = c.prepareStatement("delete from digest_nonce where expires_at < ?")) {
                s.setLong(1, now.toEpochMilli());
                return s.executeUpdate();
            }
        });
    }
}
