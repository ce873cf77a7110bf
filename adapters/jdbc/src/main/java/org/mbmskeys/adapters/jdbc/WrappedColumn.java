package org.mbmskeys.adapters.jdbc;

/**
 * The columns that hold key material wrapped under the {@link KeyEncryptionKey}, and the row identity each wrap
 * binds to (the AES-GCM associated data). The stores and {@link KeyRewrap} take the identity from here, so a
 * re-wrap binds every value to exactly the identity its store will check.
 */
enum WrappedColumn {

    /** A BM-SC's MSKs ({@link JdbcKeyRegistryStorage}). */
    MSK("msk", "msk_ref", "wrapped_key", "msk "),
    /** One ME's whole key state ({@link JdbcUeKeyStorage}). */
    UE_KEY_STATE("ue_key_state", "ue", "wrapped_state", "ue-key-state ");

    private final String table;
    private final String keyColumn;
    private final String wrappedColumn;
    private final String identityPrefix;

    WrappedColumn(String table, String keyColumn, String wrappedColumn, String identityPrefix) {
        this.table = table;
        this.keyColumn = keyColumn;
        this.wrappedColumn = wrappedColumn;
        this.identityPrefix = identityPrefix;
    }

    String table() {
        return table;
    }

    /** The associated data of the row whose key column holds {@code key}. */
    String rowIdentity(String key) {
        return identityPrefix + key;
    }

    /** Every row's key and wrapped value, unlocked. */
    String selectAll() {
        return "select " + keyColumn + ", " + wrappedColumn + " from " + table;
    }

    /** Every row, locked until the transaction ends, in key order (so a re-wrap always meets rows in one order). */
    String selectAllForUpdate() {
        return "select " + keyColumn + ", " + wrappedColumn + " from " + table + " order by " + keyColumn + " for update";
    }

    String updateOne() {
        return "update " + table + " set " + wrappedColumn + " = ? where " + keyColumn + " = ?";
    }
}
