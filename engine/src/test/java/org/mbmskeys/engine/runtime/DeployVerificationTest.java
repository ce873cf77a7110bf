package org.mbmskeys.engine.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.mbmskeys.engine.Harness;
import org.mbmskeys.engine.OnBothBackends;
import org.mbmskeys.engine.TestEvents.Go;
import org.mbmskeys.engine.model.DefinitionCheck;
import org.mbmskeys.engine.model.InvalidDefinitionException;
import org.mbmskeys.engine.model.Problem;
import org.mbmskeys.engine.model.ProcedureDefinition;
import org.mbmskeys.engine.model.SourceRef;
import org.mbmskeys.engine.spi.ManualScheduler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;

/**
 * Every definition is verified when it is deployed, a Java-built one as a scripted one: the built-in checks
 * (reachability and ways out included) with the words the script compiler uses, then the embedder's.
 */
@OnBothBackends
class DeployVerificationTest {

    /** The sample embedder check: every procedure names the spec clause it implements. */
    static final DefinitionCheck NAMES_A_SPEC_CLAUSE = (definition, where) -> definition.specRef().isBlank()
            ? List.of(new Problem(definition.declaredAt(), "procedure '" + definition.name()
                    + "' names no spec clause; add spec 'TS 33.246 §...'"))
            : List.of();

    @Parameter
    String backend;

    private Engine engine(DefinitionCheck... checks) {
        EngineBuilder b = Engine.builder().deterministic().lanes(1).scheduler(new ManualScheduler()).backend(backend);
        for (DefinitionCheck c : checks) {
            b.check(c);
        }
        return b.build();
    }

    @Test
    void aJavaBuiltDefinitionWithAnUnreachableStateAndNoWayOutIsNotDeployed() {
        ProcedureDefinition p = ProcedureDefinition.builder("p").declaredAt(new SourceRef("P.java", 10, 1))
                .state("a", s -> s.declaredAt(new SourceRef("P.java", 11, 1)).on(Go.class, "b"))
                .state("b", s -> s.declaredAt(new SourceRef("P.java", 12, 1)))
                .state("lost", s -> s.declaredAt(new SourceRef("P.java", 13, 1)).on(Go.class, "a"))
                .build();
        Engine engine = engine();

        assertThatThrownBy(() -> engine.deploy(p))
                .isInstanceOf(InvalidDefinitionException.class)
                .hasMessage("""
                        P.java:13:1: state 'lost' is unreachable: no transition from the initial state 'a' leads to it; add \
                        goTo 'lost' to a transition, or remove the state
                        P.java:12:1: state 'b' is not final and has no way out: no transition or timer of it or of an \
                        enclosing state leads elsewhere; add on(...) { goTo '...' } or after(...) { goTo '...' }, or declare \
                        it with finalState
                        2 problems in 1 file""");
        assertThat(engine.procedures()).isEmpty();
    }

    @Test
    void everyProblemOfEveryDefinitionStopsTheBuild() {
        ProcedureDefinition unknownTarget = ProcedureDefinition.builder("p")
                .state("a", s -> s.on(Go.class, t -> t.to("nowhere").declaredAt(new SourceRef("P.java", 7, 1))))
                .build();

        assertThatThrownBy(() -> Harness.of(backend, unknownTarget))
                .isInstanceOf(InvalidDefinitionException.class)
                .hasMessage("""
                        P.java:7:1: on(Go) in state 'a' goes to 'nowhere', which is not a state; declared states: a
                        1 problem in 1 file""");
    }

    @Test
    void aJavaBuiltDefinitionIsPositionedAtTheJavaLineThatDeclaredIt() {
        ProcedureDefinition p = ProcedureDefinition.builder("p")
                .state("a", s -> s.on(Go.class, "b"))
                .state("b")   // the line reported below
                .build();

        assertThatThrownBy(() -> Harness.of(backend, p))
                .isInstanceOfSatisfying(InvalidDefinitionException.class, e -> assertThat(e.problems())
                        .extracting(problem -> problem.where().file() + ":" + problem.where().line())
                        .containsExactly("DeployVerificationTest.java:" + (lineOf("the line reported below"))));
    }

    @Test
    void anEmbeddersCheckRunsAfterTheBuiltInOnesOnEveryDeploy() {
        ProcedureDefinition noClause = ProcedureDefinition.builder("push").declaredAt(new SourceRef("Push.java", 3, 1))
                .state("a", s -> s.on(Go.class, "done"))
                .finalState("done")
                .build();
        ProcedureDefinition withClause = ProcedureDefinition.builder("push").specRef("TS 33.246 §6.3.2")
                .state("a", s -> s.on(Go.class, "done"))
                .finalState("done")
                .build();
        Engine engine = engine(NAMES_A_SPEC_CLAUSE);

        assertThatThrownBy(() -> engine.deploy(noClause))
                .isInstanceOf(InvalidDefinitionException.class)
                .hasMessage("""
                        Push.java:3:1: procedure 'push' names no spec clause; add spec 'TS 33.246 §...'
                        1 problem in 1 file""");
        engine.deploy(withClause);
        engine.start("push", "k", Map.of());
        assertThat(engine.procedures()).containsExactly("push");
    }

    @Test
    void withoutTheCheckTheSameDefinitionDeploys() {
        ProcedureDefinition noClause = ProcedureDefinition.builder("push")
                .state("a", s -> s.on(Go.class, "done"))
                .finalState("done")
                .build();

        engine().deploy(noClause);
    }

    /** The line of this file that ends with the comment {@code marker}. */
    private static int lineOf(String marker) {
        try {
            List<String> lines = java.nio.file.Files.readAllLines(java.nio.file.Path.of(
                    "src/test/java/org/mbmskeys/engine/runtime/DeployVerificationTest.java"));
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).endsWith("// " + marker) && !lines.get(i).contains("lineOf")) {
                    return i + 1;
                }
            }
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        throw new IllegalStateException("no line ends with // " + marker);
    }
}
