package org.mbmskeys.adapters.app.run;

import static org.assertj.core.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * The command line as a real process (a JVM of its own on this test's class path), its output read line by line,
 * so a test can wait for a line, send SIGTERM or SIGKILL, and read everything it printed.
 */
final class JavaProcess implements AutoCloseable {

    private final Process process;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final List<String> all = java.util.Collections.synchronizedList(new ArrayList<>());

    private final Thread reader;

    private JavaProcess(Process process) {
        this.process = process;
        this.reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    all.add(line);
                    lines.add(line);
                }
            } catch (IOException e) {
                all.add("(output unreadable: " + e + ")");
            }
        }, "output of " + process.pid());
        reader.setDaemon(true);
        reader.start();
    }

    /** {@code mbms-keys ARGS...} in {@code dir}, stdout and stderr together. */
    static JavaProcess mbmsKeys(Path dir, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "org.mbmskeys.adapters.app.MbmsKeysCli"));
        command.addAll(List.of(args));
        return new JavaProcess(new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start());
    }

    /** The first line from now on that {@code wanted} takes, within {@code seconds}; fails the test otherwise. */
    String await(String what, Predicate<String> wanted, int seconds) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (true) {
            String line = lines.poll(end - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (line == null) {
                return fail("no line with " + what + " within " + seconds + " s; the process printed:\n" + output());
            }
            if (wanted.test(line)) {
                return line;
            }
        }
    }

    /** Waits until lines from now on contained each of {@code contained}, in any order, within {@code seconds}. */
    void awaitEach(int seconds, String... contained) throws InterruptedException {
        java.util.Set<String> missing = new java.util.LinkedHashSet<>(List.of(contained));
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!missing.isEmpty()) {
            String line = lines.poll(end - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (line == null) {
                fail("no lines with " + missing + " within " + seconds + " s; the process printed:\n" + output());
                return;
            }
            missing.removeIf(line::contains);
        }
    }

    String await(String contained, int seconds) throws InterruptedException {
        return await("\"" + contained + "\"", l -> l.contains(contained), seconds);
    }

    /** SIGTERM, then waits for the exit and the last line of output. */
    int terminate() throws InterruptedException {
        // Through the handle: Process.destroy() would also close our end of its output, losing the last lines.
        process.toHandle().destroy();
        return awaitExit("SIGTERM");
    }

    /** SIGKILL: no shutdown hook runs. */
    /** SIGSTOP: the process stands still (a long pause, as a stalled machine makes), until {@link #resume}. */
    void pause() throws IOException, InterruptedException {
        signal("-STOP");
    }

    /** SIGCONT after {@link #pause}. */
    void resume() throws IOException, InterruptedException {
        signal("-CONT");
    }

    private void signal(String which) throws IOException, InterruptedException {
        // The shell's own kill: no package needed for it.
        Process kill = new ProcessBuilder("sh", "-c", "kill " + which + " " + process.pid()).inheritIO().start();
        if (kill.waitFor() != 0) {
            fail("kill " + which + " " + process.pid() + " failed");
        }
    }

    void kill() throws InterruptedException {
        process.toHandle().destroyForcibly();
        awaitExit("SIGKILL");
    }

    /** Waits for the process to end by itself within {@code seconds}; fails the test otherwise. */
    int awaitOwnExit(int seconds) throws InterruptedException {
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail("still running " + seconds + " s after it started; printed:\n" + output());
        }
        reader.join(TimeUnit.SECONDS.toMillis(10));
        return process.exitValue();
    }

    private int awaitExit(String after) throws InterruptedException {
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail("did not stop within 30 s of " + after + "; printed:\n" + output());
        }
        reader.join(TimeUnit.SECONDS.toMillis(10));
        return process.exitValue();
    }

    String output() {
        synchronized (all) {
            return String.join("\n", all);
        }
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
