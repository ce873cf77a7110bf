package org.mbmskeys.features;

import static org.assertj.core.api.Assertions.assertThat;

import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.io.IOException;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.mbmskeys.steps.MbmsWorld;

/**
 * docs/step-library.md lists every sentence of the step library, as its annotation writes it, so an
 * integrator reads the vocabulary there; a step added without its line fails here, and the message gives
 * the lines to add.
 */
class StepLibraryDocTest {

    @Test
    void theGuideListsEveryStep() throws IOException, URISyntaxException {
        String guide = Files.readString(Path.of("..", "docs", "step-library.md"), StandardCharsets.UTF_8);
        List<String> missing = new ArrayList<>();
        for (String expression : expressions()) {
            if (!guide.contains("`" + expression + "`")) {
                missing.add("- `" + expression + "`");
            }
        }
        assertThat(missing).as("steps docs/step-library.md does not list (add these lines to its vocabulary)").isEmpty();
    }

    /** Every Given/When/Then expression of the classes in the step library's package. */
    private static List<String> expressions() throws IOException, URISyntaxException {
        Path location = Path.of(MbmsWorld.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        // target/classes when the IDE or a reactor build before packaging gives it, the jar after
        try (FileSystem jar = Files.isDirectory(location) ? null : FileSystems.newFileSystem(location)) {
            return expressions(jar == null ? location.resolve("org/mbmskeys/steps") : jar.getPath("org/mbmskeys/steps"));
        }
    }

    private static List<String> expressions(Path classes) throws IOException {
        List<String> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(classes)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".class")).sorted().toList()) {
                String name = "org.mbmskeys.steps." + f.getFileName().toString().replace(".class", "");
                try {
                    for (Method m : Class.forName(name).getDeclaredMethods()) {
                        Stream.of(m.getAnnotationsByType(Given.class)).map(Given::value).forEach(out::add);
                        Stream.of(m.getAnnotationsByType(When.class)).map(When::value).forEach(out::add);
                        Stream.of(m.getAnnotationsByType(Then.class)).map(Then::value).forEach(out::add);
                    }
                } catch (ClassNotFoundException e) {
                    throw new IllegalStateException(name, e);
                }
            }
        }
        assertThat(out).as("step expressions found in %s", classes).isNotEmpty();
        return out;
    }
}
