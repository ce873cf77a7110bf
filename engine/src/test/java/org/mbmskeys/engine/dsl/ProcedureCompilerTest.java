package org.mbmskeys.engine.dsl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mbmskeys.engine.model.Problem;
import org.mbmskeys.engine.model.ProcedureDefinition;
import org.mbmskeys.engine.model.SourceRef;

class ProcedureCompilerTest {

    private static final String SCRIPT = """
            procedure('t') {
                initial 'a'
                state('a') {
                    onEntry { emit 'hi' }
                    on(Ack) { goTo 'done' }
                }
                finalState 'done'
                errorState 'failed'
            }
            """;

    private static Class<?> entryClass(ProcedureDefinition d) {
        return ((ClosureAction) d.state("a").onEntry().get(0)).body().getClass();
    }

    @Test
    void compilesATextOnceAndBuildsAFreshDefinitionEachTime() {
        ProcedureCompiler compiler = ProcedureCompiler.builder().imports("org.mbmskeys.engine.dsl.events.*").build();

        ProcedureDefinition first = compiler.compile("t.groovy", SCRIPT).orThrow();
        ProcedureDefinition second = compiler.compile("t.groovy", SCRIPT).orThrow();
        ProcedureDefinition changed = compiler.compile("t.groovy", SCRIPT.replace("'hi'", "'ho'")).orThrow();

        assertThat(second).isNotSameAs(first);
        assertThat(entryClass(second)).isSameAs(entryClass(first));
        assertThat(entryClass(changed)).isNotSameAs(entryClass(first));
    }

    @Test
    void givesTheDefinitionTheVersionAskedFor() {
        assertThat(Scripts.STATIC.compile("t.groovy", SCRIPT, 7).orThrow().version()).isEqualTo(7);
        assertThat(Scripts.STATIC.compile("t.groovy", SCRIPT).orThrow().version()).isEqualTo(1);
    }

    @Test
    void compilesStaticallyUnlessToldOtherwise() {
        assertThat(ProcedureCompiler.standard().compilesStatically()).isTrue();
        assertThat(ProcedureCompiler.builder().compileStatic(false).build().compilesStatically()).isFalse();
    }

    @Test
    void eventClassesNeedAnImportWithoutDefaultImports() {
        assertThat(ProcedureCompiler.standard().compile("t.groovy", SCRIPT).problems()).extracting(Problem::toString)
                .containsExactly("t.groovy:5:12: unknown name 'Ack' in a state block: no such keyword, and no class 'Ack' is "
                        + "imported; import it at the top of the script (import org.example.Ack)");
        assertThat(ProcedureCompiler.builder().imports("org.mbmskeys.engine.dsl.events.Ack").build().compile("t.groovy", SCRIPT)
                .isValid()).isTrue();
    }

    @Test
    void rejectsImportsThatAreNoClassOrPackage() {
        assertThatThrownBy(() -> ProcedureCompiler.builder().imports("org.example.")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("import 'org.example.' is not a class name or a package ending in .*, as in 'org.example.events.*' "
                        + "or 'org.example.events.Ack'");
        assertThatThrownBy(() -> ProcedureCompiler.builder().imports(" ")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aCompileResultHoldsADefinitionOrProblemsNeverBoth() {
        Problem problem = new Problem(new SourceRef("f", 1, 1), "x");
        ProcedureDefinition d = Scripts.STATIC.compile("t.groovy", SCRIPT).orThrow();

        assertThatThrownBy(() -> new CompileResult("f", Optional.empty(), List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CompileResult("f", Optional.of(d), List.of(problem)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void scriptsCannotBeRunOutsideTheCompiler() {
        ProcedureScript script = new ProcedureScript() {
            @Override
            public Object run() {
                procedure("x", null);
                return null;
            }
        };

        assertThatThrownBy(script::run).isInstanceOf(IllegalStateException.class)
                .hasMessage("procedure scripts are run by ProcedureCompiler, which prepares them");
    }
}
