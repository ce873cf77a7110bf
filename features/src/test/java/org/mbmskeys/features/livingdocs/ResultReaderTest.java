package org.mbmskeys.features.livingdocs;

import org.mbmskeys.steps.ScenarioId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reads the sample reports of {@code livingdocs/sample-site/build/reports/<backend>/cucumber.json}. */
class ResultReaderTest {

    private static final Path BUILD = Samples.folder("livingdocs/sample-site/build");
    private static final String FEATURE = "ue/msk-request";

    private static ResultReader.BackendResults read(String backend) {
        return ResultReader.read(backend, BUILD.resolve("reports").resolve(backend),
                BUILD.resolve("traces").resolve(backend).resolve("backend-unavailable.txt"));
    }

    private static ScenarioId at(int line) {
        return new ScenarioId(FEATURE, line);
    }

    @Test
    void each_scenario_is_found_by_its_feature_path_and_line_whatever_the_uri_scheme() {
        ResultReader.BackendResults nativeRun = read("native");
        assertThat(nativeRun.results()).containsOnlyKeys(at(6), at(15), at(22), at(34), at(35));
        assertThat(read("spring").results()).containsKeys(at(6), at(39));
        assertThat(nativeRun.reports()).containsExactly(BUILD.resolve("reports/native/cucumber.json"));
    }

    @Test
    void a_scenario_passes_when_every_step_and_hook_passed() {
        assertThat(read("native").of(at(15))).isEqualTo(new ResultReader.Result(Status.PASSED, ""));
    }

    @Test
    void a_failed_step_fails_the_scenario_with_its_message() {
        ResultReader.Result r = read("native").of(at(22));
        assertThat(r.status()).isEqualTo(Status.FAILED);
        assertThat(r.detail()).startsWith("java.lang.AssertionError: expected 404 <but was> 200");
    }

    @Test
    void a_failed_background_fails_the_scenario_that_follows_it_even_if_its_own_steps_were_skipped() {
        ResultReader.Result r = read("spring").of(at(22));
        assertThat(r.status()).isEqualTo(Status.FAILED);
        assertThat(r.detail()).isEqualTo("background broke");
    }

    @Test
    void a_skipped_hook_skips_the_scenario_with_the_reason_and_an_undefined_step_fails_it() {
        ResultReader.BackendResults spring = read("spring");
        assertThat(spring.of(at(34))).isEqualTo(new ResultReader.Result(Status.SKIPPED,
                "org.opentest4j.TestAbortedException: no spring backend"));
        assertThat(spring.of(at(35))).isEqualTo(new ResultReader.Result(Status.FAILED, "undefined"));
    }

    @Test
    void a_scenario_the_report_does_not_have_is_missing() {
        assertThat(read("native").of(at(39)).status()).isEqualTo(Status.MISSING);
        assertThat(read("nonexistent").results()).isEmpty();
    }

    @Test
    void the_reason_a_backend_was_unavailable_is_read_from_its_trace_folder() {
        assertThat(read("spring").unavailable()).contains("no 'spring' backend on the class path (sample)");
        assertThat(read("native").unavailable()).isEmpty();
    }

    @Test
    void a_file_that_is_not_a_cucumber_report_is_refused(@TempDir Path dir) throws Exception {
        Path report = dir.resolve("cucumber.json");
        Files.writeString(report, "{\"not\": \"a list\"}");
        assertThatThrownBy(() -> ResultReader.parse(report)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a Cucumber JSON report");
    }
}
