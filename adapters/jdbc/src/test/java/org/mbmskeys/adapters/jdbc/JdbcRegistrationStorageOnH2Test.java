package org.mbmskeys.adapters.jdbc;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.mbmskeys.mbms.bmsc.registrations.RegistrationStorage;

/** The registration storage contract on an H2 file database in a temporary folder. */
class JdbcRegistrationStorageOnH2Test extends RegistrationStorageContract {

    @TempDir
    Path dir;
    private Database db;

    @Override
    RegistrationStorage newStorage() {
        db = Backend.h2(dir).open();
        return new JdbcRegistrationStorage(db);
    }

    @AfterEach
    void close() {
        db.close();
    }
}
