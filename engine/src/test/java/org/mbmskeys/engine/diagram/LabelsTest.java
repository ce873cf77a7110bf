package org.mbmskeys.engine.diagram;

import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mbmskeys.engine.model.ProcedureDefinition;
import org.mbmskeys.engine.model.RetryDefinition;
import org.mbmskeys.engine.model.StateDefinition;
import org.mbmskeys.engine.model.Trigger;

class LabelsTest {

    record KeyRequest() { }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "PT5S, 5s",
        "PT0.5S, 500ms",
        "PT1.5S, 1s500ms",
        "PT1M30S, 1m30s",
        "PT2H, 2h",
        "PT36H, 1d12h",
        "P7D, 7d",
        "PT0.00025S, 250000ns",
        "PT0S, 0s",
        "PT-5S, -5s",
    })
    void writesDurationsInCompactUnits(String iso, String text) {
        assertThat(Labels.duration(Duration.parse(iso))).isEqualTo(text);
    }

    @Test
    void namesEventsByTheirClassesSimpleName() {
        assertThat(Labels.trigger(state(), Trigger.event(KeyRequest.class))).isEqualTo("KeyRequest");
        assertThat(Labels.trigger(state(), Trigger.event(byte[].class))).isEqualTo("byte[]");
    }

    @Test
    void namesAnAnonymousEventClassByTheTailOfItsBinaryName() {
        Object anonymous = new Object() { };

        assertThat(Labels.trigger(state(), Trigger.event(anonymous.getClass()))).isEqualTo("LabelsTest$1");
    }

    @Test
    void namesSignalsQuoted() {
        assertThat(Labels.trigger(state(), Trigger.signal("cancel"))).isEqualTo("signal 'cancel'");
    }

    @Test
    void namesATimerByItsDelay() {
        ProcedureDefinition d = ProcedureDefinition.builder("p").state("a", s -> s.after("a#timer1", ofSeconds(5), "a")).build();
        StateDefinition a = d.state("a");

        assertThat(Labels.transition(a, a.transitions().get(0))).isEqualTo("after 5s");
    }

    @Test
    void namesATimerTheStateDoesNotDeclareByItsName() {
        ProcedureDefinition d = ProcedureDefinition.builder("p").state("a", s -> s.on(Trigger.timer("t9"), t -> t.to("a"))).build();
        StateDefinition a = d.state("a");

        assertThat(Labels.transition(a, a.transitions().get(0))).isEqualTo("timer 't9'");
    }

    @Test
    void addsTheRetryBoundTheGuardAndTheInternalMarkInThatOrder() {
        ProcedureDefinition d = ProcedureDefinition.builder("p").state("a", s -> s
                .after("a#timer1", ofSeconds(5), t -> t.retry(3).to("a"))
                .on(KeyRequest.class, t -> t.when(Examples.ALWAYS).to("a"))
                .on(Trigger.signal("status"), t -> t.when(Examples.ALWAYS))
                .on(Trigger.event(KeyRequest.class), t -> { })).build();
        StateDefinition a = d.state("a");

        assertThat(a.transitions()).map(t -> Labels.transition(a, t)).containsExactly(
                "after 5s, retry ≤3",
                "KeyRequest [guarded]",
                "signal 'status' [guarded] (internal)",
                "KeyRequest (internal)");
    }

    @Test
    void aRetryThatBacksOffShowsItsFactorCapAndJitter() {
        assertThat(Labels.retry(new RetryDefinition(4, 2.0, Optional.of(ofSeconds(30)), 0.1)))
                .isEqualTo("retry ≤4, ×2 up to 30s, ±10%");
        assertThat(Labels.retry(new RetryDefinition(3, 1.5, Optional.empty(), 0))).isEqualTo("retry ≤3, ×1.5");
        assertThat(Labels.retry(new RetryDefinition(2, 1.0, Optional.empty(), 0.125))).isEqualTo("retry ≤2, ±12.5%");
        assertThat(Labels.retry(new RetryDefinition(2))).isEqualTo("retry ≤2");
    }

    @Test
    void showsTheGuardsLabelInsteadOfGuarded() {
        ProcedureDefinition d = ProcedureDefinition.builder("p").state("a", s -> s
                .on(KeyRequest.class, t -> t.when("event.ok() && attempt < 3", Examples.ALWAYS).to("a"))
                .on(Trigger.signal("status"), t -> t.when("asked by the operator", Examples.ALWAYS))
                .on(KeyRequest.class, t -> t.when(Examples.ALWAYS).to("a"))).build();
        StateDefinition a = d.state("a");

        assertThat(a.transitions()).map(t -> Labels.transition(a, t)).containsExactly(
                "KeyRequest [event.ok() && attempt < 3]",
                "signal 'status' [asked by the operator] (internal)",
                "KeyRequest [guarded]");
    }

    private static StateDefinition state() {
        return ProcedureDefinition.builder("p").state("a").build().state("a");
    }
}
