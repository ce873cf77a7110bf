package org.mbmskeys.adapters.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.mbmskeys.engine.bytes.Bytes;

/**
 * Which node delivers the MTKs of each streaming session, and the MTK message it made last, in the table
 * {@code mtk_session}. BM-SC nodes that send one session must send the same MTK, with one MTK ID and timestamp
 * sequence, at any moment (TS 33.246 §6.3.4.5, §6.3.4.6), so one node makes each session's MTKs. A node claims a
 * session that nobody has, keeps it while its lease ({@link JdbcInstanceStore#renewLease}) holds, and another node
 * takes it once that lease has lapsed; the MTK IDs and MIKEY counters go on from the shared key registry.
 *
 * <p>Nodes that send the same session in areas of their own (§6.3.4: one user service sent via several BM-SCs) send
 * the delivering node's messages as they are: it {@link #publish}es each new one, the others read it with
 * {@link #message} and send those very bytes.
 */
public final class MtkSessionClaims {

    /** The outcome of {@link #claim}: whether this node now delivers the session, and who did before. */
    public record Claim(boolean mine, String owner, Optional<String> takenFrom) {
        public Claim {
            Objects.requireNonNull(owner, "owner");
            Objects.requireNonNull(takenFrom, "takenFrom");
        }
    }

    private final Database db;
    private final String node;

    public MtkSessionClaims(Database db, String node) {
        this.db = Objects.requireNonNull(db, "db");
        this.node = Objects.requireNonNull(node, "node");
    }

    /**
     * Claims {@code session} for this node if no node has it, or if its node's lease ended before {@code now} (or it
     * has none); answers who has it afterwards.
     */
    public Claim claim(String session, Instant now) {
        Objects.requireNonNull(session, "session");
        return db.inTransaction(c -> {
            Optional<String> owner = owner(c, session, true);
            if (owner.isEmpty()) {
                try (PreparedStatement s = c.prepareStatement("insert into mtk_session (session_id, node) select ?, ? "
                        + "where not exists (select 1 from mtk_session where session_id = ?)")) {
                    s.setString(1, session);
                    s.setString(2, node);
                    s.setString(3, session);
                    if (s.executeUpdate() == 1) {
                        return new Claim(true, node, Optional.empty());
                    }
                } catch (SQLException e) {
                    if (Sql.isUniqueViolation(e)) {
                        c.rollback();   // another node claimed it between our look and our insert
                        return new Claim(false, "another node", Optional.empty());
                    }
                    throw e;
                }
                return new Claim(false, owner(c, session, false).orElse("another node"), Optional.empty());
            }
            String holder = owner.get();
            if (holder.equals(node)) {
                return new Claim(true, node, Optional.empty());
            }
            if (leaseHolds(c, holder, now)) {
                return new Claim(false, holder, Optional.empty());
            }
            try (PreparedStatement s = c.prepareStatement("update mtk_session set node = ? where session_id = ? and node = ?")) {
                s.setString(1, node);
                s.setString(2, session);
                s.setString(3, holder);
                s.executeUpdate();
            }
            return new Claim(true, node, Optional.of(holder));
        });
    }

    /**
     * Stores {@code message} as the session's current MTK message, if this node delivers the session; false if it does
     * not (any more: another node took it over), and then nothing changes.
     */
    public boolean publish(String session, Bytes message) {
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(message, "message");
        return db.inTransaction(c -> {
            try (PreparedStatement s = c.prepareStatement("update mtk_session set message = ? where session_id = ? and node = ?")) {
                s.setBytes(1, message.toByteArray());
                s.setString(2, session);
                s.setString(3, node);
                return s.executeUpdate() == 1;
            }
        });
    }

    /** The session's current MTK message and the node that made it; empty if no node delivers it or made one yet. */
    public Optional<Published> message(String session) {
        Objects.requireNonNull(session, "session");
        return db.inTransaction(c -> {
            try (PreparedStatement s = c.prepareStatement("select node, message from mtk_session where session_id = ?")) {
                s.setString(1, session);
                try (ResultSet r = s.executeQuery()) {
                    if (!r.next()) {
                        return Optional.empty();
                    }
                    byte[] message = r.getBytes(2);
                    return message == null ? Optional.empty() : Optional.of(new Published(r.getString(1), Bytes.wrap(message)));
                }
            }
        });
    }

    /** An MTK message as the delivering node {@code node} sends it. */
    public record Published(String node, Bytes message) {
        public Published {
            Objects.requireNonNull(node, "node");
            Objects.requireNonNull(message, "message");
        }
    }

    /** Gives up every session this node has (a node that stops), so that others claim them at once. */
    public void releaseAll() {
        db.inTransaction(c -> {
            try (PreparedStatement s = c.prepareStatement("delete from mtk_session where node = ?")) {
                s.setString(1, node);
                return s.executeUpdate();
            }
        });
    }

    private static Optional<String> owner(Connection c, String session, boolean lock) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select node from mtk_session where session_id = ?"
                + (lock ? " for update" : ""))) {
            s.setString(1, session);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(r.getString(1)) : Optional.empty();
            }
        }
    }

    private static boolean leaseHolds(Connection c, String holder, Instant now) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select lease_until from engine_node where node = ?")) {
            s.setString(1, holder);
            try (ResultSet r = s.executeQuery()) {
                return r.next() && r.getLong(1) >= now.toEpochMilli();
            }
        }
    }
}
