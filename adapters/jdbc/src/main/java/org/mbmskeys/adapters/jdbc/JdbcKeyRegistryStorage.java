package org.mbmskeys.adapters.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.mbmskeys.engine.bytes.SecretBytes;
import org.mbmskeys.mbms.bmsc.keys.KeyGroupRecord;
import org.mbmskeys.mbms.bmsc.keys.KeyRegistryStorage;
import org.mbmskeys.mbms.bmsc.keys.RegisteredMsk;
import org.mbmskeys.mbms.keys.KeyDomainId;
import org.mbmskeys.mbms.keys.KeyGroup;
import org.mbmskeys.mbms.keys.MskRef;
import org.mbmskeys.mbms.keys.ProtectingKey;
import org.mbmskeys.mbms.keys.TimestampCounter;

/**
 * The BM-SC key registry in the tables {@code key_group}, {@code msk} and {@code protecting_key_counter}.
 *
 * <p>Key groups and counters change by one {@code UPDATE ... WHERE <stored value> = <expected value>}, so the
 * database decides a race between nodes. An MSK is stored wrapped under the {@link KeyEncryptionKey} with its
 * reference as associated data; its compare-and-set locks the row ({@code SELECT ... FOR UPDATE}), unwraps and
 * compares the whole record in Java (the wrapped form is randomised, so it cannot be compared in SQL), then
 * writes, in one transaction.
 */
public final class JdbcKeyRegistryStorage implements KeyRegistryStorage {

    private final Database db;
    private final KeyEncryptionKey kek;

    public JdbcKeyRegistryStorage(Database db, KeyEncryptionKey kek) {
        this.db = Objects.requireNonNull(db, "db");
        this.kek = Objects.requireNonNull(kek, "kek");
    }

    @Override
    public Optional<KeyGroupRecord> group(KeyDomainId keyDomain, KeyGroup keyGroup) {
        return db.inTransaction(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "select body from key_group where key_domain = ? and key_group = ?")) {
                s.setString(1, keyDomain.toString());
                s.setInt(2, keyGroup.value());
                try (ResultSet r = s.executeQuery()) {
                    return r.next() ? Optional.of(KeyRecordCodec.decodeGroup(keyDomain.toString(), keyGroup.value(),
                            r.getString(1))) : Optional.empty();
                }
            }
        });
    }

    @Override
    public List<KeyGroupRecord> groups() {
        List<KeyGroupRecord> all = db.inTransaction(c -> {
            List<KeyGroupRecord> found = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("select key_domain, key_group, body from key_group");
                    ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    found.add(KeyRecordCodec.decodeGroup(r.getString(1), r.getInt(2), r.getString(3)));
                }
            }
            return found;
        });
        // Sorted here, as the in-memory storage does: a database collation need not order text as Java does.
        all.sort(Comparator.comparing((KeyGroupRecord g) -> g.keyDomain().toString())
                .thenComparingInt(g -> g.keyGroup().value()));
        return List.copyOf(all);
    }

    @Override
    public boolean insertGroup(KeyGroupRecord group) {
        return db.inTransaction(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "insert into key_group (key_domain, key_group, body) select ?, ?, ? where not exists "
                            + "(select 1 from key_group where key_domain = ? and key_group = ?)")) {
                s.setString(1, group.keyDomain().toString());
                s.setInt(2, group.keyGroup().value());
                s.setString(3, KeyRecordCodec.encodeGroup(group));
                s.setString(4, group.keyDomain().toString());
                s.setInt(5, group.keyGroup().value());
                return s.executeUpdate() == 1;
            } catch (SQLException e) {
                return lostInsertRace(c, e);
            }
        });
    }

    @Override
    public boolean replaceGroup(KeyGroupRecord expected, KeyGroupRecord next) {
        if (!expected.keyDomain().equals(next.keyDomain()) || !expected.keyGroup().equals(next.keyGroup())) {
            throw new IllegalArgumentException("replaceGroup: " + next + " is not the same Key Group as " + expected);
        }
        return db.inTransaction(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "update key_group set body = ? where key_domain = ? and key_group = ? and body = ?")) {
                s.setString(1, KeyRecordCodec.encodeGroup(next));
                s.setString(2, expected.keyDomain().toString());
                s.setInt(3, expected.keyGroup().value());
                s.setString(4, KeyRecordCodec.encodeGroup(expected));
                return s.executeUpdate() == 1;
            }
        });
    }

    @Override
    public Optional<RegisteredMsk> msk(MskRef ref) {
        return db.inTransaction(c -> readMsk(c, ref, false));
    }

    @Override
    public void putMsk(RegisteredMsk msk) {
        db.inTransaction(c -> {
            // Update, else insert; a concurrent insert of the same MSK makes ours fail, and then ours updates it.
            if (updateMsk(c, msk)) {
                return null;
            }
            try (PreparedStatement s = c.prepareStatement(
                    "insert into msk (msk_ref, body, wrapped_key) values (?, ?, ?)")) {
                s.setString(1, msk.ref().toString());
                s.setString(2, mskBody(msk));
                s.setBytes(3, kek.wrap(msk.key(), rowOf(msk.ref())));
                s.executeUpdate();
            } catch (SQLException e) {
                if (!Sql.isUniqueViolation(e)) {
                    throw e;
                }
                c.rollback();
                updateMsk(c, msk);
            }
            return null;
        });
    }

    @Override
    public boolean replaceMsk(RegisteredMsk expected, RegisteredMsk next) {
        if (!expected.ref().equals(next.ref())) {
            throw new IllegalArgumentException("replaceMsk: MSK " + next.ref() + " is not MSK " + expected.ref());
        }
        return db.inTransaction(c -> {
            Optional<RegisteredMsk> stored = readMsk(c, expected.ref(), true);
            try {
                if (stored.isEmpty() || !stored.get().equals(expected)) {
                    return false;
                }
            } finally {
                stored.ifPresent(m -> m.key().destroy());
            }
            return updateMsk(c, next);
        });
    }

    @Override
    public void removeMsk(MskRef ref) {
        db.inTransaction(c -> {
            try (PreparedStatement s = c.prepareStatement("delete from msk where msk_ref = ?")) {
                s.setString(1, ref.toString());
                s.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public Optional<TimestampCounter> counter(ProtectingKey key) {
        return db.inTransaction(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "select counter_value from protecting_key_counter where protecting_key = ?")) {
                s.setString(1, KeyRecordCodec.protectingKey(key));
                try (ResultSet r = s.executeQuery()) {
                    return r.next() ? Optional.of(TimestampCounter.of(r.getLong(1))) : Optional.empty();
                }
            }
        });
    }

    @Override
    public boolean compareAndSetCounter(ProtectingKey key, Optional<TimestampCounter> expected, TimestampCounter next) {
        Objects.requireNonNull(next, "next");
        String name = KeyRecordCodec.protectingKey(key);
        return db.inTransaction(c -> {
            if (expected.isEmpty()) {
                try (PreparedStatement s = c.prepareStatement(
                        "insert into protecting_key_counter (protecting_key, counter_value) select ?, ? where not "
                                + "exists (select 1 from protecting_key_counter where protecting_key = ?)")) {
                    s.setString(1, name);
                    s.setLong(2, next.value());
                    s.setString(3, name);
                    return s.executeUpdate() == 1;
                } catch (SQLException e) {
                    return lostInsertRace(c, e);
                }
            }
            try (PreparedStatement s = c.prepareStatement(
                    "update protecting_key_counter set counter_value = ? where protecting_key = ? and counter_value = ?")) {
                s.setLong(1, next.value());
                s.setString(2, name);
                s.setLong(3, expected.get().value());
                return s.executeUpdate() == 1;
            }
        });
    }

    @Override
    public void removeCounter(ProtectingKey key) {
        db.inTransaction(c -> {
            try (PreparedStatement s = c.prepareStatement("delete from protecting_key_counter where protecting_key = ?")) {
                s.setString(1, KeyRecordCodec.protectingKey(key));
                s.executeUpdate();
            }
            return null;
        });
    }

    private Optional<RegisteredMsk> readMsk(Connection c, MskRef ref, boolean lock) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "select body, wrapped_key from msk where msk_ref = ?" + (lock ? " for update" : ""))) {
            s.setString(1, ref.toString());
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    return Optional.empty();
                }
                KeyRecordCodec.MskFields f = KeyRecordCodec.decodeMsk(r.getString(1));
                SecretBytes key = kek.unwrap(r.getBytes(2), rowOf(ref));
                return Optional.of(new RegisteredMsk(ref, key, f.validity(), f.rand(), f.serviceType(), f.lastMtk()));
            }
        }
    }

    private boolean updateMsk(Connection c, RegisteredMsk msk) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("update msk set body = ?, wrapped_key = ? where msk_ref = ?")) {
            s.setString(1, mskBody(msk));
            s.setBytes(2, kek.wrap(msk.key(), rowOf(msk.ref())));
            s.setString(3, msk.ref().toString());
            return s.executeUpdate() == 1;
        }
    }

    private static String mskBody(RegisteredMsk m) {
        return KeyRecordCodec.encodeMsk(m.validity(), m.rand(), m.serviceType(), m.lastMtk());
    }

    /** The associated data that binds a wrapped MSK to its row. */
    private static String rowOf(MskRef ref) {
        return WrappedColumn.MSK.rowIdentity(ref.toString());
    }

    /** An insert that lost a race with another node's insert of the same row answers false. */
    private static boolean lostInsertRace(Connection c, SQLException e) throws SQLException {
        if (!Sql.isUniqueViolation(e)) {
            throw e;
        }
        c.rollback();
        return false;
    }
}
