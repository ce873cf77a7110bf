package org.mbmskeys.adapters.jdbc;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The delivery record contract on H2. */
class JdbcDeliveryRecordsOnH2Test extends JdbcDeliveryRecordsContract {

    @TempDir
    Path dir;

    @Override
    Backend backend() {
        return Backend.h2(dir);
    }
}
