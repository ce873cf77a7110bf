package org.mbmskeys.engine.dsl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mbmskeys.engine.model.InvalidDefinitionException;
import org.mbmskeys.engine.model.Problem;
import org.mbmskeys.engine.model.ProcedureDefinition;

/** Shipped scripts on the class path with an operator's folder over them. */
class ScriptOverridesTest {

    @TempDir
    Path folder;

    private static final String OWN_PUSH = """
            import org.mbmskeys.engine.dsl.events.Ack

            procedure('test.push') {
                description 'the operator\\'s push: one resend only'
                input 'ue', String
                correlateBy 'ue'
                initial 'sending'
                state('sending') {
                    onEntry { send 'mikey', "key for ${input('ue')}" }
                    on(Ack) { goTo 'done' }
                    after(seconds(5)) { retry 1; goTo 'failed' }
                }
                finalState 'done'
                errorState 'failed'
            }
            """;

    private ProcedureRepository repository() {
        return ProcedureRepository.builder().classpath("procedures-test", folder).compiler(Scripts.STATIC).build();
    }

    @Test
    void withoutAnOverrideTheShippedScriptsLoadAndAMissingFolderIsNoProblem() throws IOException {
        Files.delete(folder);

        ProcedureRepository repository = repository();

        assertThat(repository.definitions()).extracting(ProcedureDefinition::name).containsExactlyInAnyOrder("test.push", "test.pull");
        assertThat(repository.current("test.push").orElseThrow().description()).isEqualTo("Sends a key and waits for its acknowledgement");
    }

    @Test
    void aScriptOfTheSameFileNameReplacesTheShippedOneAndOthersAreAdded() throws IOException {
        Files.writeString(folder.resolve("push.groovy"), OWN_PUSH);
        Files.writeString(folder.resolve("extra.groovy"), "procedure('test.extra') { initial 'done'; finalState 'done' }\n");

        ProcedureRepository repository = repository();

        assertThat(repository.definitions()).extracting(ProcedureDefinition::name)
                .containsExactlyInAnyOrder("test.push", "test.pull", "test.extra");
        ProcedureDefinition push = repository.current("test.push").orElseThrow();
        assertThat(push.description()).isEqualTo("the operator's push: one resend only");
        assertThat(push.declaredAt().file()).isEqualTo(folder.resolve("push.groovy").toString());
    }

    @Test
    void anOverrideWrittenWhileRunningIsTheProceduresNextVersionAtTheNextReload() throws IOException {
        ProcedureRepository repository = repository();
        int shipped = repository.current("test.push").orElseThrow().version();

        Files.writeString(folder.resolve("push.groovy"), OWN_PUSH);
        ReloadResult reload = repository.reloadChanged();

        assertThat(reload.problems()).isEmpty();
        assertThat(reload.loaded()).extracting(ProcedureDefinition::name).containsExactly("test.push");
        assertThat(repository.current("test.push").orElseThrow().version()).isGreaterThan(shipped);
        assertThat(repository.current("test.push").orElseThrow().description()).isEqualTo("the operator's push: one resend only");
    }

    @Test
    void anOverrideUnderAnotherFileNameIsToldTheFileNameThatReplacesTheShippedScript() throws IOException {
        Files.writeString(folder.resolve("fast-push.groovy"), OWN_PUSH);

        assertThatThrownBy(this::repository).isInstanceOf(InvalidDefinitionException.class)
                .hasMessageContaining(folder.resolve("fast-push.groovy") + ":3:1: procedure 'test.push' is already "
                        + "declared by the shipped script ")
                .hasMessageContaining("; a script of " + folder + " replaces the shipped script of the same file name: "
                        + "name yours push.groovy");
    }

    @Test
    void soIsAReloadThatFindsOneAndTheShippedScriptStays() throws IOException {
        ProcedureRepository repository = repository();

        Files.writeString(folder.resolve("fast-push.groovy"), OWN_PUSH);
        ReloadResult reload = repository.reloadChanged();

        assertThat(reload.problems()).singleElement().extracting(Problem::message).asString()
                .endsWith("replaces the shipped script of the same file name: name yours push.groovy");
        assertThat(repository.current("test.push").orElseThrow().description())
                .isEqualTo("Sends a key and waits for its acknowledgement");
    }

    @Test
    void twoScriptsOfTheOperatorDeclaringOneNameAreToldToRenameOne() throws IOException {
        Files.writeString(folder.resolve("extra.groovy"), "procedure('test.extra') { initial 'done'; finalState 'done' }\n");
        Files.writeString(folder.resolve("extra2.groovy"), "procedure('test.extra') { initial 'done'; finalState 'done' }\n");

        assertThatThrownBy(this::repository).isInstanceOf(InvalidDefinitionException.class)
                .hasMessageContaining("procedure names are unique: rename one of them")
                .hasMessageNotContaining("name yours");
    }
}
