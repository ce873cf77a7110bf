package org.mbmskeys.adapters.jdbc;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The instance store contract on an H2 file. */
class JdbcInstanceStoreOnH2Test extends InstanceStoreContract {

    @TempDir
    Path dir;

    @Override
    Backend backend() {
        return Backend.h2(dir);
    }
}
