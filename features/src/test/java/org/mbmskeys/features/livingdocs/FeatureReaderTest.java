package org.mbmskeys.features.livingdocs;

import org.mbmskeys.steps.ScenarioId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeatureReaderTest {

    private static final List<FeatureDoc> FEATURES = new FeatureReader(Samples.folder("livingdocs/sample-site/features")).readAll();

    @Test
    void a_feature_keeps_its_description_tags_and_children_in_file_order() {
        assertThat(FEATURES).hasSize(1);
        FeatureDoc f = FEATURES.get(0);
        assertThat(f.path()).isEqualTo("ue/msk-request.feature");
        assertThat(f.id()).isEqualTo("ue/msk-request");
        assertThat(f.name()).isEqualTo("MSK request <sample>");
        assertThat(f.tags()).containsExactly("@sample");
        assertThat(f.description()).startsWith("A sample feature for the living docs' own tests. The UE asks")
                .contains("\n(`POST msk-request`)");
        assertThat(f.children()).hasSize(3);
        assertThat(f.background()).isEmpty();
        assertThat(f.children().get(0)).isInstanceOfSatisfying(FeatureDoc.Example.class,
                e -> assertThat(e.id()).isEqualTo(new ScenarioId("ue/msk-request", 6)));
        assertThat(f.children().get(1)).isInstanceOfSatisfying(FeatureDoc.Rule.class, r -> {
            assertThat(r.name()).isEqualTo("The BM-SC answers an MSK request with one MIKEY message per MSK (§6.3.2.1A, Annex G)");
            assertThat(r.description()).isEqualTo("The request names key IDs; TS 33.220 §4.5.2 derives the keys it uses.");
            assertThat(r.line()).isEqualTo(9);
            assertThat(r.examples()).extracting(e -> e.id().line()).containsExactly(15, 22);
            assertThat(r.background()).containsExactly(new FeatureDoc.Step("Given", "a UE", ""));
        });
    }

    @Test
    void steps_keep_their_doc_strings() {
        FeatureDoc.Example e = FEATURES.get(0).examples().get(1);
        assertThat(e.steps()).containsExactly(
                new FeatureDoc.Step("When", "the UE asks for MSKs \"0001:0002\" and \"0001:0003\"", ""),
                new FeatureDoc.Step("Then", "the BM-SC pushes:", "MSK 0001:0002 & MSK 0001:0003 <both>"));
    }

    @Test
    void an_outline_runs_once_per_row_of_every_examples_block_each_at_its_own_line() {
        FeatureDoc.Example outline = FEATURES.get(0).examples().get(3);
        assertThat(outline.isOutline()).isTrue();
        assertThat(outline.header()).containsExactly("n");
        assertThat(outline.runs()).containsExactly(new FeatureDoc.Run(new ScenarioId("ue/msk-request", 34), "1"),
                new FeatureDoc.Run(new ScenarioId("ue/msk-request", 35), "2"),
                new FeatureDoc.Run(new ScenarioId("ue/msk-request", 39), "10"));
        assertThat(outline.rows()).extracting(FeatureDoc.Row::title).containsExactly("few", "few", "many");
        assertThat(FEATURES.get(0).runs()).hasSize(6);
    }

    @Test
    void no_folder_means_no_features_and_a_file_that_does_not_parse_is_refused(@TempDir Path dir) throws Exception {
        assertThat(new FeatureReader(dir.resolve("absent")).readAll()).isEmpty();
        Files.writeString(dir.resolve("bad.feature"), "Feature: x\n  Example: y\n    Given z\n  Rule\n  Scenario Outline without colon\n| a |\n");
        assertThatThrownBy(() -> new FeatureReader(dir).readAll()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bad.feature does not parse");
    }
}
