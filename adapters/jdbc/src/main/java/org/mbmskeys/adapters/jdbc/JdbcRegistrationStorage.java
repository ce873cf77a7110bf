package org.mbmskeys.adapters.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.mbmskeys.mbms.bmsc.registrations.Registration;
import org.mbmskeys.mbms.bmsc.registrations.RegistrationStorage;
import org.mbmskeys.mbms.bmsc.services.ServiceId;
import org.mbmskeys.mbms.gba.BTid;

/**
 * Registrations in the tables {@code registration} and {@code registration_service}. A compare-and-set is one
 * {@code UPDATE ... WHERE impi = ? AND body = ?} (the canonical text of the expected record, {@link RegistrationCodec})
 * followed, in the same transaction, by the service look-up rows; a concurrent writer on another node holds the
 * row lock until it commits, after which the WHERE clause no longer matches and this node answers false.
 */
public final class JdbcRegistrationStorage implements RegistrationStorage {

    private final Database db;

    public JdbcRegistrationStorage(Database db) {
        this.db = Objects.requireNonNull(db, "db");
    }

    @Override
    public Optional<Registration> find(String impi) {
        Objects.requireNonNull(impi, "impi");
        return db.inTransaction(c -> readOne(c, "select body from registration where impi = ?", impi));
    }

    @Override
    public Optional<Registration> findByBTid(BTid bTid) {
        Objects.requireNonNull(bTid, "bTid");
        return db.inTransaction(c -> readOne(c, "select body from registration where btid = ?", bTid.format()));
    }

    @Override
    public boolean insert(Registration registration) {
        String body = RegistrationCodec.encode(registration);
        return db.inTransaction(c -> {
            // Not an INSERT that may fail: on PostgreSQL a failed statement spoils the whole transaction.
            try (PreparedStatement s = c.prepareStatement(
                    "insert into registration (impi, btid, body) select ?, ?, ? where not exists "
                            + "(select 1 from registration where impi = ?)")) {
                s.setString(1, registration.impi());
                s.setString(2, registration.bTid().format());
                s.setString(3, body);
                s.setString(4, registration.impi());
                if (s.executeUpdate() != 1) {
                    return false;
                }
            } catch (SQLException e) {
                if (Sql.isUniqueViolation(e)) {
                    c.rollback();   // another node inserted the same IMPI between our check and our insert
                    return false;
                }
                throw e;
            }
            takeBTid(c, registration);
            index(c, registration.impi(), Set.of(), registration.services());
            return true;
        });
    }

    @Override
    public boolean replace(Registration expected, Registration next) {
        if (!expected.impi().equals(next.impi())) {
            throw new IllegalArgumentException("replace: registration of " + next.impi() + " is not the one of "
                    + expected.impi());
        }
        String expectedBody = RegistrationCodec.encode(expected);
        String nextBody = RegistrationCodec.encode(next);
        return db.inTransaction(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "update registration set btid = ?, body = ? where impi = ? and body = ?")) {
                s.setString(1, next.bTid().format());
                s.setString(2, nextBody);
                s.setString(3, expected.impi());
                s.setString(4, expectedBody);
                if (s.executeUpdate() != 1) {
                    return false;
                }
            }
            takeBTid(c, next);
            index(c, expected.impi(), expected.services(), next.services());
            return true;
        });
    }

    @Override
    public boolean remove(Registration expected) {
        String expectedBody = RegistrationCodec.encode(expected);
        return db.inTransaction(c -> {
            try (PreparedStatement s = c.prepareStatement("delete from registration where impi = ? and body = ?")) {
                s.setString(1, expected.impi());
                s.setString(2, expectedBody);
                if (s.executeUpdate() != 1) {
                    return false;
                }
            }
            index(c, expected.impi(), expected.services(), Set.of());
            return true;
        });
    }

    @Override
    public List<String> registeredTo(ServiceId service, Optional<String> after, int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must not be negative, got " + limit);
        }
        if (limit == 0) {
            return List.of();
        }
        return db.inTransaction(c -> {
            String sql = "select impi from registration_service where service_id = ?"
                    + (after.isPresent() ? " and impi > ?" : "") + " order by impi limit ?";
            try (PreparedStatement s = c.prepareStatement(sql)) {
                int i = 1;
                s.setString(i++, service.value());
                if (after.isPresent()) {
                    s.setString(i++, after.get());
                }
                s.setInt(i, limit);
                List<String> page = new ArrayList<>();
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        page.add(r.getString(1));
                    }
                }
                return List.copyOf(page);
            }
        });
    }

    @Override
    public long count() {
        return db.inTransaction(c -> {
            try (PreparedStatement s = c.prepareStatement("select count(*) from registration");
                    ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        });
    }

    private static Optional<Registration> readOne(Connection c, String sql, String key) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, key);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(RegistrationCodec.decode(r.getString(1))) : Optional.empty();
            }
        }
    }

    /** The look-up by B-TID answers the latest registration to name it: other holders of the B-TID leave it. */
    private static void takeBTid(Connection c, Registration holder) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "update registration set btid = null where btid = ? and impi <> ?")) {
            s.setString(1, holder.bTid().format());
            s.setString(2, holder.impi());
            s.executeUpdate();
        }
    }

    /** Moves the service look-up rows of {@code impi} from {@code before} to {@code after}. */
    private static void index(Connection c, String impi, Set<ServiceId> before, Set<ServiceId> after)
            throws SQLException {
        Set<ServiceId> gone = new HashSet<>(before);
        gone.removeAll(after);
        Set<ServiceId> added = new HashSet<>(after);
        added.removeAll(before);
        try (PreparedStatement del = c.prepareStatement(
                "delete from registration_service where service_id = ? and impi = ?")) {
            for (ServiceId s : gone) {
                del.setString(1, s.value());
                del.setString(2, impi);
                del.addBatch();
            }
            if (!gone.isEmpty()) {
                del.executeBatch();
            }
        }
        try (PreparedStatement ins = c.prepareStatement(
                "insert into registration_service (service_id, impi) values (?, ?)")) {
            for (ServiceId s : added) {
                ins.setString(1, s.value());
                ins.setString(2, impi);
                ins.addBatch();
            }
            if (!added.isEmpty()) {
                ins.executeBatch();
            }
        }
    }
}
