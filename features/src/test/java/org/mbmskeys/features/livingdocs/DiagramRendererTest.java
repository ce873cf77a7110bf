package org.mbmskeys.features.livingdocs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiagramRendererTest {

    @Test
    void the_smetana_layout_is_chosen_right_after_startuml_unless_the_diagram_chooses_one() {
        assertThat(DiagramRenderer.withLayout("@startuml\nA --> B\n@enduml\n"))
                .isEqualTo("@startuml\n!pragma layout smetana\nA --> B\n@enduml\n");
        String chosen = "@startuml\n!pragma layout elk\nA --> B\n@enduml\n";
        assertThat(DiagramRenderer.withLayout(chosen)).isEqualTo(chosen);
        assertThatThrownBy(() -> DiagramRenderer.withLayout("digraph { a -> b }")).hasMessageContaining("@startuml");
    }

    @Test
    void the_same_text_is_rendered_once() {
        DiagramRenderer renderer = new DiagramRenderer();
        String svg = renderer.svg("@startuml\n[*] --> idle\n@enduml\n");
        assertThat(renderer.svg("@startuml\n[*] --> idle\n@enduml\n")).isSameAs(svg);
        assertThat(renderer.renderings()).isEqualTo(1);
        assertThat(Xml.parse(svg, "idle").getDocumentElement().getTextContent()).contains("idle");
    }

    @Test
    void rendering_many_at_once_gives_what_rendering_one_by_one_gives() {
        List<String> diagrams = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            diagrams.add("@startuml\n[*] --> s" + i + "\ns" + i + " --> t" + i + " : go " + i + "\n@enduml\n");
            diagrams.add("@startuml\nparticipant \"ue-" + i + "\" as A\nparticipant bmsc as B\nA -> B : POST " + i + "\n@enduml\n");
        }
        DiagramRenderer together = new DiagramRenderer();
        together.renderAll(diagrams);
        assertThat(together.renderings()).isEqualTo(diagrams.size());
        DiagramRenderer alone = new DiagramRenderer();
        for (String d : diagrams) {
            assertThat(together.svg(d)).isEqualTo(alone.svg(d));
        }
        assertThat(together.renderings()).as("nothing rendered twice").isEqualTo(diagrams.size());
    }

    @Test
    void a_cache_folder_keeps_each_svg_for_the_next_renderer(@TempDir Path cache) throws Exception {
        String diagram = "@startuml\n[*] --> cached\n@enduml\n";
        DiagramRenderer first = new DiagramRenderer(cache);
        String svg = first.svg(diagram);
        assertThat(first.renderings()).isEqualTo(1);
        try (Stream<Path> files = Files.list(cache)) {
            assertThat(files.map(p -> p.getFileName().toString()).toList()).singleElement().asString().matches("[0-9a-f]{16}\\.svg");
        }
        DiagramRenderer next = new DiagramRenderer(cache);
        assertThat(next.svg(diagram)).isEqualTo(svg);
        assertThat(next.renderings()).as("read from the cache, not rendered").isZero();
        next.svg("@startuml\n[*] --> other\n@enduml\n");
        assertThat(next.renderings()).isEqualTo(1);
    }

    @Test
    void text_plantuml_cannot_read_is_refused_with_the_line_and_the_source() {
        assertThatThrownBy(() -> new DiagramRenderer().svg("@startuml\n[*] --> idle\nthis is not -->--> plantuml {{\n@enduml\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("PlantUML cannot read the diagram (line 4)")
                .hasMessageContaining("   4  this is not -->--> plantuml {{");
    }
}
