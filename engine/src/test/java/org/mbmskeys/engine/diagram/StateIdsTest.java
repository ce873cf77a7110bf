package org.mbmskeys.engine.diagram;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StateIdsTest {

    @ParameterizedTest(name = "''{0}'' -> {1}")
    @CsvSource(delimiter = '|', value = {
        "idle                  | idle",
        "awaitingAck2          | awaitingAck2",
        "wait_for_ack          | wait_for_ack",
        "key-exchange.waiting  | key_exchange_waiting",
        "wait: ack             | wait__ack",
        "1st                   | s_1st",
        "_private              | s__private",
        "état                  | s__tat",
        "end                   | end_",
        "End                   | End_",
        "NODE                  | NODE_",
        "state                 | state_",
        "classDef              | classDef_",
        "subgraph              | subgraph_",
        "wait_start            | wait_start_",
        "session_end           | session_end_",
        "defaultRoute          | s_defaultRoute",
        "setDirection          | setDirection_",
    })
    void sanitizesNamesIntoIdsEveryFormatAccepts(String name, String id) {
        assertThat(StateIds.sanitize(name)).isEqualTo(id);
    }

    @Test
    void anEmptyNameStillGetsAnId() {
        assertThat(StateIds.sanitize("")).isEqualTo("s_");
    }

    @Test
    void namesThatAreAlreadyIdsKeepThemEvenWhenDeclaredAfterAClashingName() {
        StateIds ids = StateIds.assign(List.of("a-b", "a.b", "a_b"));

        assertThat(ids.of("a_b")).isEqualTo("a_b");
        assertThat(ids.of("a-b")).isEqualTo("a_b_2");
        assertThat(ids.of("a.b")).isEqualTo("a_b_3");
    }

    @Test
    void clashingSanitizedIdsAreNumberedInDeclarationOrder() {
        assertThat(StateIds.assign(List.of("x.y", "x-y")).of("x.y")).isEqualTo("x_y");
        assertThat(StateIds.assign(List.of("x-y", "x.y")).of("x-y")).isEqualTo("x_y");
    }

    @Test
    void everyNameGetsItsOwnIdOfLettersDigitsAndUnderscores() {
        Random random = new Random(20261122);
        String alphabet = "ab_-.: \"#;1éE";
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            StringBuilder name = new StringBuilder();
            for (int n = random.nextInt(5); n >= 0; n--) {
                name.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            if (!names.contains(name.toString())) {
                names.add(name.toString());
            }
        }

        StateIds ids = StateIds.assign(names);

        HashSet<String> seen = new HashSet<>();
        for (String name : names) {
            String id = ids.of(name);
            assertThat(id).as("id of '%s'", name).matches("[A-Za-z][A-Za-z0-9_]*").doesNotEndWith("_start")
                    .doesNotEndWith("_end");
            assertThat(seen.add(id)).as("id %s of '%s' is unique", id, name).isTrue();
        }
    }
}
