package org.mbmskeys.adapters.jdbc;

import java.sql.SQLException;

/** Small helpers shared by the stores. */
final class Sql {

    /** SQLSTATE of a unique or primary key violation, the same on H2 and PostgreSQL. */
    private static final String UNIQUE_VIOLATION = "23505";

    private Sql() {
    }

    static boolean isUniqueViolation(SQLException e) {
        return UNIQUE_VIOLATION.equals(e.getSQLState());
    }
}
