package org.mbmskeys.adapters.jdbc;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import org.mbmskeys.mbms.digest.NonceCounts;

/**
 * Digest nonce-counts in the table {@code digest_nonce}, shared by every node on the database: a later count is
 * one {@code UPDATE ... WHERE highest_nc < ?}, a first use one guarded {@code INSERT}; whatever neither accepts is a
 * replay. A live nonce is never forgotten (so {@link Outcome#FORGOTTEN} is never answered); rows of expired nonces
 * are purged every {@value #PURGE_EVERY} first uses, and by {@link #purgeExpired}.
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
            try (PreparedStatement later = c.prepareStatement(
                    "update digest_nonce set highest_nc = ? where nonce = ? and highest_nc < ?")) {
                later.setLong(1, nc);
                later.setString(2, nonce);
                later.setLong(3, nc);
                if (later.executeUpdate() == 1) {
                    return Outcome.ACCEPTED;
                }
            }
            try (PreparedStatement first = c.prepareStatement(
                    "insert into digest_nonce (nonce, highest_nc, expires_at) select ?, ?, ? where not exists "
                            + "(select 1 from digest_nonce where nonce = ?)")) {
                first.setString(1, nonce);
                first.setLong(2, nc);
                first.setLong(3, expiresAt.toEpochMilli());
                first.setString(4, nonce);
                return first.executeUpdate() == 1 ? Outcome.ACCEPTED : Outcome.REPLAYED;
            } catch (SQLException e) {
                if (!Sql.isUniqueViolation(e)) {
                    throw e;
                }
                // Another node used this nonce first, just now: ours is accepted only if it is the later count.
                c.rollback();
                try (PreparedStatement later = c.prepareStatement(
                        "update digest_nonce set highest_nc = ? where nonce = ? and highest_nc < ?")) {
                    later.setLong(1, nc);
                    later.setString(2, nonce);
                    later.setLong(3, nc);
                    return later.executeUpdate() == 1 ? Outcome.ACCEPTED : Outcome.REPLAYED;
                }
            }
        });
        if (outcome == Outcome.ACCEPTED && nc == 1 && firstUses.incrementAndGet() % PURGE_EVERY == 0) {
            purgeExpired(now);
        }
        return outcome;
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
