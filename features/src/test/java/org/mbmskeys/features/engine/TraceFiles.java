package org.mbmskeys.features.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.stream.Stream;
import org.mbmskeys.engine.spi.InstanceRef;
import org.mbmskeys.engine.spi.Step;

/**
 * Writes what each scenario did to {@code <traces>/<feature>/<line>-<scenario>.trace}, where
 * {@code <traces>} is the system property {@value #PROPERTY} (the POM sets
 * {@code target/traces/<backend>}). A file holds the scenario's status, its {@link Journal} and the
 * {@code TransitionTrace} of every instance; nothing in it names the backend, so the files of two runs
 * compare line by line ({@code TracesAgreeTest}).
 *
 * <p>A run whose backend is not on the class path writes only {@value #UNAVAILABLE}, saying why.
 */
final class TraceFiles {

    static final String PROPERTY = "mbmskeys.features.traces";
    static final String UNAVAILABLE = "backend-unavailable.txt";

    private TraceFiles() {
    }

    static Path directory() {
        return Path.of(System.getProperty(PROPERTY, "target/traces/" + Backends.selected()));
    }

    /** Empties the directory, so that renamed or removed scenarios leave no stale traces behind. */
    static void reset() {
        Path dir = directory();
        try {
            if (Files.exists(dir)) {
                try (Stream<Path> files = Files.walk(dir)) {
                    for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                        Files.delete(p);
                    }
                }
            }
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot reset the trace directory " + dir, e);
        }
    }

    static void writeUnavailable(String reason) {
        write(directory().resolve(UNAVAILABLE), reason + "\n");
    }

    /**
     * @param uri    the feature's URI, e.g. {@code classpath:features/engine/timers.feature}
     * @param line   the scenario's line (each Scenario Outline example has its own)
     */
    static void write(World world, String uri, int line, String scenario, String status) {
        String feature = uri.substring(uri.lastIndexOf('/') + 1).replaceFirst("\\.feature$", "");
        String file = String.format("%03d-%s.trace", line, slug(scenario));
        StringBuilder out = new StringBuilder()
                .append("scenario: ").append(scenario).append('\n')
                .append("at: ").append(feature).append(".feature:").append(line).append('\n')
                .append("status: ").append(status).append("\n\njournal:\n");
        world.journal.all().forEach(l -> out.append("  ").append(l.text()).append('\n'));
        out.append("\ntraces:\n");
        world.traces.instances().stream().sorted(Comparator.comparing(InstanceRef::toString)).forEach(instance -> {
            out.append("  ").append(instance).append('\n');
            for (Step step : world.traces.trace(instance).steps()) {
                out.append("    ").append(step).append('\n');
            }
        });
        write(directory().resolve(feature).resolve(file), out.toString());
    }

    private static String slug(String name) {
        String slug = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        return slug.length() > 80 ? slug.substring(0, 80) : slug;
    }

    private static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
