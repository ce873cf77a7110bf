package org.mbmskeys.features.livingdocs;

import org.mbmskeys.steps.Json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {

    @Test
    void reads_objects_arrays_and_every_kind_of_value_in_document_order() {
        Object value = Json.parse(" {\"b\": [1, -2.5e1, true, false, null], \"a\": {\"s\": \"x\\\"\\n\\u00e9\\/\"}, \"e\": [], \"o\": {}} ");
        assertThat(value).isEqualTo(Map.of("b", Arrays.asList(1L, -25.0, true, false, null),
                "a", Map.of("s", "x\"\né/"), "e", List.of(), "o", Map.of()));
        assertThat(((Map<?, ?>) value).keySet()).hasToString("[b, a, e, o]");
    }

    @Test
    void a_quoted_string_reads_back_as_itself() {
        String tricky = "quote \" backslash \\ tab \t line\nbell \u0007 <tag> & é";
        assertThat(Json.parse(Json.quote(tricky))).isEqualTo(tricky);
        assertThat(Json.quote("\u0007")).isEqualTo("\"\\u0007\"");
    }

    @Test
    void text_that_is_not_json_is_refused_with_the_offset() {
        assertThatThrownBy(() -> Json.parse("{\"a\": 1,}")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("offset 8");
        assertThatThrownBy(() -> Json.parse("[1] 2")).hasMessageContaining("text after the value");
        assertThatThrownBy(() -> Json.parse("\"open")).hasMessageContaining("not closed");
        assertThatThrownBy(() -> Json.parse("")).hasMessageContaining("ends");
        assertThatThrownBy(() -> Json.parse("tru")).hasMessageContaining("unexpected");
    }
}
