package org.mbmskeys.adapters.app.procedures;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mbmskeys.adapters.app.CliRun;

/**
 * {@code --classpath}: scripts that import an integrator's own event classes are checked and drawn with
 * those classes taken from jars and class folders. The event class is compiled here, so it is on no class
 * path the command already has.
 */
class ClasspathOptionTest {

    private static final String SCRIPT = """
            import org.example.events.Granted

            procedure('tools.granted') {
                initial 'waiting'
                state('waiting') { on(Granted) { guard('granted') { event.ok() }; goTo 'done' } }
                finalState 'done'
                errorState 'failed'
            }
            """;

    @TempDir
    static Path dir;
    static Path classes;
    static Path jar;
    static Path script;

    @BeforeAll
    static void compileAnEventClassIntoAFolderAndAJar() throws IOException {
        Path source = dir.resolve("src/org/example/events/Granted.java");
        Files.createDirectories(source.getParent());
        Files.writeString(source, "package org.example.events;\npublic record Granted(boolean ok) {\n}\n");
        classes = Files.createDirectories(dir.resolve("classes"));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int status = javac.run(null, null, null, "--release", "17", "-d", classes.toString(), source.toString());
        assertThat(status).as("javac of the test event class").isZero();
        jar = dir.resolve("events.jar");
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file)) {
            out.putNextEntry(new JarEntry("org/example/events/Granted.class"));
            out.write(Files.readAllBytes(classes.resolve("org/example/events/Granted.class")));
            out.closeEntry();
        }
        script = Files.writeString(dir.resolve("granted.groovy"), SCRIPT);
    }

    @Test
    void withoutTheClasspathTheImportedClassIsAProblem() {
        CliRun run = CliRun.of("procedures", "check", script.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).startsWith(script + ":1:8: unable to resolve class org.example.events.Granted");
    }

    @Test
    void aClassFolderOnTheClasspathMakesTheScriptCheckOk() {
        CliRun run = CliRun.of("procedures", "check", "--classpath", classes.toString(), script.toString());

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out().lines()).containsExactly("OK  tools.granted (" + script + ")", "1 procedure OK");
    }

    @Test
    void aJarOnTheClasspathLetsTheScriptBeDrawn() {
        CliRun run = CliRun.of("procedures", "diagram", "-cp", jar.toString(), script.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("waiting --> done : Granted [granted]");
    }

    @Test
    void entriesAreSeparatedAsForJavaEmptyOnesAreSkippedAndTheOptionRepeats() {
        CliRun joined = CliRun.of("procedures", "check", "--classpath",
                classes + File.pathSeparator + File.pathSeparator + jar, script.toString());
        CliRun repeated = CliRun.of("procedures", "check", "--classpath", dir.toString(), "--classpath", classes.toString(),
                script.toString());

        assertThat(joined.exitCode()).as(joined.out() + joined.err()).isZero();
        assertThat(repeated.exitCode()).as(repeated.out() + repeated.err()).isZero();
    }

    @Test
    void anEntryThatIsNeitherAJarNorAFolderIsAnArgumentError() {
        CliRun missing = CliRun.of("procedures", "check", "--classpath", dir.resolve("nowhere").toString(), script.toString());
        CliRun notAJar = CliRun.of("procedures", "check", "--classpath", script.toString(), script.toString());

        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("--classpath entry '" + dir.resolve("nowhere") + "' is not there");
        assertThat(notAJar.exitCode()).isEqualTo(2);
        assertThat(notAJar.err()).contains("is neither a .jar file nor a folder");
    }
}
