package org.mbmskeys.adapters.app.mikey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mbmskeys.adapters.app.CliRun;
import org.mbmskeys.engine.bytes.Bytes;

/**
 * The golden messages, built by {@code mbms-keys mikey build}, are byte for byte those of
 * {@code src/test/resources/mikey/independent_golden.py}: a reproduction written from the texts of
 * TS 33.246 (§6.4.4–§6.4.5.3, §6.5.4) and RFCs 3830, 4563 and 4771 alone, without reading the Java code,
 * using Python's {@code hmac} and the {@code cryptography} package. A mismatch is settled by re-reading the
 * clause, never by copying one side's bytes into the other.
 *
 * <p>Skipped without python3 and {@code cryptography} locally; required under {@code CI=true}
 * ({@code .ci/run} installs {@code python3-cryptography}).
 */
class IndependentReproductionTest {

    private static Map<String, String> python;

    @BeforeAll
    static void runTheIndependentScript() throws Exception {
        requirePython();
        Path script = Path.of(IndependentReproductionTest.class.getResource("/mikey/independent_golden.py").toURI());
        python = new LinkedHashMap<>();
        for (String line : run(List.of("python3", script.toString())).strip().split("\n")) {
            String[] parts = line.strip().split(" ", 2);
            python.put(parts[0], parts[1]);
        }
    }

    @Test
    void theScriptPrintsEveryMessageKind() {
        assertThat(python.keySet()).containsExactlyInAnyOrder("msk-download", "ack", "solicit", "msk-streaming",
                "mtk-streaming", "mtk-download", "msk-validity-only");
    }

    @Test
    void downloadMskMessage() {
        assertThat(built(MikeyGolden.BUILD_MSK)).isEqualTo(python.get("msk-download"))
                .isEqualTo(MikeyGolden.MSK_MESSAGE.toHex());
    }

    @Test
    void streamingMskMessage() {
        assertThat(built(MikeyGolden.BUILD_MSK_STREAMING)).isEqualTo(python.get("msk-streaming"))
                .isEqualTo(MikeyGolden.MSK_STREAMING_MESSAGE.toHex());
    }

    @Test
    void verificationMessage() {
        assertThat(built("mikey", "build", "ack", "--muk", MikeyGolden.MUK, "--answers", MikeyGolden.MSK_MESSAGE.toHex()))
                .isEqualTo(python.get("ack")).isEqualTo(MikeyGolden.ACK_MESSAGE.toHex());
    }

    @Test
    void solicitedPull() {
        assertThat(built(MikeyGolden.BUILD_SOLICIT)).isEqualTo(python.get("solicit"))
                .isEqualTo(MikeyGolden.SOLICIT_MESSAGE.toHex());
    }

    @Test
    void streamingMtkMessage() {
        assertThat(built(MikeyGolden.BUILD_MTK)).isEqualTo(python.get("mtk-streaming"))
                .isEqualTo(MikeyGolden.MTK_MESSAGE.toHex());
    }

    @Test
    void downloadMtkMessage() {
        assertThat(built(MikeyGolden.BUILD_MTK_DOWNLOAD)).isEqualTo(python.get("mtk-download"))
                .isEqualTo(MikeyGolden.MTK_DOWNLOAD_MESSAGE.toHex());
    }

    @Test
    void validityOnlyUpdate() {
        assertThat(built(MikeyGolden.BUILD_VALIDITY_ONLY)).isEqualTo(python.get("msk-validity-only"))
                .isEqualTo(MikeyGolden.VALIDITY_ONLY_MESSAGE.toHex());
    }

    private static String built(String... args) {
        CliRun run = CliRun.of(args);
        assertThat(run.exitCode()).as("stderr: %s", run.err()).isZero();
        return run.out().strip();
    }

    private static void requirePython() throws IOException, InterruptedException {
        boolean present;
        try {
            present = exitCode(List.of("python3", "-c", "import cryptography")) == 0;
        } catch (IOException noPython) {
            present = false;
        }
        if (present) {
            return;
        }
        String message = "python3 with the cryptography package is not installed (apt-get install python3-cryptography); "
                + "the independent reproduction needs it";
        if ("true".equals(System.getenv("CI"))) {
            fail(message + " and CI=true makes it required");
        }
        assumeTrue(false, message + "; skipped because CI is not true");
    }

    private static int exitCode(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return -1;
        }
        return p.exitValue();
    }

    private static String run(List<String> command) throws IOException, InterruptedException {
        Path err = Files.createTempFile("python", ".err");
        try {
            Process p = new ProcessBuilder(command).redirectError(err.toFile()).start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                fail("python3 did not finish within 60 s: " + command);
            }
            if (p.exitValue() != 0) {
                fail("python3 exited " + p.exitValue() + ": " + Files.readString(err));
            }
            return new String(out, StandardCharsets.UTF_8);
        } finally {
            Files.deleteIfExists(err);
        }
    }
}
