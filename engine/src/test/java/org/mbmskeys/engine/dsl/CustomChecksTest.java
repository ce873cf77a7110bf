package org.mbmskeys.engine.dsl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mbmskeys.engine.model.DefinitionCheck;
import org.mbmskeys.engine.model.InvalidDefinitionException;
import org.mbmskeys.engine.model.Problem;
import org.mbmskeys.engine.model.ProcedureDefinition;
import org.mbmskeys.engine.model.SourceRef;
import org.mbmskeys.engine.runtime.Engine;

/**
 * An embedder's {@link DefinitionCheck} fails a script when it is compiled or loaded, at the script's
 * position, with the same words it uses for a Java-built definition at deploy.
 */
class CustomChecksTest {

    /** The sample check: every procedure names the spec clause it implements. */
    static final DefinitionCheck NAMES_A_SPEC_CLAUSE = (definition, where) -> definition.specRef().isBlank()
            ? List.of(new Problem(definition.declaredAt(), "procedure '" + definition.name()
                    + "' names no spec clause; add spec 'TS 33.246 §...'"))
            : List.of();

    private static final String NO_CLAUSE = """
            procedure('push') {
                initial 'a'
                state('a') { on(Ack) { goTo 'done' } }
                finalState 'done'
            }
            """;

    private static final String WITH_CLAUSE = NO_CLAUSE.replace("    initial 'a'", "    spec 'TS 33.246 §6.3.2'\n    initial 'a'");

    @TempDir
    Path dir;

    private static ProcedureCompiler.Builder compiler() {
        return ProcedureCompiler.builder().imports("org.mbmskeys.engine.dsl.events.*");
    }

    @Test
    void aCompilersCheckFailsTheScriptAtItsPosition() {
        ProcedureCompiler checked = compiler().check(NAMES_A_SPEC_CLAUSE).build();

        assertThat(checked.compile("push.groovy", NO_CLAUSE).problems()).extracting(Problem::toString).containsExactly(
                "push.groovy:1:1: procedure 'push' names no spec clause; add spec 'TS 33.246 §...'");
        assertThat(checked.compile("push.groovy", WITH_CLAUSE).isValid()).isTrue();
        assertThat(compiler().build().compile("push.groovy", NO_CLAUSE).isValid()).isTrue();
    }

    @Test
    void itsProblemsAndTheBuiltInChecksAreReportedTogetherInScriptOrder() {
        ProcedureCompiler checked = compiler().check(NAMES_A_SPEC_CLAUSE).check((d, where) -> List.of(
                new Problem(where.initialState(d), "second check"))).build();

        assertThat(checked.compile("push.groovy", NO_CLAUSE.replace("finalState 'done'", "state('done') { }"))
                .problems()).extracting(Problem::toString).containsExactly(
                "push.groovy:1:1: procedure 'push' names no spec clause; add spec 'TS 33.246 §...'",
                "push.groovy:2:5: second check",
                "push.groovy:4:5: state 'done' is not final and has no way out: no transition or timer of it or of an "
                        + "enclosing state leads elsewhere; add on(...) { goTo '...' } or after(...) { goTo '...' }, or "
                        + "declare it with finalState");
    }

    @Test
    void aRepositorysCheckStopsTheLoadAndAddsToItsCompilersChecks() throws IOException {
        Files.writeString(dir.resolve("push.groovy"), NO_CLAUSE);

        assertThatThrownBy(() -> ProcedureRepository.builder().directory(dir).compiler(compiler().build())
                .check(NAMES_A_SPEC_CLAUSE).build())
                .isInstanceOf(InvalidDefinitionException.class)
                .hasMessageEndingWith("""
                        push.groovy:1:1: procedure 'push' names no spec clause; add spec 'TS 33.246 §...'
                        1 problem in 1 file""");
        Files.writeString(dir.resolve("push.groovy"), WITH_CLAUSE);
        assertThat(ProcedureRepository.builder().directory(dir).compiler(compiler().build()).check(NAMES_A_SPEC_CLAUSE)
                .build().names()).containsExactly("push");
    }

    @Test
    void aJavaBuiltDefinitionGetsTheSameWordsAtDeploy() {
        ProcedureDefinition javaBuilt = ProcedureDefinition.builder("push").declaredAt(new SourceRef("Push.java", 12, 1))
                .state("a", s -> s.on(org.mbmskeys.engine.dsl.events.Ack.class, "done"))
                .finalState("done")
                .build();

        assertThatThrownBy(() -> Engine.builder().deterministic().check(NAMES_A_SPEC_CLAUSE).procedure(javaBuilt).build())
                .isInstanceOf(InvalidDefinitionException.class)
                .hasMessage("""
                        Push.java:12:1: procedure 'push' names no spec clause; add spec 'TS 33.246 §...'
                        1 problem in 1 file""");
    }
}
