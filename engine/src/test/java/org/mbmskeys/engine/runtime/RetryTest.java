package org.mbmskeys.engine.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.mbmskeys.engine.Harness;
import org.mbmskeys.engine.OnBothBackends;
import org.mbmskeys.engine.TestEvents.Go;
import org.mbmskeys.engine.TestEvents.Ping;
import org.mbmskeys.engine.model.ProcedureDefinition;
import org.mbmskeys.engine.spi.Step;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;

/** A timer with a bounded retry re-enters its state up to the bound, then takes its target. */
@OnBothBackends
class RetryTest {

    @Parameter
    String backend;

    private final List<String> log = new ArrayList<>();

    private final ProcedureDefinition resend = ProcedureDefinition.builder("p")
            .state("delivering", s -> s
                    .onEntry(ctx -> {
                        log.add("send attempt " + ctx.attempt());
                        ctx.send("out", "message #" + ctx.attempt());
                    })
                    .onExit(ctx -> log.add("exit"))
                    .after("ack", Duration.ofSeconds(5), t -> t.retry(3).action(ctx -> log.add("giving up")).to("unacknowledged"))
                    .on(Go.class, "delivered")
                    .on(Ping.class, "pause"))
            .state("pause", s -> s.on(Go.class, "delivering"))
            .finalState("delivered")
            .finalState("unacknowledged")
            .errorState("failed")
            .build();

    @Test
    void aTimerWithARetryReentersTheStateUpToItsBoundThenTakesTheTarget() {
        Harness h = Harness.of(backend, resend);
        h.engine.start("p", "k", Map.of());

        for (int i = 0; i < 3; i++) {
            h.time.advance(Duration.ofSeconds(5));
            assertThat(h.state("p", "k")).isEqualTo("delivering");
        }
        h.time.advance(Duration.ofSeconds(5));

        assertThat(log).containsExactly("send attempt 0", "exit", "send attempt 1", "exit", "send attempt 2", "exit",
                "send attempt 3", "exit", "giving up");
        assertThat(h.sent("out")).containsExactly("message #0", "message #1", "message #2", "message #3");
        assertThat(h.journal.ended).extracting(e -> e.last().state()).containsExactly("unacknowledged");
        assertThat(h.journal.steps.get(1)).isEqualTo(new Step.Retried("delivering", "delivering", "timer 'ack'", 1,
                List.of("delivering"), List.of("delivering"), "delivering"));
    }

    @Test
    void theRetryCounterIsKeptInTheRecordAndResetWhenTheStateIsEnteredFromOutside() {
        Harness h = Harness.of(backend, resend);
        h.engine.start("p", "k", Map.of());
        h.time.advance(Duration.ofSeconds(10));
        assertThat(h.engine.instance("p", "k").orElseThrow().attempts()).containsEntry("delivering", 2);

        h.engine.send("p", "k", new Ping());
        h.engine.send("p", "k", new Go());   // delivering again, from outside

        assertThat(h.engine.instance("p", "k").orElseThrow().attempts()).isEmpty();
        assertThat(log.get(log.size() - 1)).isEqualTo("send attempt 0");
        for (int i = 0; i < 3; i++) {
            h.time.advance(Duration.ofSeconds(5));
        }
        assertThat(h.state("p", "k")).isEqualTo("delivering");   // three fresh retries allowed
        h.time.advance(Duration.ofSeconds(5));
        assertThat(h.state("p", "k")).isEqualTo("(none)");
    }

    @Test
    void aRetryRestartsTheTimerFromTheReentry() {
        Harness h = Harness.of(backend, resend);
        h.engine.start("p", "k", Map.of());
        h.time.advance(Duration.ofSeconds(5));   // retry 1 at t=5s

        h.time.advance(Duration.ofMillis(4999));
        assertThat(h.sent("out")).hasSize(2);
        h.time.advance(Duration.ofMillis(1));
        assertThat(h.sent("out")).hasSize(3);
    }
}
