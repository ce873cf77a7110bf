package org.mbmskeys.engine.diagram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class DiagramFormatTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "mermaid, MERMAID", "MERMAID, MERMAID", "mmd, MERMAID",
        "plantuml, PLANTUML", "PlantUML, PLANTUML", "puml, PLANTUML",
        "dot, DOT", "graphviz, DOT", "' Dot ', DOT",
    })
    void parsesNamesExtensionsAndAliasesIgnoringCase(String name, DiagramFormat format) {
        assertThat(DiagramFormat.parse(name)).isEqualTo(format);
    }

    @Test
    void anUnknownFormatNamesTheAcceptedOnes() {
        assertThatThrownBy(() -> DiagramFormat.parse("svg"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown diagram format 'svg'; use one of: mermaid (mmd), plantuml (puml), graphviz (dot)");
    }

    @Test
    void namesTheUsualFileExtensions() {
        assertThat(DiagramFormat.MERMAID.fileExtension()).isEqualTo("mmd");
        assertThat(DiagramFormat.PLANTUML.fileExtension()).isEqualTo("puml");
        assertThat(DiagramFormat.DOT.fileExtension()).isEqualTo("dot");
    }
}
