package org.mbmskeys.engine.diagram;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mbmskeys.engine.model.ProcedureDefinition;

/**
 * Each example definition, in each format, must render exactly as the checked-in file
 * {@code src/test/resources/diagrams/<example>.<mmd|puml|dot>}. After an intended change, regenerate
 * with {@code mvn -o -pl engine test -Dtest=DiagramGoldenTest -Ddiagrams.update=true}, then review the
 * diff of the files like code (and render them, e.g. on mermaid.live) before committing.
 */
class DiagramGoldenTest {

    static Stream<Arguments> examples() {
        return Stream.of(
                example("flat", Examples::flat),
                example("nested", Examples::nested),
                example("push", Examples::push),
                example("backoff", Examples::backoff),
                example("escaping", Examples::escaping))
                .flatMap(e -> Stream.of(DiagramFormat.values()).map(f -> Arguments.of(e[0], e[1], f)));
    }

    private static Object[] example(String name, Supplier<ProcedureDefinition> definition) {
        return new Object[] {name, definition};
    }

    @ParameterizedTest(name = "{0} as {2}")
    @MethodSource("examples")
    void rendersAsCheckedIn(String example, Supplier<ProcedureDefinition> definition, DiagramFormat format)
            throws IOException {
        String file = example + "." + format.fileExtension();
        String actual = format.writer().write(definition.get());
        if (Boolean.getBoolean("diagrams.update")) {
            Files.writeString(Path.of("src/test/resources/diagrams", file), actual, StandardCharsets.UTF_8);
        }
        assertThat(actual).as("diagram %s (regenerate with -Ddiagrams.update=true, then review)", file)
                .isEqualTo(expected(file));
    }

    @ParameterizedTest(name = "{0} as {2}")
    @MethodSource("examples")
    void rendersTheSameTextEveryTime(String example, Supplier<ProcedureDefinition> definition, DiagramFormat format) {
        assertThat(format.writer().write(definition.get())).isEqualTo(format.writer().write(definition.get()));
    }

    private static String expected(String file) throws IOException {
        try (InputStream in = DiagramGoldenTest.class.getResourceAsStream("/diagrams/" + file)) {
            assertThat(in).as("expected diagram /diagrams/%s on the test classpath", file).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
