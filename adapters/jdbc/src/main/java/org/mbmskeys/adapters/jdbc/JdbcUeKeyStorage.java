package org.mbmskeys.adapters.jdbc;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Arrays;
import java.util.Objects;
import org.mbmskeys.engine.bytes.SecretBytes;
import org.mbmskeys.mbms.ue.keys.UeKeyState;
import org.mbmskeys.mbms.ue.keys.UeKeyStorage;

/**
 * One ME's {@link UeKeyState} as one row of {@code ue_key_state}: the whole state (MUKs, MRKs, MSKs, MTKs,
 * replay counters, UICC identity) encoded and wrapped under the {@link KeyEncryptionKey} with the UE's name as
 * associated data, written in one statement, so a restart loads exactly the last stored state and the replay
 * counters never go back. Several MEs may share a database under different names.
 */
public final class JdbcUeKeyStorage implements UeKeyStorage {

    private final Database db;
    private final KeyEncryptionKey kek;
    private final String ue;

    /** @param ue the name of this ME's row (e.g. its IMPI or a device name); not secret */
    public JdbcUeKeyStorage(Database db, KeyEncryptionKey kek, String ue) {
        this.db = Objects.requireNonNull(db, "db");
        this.kek = Objects.requireNonNull(kek, "kek");
        this.ue = Objects.requireNonNull(ue, "ue");
        if (ue.isEmpty() || ue.length() > 256) {
            throw new IllegalArgumentException("a UE name is 1..256 characters, got " + ue.length());
        }
    }

    @Override
    public UeKeyState load() {
        byte[] wrapped = db.inTransaction(c -> {
            try (PreparedStatement s = c.prepareStatement("select wrapped_state from ue_key_state where ue = ?")) {
                s.setString(1, ue);
                try (ResultSet r = s.executeQuery()) {
                    return r.next() ? r.getBytes(1) : null;
                }
            }
        });
        if (wrapped == null) {
            return UeKeyState.empty();
        }
        SecretBytes plain = kek.unwrap(wrapped, row());
        try {
            return UeKeyStateCodec.decode(plain.unsafeArray());
        } finally {
            plain.destroy();
        }
    }

    @Override
    public void store(UeKeyState state) {
        byte[] plain = UeKeyStateCodec.encode(Objects.requireNonNull(state, "state"));
        byte[] wrapped;
        SecretBytes secret = SecretBytes.wrap(plain);
        try {
            wrapped = kek.wrap(secret, row());
        } finally {
            secret.destroy();
            Arrays.fill(plain, (byte) 0);
        }
        db.inTransaction(c -> {
            try (PreparedStatement up = c.prepareStatement("update ue_key_state set wrapped_state = ? where ue = ?")) {
                up.setBytes(1, wrapped);
                up.setString(2, ue);
                if (up.executeUpdate() == 1) {
                    return null;
                }
            }
            try (PreparedStatement ins = c.prepareStatement(
                    "insert into ue_key_state (ue, wrapped_state) values (?, ?)")) {
                ins.setString(1, ue);
                ins.setBytes(2, wrapped);
                ins.executeUpdate();
            }
            return null;
        });
    }

    private String row() {
        return WrappedColumn.UE_KEY_STATE.rowIdentity(ue);
    }
}
