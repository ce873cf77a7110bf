package org.mbmskeys.mbms.bmsc.procedure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mbmskeys.engine.dsl.ProcedureRepository;
import org.mbmskeys.engine.model.ProcedureDefinition;

/** The shipped BM-SC scripts compile statically against the contract and pass the verifier. */
class BmscScriptsTest {

    @Test
    void everyShippedBmscScriptLoadsAndNamesItsClause() {
        List<ProcedureDefinition> definitions = ProcedureRepository.builder().classpath("procedures/bmsc").build().definitions();

        assertThat(definitions).extracting(ProcedureDefinition::name).containsExactlyInAnyOrder("bmsc.registration",
                    "bmsc.deregistration", "bmsc.msk-request", "bmsc.msk-push", "bmsc.solicited-pull", "bmsc.mtk-delivery");
        assertThat(definitions).allSatisfy(d -> {
            assertThat(d.specRef()).startsWith("TS 33.246 §");
            assertThat(d.description()).isNotBlank();
        });
    }
}
