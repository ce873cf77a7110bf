package org.mbmskeys.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.abort;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The backends' conformance: every engine scenario left the same trace (journal, per-instance transition
 * traces and status) on the native and on the spring backend. Runs after both feature runs (its own
 * Surefire execution, see the POM); skipped, saying why, when the spring run had no spring backend.
 */
class TracesAgreeTest {

    /** Written by a feature run whose backend is missing (kept equal to TraceFiles.UNAVAILABLE). */
    private static final String UNAVAILABLE = "backend-unavailable.txt";

    private final Path root = Path.of(System.getProperty("mbmskeys.features.traces.root", "target/traces"));

    @Test
    void everyScenarioLeavesTheSameTraceOnTheNativeAndTheSpringBackend() throws IOException {
        Path nativeRun = root.resolve("native");
        Path springRun = root.resolve("spring");
        for (Path run : List.of(nativeRun, springRun)) {
            if (Files.exists(run.resolve(UNAVAILABLE))) {
                abort("nothing to compare: the " + run.getFileName() + " run had no backend; "
                        + Files.readString(run.resolve(UNAVAILABLE), StandardCharsets.UTF_8).strip());
            }
            assertThat(TraceComparison.traces(run))
                    .as("trace files of the %s run in %s; run the features on both backends first "
                            + "(mvn -pl features -am verify)", run.getFileName(), run)
                    .isNotEmpty();
        }

        List<String> differences = TraceComparison.between("native", nativeRun, "spring", springRun);

        if (!differences.isEmpty()) {
            fail(differences.size() + " of " + TraceComparison.traces(nativeRun).size() + " scenarios behave differently "
                    + "on the spring backend:\n\n" + String.join("\n", differences));
        }
    }
}
