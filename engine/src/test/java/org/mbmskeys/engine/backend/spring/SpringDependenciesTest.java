package org.mbmskeys.engine.backend.spring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Spring and Reactor stay inside {@code backend.spring}, so the rest of the engine runs without them (the
 * ArchUnit test in {@code features} checks the same rule for the whole build; {@link WithoutSpringTest}
 * checks that the backend's service class itself loads without Spring).
 */
class SpringDependenciesTest {

    private static final Path MAIN = Path.of("src/main/java/org/mbmskeys/engine");
    private static final Path SPRING_PACKAGE = MAIN.resolve("backend/spring");
    private static final String SPRING_IMPORT = "import (static )?(org\\.springframework|reactor)\\..*";

    @Test
    void onlyTheSpringBackendPackageImportsSpringOrReactor() throws IOException {
        List<String> offenders = new ArrayList<>();
        int springImports = 0;
        for (Path file : sources(MAIN)) {
            for (String line : Files.readAllLines(file)) {
                if (line.matches(SPRING_IMPORT)) {
                    if (file.startsWith(SPRING_PACKAGE)) {
                        springImports++;
                    } else {
                        offenders.add(MAIN.relativize(file) + ": " + line);
                    }
                }
            }
        }
        assertThat(offenders).isEmpty();
        assertThat(springImports).as("Spring imports in %s", SPRING_PACKAGE).isPositive();
    }

    private static List<Path> sources(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
    }
}
