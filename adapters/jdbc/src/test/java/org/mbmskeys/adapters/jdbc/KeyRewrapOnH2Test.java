package org.mbmskeys.adapters.jdbc;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.io.TempDir;

/** Rotating the key-encryption key on an H2 file database. */
class KeyRewrapOnH2Test extends KeyRewrapContract {

    @TempDir
    Path dir;
    private final AtomicInteger databases = new AtomicInteger();

    @Override
    Backend newBackend() {
        return Backend.h2(dir.resolve("db" + databases.incrementAndGet()));
    }
}
