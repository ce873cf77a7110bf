package org.mbmskeys.engine.diagram;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The diagram package draws the model and nothing else: no Groovy, no runtime, no backend, so the CLI and
 * the docs can draw a definition without starting an engine. (The ArchUnit test in {@code features} checks
 * the engine-wide rules.)
 */
class DiagramDependenciesTest {

    private static final Path SOURCES = Path.of("src/main/java/org/mbmskeys/engine/diagram");

    @Test
    void importsOnlyTheJdkAndTheModel() throws IOException {
        List<Path> files;
        try (Stream<Path> listing = Files.list(SOURCES)) {
            files = listing.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
        assertThat(files).as("sources under %s", SOURCES.toAbsolutePath()).isNotEmpty();
        for (Path file : files) {
            for (String line : Files.readAllLines(file)) {
                if (line.startsWith("import ")) {
                    assertThat(line).as("%s", file.getFileName())
                            .matches("import (static )?(java\\.|org\\.mbmskeys\\.engine\\.model\\.).*");
                }
            }
        }
    }
}
