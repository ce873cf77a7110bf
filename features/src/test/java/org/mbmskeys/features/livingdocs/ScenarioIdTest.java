package org.mbmskeys.features.livingdocs;

import org.mbmskeys.steps.ScenarioId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ScenarioIdTest {

    private static final ScenarioId EXPECTED = new ScenarioId("ue/msk-request", 42);

    @Test
    void a_scenario_is_named_the_same_whatever_the_uri_scheme() {
        assertThat(ScenarioId.of("classpath:features/ue/msk-request.feature", 42)).isEqualTo(EXPECTED);
        assertThat(ScenarioId.of("file:/work/x/features/src/test/resources/features/ue/msk-request.feature", 42)).isEqualTo(EXPECTED);
        assertThat(ScenarioId.of("file:///C:/x/features/src/test/resources/features/ue/msk-request.feature", 42)).isEqualTo(EXPECTED);
        assertThat(ScenarioId.of("C:\\x\\src\\test\\resources\\features\\ue\\msk-request.feature", 42)).isEqualTo(EXPECTED);
        assertThat(ScenarioId.of("ue/msk-request.feature", 42)).isEqualTo(EXPECTED);
    }

    @Test
    void only_a_folder_named_features_starts_the_path() {
        assertThat(ScenarioId.of("classpath:features/bmsc-features/push.feature", 3))
                .isEqualTo(new ScenarioId("bmsc-features/push", 3));
    }

    @Test
    void prints_as_feature_and_line_and_sorts_by_feature_then_line() {
        assertThat(EXPECTED).hasToString("ue/msk-request:42");
        assertThat(EXPECTED.ladderFile()).isEqualTo("ue/msk-request/42.json");
        assertThat(new ScenarioId("a", 10)).isGreaterThan(new ScenarioId("a", 9)).isLessThan(new ScenarioId("b", 1));
        assertThatThrownBy(() -> new ScenarioId("a", 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
