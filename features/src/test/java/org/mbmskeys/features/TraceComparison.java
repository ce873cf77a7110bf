package org.mbmskeys.features;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Compares the trace files two runs of the engine features wrote, scenario by scenario, and words each
 * difference for a reader: a scenario only one run has, or a line diff ({@code -} first run only,
 * {@code +} second run only, two spaces both) of a scenario whose traces differ.
 *
 * <pre>{@code
 * List<String> differences = TraceComparison.between("native", nativeDir, "spring", springDir);
 * }</pre>
 */
final class TraceComparison {

    /** How many equal lines to show around a change. */
    private static final int CONTEXT = 3;

    private TraceComparison() {
    }

    /** The differences between the {@code *.trace} files below {@code a} and below {@code b}; empty if none. */
    static List<String> between(String aName, Path a, String bName, Path b) {
        TreeSet<String> scenarios = new TreeSet<>(traces(a));
        scenarios.addAll(traces(b));
        List<String> differences = new ArrayList<>();
        for (String scenario : scenarios) {
            Path fa = a.resolve(scenario);
            Path fb = b.resolve(scenario);
            if (!Files.exists(fa) || !Files.exists(fb)) {
                differences.add(scenario + ": only the " + (Files.exists(fa) ? aName : bName) + " run has this scenario");
                continue;
            }
            List<String> la = read(fa);
            List<String> lb = read(fb);
            if (!la.equals(lb)) {
                differences.add(scenario + ": the traces differ (-" + aName + " +" + bName + ")\n" + diff(la, lb));
            }
        }
        return differences;
    }

    /** The relative paths of the trace files below {@code root}, with '/' separators. */
    static List<String> traces(Path root) {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> p.toString().endsWith(".trace"))
                    .map(p -> root.relativize(p).toString().replace('\\', '/'))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A line diff of {@code a} and {@code b} (longest common subsequence), changes with a little context. */
    static String diff(List<String> a, List<String> b) {
        int[][] lcs = new int[a.size() + 1][b.size() + 1];
        for (int i = a.size() - 1; i >= 0; i--) {
            for (int j = b.size() - 1; j >= 0; j--) {
                lcs[i][j] = a.get(i).equals(b.get(j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        List<String> lines = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < a.size() || j < b.size()) {
            if (i < a.size() && j < b.size() && a.get(i).equals(b.get(j))) {
                lines.add("  " + a.get(i++));
                j++;
            } else if (j < b.size() && (i == a.size() || lcs[i][j + 1] > lcs[i + 1][j])) {
                lines.add("+ " + b.get(j++));
            } else {
                lines.add("- " + a.get(i++));
            }
        }
        return withContext(lines);
    }

    private static String withContext(List<String> lines) {
        boolean[] shown = new boolean[lines.size()];
        for (int k = 0; k < lines.size(); k++) {
            if (!lines.get(k).startsWith("  ")) {
                for (int c = Math.max(0, k - CONTEXT); c <= Math.min(lines.size() - 1, k + CONTEXT); c++) {
                    shown[c] = true;
                }
            }
        }
        StringBuilder out = new StringBuilder();
        boolean skipping = false;
        for (int k = 0; k < lines.size(); k++) {
            if (shown[k]) {
                out.append("    ").append(lines.get(k)).append('\n');
                skipping = false;
            } else if (!skipping) {
                out.append("    ...\n");
                skipping = true;
            }
        }
        return out.toString();
    }

    private static List<String> read(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
