package org.mbmskeys.adapters.jdbc;

import java.nio.file.Path;

/** Where a test's database lives; {@link #open()} may be called again to reopen it (another node, or a restart). */
interface Backend {

    Database open();

    static Backend h2(Path dir) {
        return () -> Database.h2File(dir.resolve("mbms-keys"));
    }
}
