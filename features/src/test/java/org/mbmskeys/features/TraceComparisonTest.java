package org.mbmskeys.features;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How differences between the trace files of two backend runs are found and worded. */
class TraceComparisonTest {

    @TempDir
    Path dir;

    private Path run(String name, String... files) throws IOException {
        Path root = dir.resolve(name);
        for (int i = 0; i < files.length; i += 2) {
            Path file = root.resolve(files[i]);
            Files.createDirectories(file.getParent());
            Files.writeString(file, files[i + 1]);
        }
        return root;
    }

    @Test
    void identicalTracesHaveNoDifferences() throws IOException {
        Path a = run("a", "timers/005-x.trace", "one\ntwo\n", "retries/007-y.trace", "three\n");
        Path b = run("b", "timers/005-x.trace", "one\ntwo\n", "retries/007-y.trace", "three\n");

        assertThat(TraceComparison.between("native", a, "spring", b)).isEmpty();
    }

    @Test
    void aChangedLineIsShownAsRemovedAndAddedWithItsScenario() throws IOException {
        Path a = run("a", "timers/005-x.trace", "start\n[5s] p[k] waiting -[timer 't']-> expired\nend\n");
        Path b = run("b", "timers/005-x.trace", "start\n[8s] p[k] waiting -[timer 't']-> expired\nend\n");

        assertThat(TraceComparison.between("native", a, "spring", b)).containsExactly("""
                timers/005-x.trace: the traces differ (-native +spring)
                      start
                    - [5s] p[k] waiting -[timer 't']-> expired
                    + [8s] p[k] waiting -[timer 't']-> expired
                      end
                """);
    }

    @Test
    void aScenarioThatOnlyOneRunHasIsNamed() throws IOException {
        Path a = run("a", "timers/005-x.trace", "same\n", "timers/009-only-native.trace", "x\n");
        Path b = run("b", "timers/005-x.trace", "same\n", "errors/003-only-spring.trace", "y\n");

        assertThat(TraceComparison.between("native", a, "spring", b)).containsExactly(
                "errors/003-only-spring.trace: only the spring run has this scenario",
                "timers/009-only-native.trace: only the native run has this scenario");
    }

    @Test
    void longRunsOfEqualLinesAreElidedAroundAChange() {
        List<String> a = List.of("1", "2", "3", "4", "5", "6", "7", "8", "9", "10");
        List<String> b = List.of("1", "2", "3", "4", "5", "6", "7", "8", "nine", "10");

        assertThat(TraceComparison.diff(a, b)).isEqualTo("""
                    ...
                      6
                      7
                      8
                    - 9
                    + nine
                      10
                """);
    }
}
