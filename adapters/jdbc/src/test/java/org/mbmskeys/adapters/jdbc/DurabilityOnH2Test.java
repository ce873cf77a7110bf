package org.mbmskeys.adapters.jdbc;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** Durability and key wrapping on an H2 file database. */
class DurabilityOnH2Test extends DurabilityContract {

    @TempDir
    Path dir;

    @Override
    Backend newBackend() {
        return Backend.h2(dir);
    }
}
