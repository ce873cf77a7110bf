package org.mbmskeys.adapters.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.mbmskeys.mbms.bmsc.services.KeyGroupRef;
import org.mbmskeys.mbms.bmsc.services.ServiceId;
import org.mbmskeys.mbms.bmsc.services.UserService;
import org.mbmskeys.mbms.bmsc.services.UserServiceStorage;
import org.mbmskeys.mbms.keys.KeyDomainId;
import org.mbmskeys.mbms.keys.KeyGroup;
import org.mbmskeys.mbms.keys.ServiceType;

/**
 * User service definitions in the table {@code user_service}, one row per service ID, shared by every node on the
 * database. {@code body} is the service type and its Key Groups, in order, as one line:
 * {@code streaming 001-01/0101 001-01/0202}. Storing is an {@code UPDATE}, or an {@code INSERT} for a new ID.
 */
public final class JdbcUserServiceStorage implements UserServiceStorage {

    private final Database db;

    public JdbcUserServiceStorage(Database db) {
        this.db = Objects.requireNonNull(db, "db");
    }

    @Override
    public List<UserService> all() {
        return db.inTransaction(c -> {
            List<UserService> all = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("select service_id, body from user_service");
                 ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    all.add(decode(r.getString(1), r.getString(2)));
                }
            }
            all.sort(Comparator.comparing(UserService::serviceId));   // Java's order, whatever the database collation
            return List.copyOf(all);
        });
    }

    @Override
    public void store(UserService service) {
        Objects.requireNonNull(service, "service");
        String id = service.serviceId().value();
        String body = encode(service);
        db.inTransaction(c -> {
            if (update(c, id, body)) {
                return null;
            }
            try (PreparedStatement s = c.prepareStatement("insert into user_service (service_id, body) values (?, ?)")) {
                s.setString(1, id);
                s.setString(2, body);
                s.executeUpdate();
            } catch (SQLException e) {
                if (!Sql.isUniqueViolation(e)) {
                    throw e;
                }
                c.rollback();   // another node stored this ID just now: ours, the later word, replaces it
                update(c, id, body);
            }
            return null;
        });
    }

    private static boolean update(Connection c, String id, String body) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("update user_service set body = ? where service_id = ?")) {
            s.setString(1, body);
            s.setString(2, id);
            return s.executeUpdate() == 1;
        }
    }

    static String encode(UserService service) {
        StringBuilder body = new StringBuilder(service.serviceType().name().toLowerCase(Locale.ROOT));
        service.keyGroups().stream().map(KeyGroupRef::toString).sorted().forEach(g -> body.append(' ').append(g));
        return body.toString();
    }

    static UserService decode(String id, String body) {
        String[] parts = body.split(" ");
        ServiceType type = ServiceType.valueOf(parts[0].toUpperCase(Locale.ROOT));
        Set<KeyGroupRef> groups = new LinkedHashSet<>();
        for (int i = 1; i < parts.length; i++) {
            int slash = parts[i].indexOf('/');
            groups.add(KeyGroupRef.of(KeyDomainId.parse(parts[i].substring(0, slash)),
                    KeyGroup.parseHex(parts[i].substring(slash + 1))));
        }
        return new UserService(ServiceId.of(id), groups, type);
    }
}
