package org.mbmskeys.adapters.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.mbmskeys.engine.bytes.SecretBytes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Re-wraps every stored key (each {@link WrappedColumn}: a BM-SC's MSKs, the MEs' key states) from the current
 * key-encryption key to a new one, for an operator rotating the KEK while no node uses the database
 * (docs/storage.md, "Rotating the key-encryption key").
 *
 * <p>All or nothing: one transaction locks every wrapped row, unwraps each under the current KEK, wraps it under
 * the new one with the same row identity, checks that the new value unwraps under the new KEK to the same key, and
 * commits only when every row passed. A row the current KEK does not open (a wrong KEK, a database already
 * re-wrapped, an altered row) rolls everything back, so a second run with the same new KEK is refused rather than
 * wrapping anything twice.
 */
public final class KeyRewrap {

    private static final Logger LOG = LoggerFactory.getLogger(KeyRewrap.class);

    private KeyRewrap() {
    }

    /**
     * What a re-wrap changed: the number of rows re-wrapped per table, in a fixed order of tables (zero where a table
     * has no rows: a BM-SC's database has no UE key states, a UE's no MSKs).
     */
    public record Result(Map<String, Integer> rowsPerTable) {

        public Result {
            rowsPerTable = Collections.unmodifiableMap(new LinkedHashMap<>(rowsPerTable));
        }

        public int total() {
            return rowsPerTable.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    /**
     * Re-wraps every stored key of {@code db} from {@code current} to {@code next}, in one transaction.
     *
     * @throws IllegalArgumentException if {@code next} is the same key as {@code current}; nothing is read
     * @throws KeyUnwrapException       if {@code current} does not open a stored key; names the row, nothing changed
     * @throws StorageException         if the database fails or a re-wrapped key does not verify; nothing changed
     */
    public static Result rewrap(Database db, KeyEncryptionKey current, KeyEncryptionKey next) {
        Objects.requireNonNull(db, "db");
        Objects.requireNonNull(current, "current");
        Objects.requireNonNull(next, "next");
        if (current.sameKeyAs(next)) {
            throw new IllegalArgumentException("the new key-encryption key is the current one; re-wrapping under it "
                    + "would change nothing");
        }
        Result result = db.inTransaction(c -> {
            Map<String, Integer> rows = new LinkedHashMap<>();
            for (WrappedColumn column : WrappedColumn.values()) {
                rows.put(column.table(), rewrap(c, column, current, next));
            }
            return new Result(rows);
        });
        LOG.info("Re-wrapped {} stored keys under the new key-encryption key: {}", result.total(), result.rowsPerTable());
        return result;
    }

    /**
     * Opens every stored key of {@code db} with {@code kek} and wipes it again: a node started with another KEK than
     * the one its database was written under stops here, before it writes a key under the wrong one (after which no
     * single KEK would open them all, and {@link #rewrap} could no longer help). Answers how many keys it opened.
     *
     * @throws KeyUnwrapException if {@code kek} does not open a stored key; names the row
     * @throws StorageException   if the database fails
     */
    public static int checkOpens(Database db, KeyEncryptionKey kek) {
        Objects.requireNonNull(db, "db");
        Objects.requireNonNull(kek, "kek");
        return db.inTransaction(c -> {
            int opened = 0;
            for (WrappedColumn column : WrappedColumn.values()) {
                try (PreparedStatement s = c.prepareStatement(column.selectAll()); ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        kek.unwrap(r.getBytes(2), column.rowIdentity(r.getString(1))).destroy();
                        opened++;
                    }
                }
            }
            return opened;
        });
    }

    private static int rewrap(Connection c, WrappedColumn column, KeyEncryptionKey current, KeyEncryptionKey next)
            throws SQLException {
        // Read first, then write: some drivers do not allow updating a table while a result set over it is open.
        Map<String, byte[]> rows = new LinkedHashMap<>();
        try (PreparedStatement s = c.prepareStatement(column.selectAllForUpdate()); ResultSet r = s.executeQuery()) {
            while (r.next()) {
                rows.put(r.getString(1), r.getBytes(2));
            }
        }
        try (PreparedStatement up = c.prepareStatement(column.updateOne())) {
            for (Map.Entry<String, byte[]> row : rows.entrySet()) {
                String identity = column.rowIdentity(row.getKey());
                up.setBytes(1, rewrapOne(row.getValue(), identity, current, next));
                up.setString(2, row.getKey());
                if (up.executeUpdate() != 1) {
                    throw new StorageException("the row of " + identity + " was not found again during the re-wrap");
                }
            }
        }
        return rows.size();
    }

    /** The stored value of one row under {@code next}, checked to unwrap under {@code next} to the same key. */
    private static byte[] rewrapOne(byte[] stored, String identity, KeyEncryptionKey current, KeyEncryptionKey next) {
        SecretBytes plain = current.unwrap(stored, identity);
        SecretBytes check = null;
        try {
            byte[] rewrapped = next.wrap(plain, identity);
            try {
                check = next.unwrap(rewrapped, identity);
            } catch (KeyUnwrapException e) {
                throw new StorageException("the re-wrapped key of " + identity + " does not unwrap under the new "
                        + "key-encryption key", e);
            }
            if (!check.equals(plain)) {
                throw new StorageException("the re-wrapped key of " + identity + " unwraps under the new key-encryption "
                        + "key to another value");
            }
            return rewrapped;
        } finally {
            plain.destroy();
            if (check != null) {
                check.destroy();
            }
        }
    }
}
