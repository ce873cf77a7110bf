package org.mbmskeys.engine.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class NameSuggestionsTest {

    @Test
    void suggestsTheClosestNameForATypo() {
        assertThat(NameSuggestions.closest("desription", List.of("description", "spec", "state"))).contains("description");
        assertThat(NameSuggestions.closest("sendng", List.of("sending", "done"))).contains("sending");
    }

    @Test
    void countsASwapOfNeighbouringLettersAsOneEdit() {
        assertThat(NameSuggestions.distance("goto", "gtoo")).isEqualTo(1);
        assertThat(NameSuggestions.closest("stae", List.of("state", "spec"))).contains("state");
    }

    @Test
    void ignoresCase() {
        assertThat(NameSuggestions.closest("GOTO", List.of("goTo"))).contains("goTo");
    }

    @Test
    void suggestsNothingWhenNoNameIsClose() {
        assertThat(NameSuggestions.closest("banana", List.of("description", "spec"))).isEmpty();
        assertThat(NameSuggestions.closest("x", List.of())).isEmpty();
        assertThat(NameSuggestions.closest("z", List.of("x"))).isEmpty();
    }

    @Test
    void hintListsTheCandidatesSortedAfterTheSuggestion() {
        assertThat(NameSuggestions.hint("dnoe", List.of("sending", "done"), "declared states"))
                .isEqualTo("did you mean 'done'? declared states: done, sending");
        assertThat(NameSuggestions.hint("zzz", List.of("sending", "done"), "declared states"))
                .isEqualTo("declared states: done, sending");
        assertThat(NameSuggestions.hint("zzz", List.of(), "inputs")).isEqualTo("there are no inputs");
    }
}
