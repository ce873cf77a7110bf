package org.mbmskeys.features.wire;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the real curl (Debian package {@code curl}) as a stock HTTP client. When curl is missing a test using it is
 * skipped with a clear message, unless the environment variable {@code CI} is {@code true}: there it is required
 * ({@code .ci/run} installs it) and the test fails.
 */
final class Curl {

    private static final Path BINARY = locate();

    private Curl() {
    }

    private static Path locate() {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(":")) {
            Path p = Path.of(dir, "curl");
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        return null;
    }

    /** Runs curl with {@code args} and returns what it printed; fails the test on a non-zero exit or a time-out. */
    static String run(String... args) throws IOException, InterruptedException {
        if (BINARY == null) {
            String message = "curl is not installed (apt-get install curl); the stock-client test needs it";
            if ("true".equals(System.getenv("CI"))) {
                fail(message + " and CI=true makes it required");
            }
            assumeTrue(false, message + "; skipped because CI is not true");
        }
        List<String> command = new ArrayList<>();
        command.add(BINARY.toString());
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        if (!p.waitFor(20, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("curl did not end within 20 s");
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.exitValue() != 0) {
            fail("curl exited with " + p.exitValue() + ": " + out);
        }
        return out;
    }
}
