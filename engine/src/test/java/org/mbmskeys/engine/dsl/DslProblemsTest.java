package org.mbmskeys.engine.dsl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mbmskeys.engine.dsl.Scripts.problems;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mbmskeys.engine.model.InvalidDefinitionException;
import org.mbmskeys.engine.model.Problem;

/**
 * Every problem the DSL itself reports, with its exact text and position. Statically and dynamically
 * compiled scripts must report the same text: the tests run in both modes.
 */
class DslProblemsTest {

    static final String PROCEDURE_WORDS = "correlateBy, description, errorState, finalState, initial, input, spec, state, variable";
    static final String STATE_WORDS = "after, delay, hours, initial, millis, minutes, on, onEntry, onExit, seconds, signal, state";
    static final String ACTION_WORDS = "attempt, context, emit, event, get, hours, input, key, millis, minutes, now, procedure, "
            + "random, reply, restartTimer, seconds, send, service, set, signal, start, state";

    @ParameterizedTest(name = "static={0}")
    @ValueSource(booleans = {true, false})
    void unknownKeywordAtTheTopLevel(boolean statically) {
        assertThat(problems(statically, """
                procedur('t') {
                }
                """)).containsExactly(
                "t.groovy:1:1: unknown keyword 'procedur' at the top level of the script; did you mean 'procedure'? "
                        + "allowed here: procedure",
                "t.groovy:1:1: the script declares no procedure; expected procedure('name') { ... }");
    }

    @ParameterizedTest(name = "static={0}")
    @ValueSource(booleans = {true, false})
    void unknownKeywordsInEachBlockSayWhatIsAllowedThereAndSuggestTheClosest(boolean statically) {
        assertThat(problems(statically, """
                procedure('t') {
                    desription 'x'
                    initial 'a'
                    state('a') {
                        onentry { }
                        on(Ack) { gard { true }; goTo 'done' }
                        after(seconds(1)) { rety 3; goTo 'done' }
                    }
                    finalState 'done'
                }
                """)).containsExactly(
                "t.groovy:2:5: unknown keyword 'desription' in the procedure block; did you mean 'description'? allowed here: "
                        + PROCEDURE_WORDS,
                "t.groovy:5:9: unknown keyword 'onentry' in a state block; did you mean 'onEntry'? allowed here: " + STATE_WORDS,
                "t.groovy:6:19: unknown keyword 'gard' in an on(...) block; did you mean 'guard'? allowed here: action, goTo, guard",
                "t.groovy:7:29: unknown keyword 'rety' in an after(...) block; did you mean 'retry'? allowed here: action, goTo, "
                        + "guard, hours, millis, minutes, retry, seconds");
    }

    @ParameterizedTest(name = "static={0}")
    @ValueSource(booleans = {true, false})
    void keywordsOfAnotherBlockSayWhereTheyBelong(boolean statically) {
        assertThat(problems(statically, """
                procedure('t') {
                    initial 'a'
                    seconds(5)
                    procedure('inner') { }
                    state('a') {
                        on(Ack) { retry 3; goTo 'done' }
                        goTo 'done'
                        send 'mikey', 'x'
                        event
                    }
                    finalState 'done'
                }
                """)).containsExactly(
                "t.groovy:3:5: 'seconds' is not allowed in the procedure block: it belongs in a state block; allowed here: "
                        + PROCEDURE_WORDS,
                "t.groovy:4:5: 'procedure' is not allowed in the procedure block: it belongs at the top level of the script; "
                        + "allowed here: " + PROCEDURE_WORDS,
                "t.groovy:6:19: 'retry' is not allowed in an on(...) block: it belongs in an after(...) block; allowed here: "
                        + "action, goTo, guard",
                "t.groovy:7:9: 'goTo' is not allowed in a state block: it belongs in an on(...) block; allowed here: " + STATE_WORDS,
                "t.groovy:8:9: 'send' is not allowed in a state block: it belongs in an action block; allowed here: " + STATE_WORDS,
                "t.groovy:9:9: 'event' is not allowed in a state block: it belongs in an action block; allowed here: " + STATE_WORDS);
    }

    @ParameterizedTest(name = "static={0}")
    @ValueSource(booleans = {true, false})
    void wrongArgumentsSayWhatTheKeywordExpects(boolean statically) {
        assertThat(problems(statically, """
                procedure('t') {
                    input 'ue'
                    variable 'n'
                    initial 'a'
                    state('a') {
                        on(42) { goTo 'done' }
                        on('x') { goTo 'done' }
                        after(5) { goTo 'done' }
                        on(Ack) { goTo 'done' }
                    }
                    state('b')
                    finalState 'done'
                }
                """)).containsExactly(
                "t.groovy:2:5: input(String) is not valid in the procedure block: expected input 'name', Type",
                "t.groovy:3:5: variable(String) is not valid in the procedure block: expected variable 'name', Type or "
                        + "variable 'name', Type, initialValue",
                "t.groovy:6:9: on(Integer, Closure) is not valid in a state block: expected an event class or signal('name'), "
                        + "as in on(Ack) { ... } or on(signal('cancel')) { ... }",
                "t.groovy:7:9: on(String, Closure) is not valid in a state block: expected an event class or signal('name'), "
                        + "as in on(Ack) { ... } or on(signal('cancel')) { ... }",
                "t.groovy:8:9: after(Integer, Closure) is not valid in a state block: expected a duration, as in "
                        + "after(seconds(5)) { ... } or after(seconds(5), 'timerName') { ... }",
                "t.groovy:11:5: state(String) is not valid in the procedure block: expected state('name') { ... }");
    }

    @ParameterizedTest(name = "static={0}")
    @ValueSource(booleans = {true, false})
    void anUnimportedEventClassIsReportedOnce(boolean statically) {
        assertThat(problems(statically, """
                procedure('t') {
                    initial 'a'
                    state('a') {
                        on(Akc) { goTo 'done' }
                        on(Ack) { goTo 'done' }
                    }
                    finalState 'done'
                }
                """)).containsExactly("t.groovy:4:12: unknown name 'Akc' in a state block: no such keyword, and no class 'Akc' "
                + "is imported; import it at the top of the script (import org.example.Akc)");
    }

    @ParameterizedTest(name = "static={0}")
    @ValueSource(booleans = {true, false})
    void aKeywordWithoutItsArgument(boolean statically) {
        assertThat(problems(statically, """
                procedure('t') {
                    description
                    initial 'a'
                    state('a') {
                        on(Ack) { goTo }
                        on(Ping) { goTo 'done' }
                    }
                    finalState 'done'
                }
                """)).containsExactly(
                "t.groovy:2:5: description is not valid in the procedure block without arguments: expected description "
                        + "'what the procedure does'",
                "t.groovy:5:19: goTo is not valid in an on(...) block without arguments: expected goTo 'stateName'");
    }

    @ParameterizedTest(name = "static={0}")
    @ValueSource(booleans = {true, false})
    void theBuildsInternalsAreNotReachableFromAScript(boolean statically) {
        assertThat(problems(statically, """
                procedure('t') {
                    states
                    context
                    here('x')
                    initial 'a'
                    state('a') {
                        name
                        on(Ack) { target; goTo 'done' }
                    }
                    finalState 'done'
                }
                """)).containsExactly(
                "t.groovy:2:5: unknown keyword 'states' in the procedure block; did you mean 'state'? allowed here: "
                        + PROCEDURE_WORDS,
                "t.groovy:3:5: 'context' is not allowed in the procedure block: it belongs in an action block; allowed here: "
                        + PROCEDURE_WORDS,
                "t.groovy:4:5: unknown keyword 'here' in the procedure block; allowed here: " + PROCEDURE_WORDS,
                "t.groovy:7:9: unknown keyword 'name' in a state block; allowed here: " + STATE_WORDS,
                "t.groovy:8:19: unknown keyword 'target' in an on(...) block; allowed here: action, goTo, guard");
    }

    @ParameterizedTest(name = "static={0}")
    @ValueSource(booleans = {true, false})
    void keywordsThatAreGivenOnceSayWhereTheFirstWas(boolean statically) {
        assertThat(problems(statically, """
                procedure('t') {
                    description 'a'
                    description 'b'
                    spec 'x'
                    spec 'y'
                    input 'ue', String
                    correlateBy 'ue'
                    correlateBy 'ue'
                    initial 'a'
                    initial 'a'
                    state('a') {
                        initial 'x'
                        initial 'x'
                        state('x') {
                            on(Ack) { guard { true }; guard { false }; goTo 'done'; goTo 'a' }
                            after(seconds(1)) { retry 1; retry 2; goTo 'done' }
                        }
                    }
                    finalState 'done'
                    errorState 'failed'
                    errorState 'broken'
                }
                """)).containsExactly(
                "t.groovy:3:5: 'description' is given twice in the procedure block (first at t.groovy:2:5); give it once",
                "t.groovy:5:5: 'spec' is given twice in the procedure block (first at t.groovy:4:5); give it once",
                "t.groovy:8:5: 'correlateBy' is given twice in the procedure block (first at t.groovy:7:5); a procedure has one "
                        + "correlation key",
                "t.groovy:10:5: 'initial' is given twice in the procedure block (first at t.groovy:9:5); a procedure has one "
                        + "initial state",
                "t.groovy:13:9: 'initial' is given twice in a state block (first at t.groovy:12:9); a state has one initial child",
                "t.groovy:15:39: 'guard' is given twice in an on(...) block (first at t.groovy:15:23); a transition has one "
                        + "guard; combine conditions with && or ||",
                "t.groovy:15:69: 'goTo' is given twice in an on(...) block (first at t.groovy:15:56); a transition has one target",
                "t.groovy:16:42: 'retry' is given twice in an after(...) block (first at t.groovy:16:33); give it once",
                "t.groovy:21:5: 'errorState' is given twice in the procedure block (first at t.groovy:20:5); a procedure has one "
                        + "error state");
    }

    @ParameterizedTest(name = "static={0}")
    @ValueSource(booleans = {true, false})
    void duplicateStatesAreReportedWhereverTheyNest(boolean statically) {
        assertThat(problems(statically, """
                procedure('t') {
                    initial 'a'
                    state('a') {
                        initial 'b'
                        state('b') { on(Ack) { goTo 'done' } }
                    }
                    state('b') { on(Ack) { goTo 'done' } }
                    state('a') { }
                    finalState 'done'
                }
                """)).containsExactly(
                "t.groovy:7:5: duplicate state 'b': already declared at t.groovy:5:9; state names are unique in a procedure, "
                        + "nested states included",
                "t.groovy:8:5: duplicate state 'a': already declared at t.groovy:3:5; state names are unique in a procedure, "
                        + "nested states included");
    }

    @ParameterizedTest(name = "static={0}")
    @ValueSource(booleans = {true, false})
    void namesMustNotBeBlank(boolean statically) {
        assertThat(problems(statically, """
                procedure('t') {
                    input '', String
                    initial 'a'
                    state('a') {
                        on(Ack) { goTo '' }
                        on(signal(' ')) { goTo 'done' }
                        after(seconds(1), '') { goTo 'done' }
                        on(Ping) { goTo 'done' }
                    }
                    state('') { }
                    finalState 'done'
                }
                """)).containsExactly(
                "t.groovy:2:5: input needs a non-empty name, as in input 'name', Type",
                "t.groovy:5:19: goTo needs a non-empty name, as in goTo 'stateName'",
                "t.groovy:6:12: signal needs a non-empty name, as in signal('name'), as in on(signal('cancel')) { ... }",
                "t.groovy:7:9: after needs a non-empty name, as in a duration, as in after(seconds(5)) { ... } or "
                        + "after(seconds(5), 'timerName') { ... }",
                "t.groovy:10:5: state needs a non-empty name, as in state('name') { ... }");
    }

    @ParameterizedTest(name = "static={0}")
    @ValueSource(booleans = {true, false})
    void procedureNamesUseAPlainAlphabet(boolean statically) {
        assertThat(problems(statically, """
                procedure('push (v2)') {
                    initial 'a'
                    state('a') { on(Ack) { goTo 'done' } }
                    finalState 'done'
                }
                """)).containsExactly("t.groovy:1:1: procedure name 'push (v2)' is not valid: use letters, digits, '.', '_' and "
                + "'-', as in procedure('example.push') { ... }");
    }

    @ParameterizedTest(name = "static={0}")
    @ValueSource(booleans = {true, false})
    void aScriptDeclaresExactlyOneProcedure(boolean statically) {
        assertThat(problems(statically, "def nothing = 1\n")).containsExactly(
                "t.groovy:1:1: the script declares no procedure; expected procedure('name') { ... }");
        assertThat(problems(statically, """
                procedure('one') {
                    initial 'a'
                    state('a') { on(Ack) { goTo 'done' } }
                    finalState 'done'
                }
                procedure('two') {
                    initial 'a'
                    state('a') { on(Ack) { goTo 'done' } }
                    finalState 'done'
                }
                """)).containsExactly("t.groovy:6:1: a script declares one procedure, but 'two' follows 'one' (declared at "
                + "t.groovy:1:1); move 'two' to its own file");
    }

    @ParameterizedTest(name = "static={0}")
    @ValueSource(booleans = {true, false})
    void aProcedureNeedsAnInitialState(boolean statically) {
        assertThat(problems(statically, """
                procedure('t') {
                    state('b') { on(Ack) { goTo 'done' } }
                    finalState 'done'
                }
                """)).containsExactly("t.groovy:1:1: procedure 't' has no initial state; add initial 'b' (declared states: b, done)");
    }

    @ParameterizedTest(name = "static={0}")
    @ValueSource(booleans = {true, false})
    void variablesAreCheckedAgainstTheirTypeAndTheActionProperties(boolean statically) {
        assertThat(problems(statically, """
                procedure('t') {
                    variable 'deadline', Long, 0
                    variable 'note', String, 5
                    variable 'count', int
                    variable 'event', String
                    initial 'a'
                    state('a') { on(Ack) { goTo 'done' } }
                    finalState 'done'
                }
                """)).containsExactly(
                "t.groovy:2:5: variable 'deadline' is a Long but its initial value 0 is an Integer; give a Long, e.g. 0L",
                "t.groovy:3:5: variable 'note' is a String but its initial value 5 is an Integer; give a String",
                "t.groovy:4:5: variable 'count' has primitive type int and needs an initial value, as in variable 'count', int, 0",
                "t.groovy:5:5: variable 'event' would be hidden by the action property 'event'; choose another name (action "
                        + "properties: attempt, context, event, key, now, procedure, state)");
    }

    @ParameterizedTest(name = "static={0}")
    @ValueSource(booleans = {true, false})
    void timersNeedAPositiveDelayAndRetriesAtLeastOneAttempt(boolean statically) {
        assertThat(problems(statically, """
                procedure('t') {
                    initial 'a'
                    state('a') {
                        after(seconds(0)) { goTo 'done' }
                        after(seconds(1)) { retry 0; goTo 'done' }
                    }
                    finalState 'done'
                }
                """)).containsExactly(
                "t.groovy:4:9: after(0ms) is not valid: a timer needs a positive duration, as in after(seconds(5)) { ... }",
                "t.groovy:5:29: retry 0 is not valid: a bounded retry needs at least 1 attempt, as in retry 3");
    }

    @ParameterizedTest(name = "static={0}")
    @ValueSource(booleans = {true, false})
    void aScriptThatThrowsIsReportedWhereItThrewAndNotVerified(boolean statically) {
        assertThat(problems(statically, """
                procedure('t') {
                    initial 'a'
                    def broken = 1 / 0
                    state('a') { on(Ack) { goTo 'done' } }
                }
                """)).containsExactly(
                "t.groovy:3:5: the script failed while building the procedure: Division by zero");
    }

    @ParameterizedTest(name = "static={0}")
    @ValueSource(booleans = {true, false})
    void syntaxErrorsPointAtTheBadCharacter(boolean statically) {
        assertThat(problems(statically, """
                procedure('t') {
                    initial 'a'
                    state('a') {
                        on(Ack) { goTo 'done' ]
                    }
                }
                """)).containsExactly("t.groovy:4:31: syntax error: unexpected ']'; check the brackets and quotes before it");
        assertThat(problems(statically, """
                procedure('t') {
                    initial 'a
                }
                """)).containsExactly("t.groovy:2:13: syntax error: a quote is not closed");
        assertThat(problems(statically, """
                procedure('t') {
                    initial 'a'
                    state('a') {
                        on(Ack) { goTo 'done' }
                """)).containsExactly("t.groovy:5:1: syntax error: the script ends early: is a closing '}' or ')' missing?");
    }

    @ParameterizedTest(name = "static={0}")
    @ValueSource(booleans = {true, false})
    void anUnresolvedImportSaysWhereClassesComeFrom(boolean statically) {
        assertThat(problems(statically, """
                import org.example.Nope
                procedure('t') {
                    initial 'a'
                    state('a') { on(Ack) { goTo 'done' } }
                    finalState 'done'
                }
                """)).containsExactly("t.groovy:1:8: unable to resolve class org.example.Nope; is it on the class path the "
                + "ProcedureCompiler was given?");
    }

    @ParameterizedTest(name = "static={0}")
    @ValueSource(booleans = {true, false})
    void wordsInActionBodiesAreCheckedAtLoadTime(boolean statically) {
        assertThat(problems(statically, """
                procedure('t') {
                    variable 'attempts', Integer, 0
                    initial 'a'
                    state('a') {
                        onEntry { sned 'x', 1; attemps = 2; goTo 'done' }
                        on(Ack) { action { emit attempts; emit evnt }; goTo 'done' }
                    }
                    finalState 'done'
                    errorState 'failed'
                }
                """)).containsExactly(
                "t.groovy:5:19: unknown keyword 'sned' in an action block; did you mean 'send'? allowed here: " + ACTION_WORDS,
                "t.groovy:5:32: unknown name 'attemps' in an action block: not a procedure variable nor an action property; "
                        + "did you mean 'attempts'? variables: attempts; action properties: attempt, context, event, key, now, "
                        + "procedure, state",
                "t.groovy:5:45: 'goTo' is not allowed in an action block: it belongs in an on(...) block; allowed here: "
                        + ACTION_WORDS,
                "t.groovy:6:48: unknown name 'evnt' in an action block: not a procedure variable nor an action property; "
                        + "did you mean 'event'? variables: attempts; action properties: attempt, context, event, key, now, "
                        + "procedure, state");
    }

    @ParameterizedTest(name = "static={0}")
    @ValueSource(booleans = {true, false})
    void aTypoInTheArgumentOfAKeywordIsReportedOnceAndTheTransitionIsStillChecked(boolean statically) {
        assertThat(problems(statically, """
                procedure('t') {
                    initial 'a'
                    state('a') {
                        on(sginal('x')) { gaurd { true }; goTo 'done' }
                    }
                    finalState 'done'
                }
                """)).containsExactly(
                "t.groovy:4:12: unknown keyword 'sginal' in a state block; did you mean 'signal'? allowed here: " + STATE_WORDS,
                "t.groovy:4:27: unknown keyword 'gaurd' in an on(...) block; did you mean 'guard'? allowed here: action, goTo, guard");
    }

    @ParameterizedTest(name = "static={0}")
    @ValueSource(booleans = {true, false})
    void nullWhereAKeywordNeedsSomethingIsReportedInTheDslsWords(boolean statically) {
        assertThat(problems(statically, """
                procedure('t') {
                    description null
                    spec null
                    initial 'a'
                    state('a') {
                        on(null) { goTo 'done' }
                    }
                    finalState 'done'
                }
                """)).containsExactly(
                "t.groovy:2:5: description needs a non-empty name, as in description 'what the procedure does'",
                "t.groovy:3:5: spec needs a non-empty name, as in spec 'TS 33.246 §6.3.2.3'",
                "t.groovy:6:9: on(null) is not valid: expected an event class or signal('name'), as in on(Ack) { ... } or "
                        + "on(signal('cancel')) { ... }");
    }

    @ParameterizedTest(name = "static={0}")
    @ValueSource(booleans = {true, false})
    void goToTakesAnyText(boolean statically) {
        assertThat(problems(statically, """
                procedure('t') {
                    initial 'a'
                    state('a') {
                        for (int i = 0; i < 2; i++) {
                            boolean last = i == 1
                            on(signal("go${i}")) { goTo(last ? 'done' : "s${i}") }
                        }
                    }
                    state('s0') { on(Ack) { goTo 'done' } }
                    finalState 'done'
                }
                """)).isEmpty();
    }

    @ParameterizedTest(name = "static={0}")
    @ValueSource(booleans = {true, false})
    void anUnresolvedImportDoesNotHideTheOtherProblemsNorBringItsOwnConsequences(boolean statically) {
        assertThat(problems(statically, """
                import org.example.Nope
                procedure('t') {
                    desription 'x'
                    variable 'seen', Nope
                    initial 'a'
                    state('a') {
                        on(Nope) { action { emit event.foo; emit seen.bar() }; goTo 'dnoe' }
                    }
                    finalState 'done'
                    errorState 'failed'
                }
                """)).containsExactly(
                "t.groovy:1:8: unable to resolve class org.example.Nope; is it on the class path the ProcedureCompiler was given?",
                "t.groovy:3:5: unknown keyword 'desription' in the procedure block; did you mean 'description'? allowed here: "
                        + PROCEDURE_WORDS,
                "t.groovy:7:64: on(Nope) in state 'a' goes to 'dnoe', which is not a state; did you mean 'done'? declared "
                        + "states: a, done, failed");
    }

    @ParameterizedTest(name = "static={0}")
    @ValueSource(booleans = {true, false})
    void anUnknownClassIsReportedOnceWithoutWhatFollowsFromIt(boolean statically) {
        assertThat(problems(statically, """
                procedure('t') {
                    desription 'x'
                    initial 'a'
                    state('a') {
                        on(Ack) { action { Foo f = null; emit f.bar; emit f.baz(1) }; goTo 'done' }
                    }
                    finalState 'done'
                    errorState 'failed'
                }
                """)).containsExactly(
                "t.groovy:2:5: unknown keyword 'desription' in the procedure block; did you mean 'description'? allowed here: "
                        + PROCEDURE_WORDS,
                "t.groovy:5:32: unable to resolve class Foo; is it on the class path the ProcedureCompiler was given?");
    }

    @ParameterizedTest(name = "static={0}")
    @ValueSource(booleans = {true, false})
    void aTypoedTargetDoesNotMakeTheStateItMeantUnreachable(boolean statically) {
        assertThat(problems(statically, """
                procedure('t') {
                    initial 'a'
                    state('a') { on(Ack) { goTo 'dnoe' } }
                    finalState 'done'
                    state('island') { on(Ack) { goTo 'done' } }
                }
                """)).containsExactly(
                "t.groovy:3:28: on(Ack) in state 'a' goes to 'dnoe', which is not a state; did you mean 'done'? declared "
                        + "states: a, done, island",
                "t.groovy:5:5: state 'island' is unreachable: no transition from the initial state 'a' leads to it; add goTo "
                        + "'island' to a transition, or remove the state");
    }

    @Test
    void typeCheckerProblemsNameTheMissingMemberTheMembersThereAreAndTheClosest() {
        assertThat(problems(true, """
                procedure('t') {
                    initial 'a'
                    state('a') {
                        on(Ack) { action { emit event.ook }; goTo 'done' }
                        on(signal('x')) { action { emit event.nmae; emit Signal.of2('y') }; goTo 'done' }
                        on(Ping) { action { emit event.getid() }; goTo 'done' }
                    }
                    finalState 'done'
                    errorState 'failed'
                }
                """)).containsExactly(
                "t.groovy:4:33: no property 'ook' on Ack; it has: ok; did you mean 'ok'?",
                "t.groovy:5:41: no property 'nmae' on Signal; it has: name, payload; did you mean 'name'?",
                "t.groovy:5:58: no method of2(String) on Signal; its methods: name, of, payload; did you mean 'of'?",
                "t.groovy:6:34: no method getid() on Ping; its methods: getId; did you mean 'getId'?");
    }

    @Test
    void staticCompilationAlsoFindsTypeErrorsAndStillReportsTheStructuralProblems() {
        assertThat(problems(true, """
                procedure('t') {
                    variable 'attempts', Integer, 0
                    initial 'a'
                    state('a') {
                        onEntry { attempts = 'many' }
                        on(Ack) { goTo 'dnoe' }
                    }
                    finalState 'done'
                    errorState 'failed'
                }
                """)).containsExactly(
                "t.groovy:5:30: cannot assign a String to 'attempts', which is an Integer",
                "t.groovy:6:19: on(Ack) in state 'a' goes to 'dnoe', which is not a state; did you mean 'done'? declared "
                        + "states: a, done, failed");
    }

    @Test
    void staticCompilationChecksAValueSetByNameLikeAnAssignment() {
        assertThat(problems(true, """
                procedure('t') {
                    variable 'attempts', Integer, 0
                    initial 'a'
                    state('a') {
                        onEntry { set('attempts', 'many'); set('attempts', 3); set('attempts', null) }
                        on(Ack) { goTo 'done' }
                    }
                    finalState 'done'
                    errorState 'failed'
                }
                """)).containsExactly("t.groovy:5:35: cannot assign a String to 'attempts', which is an Integer");
    }

    @Test
    void staticCompilationHintsAtRecordAccessorsBeyondTheEvent() {
        assertThat(problems(true, """
                import org.mbmskeys.engine.dsl.events.Ack
                procedure('t') {
                    initial 'a'
                    state('a') {
                        on(Ack) { action { Ack copy = event; emit copy.ok }; goTo 'done' }
                    }
                    finalState 'done'
                    errorState 'failed'
                }
                """)).containsExactly(
                "t.groovy:5:51: 'ok' of Ack cannot be read as a property; if 'ok' is a record component, call its accessor: ok()");
    }

    @Test
    void orThrowListsEveryProblemAndCountsThem() {
        CompileResult result = Scripts.STATIC.compile("t.groovy", """
                procedure('t') {
                    desription 'x'
                    initial 'a'
                    state('a') { on(Ack) { goTo 'dnoe' } }
                    finalState 'done'
                }
                """);

        assertThatThrownBy(result::orThrow).isInstanceOf(InvalidDefinitionException.class).hasMessage("""
                t.groovy:2:5: unknown keyword 'desription' in the procedure block; did you mean 'description'? allowed here: \
                correlateBy, description, errorState, finalState, initial, input, spec, state, variable
                t.groovy:4:28: on(Ack) in state 'a' goes to 'dnoe', which is not a state; did you mean 'done'? declared states: \
                a, done
                2 problems in 1 file""");
        assertThat(result.isValid()).isFalse();
        assertThat(result.definition()).isEmpty();
    }

    /** Groovy names a script's class after its file, so pending.groovy cannot assign a variable 'pending'. */
    @ParameterizedTest(name = "static {0}")
    @ValueSource(booleans = {true, false})
    void aVariableNamedAfterTheScriptsFileIsToldToRenameOne(boolean statically) {
        CompileResult result = Scripts.compiler(statically).compile("/etc/ue/pending.groovy", """
                procedure('t') {
                    variable 'pending', String
                    initial 'a'
                    state('a') { onEntry { pending = 'x' }; on(Ack) { goTo 'done' } }
                    finalState 'done'
                }
                """);

        assertThat(result.problems()).extracting(Problem::toString).anySatisfy(p -> assertThat(p).endsWith(
                "'pending' is this script's own name: Groovy names a script after its file (pending.groovy), so a "
                        + "variable of that name cannot be assigned; rename the file (or the variable)"));
    }
}
