package org.mbmskeys.features.livingdocs;

import org.mbmskeys.steps.ScenarioId;
import org.mbmskeys.steps.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Reads what one backend's feature run reported: every Cucumber JSON report ({@code *.json}) below its
 * report folder (the POM writes {@code target/reports/<backend>/cucumber.json}; a later suite may add its
 * own file beside it), and the reason the backend was unavailable, if the run left one.
 */
final class ResultReader {

    private ResultReader() {
    }

    /** One scenario's outcome: its status and, for a failure or a skip, what Cucumber said. */
    record Result(Status status, String detail) {
        static final Result MISSING = new Result(Status.MISSING, "");
    }

    /**
     * What one backend's run reported.
     *
     * @param reports     the report files read, for the site's links
     * @param unavailable why the backend could not run, if the run said so
     */
    record BackendResults(String backend, Map<ScenarioId, Result> results, List<Path> reports, Optional<String> unavailable) {

        BackendResults {
            results = Map.copyOf(results);
            reports = List.copyOf(reports);
        }

        Result of(ScenarioId id) {
            return results.getOrDefault(id, Result.MISSING);
        }
    }

    /**
     * @param reportDir       {@code target/reports/<backend>}; a missing folder means every scenario is missing
     * @param unavailableFile the file a run writes when its backend is not on the class path
     */
    static BackendResults read(String backend, Path reportDir, Path unavailableFile) {
        Map<ScenarioId, Result> results = new LinkedHashMap<>();
        List<Path> reports = new ArrayList<>();
        if (Files.isDirectory(reportDir)) {
            try (Stream<Path> walk = Files.walk(reportDir)) {
                reports.addAll(walk.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list " + reportDir, e);
            }
        }
        for (Path report : reports) {
            results.putAll(parse(report));
        }
        Optional<String> unavailable = Optional.empty();
        if (Files.isRegularFile(unavailableFile)) {
            try {
                unavailable = Optional.of(Files.readString(unavailableFile, StandardCharsets.UTF_8).strip());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + unavailableFile, e);
            }
        }
        return new BackendResults(backend, results, reports, unavailable);
    }

    /**
     * The scenarios of one Cucumber JSON report. A {@code background} element belongs to the scenario
     * that follows it, so its steps count for that scenario.
     *
     * @throws IllegalArgumentException if the file is not a Cucumber JSON report
     */
    static Map<ScenarioId, Result> parse(Path report) {
        Object json;
        try {
            json = Json.parse(Files.readString(report, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + report, e);
        }
        Map<ScenarioId, Result> out = new LinkedHashMap<>();
        try {
            for (Object f : (List<?>) json) {
                Map<?, ?> feature = (Map<?, ?>) f;
                String uri = (String) feature.get("uri");
                List<Map<?, ?>> pending = new ArrayList<>();
                for (Object e : list(feature.get("elements"))) {
                    Map<?, ?> element = (Map<?, ?>) e;
                    if ("background".equals(element.get("type"))) {
                        pending.add(element);
                        continue;
                    }
                    pending.add(element);
                    ScenarioId id = ScenarioId.of(uri, ((Number) element.get("line")).longValue());
                    out.put(id, outcome(pending));
                    pending = new ArrayList<>();
                }
            }
        } catch (ClassCastException | NullPointerException e) {
            throw new IllegalArgumentException(report + " is not a Cucumber JSON report: " + e, e);
        }
        return out;
    }

    /** Failed beats skipped beats passed; no steps at all is passed (Cucumber has nothing to fail). */
    private static Result outcome(List<Map<?, ?>> elements) {
        Status status = Status.PASSED;
        String detail = "";
        for (Map<?, ?> element : elements) {
            for (String part : List.of("before", "steps", "after")) {
                for (Object s : list(element.get(part))) {
                    Map<?, ?> result = (Map<?, ?>) ((Map<?, ?>) s).get("result");
                    if (result == null) {
                        continue;
                    }
                    String word = String.valueOf(result.get("status"));
                    Status st = switch (word) {
                        case "passed" -> Status.PASSED;
                        case "skipped" -> Status.SKIPPED;
                        default -> Status.FAILED;   // failed, undefined, pending, ambiguous
                    };
                    Object message = result.get("error_message");
                    if (severity(st) > severity(status)) {
                        status = st;
                        detail = message != null ? firstLines(message.toString()) : word;
                    } else if (st == status && st != Status.PASSED && detail.isEmpty() && message != null) {
                        detail = firstLines(message.toString());
                    }
                }
            }
        }
        return new Result(status, status == Status.PASSED ? "" : detail);
    }

    private static int severity(Status s) {
        return switch (s) {
            case PASSED -> 0;
            case SKIPPED -> 1;
            case FAILED -> 2;
            case MISSING -> 3;
        };
    }

    /** A failure's message and the top of its stack, enough to read on the page; the stock report has it all. */
    private static String firstLines(String message) {
        List<String> lines = message.lines().limit(12).toList();
        return String.join("\n", lines);
    }

    private static List<?> list(Object o) {
        return o == null ? List.of() : (List<?>) o;
    }
}
