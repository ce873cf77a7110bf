package org.mbmskeys.adapters.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mbmskeys.mbms.bmsc.keys.KeyGroupRecord;
import org.mbmskeys.mbms.bmsc.keys.RegisteredMsk;
import org.mbmskeys.mbms.keys.ServiceType;
import org.mbmskeys.mbms.keys.TimestampCounter;

/**
 * Rotating the key-encryption key: keys written under one KEK by the real stores read back identical under the new
 * KEK after {@link KeyRewrap}, and no longer under the old one; a wrong current KEK, a new KEK equal to the current
 * one, a second run, or a row that fails half-way leave every wrapped column byte for byte as it was.
 */
abstract class KeyRewrapContract {

    private static final RegisteredMsk MSK_1 = KeyRegistryStorageContract.msk(1, KeyRegistryStorageContract.KEY_1);
    private static final RegisteredMsk MSK_2 = KeyRegistryStorageContract.msk(2, KeyRegistryStorageContract.KEY_2);
    private static final RegisteredMsk MSK_3 = KeyRegistryStorageContract.msk(3, KeyRegistryStorageContract.KEY_1);

    private final List<Database> opened = new ArrayList<>();
    private Backend backend;
    private Database db;

    abstract Backend newBackend();

    @BeforeEach
    void writeUnderTheFirstKek() {
        backend = newBackend();
        db = open();
        JdbcKeyRegistryStorage keys = new JdbcKeyRegistryStorage(db, Keks.kek());
        keys.insertGroup(group());
        keys.putMsk(MSK_1);
        keys.putMsk(MSK_2);
        keys.putMsk(MSK_3);
        keys.compareAndSetCounter(KeyRegistryStorageContract.MUK, Optional.empty(), TimestampCounter.of(42));
        new JdbcUeKeyStorage(db, Keks.kek(), "ue-1").store(UeKeyStorageContract.full(10));
        new JdbcUeKeyStorage(db, Keks.kek(), "ue-2").store(UeKeyStorageContract.full(11));
    }

    @AfterEach
    void closeAll() {
        opened.forEach(Database::close);
    }

    @Test
    void theKekTheKeysWereWrittenUnderOpensEveryOneAndAnotherIsRefusedNamingARow() {
        assertThat(KeyRewrap.checkOpens(db, Keks.kek())).isEqualTo(5);

        assertThatThrownBy(() -> KeyRewrap.checkOpens(db, Keks.newKek())).isInstanceOf(KeyUnwrapException.class)
                .hasMessageStartingWith("the stored key of ").hasMessageContaining(" cannot be unwrapped: ");
    }

    @Test
    void everyKeyReadsBackIdenticalUnderTheNewKekAndNoLongerUnderTheOld() {
        KeyRewrap.Result result = KeyRewrap.rewrap(db, Keks.kek(), Keks.newKek());

        assertThat(result.rowsPerTable()).containsExactly(Map.entry("msk", 3), Map.entry("ue_key_state", 2));
        assertThat(result.total()).isEqualTo(5);
        db.close();
        Database again = open();
        JdbcKeyRegistryStorage keys = new JdbcKeyRegistryStorage(again, Keks.newKek());
        assertThat(keys.msk(MSK_1.ref())).contains(MSK_1);
        assertThat(keys.msk(MSK_2.ref())).contains(MSK_2);
        assertThat(keys.msk(MSK_3.ref())).contains(MSK_3);
        assertThat(keys.group(group().keyDomain(), group().keyGroup())).contains(group());
        assertThat(keys.counter(KeyRegistryStorageContract.MUK)).contains(TimestampCounter.of(42));
        assertThat(new JdbcUeKeyStorage(again, Keks.newKek(), "ue-1").load()).isEqualTo(UeKeyStorageContract.full(10));
        assertThat(new JdbcUeKeyStorage(again, Keks.newKek(), "ue-2").load()).isEqualTo(UeKeyStorageContract.full(11));

        assertThatThrownBy(() -> new JdbcKeyRegistryStorage(again, Keks.kek()).msk(MSK_1.ref()))
                .isInstanceOf(KeyUnwrapException.class);
        assertThatThrownBy(() -> new JdbcUeKeyStorage(again, Keks.kek(), "ue-1").load())
                .isInstanceOf(KeyUnwrapException.class);
    }

    @Test
    void aWrongCurrentKekIsRefusedAndChangesNoRow() throws Exception {
        Map<String, String> before = rawWrappedColumns(db);

        assertThatThrownBy(() -> KeyRewrap.rewrap(db, Keks.otherKek(), Keks.newKek()))
                .isInstanceOf(KeyUnwrapException.class)
                .hasMessageContaining("msk " + MSK_1.ref())
                .hasMessageNotContaining(KeyRegistryStorageContract.KEY_1.revealHex())
                .hasMessageNotContaining(Keks.OTHER_KEK_BYTES.revealHex())
                .hasMessageNotContaining(Keks.NEW_KEK_BYTES.revealHex());

        assertThat(rawWrappedColumns(db)).isEqualTo(before);
        assertThat(new JdbcKeyRegistryStorage(db, Keks.kek()).msk(MSK_1.ref())).contains(MSK_1);
    }

    @Test
    void aNewKekEqualToTheCurrentOneIsRefused() throws Exception {
        Map<String, String> before = rawWrappedColumns(db);

        assertThatThrownBy(() -> KeyRewrap.rewrap(db, Keks.kek(), Keks.kek()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is the current one");

        assertThat(rawWrappedColumns(db)).isEqualTo(before);
    }

    @Test
    void aSecondRunWithTheSameNewKekIsRefusedAndChangesNoRow() throws Exception {
        KeyRewrap.rewrap(db, Keks.kek(), Keks.newKek());
        Map<String, String> afterFirst = rawWrappedColumns(db);

        assertThatThrownBy(() -> KeyRewrap.rewrap(db, Keks.kek(), Keks.newKek()))
                .isInstanceOf(KeyUnwrapException.class);

        assertThat(rawWrappedColumns(db)).isEqualTo(afterFirst);
        assertThat(new JdbcUeKeyStorage(db, Keks.newKek(), "ue-2").load()).isEqualTo(UeKeyStorageContract.full(11));
    }

    @Test
    void aRowThatFailsHalfWayRollsBackEveryRowBeforeIt() throws Exception {
        // The tables are re-wrapped in order (msk, then ue_key_state), each in key order: ue-2 is the last row.
        corrupt("ue_key_state", "wrapped_state", "ue", "ue-2");
        Map<String, String> before = rawWrappedColumns(db);

        assertThatThrownBy(() -> KeyRewrap.rewrap(db, Keks.kek(), Keks.newKek()))
                .isInstanceOf(KeyUnwrapException.class)
                .hasMessageContaining("ue-key-state ue-2");

        assertThat(rawWrappedColumns(db)).isEqualTo(before);
        JdbcKeyRegistryStorage keys = new JdbcKeyRegistryStorage(db, Keks.kek());
        assertThat(keys.msk(MSK_3.ref())).as("still under the first KEK").contains(MSK_3);
        assertThat(new JdbcUeKeyStorage(db, Keks.kek(), "ue-1").load()).isEqualTo(UeKeyStorageContract.full(10));
    }

    @Test
    void anEmptyDatabaseHasNothingToRewrap() {
        Database empty = newBackend().open();
        opened.add(empty);

        KeyRewrap.Result result = KeyRewrap.rewrap(empty, Keks.kek(), Keks.newKek());

        assertThat(result.rowsPerTable()).containsExactly(Map.entry("msk", 0), Map.entry("ue_key_state", 0));
        assertThat(result.toString()).doesNotContainIgnoringCase(Keks.NEW_KEK_BYTES.revealHex());
    }

    private Database open() {
        Database opening = backend.open();
        opened.add(opening);
        return opening;
    }

    private static KeyGroupRecord group() {
        return KeyGroupRecord.empty(KeyRegistryStorageContract.DOMAIN, KeyRegistryStorageContract.GROUP,
                ServiceType.STREAMING);
    }

    /** Flips one bit of the tag of one row's wrapped value, as a damaged disk or a stray edit would. */
    private void corrupt(String table, String column, String keyColumn, String key) throws Exception {
        try (Connection c = db.dataSource().getConnection()) {
            byte[] value;
            try (PreparedStatement s = c.prepareStatement("select " + column + " from " + table + " where " + keyColumn + " = ?")) {
                s.setString(1, key);
                try (ResultSet r = s.executeQuery()) {
                    assertThat(r.next()).isTrue();
                    value = r.getBytes(1);
                }
            }
            value[value.length - 1] ^= 1;
            try (PreparedStatement s = c.prepareStatement("update " + table + " set " + column + " = ? where " + keyColumn + " = ?")) {
                s.setBytes(1, value);
                s.setString(2, key);
                assertThat(s.executeUpdate()).isEqualTo(1);
            }
        }
    }

    /** Every wrapped column's raw bytes, as hex by table and row key. */
    private static Map<String, String> rawWrappedColumns(Database db) throws Exception {
        Map<String, String> raw = new TreeMap<>();
        try (Connection c = db.dataSource().getConnection()) {
            read(c, "select msk_ref, wrapped_key from msk", "msk ", raw);
            read(c, "select ue, wrapped_state from ue_key_state", "ue_key_state ", raw);
        }
        assertThat(raw).hasSize(5);
        return raw;
    }

    private static void read(Connection c, String sql, String prefix, Map<String, String> into) throws Exception {
        try (PreparedStatement s = c.prepareStatement(sql); ResultSet r = s.executeQuery()) {
            while (r.next()) {
                into.put(prefix + r.getString(1), HexFormat.of().formatHex(r.getBytes(2)));
            }
        }
    }
}
