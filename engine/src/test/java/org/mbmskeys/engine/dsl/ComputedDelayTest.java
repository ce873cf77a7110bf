package org.mbmskeys.engine.dsl;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mbmskeys.engine.diagram.DiagramWriter;
import org.mbmskeys.engine.model.ProcedureDefinition;
import org.mbmskeys.engine.testkit.ProcedureTestKit;

/**
 * {@code after(delay('label') { ... })}: a timer whose delay is computed from the instance each time it is
 * armed (an announced back-off, a Retry-After), read only like a guard, on both backends.
 */
class ComputedDelayTest {

    private static final String SCRIPT = """
            procedure('t') {
                input 'wait', Long
                variable 'tries', Integer, 0
                initial 'waiting'
                state('waiting') {
                    onEntry { send 'out', "waiting ${tries}" }
                    after(delay('announced back-off') { seconds(input('wait') * (tries + 1)) }, 'backOff') {
                        retry 2
                        action { tries = tries + 1 }
                        goTo 'done'
                    }
                }
                finalState 'done'
                errorState 'failed'
            }
            """;

    @ParameterizedTest
    @CsvSource({"true, native", "true, spring", "false, native", "false, spring"})
    void theDelayIsComputedFromTheInstanceEachTimeTheTimerIsArmed(boolean statically, String backend) {
        ProcedureDefinition definition = Scripts.define(statically, SCRIPT);
        ProcedureTestKit kit = ProcedureTestKit.of(definition, b -> b.backend(backend));

        kit.start(Map.of("wait", 10L));
        kit.advance(Duration.ofMillis(9_999));
        assertThat(kit.sent("out")).containsExactly("waiting 0");
        kit.advance(Duration.ofMillis(1));   // 10 s: first retry (tries is still 0: a retry runs no action)
        assertThat(kit.sent("out")).containsExactly("waiting 0", "waiting 0");
        kit.advance(Duration.ofSeconds(20)).expectEnded("done");
        assertThat(kit.sent("out")).hasSize(3);
    }

    @ParameterizedTest
    @CsvSource({"true, native", "true, spring", "false, native", "false, spring"})
    void aDelayThatIsNotAPositiveDurationFailsTheStepIntoTheErrorState(boolean statically, String backend) {
        ProcedureDefinition definition = Scripts.define(statically, SCRIPT);
        ProcedureTestKit kit = ProcedureTestKit.of(definition, b -> b.backend(backend));

        kit.start(Map.of("wait", 0L)).expectEnded("failed");
        assertThat(kit.failure()).get().asString().contains("announced back-off").contains("must be positive");
    }

    @ParameterizedTest
    @CsvSource({"true", "false"})
    void aDelayOnlyReadsLikeAGuard(boolean statically) {
        List<String> problems = Scripts.problems(statically, Scripts.around("""
                    variable 'tries', Integer, 0
                    state('a') { after(delay { tries = 3; seconds(1) }) { goTo 'done' } }
                """));
        assertThat(problems).singleElement().asString()
                .contains("a delay cannot assign variable 'tries'").contains("a delay only reads");
    }

    @ParameterizedTest
    @CsvSource({"true", "false"})
    void diagramsShowTheLabelOrTheSourceText(boolean statically) {
        ProcedureDefinition labelled = Scripts.define(statically, SCRIPT);
        ProcedureDefinition unlabelled = Scripts.define(statically, Scripts.around("""
                    input 'wait', Long
                    state('a') { after(delay { seconds(input('wait')) }) { goTo 'done' } }
                """));

        assertThat(DiagramWriter.mermaid().write(labelled)).contains("after announced back-off");
        assertThat(DiagramWriter.mermaid().write(unlabelled)).contains("after seconds(input('wait'))");
    }
}
