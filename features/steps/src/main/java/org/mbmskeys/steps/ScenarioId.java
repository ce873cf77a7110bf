package org.mbmskeys.steps;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which scenario, the same from every side: the feature file's path below the {@code features} folder
 * without {@code .feature}, and the scenario's line (each row of a Scenario Outline's Examples has its
 * own line). Cucumber's JSON report gives both ({@code uri}, {@code line}), so does a running scenario
 * ({@code Scenario.getUri()}, {@code getLine()}), and so does the feature file.
 *
 * @param feature e.g. {@code ue/msk-request}
 * @param line    1-based
 */
public record ScenarioId(String feature, int line) implements Comparable<ScenarioId> {

    /** A folder named {@code features}: the feature's path starts after the last one. */
    private static final Pattern FEATURES_FOLDER = Pattern.compile("(?:^|[/:])features/");

    public ScenarioId {
        Objects.requireNonNull(feature, "feature");
        if (line < 1) {
            throw new IllegalArgumentException("line " + line + " of " + feature + " is not a line");
        }
    }

    /**
     * The id of the scenario at {@code line} of the feature at {@code uri}: {@code classpath:features/ue/msk-request.feature},
     * {@code file:/.../src/test/resources/features/ue/msk-request.feature} or a path relative to the
     * {@code features} folder ({@code ue/msk-request.feature}) all name feature {@code ue/msk-request}: the
     * path after the last folder named {@code features} ({@code bmsc-features/} is not one).
     */
    public static ScenarioId of(String uri, long line) {
        String path = uri.replace('\\', '/');
        Matcher folder = FEATURES_FOLDER.matcher(path);
        int after = -1;
        while (folder.find()) {
            after = folder.end();
        }
        if (after >= 0) {
            path = path.substring(after);
        } else if (path.indexOf(':') >= 0) {
            path = path.substring(path.lastIndexOf(':') + 1);
        }
        path = path.replaceFirst("^/+", "").replaceFirst("\\.feature$", "");
        return new ScenarioId(path, Math.toIntExact(line));
    }

    /** The ladder file's path below a backend's ladder folder: {@code ue/msk-request/42.json}. */
    public String ladderFile() {
        return feature + "/" + line + ".json";
    }

    @Override
    public int compareTo(ScenarioId o) {
        int c = feature.compareTo(o.feature);
        return c != 0 ? c : Integer.compare(line, o.line);
    }

    @Override
    public String toString() {
        return feature + ":" + line;
    }
}
