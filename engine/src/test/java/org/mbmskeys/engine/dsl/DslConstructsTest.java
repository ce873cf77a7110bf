package org.mbmskeys.engine.dsl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mbmskeys.engine.dsl.Scripts.define;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mbmskeys.engine.dsl.events.Ack;
import org.mbmskeys.engine.dsl.events.Ping;
import org.mbmskeys.engine.model.InputDefinition;
import org.mbmskeys.engine.model.ProcedureDefinition;
import org.mbmskeys.engine.model.RetryDefinition;
import org.mbmskeys.engine.model.SourceRef;
import org.mbmskeys.engine.model.StateDefinition;
import org.mbmskeys.engine.model.StateKind;
import org.mbmskeys.engine.model.TimerDefinition;
import org.mbmskeys.engine.model.TransitionDefinition;
import org.mbmskeys.engine.model.Trigger;
import org.mbmskeys.engine.model.VariableDefinition;

/** Each DSL construct gives the right model, compiled statically and dynamically. */
class DslConstructsTest {

    static final String EXAMPLE = """
            procedure('example.push') {
                description 'Pushes a key and waits for the acknowledgement'
                spec 'TS 33.246 §6.3.2.3'
                input 'ue', String
                correlateBy 'ue'
                variable 'attempts', Integer, 0
                initial 'sending'
                state('sending') {
                    onEntry { send 'mikey', "key for ${input('ue')}" }
                    on(Ack) { guard { event.ok() }; action { emit 'delivered' }; goTo 'done' }
                    on(signal('cancel')) { goTo 'cancelled' }
                    on(Ping) { action { reply 'pong' } }
                    after(seconds(5)) { retry 3; goTo 'failed' }
                }
                finalState 'done'
                finalState 'cancelled'
                errorState 'failed'
            }
            """;

    private static SourceRef at(int line, int column) {
        return new SourceRef("t.groovy", line, column);
    }

    @ParameterizedTest(name = "static={0}")
    @ValueSource(booleans = {true, false})
    void procedureKeywordsDescribeTheProcedure(boolean statically) {
        ProcedureDefinition d = define(statically, EXAMPLE);

        assertThat(d.name()).isEqualTo("example.push");
        assertThat(d.version()).isEqualTo(1);
        assertThat(d.description()).isEqualTo("Pushes a key and waits for the acknowledgement");
        assertThat(d.specRef()).isEqualTo("TS 33.246 §6.3.2.3");
        assertThat(d.inputs()).containsExactly(new InputDefinition("ue", String.class, at(4, 5)));
        assertThat(d.correlationKey()).contains("ue");
        assertThat(d.variables()).containsExactly(new VariableDefinition("attempts", Integer.class, 0, at(6, 5)));
        assertThat(d.initialState()).isEqualTo("sending");
        assertThat(d.errorState()).contains("failed");
        assertThat(d.declaredAt()).isEqualTo(at(1, 1));
    }

    @ParameterizedTest(name = "static={0}")
    @ValueSource(booleans = {true, false})
    void statesKeepTheirKindOrderAndPosition(boolean statically) {
        ProcedureDefinition d = define(statically, EXAMPLE);

        assertThat(d.states().keySet()).containsExactly("sending", "done", "cancelled", "failed");
        assertThat(d.states().values()).extracting(StateDefinition::kind)
                .containsExactly(StateKind.NORMAL, StateKind.FINAL, StateKind.FINAL, StateKind.ERROR);
        assertThat(d.state("sending").declaredAt()).isEqualTo(at(8, 5));
        assertThat(d.state("cancelled").declaredAt()).isEqualTo(at(16, 5));
        assertThat(d.state("sending").onEntry()).hasSize(1);
    }

    @ParameterizedTest(name = "static={0}")
    @ValueSource(booleans = {true, false})
    void transitionsCarryTriggerGuardActionsAndTarget(boolean statically) {
        List<TransitionDefinition> t = define(statically, EXAMPLE).state("sending").transitions();

        assertThat(t).extracting(TransitionDefinition::trigger).containsExactly(Trigger.event(Ack.class),
                Trigger.signal("cancel"), Trigger.event(Ping.class), Trigger.timer("sending.after1"));
        assertThat(t.get(0).guard()).isPresent();
        assertThat(t.get(0).actions()).hasSize(1);
        assertThat(t.get(0).target()).contains("done");
        assertThat(t.get(0).declaredAt()).isEqualTo(at(10, 9));
        assertThat(t.get(1).guard()).isEmpty();
        assertThat(t.get(1).target()).contains("cancelled");
    }

    @ParameterizedTest(name = "static={0}")
    @ValueSource(booleans = {true, false})
    void aTransitionWithoutGoToIsInternal(boolean statically) {
        TransitionDefinition ping = define(statically, EXAMPLE).state("sending").transitions().get(2);

        assertThat(ping.isInternal()).isTrue();
        assertThat(ping.target()).isEmpty();
        assertThat(ping.actions()).hasSize(1);
    }

    @ParameterizedTest(name = "static={0}")
    @ValueSource(booleans = {true, false})
    void afterDeclaresATimerAndItsTransitionWithABoundedRetry(boolean statically) {
        StateDefinition sending = define(statically, EXAMPLE).state("sending");

        assertThat(sending.timers()).containsExactly(new TimerDefinition("sending.after1", Duration.ofSeconds(5), at(13, 9)));
        TransitionDefinition timeout = sending.transitions().get(3);
        assertThat(timeout.retry()).contains(new RetryDefinition(3));
        assertThat(timeout.target()).contains("failed");
    }

    @ParameterizedTest(name = "static={0}")
    @ValueSource(booleans = {true, false})
    void timersAreNamedInOrderUnlessNamedExplicitly(boolean statically) {
        StateDefinition a = define(statically, Scripts.around("""
                    state('a') {
                        after(millis(250)) { goTo 'done' }
                        after(minutes(2), 'ackTimer') { goTo 'done' }
                        after(hours(1)) { goTo 'done' }
                        after(Duration.ofSeconds(7)) { goTo 'done' }
                    }""")).state("a");

        assertThat(a.timers()).extracting(TimerDefinition::name).containsExactly("a.after1", "ackTimer", "a.after3", "a.after4");
        assertThat(a.timers()).extracting(TimerDefinition::delay).containsExactly(Duration.ofMillis(250), Duration.ofMinutes(2),
                Duration.ofHours(1), Duration.ofSeconds(7));
        assertThat(a.transitions()).extracting(TransitionDefinition::trigger).containsExactly(Trigger.timer("a.after1"),
                Trigger.timer("ackTimer"), Trigger.timer("a.after3"), Trigger.timer("a.after4"));
        assertThat(a.transitions()).allSatisfy(t -> assertThat(t.retry()).isEmpty());
    }

    @ParameterizedTest(name = "static={0}")
    @ValueSource(booleans = {true, false})
    void statesNestWithAnInitialChild(boolean statically) {
        ProcedureDefinition d = define(statically, """
                procedure('nested') {
                    initial 'session'
                    state('session') {
                        initial 'waiting'
                        on(signal('stop')) { goTo 'done' }
                        state('waiting') {
                            on(Ping) { goTo 'busy' }
                        }
                        state('busy') {
                            initial 'deep'
                            state('deep') { on(Ack) { goTo 'waiting' } }
                        }
                    }
                    finalState 'done'
                }
                """);

        assertThat(d.states().keySet()).containsExactly("session", "waiting", "busy", "deep", "done");
        assertThat(d.state("session").initialChild()).contains("waiting");
        assertThat(d.state("waiting").parent()).contains("session");
        assertThat(d.state("deep").parent()).contains("busy");
        assertThat(d.entryLeaf("session")).isEqualTo("waiting");
        assertThat(d.entryLeaf("busy")).isEqualTo("deep");
        assertThat(d.path("deep")).containsExactly("deep", "busy", "session");
        assertThat(d.children("session")).extracting(StateDefinition::name).containsExactly("waiting", "busy");
    }

    @ParameterizedTest(name = "static={0}")
    @ValueSource(booleans = {true, false})
    void entryAndExitActionsKeepTheirOrder(boolean statically) {
        StateDefinition a = define(statically, Scripts.around("""
                    state('a') {
                        onEntry { emit 1 }
                        onEntry { emit 2 }
                        onExit { emit 3 }
                        on(Ack) { action { emit 4 }; action { emit 5 }; goTo 'done' }
                    }
                    errorState 'failed'""")).state("a");

        assertThat(a.onEntry()).hasSize(2);
        assertThat(a.onExit()).hasSize(1);
        assertThat(a.transitions().get(0).actions()).hasSize(2);
        assertThat(a.onEntry().get(0).toString()).isEqualTo("onEntry of state 'a' at t.groovy:4:5");
        assertThat(a.onEntry().get(1).toString()).isEqualTo("onEntry of state 'a' at t.groovy:5:5");
        assertThat(a.transitions().get(0).actions().get(1).toString()).isEqualTo("action of transition 'a' -[Ack]-> 'done' at t.groovy:7:34");
    }

    @ParameterizedTest(name = "static={0}")
    @ValueSource(booleans = {true, false})
    void finalAndErrorStatesMayHaveEntryActions(boolean statically) {
        ProcedureDefinition d = define(statically, """
                procedure('t') {
                    initial 'a'
                    state('a') { on(Ack) { goTo 'done' } }
                    finalState('done') { onEntry { emit 'delivered' } }
                    errorState('failed') { onEntry { emit 'failed' } }
                }
                """);

        assertThat(d.state("done").onEntry()).hasSize(1);
        assertThat(d.state("failed").onEntry()).hasSize(1);
        assertThat(d.state("failed").kind()).isEqualTo(StateKind.ERROR);
    }

    @ParameterizedTest(name = "static={0}")
    @ValueSource(booleans = {true, false})
    void variablesMayStartNullPrimitiveOrFromAGString(boolean statically) {
        ProcedureDefinition d = define(statically, Scripts.around("""
                    def region = 'eu'
                    variable 'lastError', String
                    variable 'count', int, 0
                    variable 'greeting', String, "hello ${region}"
                    variable 'deadline', Long, 5L
                    state('a') { on(Ack) { goTo 'done' } }"""));

        assertThat(d.variables()).extracting(VariableDefinition::name, VariableDefinition::type, VariableDefinition::initialValue)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("lastError", String.class, null),
                        org.assertj.core.groups.Tuple.tuple("count", int.class, 0),
                        org.assertj.core.groups.Tuple.tuple("greeting", String.class, "hello eu"),
                        org.assertj.core.groups.Tuple.tuple("deadline", Long.class, 5L));
    }

    @ParameterizedTest(name = "static={0}")
    @ValueSource(booleans = {true, false})
    void descriptionAndSpecDefaultToEmptyAndThereMayBeNoCorrelationKey(boolean statically) {
        ProcedureDefinition d = define(statically, """
                procedure('bare') {
                    initial 'a'
                    state('a') { on(Ack) { goTo 'done' } }
                    finalState 'done'
                }
                """);

        assertThat(d.description()).isEmpty();
        assertThat(d.specRef()).isEmpty();
        assertThat(d.correlationKey()).isEmpty();
        assertThat(d.errorState()).isEqualTo(Optional.empty());
        assertThat(d.inputs()).isEmpty();
    }

    @ParameterizedTest(name = "static={0}")
    @ValueSource(booleans = {true, false})
    void scriptsMayDeclareTheBaseScriptForTheirIdeAndImportTheirEvents(boolean statically) {
        ProcedureDefinition d = Scripts.compiler(statically).compile("t.groovy", """
                import groovy.transform.BaseScript
                import org.mbmskeys.engine.dsl.ProcedureScript
                import org.mbmskeys.engine.dsl.events.Ack as Acknowledgement

                @BaseScript ProcedureScript script

                procedure('based') {
                    initial 'a'
                    state('a') { on(Acknowledgement) { goTo 'done' } }
                    finalState 'done'
                }
                """).orThrow();

        assertThat(d.state("a").transitions().get(0).trigger()).isEqualTo(Trigger.event(Ack.class));
    }

    @ParameterizedTest(name = "static={0}")
    @ValueSource(booleans = {true, false})
    void localVariablesAndLoopsMayBuildTheStructure(boolean statically) {
        ProcedureDefinition d = define(statically, """
                procedure('generated') {
                    def steps = ['one', 'two', 'three']
                    initial 'one'
                    steps.eachWithIndex { String name, int i ->
                        state(name) {
                            on(Ack) { goTo(i + 1 < steps.size() ? steps[i + 1] : 'done') }
                        }
                    }
                    finalState 'done'
                }
                """);

        assertThat(d.states().keySet()).containsExactly("one", "two", "three", "done");
        assertThat(d.state("three").transitions().get(0).target()).contains("done");
    }
}
