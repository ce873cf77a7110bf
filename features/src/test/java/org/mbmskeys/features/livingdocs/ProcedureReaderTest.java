package org.mbmskeys.features.livingdocs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mbmskeys.engine.model.InvalidDefinitionException;
import org.w3c.dom.Document;

/**
 * The procedures load through the engine's repository, and the engine's PlantUML writer output renders
 * with the smetana layout: nesting, guards, timers with retries and back-off, internal transitions,
 * signals, the error state, names that need escaping.
 */
class ProcedureReaderTest {

    private static final List<ProcedureDoc> SAMPLES = Samples.procedures().read();

    @Test
    void every_script_below_the_folder_loads_sorted_by_name_with_its_text() throws Exception {
        assertThat(SAMPLES).extracting(ProcedureDoc::name).containsExactly("sample.flat", "sample.key-push");
        ProcedureDoc push = SAMPLES.get(1);
        assertThat(push.file()).isEqualTo(Samples.PROCEDURES + "/bmsc/key-push.groovy");
        assertThat(push.specRef()).isEqualTo("TS 33.246 §6.3.2.1A, §6.3.2.3 and Annex G");
        assertThat(push.description()).contains("<MSK> &");
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(push.file())) {
            assertThat(push.script()).isEqualTo(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        assertThat(push.plantUml()).startsWith("@startuml").contains("state delivery {");
    }

    @Test
    void a_folder_without_scripts_has_no_procedures() {
        assertThat(new ProcedureReader("livingdocs/no-such-folder", getClass().getClassLoader()).read()).isEmpty();
    }

    @Test
    void a_script_that_does_not_load_is_reported_with_its_problems() {
        assertThatThrownBy(() -> new ProcedureReader("livingdocs/broken-procedures", getClass().getClassLoader()).read())
                .isInstanceOfSatisfying(InvalidDefinitionException.class, e -> assertThat(ProcedureReader.describe(e))
                        .contains("livingdocs/broken-procedures/broken.groovy:"));
    }

    @Test
    void the_engines_plantuml_writer_output_renders_to_svg_with_every_state_and_arrow() {
        DiagramRenderer renderer = new DiagramRenderer();
        for (ProcedureDoc p : SAMPLES) {
            Document svg = Xml.parse(renderer.svg(p.plantUml()), p.name());
            assertThat(svg.getDocumentElement().getTagName()).isEqualTo("svg");
            assertThat(svg.getDocumentElement().getTextContent()).contains(p.name());
        }
        String push = Xml.parse(renderer.svg(SAMPLES.get(1).plantUml()), "push").getDocumentElement().getTextContent();
        assertThat(push).contains("delivery", "sending", "waiting", "key.confirmed", "cancelled", "failed",
                "[answer is ok]", "signal 'cancel'", "after 1m", "Ping (internal)", "retry ≤4", "<MSK> &");
        assertThat(renderer.renderings()).isEqualTo(2);
    }
}
