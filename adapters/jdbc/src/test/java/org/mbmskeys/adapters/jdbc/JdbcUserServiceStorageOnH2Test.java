package org.mbmskeys.adapters.jdbc;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.mbmskeys.mbms.bmsc.services.UserServiceStorage;

/** The user service contract on H2; "reopened" is a new pool on the file after the first closed (a restart). */
class JdbcUserServiceStorageOnH2Test extends UserServiceStorageContract {

    @TempDir
    Path dir;
    private final List<Database> opened = new ArrayList<>();

    @Override
    UserServiceStorage newStorage() {
        Database db = Backend.h2(dir).open();
        opened.add(db);
        return new JdbcUserServiceStorage(db);
    }

    @Override
    UserServiceStorage reopened() {
        opened.forEach(Database::close);   // one process at a time on an H2 file
        return newStorage();
    }

    @AfterEach
    void close() {
        opened.forEach(Database::close);
    }
}
