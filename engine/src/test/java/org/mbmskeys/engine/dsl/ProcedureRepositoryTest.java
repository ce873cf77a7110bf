package org.mbmskeys.engine.dsl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mbmskeys.engine.model.InvalidDefinitionException;
import org.mbmskeys.engine.model.Problem;
import org.mbmskeys.engine.model.ProcedureCatalog;
import org.mbmskeys.engine.model.ProcedureDefinition;
import org.mbmskeys.engine.model.SourceRef;

class ProcedureRepositoryTest {

    @TempDir
    Path dir;

    private static String script(String name, String target) {
        return """
                procedure('%s') {
                    initial 'a'
                    state('a') { on(Ack) { goTo '%s' } }
                    finalState 'done'
                }
                """.formatted(name, target);
    }

    /** A valid change of {@link #script}: same procedure, another description. */
    private static String changed(String name) {
        return script(name, "done").replace("    initial 'a'", "    description 'changed'\n    initial 'a'");
    }

    private Path write(String file, String text) throws IOException {
        Path path = dir.resolve(file);
        Files.createDirectories(path.getParent());
        return Files.writeString(path, text);
    }

    private ProcedureRepository.Builder fromDir() {
        return ProcedureRepository.builder().directory(dir).compiler(Scripts.STATIC);
    }

    /** Records what a reload told its listeners. */
    static final class Recorder implements ReloadListener {
        final List<String> events = new ArrayList<>();

        @Override
        public void loaded(ProcedureDefinition definition) {
            events.add("loaded " + definition.name() + " v" + definition.version());
        }

        @Override
        public void rejected(String file, List<Problem> problems) {
            events.add("rejected " + Path.of(file).getFileName() + " (" + problems.size() + ")");
        }

        @Override
        public void removed(String name) {
            events.add("removed " + name);
        }
    }

    @Test
    void loadsEveryScriptBelowAClasspathFolder() {
        ProcedureRepository repository = ProcedureRepository.builder()
                .classpath("/procedures-test/", getClass().getClassLoader()).build();

        assertThat(repository.names()).containsExactlyInAnyOrder("test.push", "test.pull");
        assertThat(repository.current("test.push")).get().extracting(ProcedureDefinition::declaredAt)
                .isEqualTo(new SourceRef("procedures-test/push.groovy", 3, 1));
        assertThat(repository.current("test.pull")).get().extracting(d -> d.declaredAt().file())
                .isEqualTo("procedures-test/sub/pull.groovy");
        assertThat(repository.definitions()).allSatisfy(d -> assertThat(d.version()).isEqualTo(1));
    }

    @Test
    void loadsScriptsFromAJarOnTheClassPath() throws IOException {
        Path jar = dir.resolve("procedures.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            out.putNextEntry(new JarEntry("procs/"));
            out.putNextEntry(new JarEntry("procs/ue/jarred.groovy"));
            out.write(("import org.mbmskeys.engine.dsl.events.Ack\n" + script("test.jarred", "done")).getBytes(StandardCharsets.UTF_8));
            out.putNextEntry(new JarEntry("other/ignored.groovy"));
            out.write("not a procedure".getBytes(StandardCharsets.UTF_8));
        }
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, getClass().getClassLoader())) {
            ProcedureRepository repository = ProcedureRepository.builder().classpath("procs", loader).build();

            assertThat(repository.names()).containsExactly("test.jarred");
            assertThat(repository.current("test.jarred").orElseThrow().declaredAt().file()).isEqualTo("procs/ue/jarred.groovy");
        }
    }

    @Test
    void loadsScriptsFromADirectoryAndItsSubdirectories() throws IOException {
        Path a = write("a.groovy", script("dir.a", "done"));
        Path b = write("nested/b.groovy", script("dir.b", "done"));
        write("notes.txt", "not a script");

        ProcedureRepository repository = fromDir().build();

        assertThat(repository.names()).containsExactly("dir.a", "dir.b");
        assertThat(repository.current("dir.a").orElseThrow().declaredAt().file()).isEqualTo(a.toString());
        assertThat(repository.current("dir.b").orElseThrow().declaredAt().file()).isEqualTo(b.toString());
    }

    @Test
    void combinesTheClassPathAndADirectory() throws IOException {
        write("extra.groovy", script("dir.extra", "done"));

        ProcedureCatalog catalog = fromDir().classpath("procedures-test").build();

        assertThat(catalog.names()).containsExactlyInAnyOrder("dir.extra", "test.push", "test.pull");
    }

    @Test
    void buildListsEveryProblemOfEveryScriptTogether() throws IOException {
        Path broken = write("broken.groovy", script("dir.broken", "dnoe"));
        Path typo = write("typo.groovy", """
                procedure('dir.typo') {
                    desription 'x'
                    initial 'a'
                    state('a') { on(Ack) { goTo 'done' } }
                    finalState 'done'
                }
                """);
        write("first.groovy", script("dir.same", "done"));
        Path second = write("second.groovy", script("dir.same", "done"));

        assertThatThrownBy(() -> fromDir().build()).isInstanceOf(InvalidDefinitionException.class).hasMessage(
                broken + ":3:28: on(Ack) in state 'a' goes to 'dnoe', which is not a state; did you mean 'done'? declared "
                        + "states: a, done\n"
                        + second + ":1:1: procedure 'dir.same' is already declared at " + dir.resolve("first.groovy")
                        + ":1:1; procedure names are unique: rename one of them\n"
                        + typo + ":2:5: unknown keyword 'desription' in the procedure block; did you mean 'description'? "
                        + "allowed here: " + DslProblemsTest.PROCEDURE_WORDS + "\n"
                        + "3 problems in 3 files");
    }

    @Test
    void aMissingDirectoryIsAProblemToo() {
        Path missing = dir.resolve("nope");

        assertThatThrownBy(() -> ProcedureRepository.builder().directory(missing).build())
                .isInstanceOf(InvalidDefinitionException.class)
                .hasMessage(missing + ":1:1: cannot read procedure scripts: NoSuchFileException: " + missing
                        + ": not a directory\n1 problem in 1 file");
    }

    @Test
    void needsSomewhereToLoadFrom() {
        assertThatThrownBy(() -> ProcedureRepository.builder().build()).isInstanceOf(IllegalStateException.class)
                .hasMessage("a procedure repository needs somewhere to load scripts from: add classpath(\"procedures\") "
                        + "and/or directory(path)");
        assertThatThrownBy(() -> ProcedureRepository.builder().classpath("/")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("classpath folder '/' is empty; name the folder that holds the scripts, as in classpath(\"procedures\")");
    }

    @Test
    void reloadWithoutChangesKeepsEverything() throws IOException {
        write("a.groovy", script("dir.a", "done"));
        ProcedureRepository repository = fromDir().build();
        ProcedureDefinition before = repository.current("dir.a").orElseThrow();

        ReloadResult result = repository.reloadChanged();

        assertThat(result.changed()).isFalse();
        assertThat(result.problems()).isEmpty();
        assertThat(repository.current("dir.a")).containsSame(before);
    }

    @Test
    void aChangedScriptBecomesTheNextVersionWhileTheOldOneStaysFindable() throws IOException {
        write("a.groovy", script("dir.a", "done"));
        Recorder recorder = new Recorder();
        ProcedureRepository repository = fromDir().listener(recorder).build();
        ProcedureDefinition v1 = repository.current("dir.a").orElseThrow();

        write("a.groovy", changed("dir.a"));
        ReloadResult result = repository.reloadChanged();

        ProcedureDefinition v2 = repository.current("dir.a").orElseThrow();
        assertThat(v2.version()).isEqualTo(2);
        assertThat(v2.description()).isEqualTo("changed");
        assertThat(v1.description()).isEmpty();
        assertThat(result.loaded()).containsExactly(v2);
        assertThat(repository.find("dir.a", 1)).containsSame(v1);
        assertThat(repository.find("dir.a", 2)).containsSame(v2);
        assertThat(repository.find("dir.a", 3)).isEmpty();
        assertThat(recorder.events).containsExactly("loaded dir.a v2");
    }

    @Test
    void aBrokenChangeIsRejectedAndTheCurrentVersionStays() throws IOException {
        Path file = write("a.groovy", script("dir.a", "done"));
        Recorder recorder = new Recorder();
        ProcedureRepository repository = fromDir().listener(recorder).build();

        write("a.groovy", script("dir.a", "dnoe"));
        ReloadResult rejected = repository.reloadChanged();

        assertThat(rejected.changed()).isFalse();
        assertThat(rejected.problems()).extracting(Problem::toString).containsExactly(
                file + ":3:28: on(Ack) in state 'a' goes to 'dnoe', which is not a state; did you mean 'done'? declared states: "
                        + "a, done");
        assertThat(repository.current("dir.a").orElseThrow().version()).isEqualTo(1);

        write("a.groovy", changed("dir.a"));
        ReloadResult fixed = repository.reloadChanged();

        assertThat(fixed.loaded()).extracting(ProcedureDefinition::version).containsExactly(2);
        assertThat(recorder.events).containsExactly("rejected a.groovy (1)", "loaded dir.a v2");
    }

    @Test
    void aBrokenScriptIsRetriedOnEveryReloadUntilFixed() throws IOException {
        write("a.groovy", script("dir.a", "done"));
        ProcedureRepository repository = fromDir().build();
        write("a.groovy", script("dir.a", "dnoe"));

        assertThat(repository.reloadChanged().problems()).hasSize(1);
        assertThat(repository.reloadChanged().problems()).hasSize(1);
    }

    @Test
    void newScriptsAreAddedAndDeletedOnesRemovedWhileTheirVersionsStayFindable() throws IOException {
        Path a = write("a.groovy", script("dir.a", "done"));
        Recorder recorder = new Recorder();
        ProcedureRepository repository = fromDir().listener(recorder).build();
        ProcedureDefinition v1 = repository.current("dir.a").orElseThrow();

        write("b.groovy", script("dir.b", "done"));
        Files.delete(a);
        ReloadResult result = repository.reloadChanged();

        assertThat(result.removed()).containsExactly("dir.a");
        assertThat(result.loaded()).extracting(ProcedureDefinition::name, ProcedureDefinition::version)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("dir.b", 1));
        assertThat(repository.names()).containsExactly("dir.b");
        assertThat(repository.current("dir.a")).isEmpty();
        assertThat(repository.find("dir.a", 1)).containsSame(v1);
        assertThat(recorder.events).containsExactly("removed dir.a", "loaded dir.b v1");

        write("a.groovy", script("dir.a", "done"));
        assertThat(repository.reloadChanged().loaded()).extracting(ProcedureDefinition::version).containsExactly(2);
    }

    @Test
    void aScriptThatRenamesItsProcedureReplacesTheOldName() throws IOException {
        write("a.groovy", script("dir.old", "done"));
        ProcedureRepository repository = fromDir().build();

        write("a.groovy", script("dir.new", "done"));
        ReloadResult result = repository.reloadChanged();

        assertThat(result.removed()).containsExactly("dir.old");
        assertThat(repository.names()).containsExactly("dir.new");
    }

    @Test
    void aProcedureMayMoveToAnotherFileInOneReload() throws IOException {
        Path a = write("a.groovy", script("dir.a", "done"));
        ProcedureRepository repository = fromDir().build();

        Files.delete(a);
        write("renamed.groovy", script("dir.a", "done"));
        ReloadResult result = repository.reloadChanged();

        assertThat(result.problems()).isEmpty();
        assertThat(repository.current("dir.a").orElseThrow().version()).isEqualTo(2);
        assertThat(repository.current("dir.a").orElseThrow().declaredAt().file()).isEqualTo(dir.resolve("renamed.groovy").toString());
    }

    @Test
    void aReloadedScriptMayNotTakeAnotherScriptsName() throws IOException {
        Path first = write("a.groovy", script("dir.a", "done"));
        ProcedureRepository repository = fromDir().build();

        Path copy = write("copy.groovy", script("dir.a", "done"));
        ReloadResult result = repository.reloadChanged();

        assertThat(result.problems()).extracting(Problem::toString).containsExactly(copy + ":1:1: procedure 'dir.a' is already "
                + "declared at " + first + ":1:1; procedure names are unique: rename one of them");
        assertThat(repository.current("dir.a").orElseThrow().version()).isEqualTo(1);
    }

    @Test
    void anUnreadableSourceDuringAReloadRemovesNothing() throws IOException {
        write("a.groovy", script("dir.a", "done"));
        ProcedureRepository repository = fromDir().build();

        Files.delete(dir.resolve("a.groovy"));
        Files.delete(dir);
        ReloadResult result = repository.reloadChanged();

        assertThat(result.problems()).singleElement().asString().contains("cannot read procedure scripts: NoSuchFileException");
        assertThat(result.removed()).isEmpty();
        assertThat(repository.names()).containsExactly("dir.a");
        Files.createDirectories(dir); // for @TempDir cleanup
    }

    @Test
    void aDefinitionsFingerprintIsItsScriptTextSoARebuiltRepositoryTellsAnEditFromTheOriginal() throws IOException {
        write("a.groovy", script("dir.a", "done"));
        ProcedureDefinition original = fromDir().build().current("dir.a").orElseThrow();

        write("a.groovy", script("dir.a", "done").replace("\n", "\r\n"));
        ProcedureDefinition sameText = fromDir().build().current("dir.a").orElseThrow();
        write("a.groovy", changed("dir.a"));
        ProcedureDefinition edited = fromDir().build().current("dir.a").orElseThrow();

        assertThat(original.fingerprint()).isEqualTo(org.mbmskeys.engine.model.Fingerprints.ofText(script("dir.a", "done")))
                .matches("[0-9a-f]{16}");
        assertThat(sameText.fingerprint()).isEqualTo(original.fingerprint());
        assertThat(edited.version()).isEqualTo(original.version());
        assertThat(edited.fingerprint()).isNotEqualTo(original.fingerprint());
    }

    @Test
    void aReloadKeepsTheFingerprintOfTheNewTextUnderTheNextVersion() throws IOException {
        write("a.groovy", script("dir.a", "done"));
        ProcedureRepository repository = fromDir().build();

        write("a.groovy", changed("dir.a"));
        repository.reloadChanged();

        assertThat(repository.current("dir.a").orElseThrow().fingerprint())
                .isEqualTo(org.mbmskeys.engine.model.Fingerprints.ofText(changed("dir.a")));
    }

    @Test
    void aListenerAddedAfterTheBuildIsToldUntilItIsRemoved() throws IOException {
        write("a.groovy", script("dir.a", "done"));
        ProcedureRepository repository = fromDir().build();
        Recorder recorder = new Recorder();
        repository.addListener(recorder);

        write("a.groovy", changed("dir.a"));
        repository.reloadChanged();
        repository.removeListener(recorder);
        write("a.groovy", script("dir.a", "done"));
        repository.reloadChanged();

        assertThat(recorder.events).containsExactly("loaded dir.a v2");
    }

    @Test
    void anOverrideReplacesTheShippedScriptOfTheSameFileNameAsItsNextVersion() throws IOException {
        Recorder recorder = new Recorder();
        ProcedureRepository repository = ProcedureRepository.builder().classpath("procedures-test", dir)
                .compiler(Scripts.STATIC).listener(recorder).build();
        assertThat(repository.current("test.push")).map(ProcedureDefinition::version).contains(1);

        write("push.groovy", changed("test.push"));
        ReloadResult result = repository.reloadChanged();

        assertThat(result.problems()).isEmpty();
        assertThat(repository.current("test.push")).map(ProcedureDefinition::version).contains(2);
        assertThat(repository.current("test.push")).map(ProcedureDefinition::description).contains("changed");
        assertThat(repository.names()).contains("test.pull");
    }

    @Test
    void aBrokenOverrideIsRejectedAndTheShippedVersionStays() throws IOException {
        Recorder recorder = new Recorder();
        ProcedureRepository repository = ProcedureRepository.builder().classpath("procedures-test", dir)
                .compiler(Scripts.STATIC).listener(recorder).build();
        ProcedureDefinition shipped = repository.current("test.push").orElseThrow();

        write("push.groovy", "procedure('test.push') {\n    initial 'a'\n");
        ReloadResult broken = repository.reloadChanged();
        ReloadResult again = repository.reloadChanged();

        assertThat(broken.problems()).isNotEmpty().allSatisfy(p -> assertThat(p.where().file()).endsWith("push.groovy"));
        assertThat(broken.removed()).as("the shipped procedure is not removed by a broken override").isEmpty();
        assertThat(again.removed()).isEmpty();
        assertThat(again.problems()).as("the broken file is still there: reported again").isNotEmpty();
        assertThat(repository.current("test.push")).containsSame(shipped);
        assertThat(recorder.events).containsExactly("rejected push.groovy (" + broken.problems().size() + ")",
                "rejected push.groovy (" + again.problems().size() + ")");

        write("push.groovy", changed("test.push"));
        ReloadResult fixed = repository.reloadChanged();

        assertThat(fixed.problems()).isEmpty();
        assertThat(repository.current("test.push")).map(ProcedureDefinition::version).contains(2);
    }

    @Test
    void deletingABrokenOverrideLeavesTheShippedScript() throws IOException {
        ProcedureRepository repository = ProcedureRepository.builder().classpath("procedures-test", dir)
                .compiler(Scripts.STATIC).build();
        ProcedureDefinition shipped = repository.current("test.push").orElseThrow();
        Path override = write("push.groovy", "procedure('test.push') {\n");
        repository.reloadChanged();

        Files.delete(override);
        ReloadResult result = repository.reloadChanged();

        assertThat(result.problems()).isEmpty();
        assertThat(result.removed()).isEmpty();
        assertThat(repository.current("test.push")).containsSame(shipped);
    }
}
