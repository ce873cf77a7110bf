package org.mbmskeys.engine.dsl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mbmskeys.engine.dsl.Scripts.define;
import static org.mbmskeys.engine.dsl.Scripts.problems;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mbmskeys.engine.diagram.DiagramWriter;
import org.mbmskeys.engine.model.ProcedureDefinition;
import org.mbmskeys.engine.model.TransitionDefinition;

/**
 * Where a guard's label comes from: {@code guard('label') { ... }}, else the source text of a one-expression
 * condition, else none; in both compilation modes.
 */
class GuardLabelsTest {

    private static List<Optional<String>> labels(boolean statically, String stateBody) {
        ProcedureDefinition d = define(statically, procedure(stateBody));
        return d.state("a").transitions().stream().map(TransitionDefinition::guardLabel).toList();
    }

    /** Procedure 't': state 'a' with {@code stateBody} from line 4 on; 'done' final, 'failed' the error state. */
    private static String procedure(String stateBody) {
        return "procedure('t') {\n    initial 'a'\n    state('a') {\n" + stateBody + "\n    }\n"
                + "    finalState 'done'\n    errorState 'failed'\n}\n";
    }

    @ParameterizedTest(name = "static={0}")
    @ValueSource(booleans = {true, false})
    void theLabelFormGivesItsLabel(boolean statically) {
        assertThat(labels(statically, """
                        on(Ack) { guard('ack is ok') { event.ok() }; goTo 'done' }
                """)).containsExactly(Optional.of("ack is ok"));
    }

    @ParameterizedTest(name = "static={0}")
    @ValueSource(booleans = {true, false})
    void aOneExpressionConditionIsItsOwnLabel(boolean statically) {
        assertThat(labels(statically, """
                        on(Ack) { guard { event.ok() && (attempt < 3) }; goTo 'done' }
                        on(Ping) {
                            guard {
                                attempt == 0 ||
                                    attempt   >   2
                            }
                            goTo 'done'
                        }
                """)).containsExactly(Optional.of("event.ok() && (attempt < 3)"), Optional.of("attempt == 0 || attempt > 2"));
    }

    @ParameterizedTest(name = "static={0}")
    @ValueSource(booleans = {true, false})
    void aConditionOfSeveralStatementsOrWithACommentGetsNoLabel(boolean statically) {
        assertThat(labels(statically, """
                        on(Ack) { guard { def ok = event.ok(); ok }; goTo 'done' }
                        on(Ping) {
                            guard {
                                attempt == 0 || // the first time
                                    attempt > 2
                            }
                            goTo 'done'
                        }
                        on(signal('s')) { guard { /* always */ true }; goTo 'done' }
                """)).containsExactly(Optional.empty(), Optional.empty(), Optional.of("true"));
    }

    @ParameterizedTest(name = "static={0}")
    @ValueSource(booleans = {true, false})
    void aLongConditionIsCutWithAnEllipsis(boolean statically) {
        List<Optional<String>> labels = labels(statically, """
                        on(Ack) { guard { event.ok() && attempt < 3 && key != 'x' && state == 'a' && procedure == 't' }; goTo 'done' }
                """);

        assertThat(labels).containsExactly(Optional.of("event.ok() && attempt < 3 && key != 'x' && state == 'a' &&…"));
        assertThat(labels.get(0).orElseThrow()).hasSize(GuardSource.MAX_LENGTH - 1);
    }

    @ParameterizedTest(name = "static={0}")
    @ValueSource(booleans = {true, false})
    void aTimerGuardIsLabelledToo(boolean statically) {
        assertThat(labels(statically, """
                        after(seconds(5)) { guard('not the last try') { attempt < 2 }; goTo 'done' }
                        after(seconds(9)) { guard { attempt >= 2 }; goTo 'done' }
                """)).containsExactly(Optional.of("not the last try"), Optional.of("attempt >= 2"));
    }

    @ParameterizedTest(name = "static={0}")
    @ValueSource(booleans = {true, false})
    void aTransitionWithoutAGuardHasNoLabel(boolean statically) {
        assertThat(labels(statically, """
                        on(Ack) { goTo 'done' }
                        on(Ping) { guard { true }; goTo 'done' }
                """)).containsExactly(Optional.empty(), Optional.of("true"));
    }

    @ParameterizedTest(name = "static={0}")
    @ValueSource(booleans = {true, false})
    void theFirstOfTwoGuardsKeepsItsLabelAndTheSecondIsReported(boolean statically) {
        assertThat(problems(statically, procedure("""
                        on(Ack) { guard('first') { true }; guard('second') { false }; goTo 'done' }
                """))).containsExactly("t.groovy:4:44: 'guard' is given twice in an on(...) block (first at t.groovy:4:19); "
                + "a transition has one guard; combine conditions with && or ||");
    }

    @ParameterizedTest(name = "static={0}")
    @ValueSource(booleans = {true, false})
    void anEmptyLabelIsReportedWithBothFormsAllowed(boolean statically) {
        assertThat(problems(statically, procedure("""
                        on(Ack) { guard(' ') { event.ok() }; goTo 'done' }
                """))).containsExactly("t.groovy:4:19: the guard label is empty: give a short text of what the guard "
                + "checks, as in guard('ack is ok') { event.ok() }, or leave the label out: guard { event.ok() }");
    }

    @ParameterizedTest(name = "static={0}")
    @ValueSource(booleans = {true, false})
    void aLabelWithoutAConditionIsReportedWithBothForms(boolean statically) {
        assertThat(problems(statically, procedure("""
                        on(Ack) { guard 'ack is ok'; goTo 'done' }
                        on(Ping) { action { emit 'pinged' }; goTo 'done' }
                """))).containsExactly("t.groovy:4:19: guard(String) is not valid in an on(...) block: expected "
                + "guard { condition } or guard('what it checks') { condition }");
    }

    @Test
    void theDiagramShowsTheLabels() {
        ProcedureDefinition d = define(true, procedure("""
                        on(Ack) { guard('ack is ok') { event.ok() }; goTo 'done' }
                        on(Ping) { guard { attempt < 3 }; goTo 'done' }
                        on(signal('s')) { guard { def a = attempt; a < 3 }; goTo 'done' }
                """));

        assertThat(DiagramWriter.mermaid().write(d)).contains(
                "    a --> done : Ack [ack is ok]\n",
                "    a --> done : Ping [attempt #lt; 3]\n",
                "    a --> done : signal 's' [guarded]\n");
    }
}
