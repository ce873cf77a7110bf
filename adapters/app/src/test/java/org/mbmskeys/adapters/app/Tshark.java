package org.mbmskeys.adapters.app;

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
 * Runs the real tshark (Debian package {@code tshark}) on capture files for interop tests.
 *
 * <p>When tshark is missing, a test using it is skipped with a clear message, unless the environment
 * variable {@code CI} is {@code true}: there it is required ({@code .ci/run} installs it) and the test fails.
 */
public final class Tshark {

    private static final Path BINARY = locate();

    private Tshark() {
    }

    private static Path locate() {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(":")) {
            Path p = Path.of(dir, "tshark");
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        return null;
    }

    /** Skips (locally) or fails (CI=true) the calling test when tshark is not installed. */
    public static void require() {
        if (BINARY != null) {
            return;
        }
        String message = "tshark is not installed (apt-get install tshark); the Wireshark interop test needs it";
        if ("true".equals(System.getenv("CI"))) {
            fail(message + " and CI=true makes it required");
        }
        assumeTrue(false, message + "; skipped because CI is not true");
    }

    /** Runs tshark with {@code args}, returns stdout; fails the test on a non-zero exit or a time-out. */
    public static String run(String... args) throws IOException, InterruptedException {
        require();
        List<String> command = new ArrayList<>();
        command.add(BINARY.toString());
        command.addAll(List.of(args));
        Path err = Files.createTempFile("tshark", ".err");
        try {
            Process p = new ProcessBuilder(command)
                    .redirectError(err.toFile())
                    .start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                fail("tshark did not finish within 60 s: " + command);
            }
            if (p.exitValue() != 0) {
                fail("tshark exited " + p.exitValue() + ": " + Files.readString(err));
            }
            return new String(out, StandardCharsets.UTF_8);
        } finally {
            Files.deleteIfExists(err);
        }
    }
}
