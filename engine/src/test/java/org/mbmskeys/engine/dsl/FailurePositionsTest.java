package org.mbmskeys.engine.dsl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mbmskeys.engine.dsl.Scripts.define;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.mbmskeys.engine.Harness;
import org.mbmskeys.engine.OnBothBackends;
import org.mbmskeys.engine.dsl.events.Ack;
import org.mbmskeys.engine.dsl.events.Ping;
import org.mbmskeys.engine.model.ProcedureDefinition;
import org.mbmskeys.engine.spi.Step;

/**
 * A script's action or guard that throws fails its instance with the block and the script line in the
 * recorded failure, the listeners' step and the trace; listeners still get the exception itself.
 */
@OnBothBackends
class FailurePositionsTest {

    @Parameter
    String backend;

    private static final String SCRIPT = """
            procedure('t') {
                initial 'waiting'
                state('waiting') {
                    onEntry { if (key == 'entry') { throw new IllegalStateException('no key') } }
                    on(Ack) {
                        action {
                            def helper = 1
                            throw new IllegalStateException('boom')
                        }
                        goTo 'done'
                    }
                    on(Ping) { guard { key.toString().length() > 0 && Integer.parseInt('x') > 0 } }
                    after(seconds(5)) { action { throw new UnsupportedOperationException() } }
                }
                finalState 'done'
                errorState 'failed'
            }
            """;

    private Harness started(boolean statically, String key) {
        ProcedureDefinition d = define(statically, SCRIPT);
        Harness h = Harness.of(backend, d);
        h.engine.start("t", key, Map.of());
        return h;
    }

    private static String failure(Harness h) {
        return h.journal.ended.get(0).last().failure().orElseThrow();
    }

    @Test
    void anActionNamesItsTransitionAndTheLineThatThrew() {
        for (boolean statically : new boolean[] {true, false}) {
            Harness h = started(statically, "k");

            h.engine.send("t", "k", new Ack(true));

            String expected = "action of transition 'waiting' -[Ack]-> 'done' at t.groovy:8 threw IllegalStateException: boom";
            assertThat(failure(h)).as("static=%s", statically).isEqualTo(expected);
            assertThat(h.journal.failed.get(0).cause()).isInstanceOf(IllegalStateException.class).hasMessage("boom");
            assertThat(h.journal.steps).contains(new Step.Failed("waiting", "Ack", expected, "failed"));
            assertThat(h.trace("t", "k").toString()).contains(expected);
        }
    }

    @Test
    void aGuardAnEntryActionAndATimerActionSayWhereTheyAre() {
        for (boolean statically : new boolean[] {true, false}) {
            Harness guard = started(statically, "k");
            guard.engine.send("t", "k", new Ping("x"));
            assertThat(failure(guard)).as("static=%s", statically).isEqualTo(
                    "guard of transition 'waiting' -[Ping]- (internal) at t.groovy:12 threw NumberFormatException: For input string: \"x\"");

            Harness entry = started(statically, "entry");
            assertThat(failure(entry)).as("static=%s", statically)
                    .isEqualTo("onEntry of state 'waiting' at t.groovy:4 threw IllegalStateException: no key");

            Harness timer = started(statically, "k");
            timer.time.advance(Duration.ofSeconds(5));
            assertThat(failure(timer)).as("static=%s", statically).startsWith("action of transition 'waiting' -[timer '")
                    .endsWith("]- (internal) at t.groovy:13 threw UnsupportedOperationException");
        }
    }

    @Test
    void aFailedGroovyAssertIsAFailureWithItsPositionToo() {
        for (boolean statically : new boolean[] {true, false}) {
            ProcedureDefinition d = define(statically, """
                    procedure('t') {
                        initial 'waiting'
                        state('waiting') {
                            on(Ack) {
                                action { assert event.ok() }
                                goTo 'done'
                            }
                        }
                        finalState 'done'
                        errorState 'failed'
                    }
                    """);
            Harness h = Harness.of(backend, d);
            h.engine.start("t", "k", Map.of());

            h.engine.send("t", "k", new Ack(false));

            assertThat(failure(h)).as("static=%s", statically)
                    .startsWith("action of transition 'waiting' -[Ack]-> 'done' at t.groovy:5 threw PowerAssertionError: ");
        }
    }
}
