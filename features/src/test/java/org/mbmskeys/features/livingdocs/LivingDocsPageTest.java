package org.mbmskeys.features.livingdocs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mbmskeys.steps.Ladder;

/** The examples in docs/living-docs.md are what the code reads, so the page cannot drift from it. */
class LivingDocsPageTest {

    private static final Path PAGE = Path.of("../docs/living-docs.md");

    private static String page() throws Exception {
        assertThat(PAGE).as("docs/ is next to features/ in a source checkout").isRegularFile();
        return Files.readString(PAGE);
    }

    @Test
    void the_ladder_file_shown_is_a_ladder(@TempDir Path dir) throws Exception {
        Matcher json = Pattern.compile("```json\\n(.*?)```", Pattern.DOTALL).matcher(page());
        assertThat(json.find()).as("a json block").isTrue();
        Path file = dir.resolve("1.json");
        Files.writeString(file, json.group(1));
        Ladder ladder = Ladder.read(file);
        assertThat(ladder.arrows()).hasSize(3);
        assertThat(ladder.arrows().get(2)).isEqualTo(new Ladder.Arrow(20, "bmsc", "ue-1", Ladder.Kind.MIKEY,
                "MSK message V 001-01 0101:0002 T=3", Ladder.Fate.DROPPED, "partitioned"));
    }

    @Test
    void the_clause_references_shown_read_as_the_page_says() throws Exception {
        String page = page();
        assertThat(page).contains("| `RFC 3830 §5.1, §5.2 and §6` |");
        assertThat(Clause.citedIn("RFC 3830 §5.1, §5.2 and §6")).extracting(Clause::label)
                .containsExactly("RFC 3830 §5.1", "RFC 3830 §5.2", "RFC 3830 §6");
        assertThat(Clause.citedIn("§6.3.2.1A, § 6.4.6.1, TS 33.246 §6.3.2, Annex G, Annex G.2")).extracting(Clause::label)
                .containsExactly("§6.3.2.1A", "§6.4.6.1", "§6.3.2", "Annex G", "Annex G.2");
        assertThat(Clause.citedIn("section 6.3, clause 6.3, 33.246")).isEmpty();
    }
}
