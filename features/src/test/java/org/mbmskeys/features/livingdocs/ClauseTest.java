package org.mbmskeys.features.livingdocs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClauseTest {

    private static Clause ts(String clause) {
        return new Clause(Clause.MAIN, clause);
    }

    @Test
    void reads_clauses_and_annexes_of_ts_33246() {
        assertThat(Clause.citedIn("MSK request (§6.3.2.1A), see also § 6.4.6.1 and Annex G; Annex G.2."))
                .containsExactly(ts("§6.3.2.1A"), ts("§6.4.6.1"), ts("Annex G"), ts("Annex G.2"));
    }

    @Test
    void a_reference_after_another_document_belongs_to_it_and_so_does_the_rest_of_its_list() {
        assertThat(Clause.citedIn("TS 33.220 §4.5.2 derives Ks_NAF; RFC 3830 §5.1, §5.2 or §6; MIKEY in §6.3.2.3"))
                .containsExactly(new Clause("TS 33.220", "§4.5.2"), new Clause("RFC 3830", "§5.1"),
                        new Clause("RFC 3830", "§5.2"), new Clause("RFC 3830", "§6"), ts("§6.3.2.3"));
        assertThat(Clause.citedIn("TS 33.246 §6.3.2")).containsExactly(ts("§6.3.2"));
    }

    @Test
    void words_that_only_look_like_references_are_not() {
        assertThat(Clause.citedIn("Annexes, an Annex Generic, section 6.3, 33.246, §, Annex")).isEmpty();
        assertThat(Clause.citedIn(null)).isEmpty();
    }

    @Test
    void each_clause_is_listed_once() {
        assertThat(Clause.citedIn("§6.1 and again §6.1")).containsExactly(ts("§6.1"));
    }

    @Test
    void clauses_sort_as_the_specification_numbers_them() {
        List<Clause> sorted = List.of(ts("§6.3.2"), ts("§6.3.2.1"), ts("§6.3.2.1A"), ts("§6.3.2.2"), ts("§6.3.10"),
                ts("§7"), ts("Annex B"), ts("Annex G"), ts("Annex G.2"), new Clause("RFC 3830", "§5.1"),
                new Clause("TS 33.220", "§4.5.2"));
        List<Clause> shuffled = new ArrayList<>(sorted);
        Collections.reverse(shuffled);
        Collections.sort(shuffled);
        assertThat(shuffled).containsExactlyElementsOf(sorted);
    }

    @Test
    void labels_and_anchors() {
        assertThat(ts("§6.3.2.1A").label()).isEqualTo("§6.3.2.1A");
        assertThat(new Clause("RFC 3830", "§5.1").label()).isEqualTo("RFC 3830 §5.1");
        assertThat(ts("§6.3.2.1A").anchor()).isEqualTo("TS-33.246-6.3.2.1A");
        assertThat(ts("Annex G").anchor()).isEqualTo("TS-33.246-Annex-G");
    }
}
