package org.mbmskeys.engine.dsl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mbmskeys.engine.model.Problem;
import org.mbmskeys.engine.model.ProcedureDefinition;

/** One result per script, valid or not, with the repository's names and texts. */
class ScriptCheckerTest {

    @TempDir
    Path dir;

    private final ScriptChecker checker = ScriptChecker.using(Scripts.STATIC);

    private static String script(String name, String target) {
        return """
                procedure('%s') {
                    initial 'a'
                    state('a') { on(Ack) { goTo '%s' } }
                    finalState 'done'
                }
                """.formatted(name, target);
    }

    private Path write(String file, String text) throws IOException {
        Path path = dir.resolve(file);
        Files.createDirectories(path.getParent());
        return Files.writeString(path, text);
    }

    private static List<String> summary(List<CompileResult> results) {
        return results.stream().map(r -> r.isValid()
                ? "OK " + r.orThrow().name() + " " + Path.of(r.file()).getFileName()
                : String.join("\n", r.problems().stream().map(Problem::toString).toList())).toList();
    }

    @Test
    void checksEveryScriptBelowADirectoryInNameOrderAndReportsEachBrokenOneWithAllItsProblems() throws IOException {
        write("b.groovy", script("dir.b", "dnoe"));
        write("a.groovy", script("dir.a", "done"));
        write("sub/c.groovy", script("dir.c", "done").replace("initial 'a'", "initial 'x'"));
        write("notes.txt", "not a script");

        List<CompileResult> results = checker.check(List.of(dir));

        assertThat(results).extracting(CompileResult::file).containsExactly(
                dir.resolve("a.groovy").toString(), dir.resolve("b.groovy").toString(), dir.resolve("sub/c.groovy").toString());
        assertThat(summary(results)).containsExactly(
                "OK dir.a a.groovy",
                dir.resolve("b.groovy") + ":3:28: on(Ack) in state 'a' goes to 'dnoe', which is not a state; did you mean "
                        + "'done'? declared states: a, done",
                dir.resolve("sub/c.groovy") + ":2:5: initial state 'x' is not a state of procedure 'dir.c'; declared states: a, done");
    }

    @Test
    void aFileIsCheckedAsItIsNamedWhateverItsExtension() throws IOException {
        Path file = write("push.txt", script("file.push", "done"));

        List<CompileResult> results = checker.check(List.of(file));

        assertThat(results).singleElement().satisfies(r -> {
            assertThat(r.file()).isEqualTo(file.toString());
            assertThat(r.orThrow().name()).isEqualTo("file.push");
        });
    }

    @Test
    void aProcedureNameDeclaredByAnEarlierScriptMakesTheLaterOneInvalid() throws IOException {
        Path first = write("one/a.groovy", script("same", "done"));
        Path second = write("two/b.groovy", script("same", "done"));

        List<CompileResult> results = checker.check(List.of(dir.resolve("one"), second));

        assertThat(results.get(0).isValid()).isTrue();
        assertThat(results.get(1).problems()).map(Problem::toString).containsExactly(second + ":1:1: procedure 'same' is "
                + "already declared at " + first + ":1:1; procedure names are unique: rename one of them");
    }

    @Test
    void aPathThatCannotBeReadIsOneInvalidResultSayingWhy() {
        Path missing = dir.resolve("missing.groovy");

        List<CompileResult> results = checker.check(List.of(missing));

        assertThat(results).singleElement().satisfies(r -> {
            assertThat(r.file()).isEqualTo(missing.toString());
            assertThat(r.problems()).map(Problem::toString).containsExactly(missing + ":1:1: cannot read procedure "
                    + "scripts: NoSuchFileException: " + missing);
        });
    }

    @Test
    void checksAClasspathFolderByResourcePath() {
        List<CompileResult> results = checker.checkClasspath("procedures-test", getClass().getClassLoader());

        assertThat(results).extracting(CompileResult::file)
                .containsExactly("procedures-test/push.groovy", "procedures-test/sub/pull.groovy");
        assertThat(results).allMatch(CompileResult::isValid);
        assertThat(results).map(r -> r.orThrow().name()).containsExactly("test.push", "test.pull");
    }

    @Test
    void aClasspathFolderThatDoesNotExistHasNoScripts() {
        assertThat(checker.checkClasspath("no-such-folder", getClass().getClassLoader())).isEmpty();
    }

    @Test
    void anEmptyClasspathFolderNameIsRefused() {
        assertThatThrownBy(() -> checker.checkClasspath("/", getClass().getClassLoader()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("classpath folder '/' is empty; name the folder that holds the scripts, as in "
                        + "checkClasspath(\"procedures\", loader)");
    }

    @Test
    void aCheckUsesTheCompilersModeAndImports() throws IOException {
        Path file = write("typed.groovy", """
                procedure('typed') {
                    variable 'attempts', Integer, 0
                    initial 'a'
                    state('a') { on(Ack) { action { attempts = 'many' }; goTo 'done' } }
                    finalState 'done'
                    errorState 'failed'
                }
                """);

        assertThat(checker.check(List.of(file)).get(0).isValid()).isFalse();
        assertThat(ScriptChecker.using(Scripts.DYNAMIC).check(List.of(file)).get(0).definition())
                .get().extracting(ProcedureDefinition::name).isEqualTo("typed");
    }
}
