package org.mbmskeys.engine.diagram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The example diagram in docs/architecture.md is real output, so the page cannot drift from the code. */
class DocsExampleTest {

    @Test
    void theArchitecturePageShowsThePushExampleAsTheWriterDrawsIt() throws IOException {
        Path page = Path.of("../docs/architecture.md");
        assertTrue(Files.exists(page), "docs/ is next to engine/ in a source checkout");

        assertThat(Files.readString(page, StandardCharsets.UTF_8))
                .contains("```mermaid\n" + DiagramWriter.mermaid().write(Examples.push()) + "```\n");
    }
}
