package org.mbmskeys.adapters.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mbmskeys.mbms.bmsc.keys.KeyGroupRecord;
import org.mbmskeys.mbms.bmsc.keys.RegisteredMsk;
import org.mbmskeys.mbms.bmsc.registrations.Registration;
import org.mbmskeys.mbms.keys.ServiceType;
import org.mbmskeys.mbms.keys.TimestampCounter;

/**
 * What survives a restart and how key material rests in the database: everything written is read back after
 * close and reopen; an MSK's bytes never appear in clear in the table; another KEK, or a wrapped key moved to
 * another row, is refused with {@link KeyUnwrapException}.
 */
abstract class DurabilityContract {

    private final List<Database> opened = new ArrayList<>();
    private Backend backend;

    abstract Backend newBackend();

    @BeforeEach
    void createBackend() {
        backend = newBackend();
    }

    @AfterEach
    void closeAll() {
        opened.forEach(Database::close);
    }

    private Database open() {
        Database db = backend.open();
        opened.add(db);
        return db;
    }

    @Test
    void everythingWrittenIsReadBackAfterCloseAndReopen() {
        Database first = open();
        JdbcRegistrationStorage registrations = new JdbcRegistrationStorage(first);
        JdbcKeyRegistryStorage keys = new JdbcKeyRegistryStorage(first, Keks.kek());
        Registration reg = RegistrationStorageContract.of(1, RegistrationStorageContract.BTID_1,
                RegistrationStorageContract.NEWS);
        KeyGroupRecord group = KeyGroupRecord.empty(KeyRegistryStorageContract.DOMAIN, KeyRegistryStorageContract.GROUP,
                ServiceType.STREAMING);
        RegisteredMsk msk = KeyRegistryStorageContract.msk(1, KeyRegistryStorageContract.KEY_1);
        registrations.insert(reg);
        keys.insertGroup(group);
        keys.putMsk(msk);
        keys.compareAndSetCounter(KeyRegistryStorageContract.MUK, Optional.empty(), TimestampCounter.of(42));
        first.close();

        Database again = open();
        JdbcKeyRegistryStorage keysAgain = new JdbcKeyRegistryStorage(again, Keks.kek());

        assertThat(new JdbcRegistrationStorage(again).find(reg.impi())).contains(reg);
        assertThat(new JdbcRegistrationStorage(again).findByBTid(reg.bTid())).contains(reg);
        assertThat(keysAgain.group(group.keyDomain(), group.keyGroup())).contains(group);
        assertThat(keysAgain.msk(msk.ref())).contains(msk);
        assertThat(keysAgain.counter(KeyRegistryStorageContract.MUK)).contains(TimestampCounter.of(42));
    }

    @Test
    void theMskIsNotInClearInItsTable() throws Exception {
        Database db = open();
        RegisteredMsk msk = KeyRegistryStorageContract.msk(1, KeyRegistryStorageContract.KEY_1);
        new JdbcKeyRegistryStorage(db, Keks.kek()).putMsk(msk);

        byte[] stored = rawWrappedKey(db, msk);
        byte[] clear = KeyRegistryStorageContract.KEY_1.copyBytes();

        assertThat(stored.length).isEqualTo(1 + 12 + clear.length + 16);
        assertThat(indexOf(stored, clear)).isEqualTo(-1);
        assertThat(rawBody(db, msk)).doesNotContainIgnoringCase(KeyRegistryStorageContract.KEY_1.revealHex());
    }

    @Test
    void anotherKekIsRefusedWithATypedErrorThatNamesNoKey() {
        Database db = open();
        RegisteredMsk msk = KeyRegistryStorageContract.msk(1, KeyRegistryStorageContract.KEY_1);
        new JdbcKeyRegistryStorage(db, Keks.kek()).putMsk(msk);

        JdbcKeyRegistryStorage wrongKek = new JdbcKeyRegistryStorage(db, Keks.otherKek());

        assertThatThrownBy(() -> wrongKek.msk(msk.ref()))
                .isInstanceOf(KeyUnwrapException.class)
                .hasMessageContaining(msk.ref().toString())
                .hasMessageNotContaining(KeyRegistryStorageContract.KEY_1.revealHex())
                .hasMessageNotContaining(Keks.OTHER_KEK_BYTES.revealHex());
        assertThatThrownBy(() -> wrongKek.replaceMsk(msk, msk)).isInstanceOf(KeyUnwrapException.class);
        assertThat(new JdbcKeyRegistryStorage(db, Keks.kek()).msk(msk.ref())).as("nothing changed").contains(msk);
    }

    @Test
    void aWrappedKeyMovedToAnotherRowIsRefused() throws Exception {
        Database db = open();
        JdbcKeyRegistryStorage keys = new JdbcKeyRegistryStorage(db, Keks.kek());
        RegisteredMsk one = KeyRegistryStorageContract.msk(1, KeyRegistryStorageContract.KEY_1);
        RegisteredMsk two = KeyRegistryStorageContract.msk(2, KeyRegistryStorageContract.KEY_2);
        keys.putMsk(one);
        keys.putMsk(two);

        try (Connection c = db.dataSource().getConnection();
                PreparedStatement s = c.prepareStatement("update msk set wrapped_key = ? where msk_ref = ?")) {
            s.setBytes(1, rawWrappedKey(db, one));
            s.setString(2, two.ref().toString());
            assertThat(s.executeUpdate()).isEqualTo(1);
        }

        assertThatThrownBy(() -> keys.msk(two.ref())).isInstanceOf(KeyUnwrapException.class);
        assertThat(keys.msk(one.ref())).contains(one);
    }

    @Test
    void aKekOfAnotherLengthThan16Or32BytesIsRefused() {
        assertThatThrownBy(() -> new KeyEncryptionKey(org.mbmskeys.engine.bytes.SecretBytes.ofHex("0011223344"),
                new java.security.SecureRandom()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("16 or 32");
        assertThat(Keks.kek().toString()).doesNotContainIgnoringCase(Keks.KEK_BYTES.revealHex().substring(0, 8));
    }

    private static byte[] rawWrappedKey(Database db, RegisteredMsk msk) throws Exception {
        try (Connection c = db.dataSource().getConnection();
                PreparedStatement s = c.prepareStatement("select wrapped_key from msk where msk_ref = ?")) {
            s.setString(1, msk.ref().toString());
            try (ResultSet r = s.executeQuery()) {
                assertThat(r.next()).isTrue();
                return r.getBytes(1);
            }
        }
    }

    private static String rawBody(Database db, RegisteredMsk msk) throws Exception {
        try (Connection c = db.dataSource().getConnection();
                PreparedStatement s = c.prepareStatement("select body from msk where msk_ref = ?")) {
            s.setString(1, msk.ref().toString());
            try (ResultSet r = s.executeQuery()) {
                assertThat(r.next()).isTrue();
                return r.getString(1);
            }
        }
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            if (Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
                return i;
            }
        }
        return -1;
    }
}
