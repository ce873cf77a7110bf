package org.mbmskeys.mbms.bmsc.procedure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mbmskeys.engine.model.InvalidDefinitionException;
import org.mbmskeys.engine.dsl.ProcedureRepository;
import org.mbmskeys.engine.model.ProcedureDefinition;

/** The shipped BM-SC scripts compile statically against the contract and pass the verifier. */
class BmscScriptsTest {

    @Test
    void everyShippedBmscScriptLoadsAndNamesItsClause() {
        List<ProcedureDefinition> definitions = ProcedureRepository.builder().classpath("procedures/bmsc")
                .check(BmscContract.CONTRACT).build().definitions();

        assertThat(definitions).extracting(ProcedureDefinition::name).containsExactlyInAnyOrder("bmsc.registration",
                    "bmsc.deregistration", "bmsc.msk-request", "bmsc.msk-push", "bmsc.solicited-pull", "bmsc.mtk-delivery");
        assertThat(BmscContract.CONTRACT.procedures()).containsExactlyInAnyOrderElementsOf(
                definitions.stream().map(ProcedureDefinition::name).toList());
        assertThat(definitions).allSatisfy(d -> {
            assertThat(d.specRef()).startsWith("TS 33.246 §");
            assertThat(d.description()).isNotBlank();
        });
    }

    @Test
    void anOverrideThatDropsWhatTheBmscReliesOnIsRefusedWithEveryReason(@TempDir Path folder) throws IOException {
        Files.writeString(folder.resolve("mtk-delivery.groovy"), """
                procedure('bmsc.mtk-delivery') {
                    description 'an edit that forgot the signals'
                    spec 'TS 33.246 §6.3.3.2.2'
                    input 'sessionId', String
                    initial 'delivering'
                    state('delivering') { on(signal('halt')) { goTo 'stopped' } }
                    finalState 'stopped'
                }
                """);

        assertThatThrownBy(() -> ProcedureRepository.builder().classpath("procedures/bmsc", folder)
                .check(BmscContract.CONTRACT).build())
                .isInstanceOf(InvalidDefinitionException.class)
                .hasMessageContaining("procedure 'bmsc.mtk-delivery' must declare input 'session' (String)")
                .hasMessageContaining("declares input 'sessionId', which the BM-SC does not give")
                .hasMessageContaining("handles no signal 'next' in any state")
                .hasMessageContaining("handles no signal 'stop' in any state");
    }
}
