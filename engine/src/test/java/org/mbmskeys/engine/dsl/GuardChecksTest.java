package org.mbmskeys.engine.dsl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mbmskeys.engine.dsl.Scripts.problems;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Guards only read: a guard that assigns a procedure variable or calls a keyword that changes the
 * instance or acts is reported at load time, with its position, in both compilation modes.
 */
class GuardChecksTest {

    private static final String READ_ONLY = ": guards only read and decide whether the transition fires; ";

    @ParameterizedTest(name = "static={0}")
    @ValueSource(booleans = {true, false})
    void aGuardThatAssignsAVariableIsReportedWhereItAssigns(boolean statically) {
        assertThat(problems(statically, """
                procedure('t') {
                    variable 'tries', Integer, 0
                    initial 'a'
                    state('a') {
                        on(Ack) { guard { tries = tries + 1; tries < 3 }; goTo 'done' }
                        on(Ping) { guard('counted') { tries++ < 3 }; goTo 'done' }
                        after(seconds(1)) { guard { ++tries; tries += 1; true }; goTo 'done' }
                    }
                    finalState 'done'
                    errorState 'failed'
                }
                """)).containsExactly(
                "t.groovy:5:27: a guard cannot assign variable 'tries'" + READ_ONLY
                        + "change it in the transition's action { ... } instead",
                "t.groovy:6:39: a guard cannot assign variable 'tries'" + READ_ONLY
                        + "change it in the transition's action { ... } instead",
                "t.groovy:7:37: a guard cannot assign variable 'tries'" + READ_ONLY
                        + "change it in the transition's action { ... } instead",
                "t.groovy:7:46: a guard cannot assign variable 'tries'" + READ_ONLY
                        + "change it in the transition's action { ... } instead");
    }

    @ParameterizedTest(name = "static={0}")
    @ValueSource(booleans = {true, false})
    void aGuardThatSendsOrActsIsReportedForEachKeyword(boolean statically) {
        assertThat(problems(statically, """
                procedure('t') {
                    variable 'tries', Integer, 0
                    initial 'a'
                    state('a') {
                        on(Ack) { guard { send 'out', 'x'; emit 'y'; true }; goTo 'done' }
                        on(Ping) { guard { set 'tries', 1; restartTimer 't'; [1].each { reply 'z' }; true }; goTo 'done' }
                        on(signal('s')) { guard { start 'p', key; signal 'p', key, 'go'; true } }
                    }
                    finalState 'done'
                    errorState 'failed'
                }
                """)).containsExactly(
                "t.groovy:5:27: a guard cannot send" + READ_ONLY + "send in the transition's action { ... } instead",
                "t.groovy:5:44: a guard cannot emit" + READ_ONLY + "emit in the transition's action { ... } instead",
                "t.groovy:6:28: a guard cannot set" + READ_ONLY + "set in the transition's action { ... } instead",
                "t.groovy:6:44: a guard cannot restartTimer" + READ_ONLY
                        + "restartTimer in the transition's action { ... } instead",
                "t.groovy:6:73: a guard cannot reply" + READ_ONLY + "reply in the transition's action { ... } instead",
                "t.groovy:7:35: a guard cannot start" + READ_ONLY + "start in the transition's action { ... } instead",
                "t.groovy:7:51: a guard cannot signal" + READ_ONLY + "signal in the transition's action { ... } instead");
    }

    @ParameterizedTest(name = "static={0}")
    @ValueSource(booleans = {true, false})
    void aGuardMayReadAndUseItsOwnLocalsAndActionsMayStillAssign(boolean statically) {
        assertThat(problems(statically, """
                procedure('t') {
                    variable 'tries', Integer, 0
                    initial 'a'
                    state('a') {
                        on(Ack) {
                            guard { def n = tries; n += attempt; int m = 0; m++; n < 3 && get('tries') < 3 }
                            action { tries = tries + 1; tries++ }
                            goTo 'done'
                        }
                    }
                    finalState 'done'
                    errorState 'failed'
                }
                """)).isEmpty();
    }
}
