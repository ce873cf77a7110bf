package org.mbmskeys.engine.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.mbmskeys.engine.Harness;
import org.mbmskeys.engine.OnBothBackends;
import org.mbmskeys.engine.TestEvents.Go;
import org.mbmskeys.engine.TestEvents.Leave;
import org.mbmskeys.engine.TestEvents.Ping;
import org.mbmskeys.engine.model.ProcedureDefinition;
import org.mbmskeys.engine.spi.InstanceRecord;
import org.mbmskeys.engine.spi.InstanceRef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;

/** Inputs are checked when an instance starts; variables keep their declared types. */
@OnBothBackends
class InputsAndVariablesTest {

    @Parameter
    String backend;

    private final ProcedureDefinition registration = ProcedureDefinition.builder("reg")
            .input("ue", String.class)
            .input("attempts", int.class)
            .correlationKey("ue")
            .variable("count", Integer.class, 0)
            .variable("note", String.class, null)
            .state("a", s -> s.on(Leave.class, "left")
                    .on(Ping.class, t -> t.action(ctx -> ctx.set("count", (Integer) ctx.get("count") + (Integer) ctx.input("attempts"))))
                    .on(Go.class, t -> t.action(ctx -> ctx.set("count", "many"))))
            .errorState("failed")
            .finalState("left")
            .build();

    @Test
    void variablesStartAtTheirInitialValuesAndKeepWhatActionsSet() {
        Harness h = Harness.of(backend, registration);
        h.engine.start("reg", "ue-1", Map.of("attempts", 3));

        h.engine.send("reg", "ue-1", new Ping());
        h.engine.send("reg", "ue-1", new Ping());

        InstanceRecord r = h.engine.instance("reg", "ue-1").orElseThrow();
        assertThat(r.inputs()).containsEntry("ue", "ue-1").containsEntry("attempts", 3);
        assertThat(r.variables()).containsEntry("count", 6).containsEntry("note", null);
    }

    @Test
    void theCorrelationKeyInputIsTakenFromTheKeyOrTheKeyFromIt() {
        Harness h = Harness.of(backend, registration);

        InstanceRef started = h.engine.start("reg", Map.of("ue", "ue-9", "attempts", 1));
        h.engine.start("reg", "ue-8", Map.of("attempts", 1));

        assertThat(started).isEqualTo(new InstanceRef("reg", "ue-9"));
        assertThat(h.engine.instance("reg", "ue-8").orElseThrow().inputs()).containsEntry("ue", "ue-8");
        assertThat(h.state("reg", "ue-9")).isEqualTo("a");
    }

    @Test
    void anUnknownInputIsRefusedAtOnceListingTheDeclaredInputs() {
        Harness h = Harness.of(backend, registration);

        assertThatThrownBy(() -> h.engine.start("reg", "ue-1", Map.of("attempts", 1, "colour", "red")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("procedure 'reg' has no input 'colour'; its inputs are {ue=String, attempts=int}");
    }

    @Test
    void aMissingInputIsRefusedAtOnce() {
        Harness h = Harness.of(backend, registration);

        assertThatThrownBy(() -> h.engine.start("reg", "ue-1", Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("procedure 'reg' needs input 'attempts' (int); given were []");
    }

    @Test
    void anInputOfTheWrongTypeIsRefusedAtOnceNamingTheDeclaration() {
        Harness h = Harness.of(backend, registration);

        assertThatThrownBy(() -> h.engine.start("reg", "ue-1", Map.of("attempts", "three")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("input 'attempts' of procedure 'reg' must be a int (declared at InputsAndVariablesTest.java:")
                .hasMessageEndingWith("), got a String");
    }

    @Test
    void aCorrelationInputThatDisagreesWithTheKeyIsRefused() {
        Harness h = Harness.of(backend, registration);

        assertThatThrownBy(() -> h.engine.start("reg", "ue-1", Map.of("ue", "ue-2", "attempts", 1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("input 'ue' is the correlation key of procedure 'reg' and must equal the instance key ue-1, got ue-2");
    }

    @Test
    void startingWithoutAKeyNeedsACorrelationKey() {
        ProcedureDefinition unkeyed = ProcedureDefinition.builder("u").state("a", s -> s.on(Leave.class, "left")).finalState("left").build();
        Harness h = Harness.of(backend, unkeyed);

        assertThatThrownBy(() -> h.engine.start("u", Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("procedure 'u' declares no correlation key; start it with start(procedure, key, inputs)");
    }

    @Test
    void startingAnUndeployedProcedureIsRefusedNamingTheDeployedOnes() {
        Harness h = Harness.of(backend, registration);

        assertThatThrownBy(() -> h.engine.start("rge", "ue-1", Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no procedure 'rge' is deployed; deployed are [reg]");
        assertThatThrownBy(() -> h.engine.send("rge", "ue-1", new Go()))
                .hasMessage("no procedure 'rge' is deployed; deployed are [reg]");
    }

    @Test
    void settingAVariableToAValueOfAnotherTypeFailsTheInstanceNamingTheDeclaredType() {
        Harness h = Harness.of(backend, registration);
        h.engine.start("reg", "ue-1", Map.of("attempts", 1));

        h.engine.send("reg", "ue-1", new Go());

        assertThat(h.journal.failed.get(0).cause()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("variable 'count' of procedure 'reg' holds a Integer (declared at InputsAndVariablesTest.java:")
                .hasMessageEndingWith("); cannot set it to a String");
    }

    @Test
    void readingAnUndeclaredVariableOrInputFailsTheInstanceListingWhatIsDeclared() {
        ProcedureDefinition p = ProcedureDefinition.builder("p")
                .input("ue", String.class)
                .variable("count", Integer.class, 0)
                .state("a", s -> s.on(Leave.class, "left")
                        .on(Go.class, t -> t.action(ctx -> ctx.get("ue")))
                        .on(Ping.class, t -> t.action(ctx -> ctx.input("cout"))))
                .errorState("failed")
                .finalState("left")
                .build();
        Harness h = Harness.of(backend, p);
        h.engine.start("p", "k1", Map.of("ue", "u"));
        h.engine.start("p", "k2", Map.of("ue", "u"));

        h.engine.send("p", "k1", new Go());
        h.engine.send("p", "k2", new Ping());

        assertThat(h.journal.failed).extracting(f -> f.cause().getMessage()).containsExactly(
                "procedure 'p' has no variable 'ue'; variables are [count] ('ue' is an input: read it with input)",
                "procedure 'p' has no input 'cout'; inputs are [ue]");
    }
}
