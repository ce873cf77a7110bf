package org.mbmskeys.engine.dsl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mbmskeys.engine.dsl.Scripts.define;
import static org.mbmskeys.engine.dsl.Scripts.problems;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mbmskeys.engine.model.ProcedureDefinition;
import org.mbmskeys.engine.model.RetryDefinition;

/** {@code retry n} with the named options of back-off, and what is wrong with them in the DSL's words. */
class RetryOptionsTest {

    private static RetryDefinition retryOf(ProcedureDefinition d) {
        return d.states().get("a")
                .transitions().get(0).retry().orElseThrow();
    }

    @ParameterizedTest(name = "static={0}")
    @ValueSource(booleans = {true, false})
    void namedOptionsGiveTheFactorTheCapAndTheJitter(boolean statically) {
        ProcedureDefinition d = define(statically, """
                procedure('t') {
                    initial 'a'
                    state('a') {
                        after(seconds(2)) { retry 4, backoff: 2.0, max: seconds(30), jitter: 0.1; goTo 'done' }
                    }
                    finalState 'done'
                }
                """);

        assertThat(retryOf(d)).isEqualTo(new RetryDefinition(4, 2.0, Optional.of(Duration.ofSeconds(30)), 0.1));
    }

    @ParameterizedTest(name = "static={0}")
    @ValueSource(booleans = {true, false})
    void aPlainRetryKeepsTheSameDelayAndAWholeFactorIsANumberToo(boolean statically) {
        assertThat(retryOf(define(statically, """
                procedure('t') {
                    initial 'a'
                    state('a') { after(millis(500)) { retry 3; goTo 'done' } }
                    finalState 'done'
                }
                """))).isEqualTo(new RetryDefinition(3));
        assertThat(retryOf(define(statically, """
                procedure('t') {
                    initial 'a'
                    state('a') { after(seconds(1)) { retry(3, backoff: 3, max: minutes(1)); goTo 'done' } }
                    finalState 'done'
                }
                """))).isEqualTo(new RetryDefinition(3, 3.0, Optional.of(Duration.ofMinutes(1)), 0));
    }

    @ParameterizedTest(name = "static={0}")
    @ValueSource(booleans = {true, false})
    void badOptionsAreReportedInTheDslsWords(boolean statically) {
        assertThat(problems(statically, """
                procedure('t') {
                    initial 'a'
                    state('a') {
                        after(seconds(2)) { retry 4, backoff: 0.5; goTo 'done' }
                        after(seconds(2), 'b') { retry 4, backoff: 2, max: seconds(1); goTo 'done' }
                        after(seconds(2), 'c') { retry 4, jitter: 1.0; goTo 'done' }
                        after(seconds(2), 'd') { retry 4, backof: 2.0; goTo 'done' }
                        after(seconds(2), 'e') { retry 4, max: 30; goTo 'done' }
                    }
                    finalState 'done'
                }
                """)).containsExactly(
                "t.groovy:4:29: retry backoff: 0.5 is not valid: the back-off factor multiplies the delay for each retry "
                        + "and is a number of at least 1, as in retry 4, backoff: 2.0",
                "t.groovy:5:34: retry max: 1s is shorter than the timer's delay 2s: the longest delay of a retry is at "
                        + "least the timer's own",
                "t.groovy:6:34: retry jitter: 1.0 is not valid: jitter is the fraction of each retry's delay it may move "
                        + "by at random, from 0 up to (not including) 1, as in jitter: 0.1",
                "t.groovy:7:34: unknown retry option 'backof'; did you mean 'backoff'? retry options: backoff, jitter, max",
                "t.groovy:8:34: retry max: 30 is not valid: the longest delay of a retry is a duration, as in retry 4, "
                        + "backoff: 2.0, max: seconds(30)");
    }
}
