package org.mbmskeys.mbms.ue.procedure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.mbmskeys.engine.model.InvalidDefinitionException;
import org.mbmskeys.engine.model.ProcedureDefinition;
import org.mbmskeys.engine.runtime.Engine;
import org.mbmskeys.mbms.ue.UeProcedures;

/** The shipped UE scripts compile statically, pass the checks and deploy on both backends; overrides are checked too. */
class UeScriptsLoadTest {

    @ParameterizedTest
    @ValueSource(strings = {"native", "spring"})
    void everyShippedUeScriptDeploysOnTheBackend(String backend) {
        List<ProcedureDefinition> scripts = UeProcedures.load(Optional.empty());

        try (Engine engine = Engine.builder().backend(backend).deterministic().procedures(scripts).build()) {
            assertThat(engine.procedures()).containsExactlyInAnyOrderElementsOf(UeProcedures.NAMES);
            assertThat(engine.backend()).isEqualTo(backend);
        }
        assertThat(scripts).allSatisfy(d -> {
            assertThat(d.specRef()).startsWith("TS 33.246 §");
            assertThat(d.description()).isNotBlank();
            assertThat(d.errorState()).isPresent();
        });
    }

    @Test
    void anOverrideReplacesTheShippedScriptOfTheSameName(@TempDir Path folder) throws IOException {
        Files.writeString(folder.resolve("mikey-reception.groovy"), listening("ue.mikey-reception"));

        List<ProcedureDefinition> scripts = UeProcedures.load(Optional.of(folder));

        assertThat(scripts).extracting(ProcedureDefinition::name).containsExactlyInAnyOrderElementsOf(UeProcedures.NAMES);
        assertThat(scripts).filteredOn(d -> d.name().equals("ue.mikey-reception")).singleElement()
                .satisfies(d -> assertThat(d.description()).isEqualTo("Listens and does nothing"));
    }

    @Test
    void anOverrideWithoutItsClauseOrUnderAnotherNameIsRefused(@TempDir Path folder) throws IOException {
        Files.writeString(folder.resolve("extra.groovy"), """
                procedure('ue.extra') {
                    description 'Not a UE procedure'
                    initial 'a'
                    state('a') { on(signal('stop')) { goTo 'b' } }
                    finalState 'b'
                }
                """);

        assertThatThrownBy(() -> UeProcedures.load(Optional.of(folder)))
                .isInstanceOf(InvalidDefinitionException.class)
                .hasMessageContaining("procedure 'ue.extra' names no TS 33.246 clause");
    }

    /** An override folder replaces UE procedures; a complete script under a name the UE does not run is a mistake. */
    @Test
    void aCompleteOverrideUnderANameTheUeDoesNotRunIsRefused(@TempDir Path folder) throws IOException {
        Files.writeString(folder.resolve("extra.groovy"), listening("ue.mikey-listening"));

        assertThatThrownBy(() -> UeProcedures.load(Optional.of(folder)))
                .isInstanceOf(InvalidDefinitionException.class)
                .hasMessageContaining("procedure 'ue.mikey-listening' is not a UE procedure");
    }

    @Test
    void anOverrideThatDoesNotCompileAgainstTheContractIsRefused(@TempDir Path folder) throws IOException {
        Files.writeString(folder.resolve("mikey-reception.groovy"), """
                import org.mbmskeys.mbms.ue.procedure.MikeyDatagram
                procedure('ue.mikey-reception') {
                    description 'Uses a field that is not there'
                    spec 'TS 33.246 §6.4.6'
                    input 'ue', String
                    correlateBy 'ue'
                    initial 'listening'
                    state('listening') { on(MikeyDatagram) { action { emit event.payload() } } }
                    errorState 'failed'
                }
                """);

        assertThatThrownBy(() -> UeProcedures.load(Optional.of(folder)))
                .isInstanceOf(InvalidDefinitionException.class)
                .hasMessageContaining("payload");
    }

    @Test
    void anOverrideThatDropsWhatTheUeReliesOnIsRefused(@TempDir Path folder) throws IOException {
        Files.writeString(folder.resolve("service.groovy"), """
                procedure('ue.service') {
                    description 'An edit that forgot the power signals'
                    spec 'TS 33.246 §6.3.2.1A'
                    input 'ue', String
                    initial 'on'
                    state('on') { on(signal('use')) { goTo 'off' } }
                    finalState 'off'
                }
                """);

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> UeProcedures.load(Optional.of(folder)))
                .hasMessageContaining("procedure 'ue.service' handles no signal 'powerOn' in any state")
                .hasMessageContaining("handles no signal 'uiccChanged' in any state");
    }

    /** A complete reception script that only listens, under {@code name}. */
    private static String listening(String name) {
        return """
                import org.mbmskeys.mbms.ue.procedure.MikeyDatagram

                procedure('%s') {
                    description 'Listens and does nothing'
                    spec 'TS 33.246 §6.4.6'
                    input 'ue', String
                    correlateBy 'ue'
                    initial 'listening'
                    state('listening') {
                        on(MikeyDatagram) { }
                        on(signal('stop')) { goTo 'stopped' }
                    }
                    finalState 'stopped'
                }
                """.formatted(name);
    }
}
