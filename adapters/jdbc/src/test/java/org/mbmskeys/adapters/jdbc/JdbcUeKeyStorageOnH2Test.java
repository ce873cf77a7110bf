package org.mbmskeys.adapters.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HexFormat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mbmskeys.mbms.ue.keys.UeKeyStorage;

/**
 * The UE key storage contract on H2, plus what a restart keeps (the replay counters among all the rest), that no
 * key is in clear in the table, and that another KEK or another UE's row is refused.
 */
class JdbcUeKeyStorageOnH2Test extends UeKeyStorageContract {

    @TempDir
    Path dir;
    private Database db;

    @Override
    UeKeyStorage newStorage() {
        db = Backend.h2(dir).open();
        return new JdbcUeKeyStorage(db, Keks.kek(), "ue-1");
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void aRestartLoadsTheLastStateWithItsCounters() {
        storage.store(full(10));
        storage.store(full(12));
        db.close();

        db = Backend.h2(dir).open();

        assertThat(new JdbcUeKeyStorage(db, Keks.kek(), "ue-1").load()).isEqualTo(full(12));
        assertThat(new JdbcUeKeyStorage(db, Keks.kek(), "ue-2").load().holdsNoKeys()).isTrue();
    }

    @Test
    void noKeyIsInClearInTheTable() throws Exception {
        storage.store(full(10));

        String stored = HexFormat.of().formatHex(raw("ue-1"));

        assertThat(stored).doesNotContain(MSK_KEY.revealHex().toLowerCase())
                .doesNotContain("00112233445566778899aabbccddeeff");
    }

    @Test
    void anotherKekOrAnotherUesRowIsRefused() throws Exception {
        storage.store(full(10));
        assertThatThrownBy(() -> new JdbcUeKeyStorage(db, Keks.otherKek(), "ue-1").load())
                .isInstanceOf(KeyUnwrapException.class).hasMessageContaining("ue-key-state ue-1");

        try (Connection c = db.dataSource().getConnection();
                PreparedStatement s = c.prepareStatement("insert into ue_key_state (ue, wrapped_state) values (?, ?)")) {
            s.setString(1, "ue-2");
            s.setBytes(2, raw("ue-1"));
            s.executeUpdate();
        }
        assertThatThrownBy(() -> new JdbcUeKeyStorage(db, Keks.kek(), "ue-2").load())
                .isInstanceOf(KeyUnwrapException.class);
    }

    private byte[] raw(String ue) throws Exception {
        try (Connection c = db.dataSource().getConnection();
                PreparedStatement s = c.prepareStatement("select wrapped_state from ue_key_state where ue = ?")) {
            s.setString(1, ue);
            try (ResultSet r = s.executeQuery()) {
                assertThat(r.next()).isTrue();
                return r.getBytes(1);
            }
        }
    }
}
