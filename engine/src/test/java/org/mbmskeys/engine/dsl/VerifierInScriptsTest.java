package org.mbmskeys.engine.dsl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mbmskeys.engine.dsl.Scripts.problems;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Verifier problems in scripts point at the word that is wrong: goTo, initial, correlateBy, after, the state. */
class VerifierInScriptsTest {

    @ParameterizedTest(name = "static={0}")
    @ValueSource(booleans = {true, false})
    void problemsPointAtTheWordThatNamesTheWrongThing(boolean statically) {
        assertThat(problems(statically, """
                procedure('t') {
                    input 'ue', String
                    correlateBy 'eu'
                    initial 'sendng'
                    state('sending') {
                        initial 'wiat'
                        state('wait') { on(Ack) { goTo 'dnoe' } }
                    }
                    finalState 'done'
                }
                """)).containsExactly(
                "t.groovy:3:5: correlation key 'eu' is not an input; did you mean 'ue'? declared inputs: ue",
                "t.groovy:4:5: initial state 'sendng' is not a state of procedure 't'; did you mean 'sending'? declared states: "
                        + "done, sending, wait",
                "t.groovy:6:9: initial child 'wiat' of state 'sending' is not one of its children; did you mean 'wait'? "
                        + "children of 'sending': wait",
                "t.groovy:7:35: on(Ack) in state 'wait' goes to 'dnoe', which is not a state; did you mean 'done'? declared "
                        + "states: done, sending, wait");
    }

    @ParameterizedTest(name = "static={0}")
    @ValueSource(booleans = {true, false})
    void structureProblemsPointAtTheStateOrTimer(boolean statically) {
        assertThat(problems(statically, """
                procedure('t') {
                    initial 'a'
                    state('a') {
                        onEntry { emit 'x' }
                        on(Ack) { goTo 'done' }
                        on(Signal) { goTo 'done' }
                        after(seconds(1)) { retry 2 }
                    }
                    state('island') { on(Ack) { goTo 'done' } }
                    state('outer') { state('x') { } }
                    finalState('done') {
                        after(millis(500)) { goTo 'a' }
                        on(Ping) { goTo 'a' }
                    }
                }
                """)).containsExactly(
                "t.groovy:1:1: procedure 't' has actions or guards, which may fail, but no error state; add errorState 'failed' "
                        + "(an instance whose action or guard throws moves there)",
                "t.groovy:6:9: on(Signal) in state 'a' would never fire: signals are matched by name; write on(signal('name')) "
                        + "{ ... }",
                "t.groovy:7:9: after(1s) in state 'a' retries 2 times but has no target for when the retries are used up; add "
                        + "goTo 'failed' (or another state)",
                "t.groovy:9:5: state 'island' is unreachable: no transition from the initial state 'a' leads to it; add goTo "
                        + "'island' to a transition, or remove the state",
                "t.groovy:10:5: state 'outer' has child states but no initial child; add initial 'x' inside state('outer') "
                        + "(children: x)",
                "t.groovy:10:5: state 'outer' is unreachable: no transition from the initial state 'a' leads to it; add goTo "
                        + "'outer' to a transition, or remove the state",
                "t.groovy:12:9: final state 'done' cannot have timers: the procedure ends there; remove after(500ms) or declare "
                        + "'done' with state(...)",
                "t.groovy:13:9: final state 'done' cannot have transitions: the procedure ends there; remove on(Ping) or "
                        + "declare 'done' with state(...)");
    }

    @ParameterizedTest(name = "static={0}")
    @ValueSource(booleans = {true, false})
    void duplicatesOfInputsVariablesAndTimersPointAtTheSecond(boolean statically) {
        assertThat(problems(statically, """
                procedure('t') {
                    input 'ue', String
                    input 'ue', String
                    variable 'n', Integer, 0
                    variable 'n', Integer, 1
                    initial 'a'
                    state('a') {
                        after(seconds(1), 'tick') { goTo 'b' }
                    }
                    state('b') {
                        after(seconds(1), 'tick') { goTo 'done' }
                    }
                    finalState 'done'
                }
                """)).containsExactly(
                "t.groovy:3:5: duplicate input 'ue': already declared at t.groovy:2:5; input names are unique",
                "t.groovy:5:5: duplicate variable 'n': already declared at t.groovy:4:5; variable names are unique",
                "t.groovy:11:9: duplicate timer 'tick': already declared in state 'a' at t.groovy:8:9; timer names are unique in "
                        + "a procedure");
    }

    @ParameterizedTest(name = "static={0}")
    @ValueSource(booleans = {true, false})
    void aStateWithoutWayOutIsReported(boolean statically) {
        assertThat(problems(statically, """
                procedure('t') {
                    initial 'a'
                    state('a') { on(Ack) { goTo 'stuck' } }
                    state('stuck') { on(Ping) { } }
                    finalState 'done'
                }
                """)).containsExactly(
                "t.groovy:4:5: state 'stuck' is not final and has no way out: no transition or timer of it or of an enclosing "
                        + "state leads elsewhere; add on(...) { goTo '...' } or after(...) { goTo '...' }, or declare it with "
                        + "finalState",
                "t.groovy:5:5: state 'done' is unreachable: no transition from the initial state 'a' leads to it; add goTo "
                        + "'done' to a transition, or remove the state");
    }
}
