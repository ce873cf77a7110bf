package org.mbmskeys.adapters.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code Database.h2File} creates the folder of its file itself, before H2 looks: H2 creates a missing folder too,
 * but fails when another process creates it at the same moment (a BM-SC and a UE process started together with
 * {@code h2: state/...}; a CI run failed so). That race needs two processes and luck to show, so these cases check
 * the part that is ours: the folders are made, and what stands in their way is named.
 */
class H2FilesInANewFolderTest {

    @TempDir
    Path dir;

    @Test
    void aDatabaseInFoldersThatDoNotExistYetOpensAndTheFoldersAreMade() {
        Path file = dir.resolve("a").resolve("b").resolve("state").resolve("bmsc");
        try (Database db = Database.h2File(file)) {
            assertThat(db.vendor()).isEqualTo(Database.Vendor.H2);
        }
        assertThat(file.getParent()).isDirectory();
        try (Database again = Database.h2File(file.getParent().resolve("ue"))) {   // the folder exists now: fine
            assertThat(again.vendor()).isEqualTo(Database.Vendor.H2);
        }
    }

    @Test
    void aFileWhereTheFolderShouldBeIsNamedInTheRefusal() throws Exception {
        Files.writeString(dir.resolve("state"), "not a folder");

        assertThatThrownBy(() -> Database.h2File(dir.resolve("state").resolve("bmsc")))
                .isInstanceOf(StorageException.class)
                .hasMessage("cannot create the folder of the H2 database " + dir.resolve("state").resolve("bmsc") + ": "
                        + dir.resolve("state") + " (FileAlreadyExistsException)");
    }
}
