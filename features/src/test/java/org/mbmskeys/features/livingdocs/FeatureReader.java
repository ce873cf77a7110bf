package org.mbmskeys.features.livingdocs;

import org.mbmskeys.steps.ScenarioId;
import io.cucumber.gherkin.GherkinParser;
import io.cucumber.messages.types.Envelope;
import io.cucumber.messages.types.Examples;
import io.cucumber.messages.types.Feature;
import io.cucumber.messages.types.FeatureChild;
import io.cucumber.messages.types.GherkinDocument;
import io.cucumber.messages.types.ParseError;
import io.cucumber.messages.types.RuleChild;
import io.cucumber.messages.types.Scenario;
import io.cucumber.messages.types.TableCell;
import io.cucumber.messages.types.TableRow;
import io.cucumber.messages.types.Tag;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Reads every {@code *.feature} below a folder with Cucumber's own Gherkin parser, so that lines, rules
 * and outlines are exactly what Cucumber runs and reports.
 */
final class FeatureReader {

    private final Path root;
    private final GherkinParser parser = GherkinParser.builder().includeSource(false).includePickles(false).build();

    /** @param root the {@code features} folder ({@code src/test/resources/features}) */
    FeatureReader(Path root) {
        this.root = root;
    }

    /**
     * Every feature below the root, sorted by path; none if the folder does not exist.
     *
     * @throws IllegalArgumentException if a file does not parse, with the parser's messages
     */
    List<FeatureDoc> readAll() {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(p -> p.getFileName().toString().endsWith(".feature")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the features below " + root, e);
        }
        List<FeatureDoc> out = new ArrayList<>();
        for (Path file : files) {
            read(file).ifPresent(out::add);
        }
        return out;
    }

    private Optional<FeatureDoc> read(Path file) {
        String path = root.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
        List<Envelope> envelopes;
        try (Stream<Envelope> parsed = parser.parse(file)) {
            envelopes = parsed.toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        List<String> errors = envelopes.stream().flatMap(e -> e.getParseError().stream()).map(ParseError::getMessage).toList();
        if (!errors.isEmpty()) {
            throw new IllegalArgumentException(path + " does not parse: " + String.join("; ", errors));
        }
        return envelopes.stream().flatMap(e -> e.getGherkinDocument().stream()).findFirst()
                .flatMap(GherkinDocument::getFeature).map(f -> feature(path, f));
    }

    private static FeatureDoc feature(String path, Feature f) {
        String id = path.replaceFirst("\\.feature$", "");
        List<FeatureDoc.Child> children = new ArrayList<>();
        List<FeatureDoc.Step> background = new ArrayList<>();
        for (FeatureChild c : f.getChildren()) {
            c.getBackground().ifPresent(b -> background.addAll(steps(b.getSteps())));
            c.getScenario().ifPresent(s -> children.add(example(id, s)));
            c.getRule().ifPresent(r -> children.add(new FeatureDoc.Rule(r.getName().strip(), trim(r.getDescription()),
                    line(r.getLocation()), r.getChildren().stream().map(RuleChild::getBackground)
                            .flatMap(Optional::stream).flatMap(b -> steps(b.getSteps()).stream()).toList(),
                    r.getChildren().stream().map(RuleChild::getScenario)
                            .flatMap(Optional::stream).map(s -> example(id, s)).toList())));
        }
        return new FeatureDoc(path, f.getName().strip(), trim(f.getDescription()), tags(f.getTags()), background, children);
    }

    private static FeatureDoc.Example example(String feature, Scenario s) {
        List<FeatureDoc.Step> steps = steps(s.getSteps());
        List<String> header = new ArrayList<>();
        List<FeatureDoc.Row> rows = new ArrayList<>();
        for (Examples examples : s.getExamples()) {
            examples.getTableHeader().ifPresent(h -> {
                if (header.isEmpty()) {
                    header.addAll(cells(h));
                }
            });
            for (TableRow row : examples.getTableBody()) {
                rows.add(new FeatureDoc.Row(new ScenarioId(feature, line(row.getLocation())), examples.getName().strip(), cells(row)));
            }
        }
        return new FeatureDoc.Example(new ScenarioId(feature, line(s.getLocation())), s.getKeyword().strip(),
                s.getName().strip(), trim(s.getDescription()), tags(s.getTags()), steps, header, rows);
    }

    private static List<FeatureDoc.Step> steps(List<io.cucumber.messages.types.Step> steps) {
        return steps.stream().map(st -> new FeatureDoc.Step(st.getKeyword().strip(), st.getText(), argument(st))).toList();
    }

    private static String argument(io.cucumber.messages.types.Step step) {
        if (step.getDocString().isPresent()) {
            return step.getDocString().get().getContent();
        }
        return step.getDataTable().map(t -> t.getRows().stream()
                .map(r -> "| " + String.join(" | ", cells(r)) + " |").collect(Collectors.joining("\n"))).orElse("");
    }

    private static List<String> cells(TableRow row) {
        return row.getCells().stream().map(TableCell::getValue).toList();
    }

    private static List<String> tags(List<Tag> tags) {
        return tags.stream().map(Tag::getName).toList();
    }

    private static int line(io.cucumber.messages.types.Location location) {
        return Math.toIntExact(location.getLine());
    }

    /** Gherkin keeps a description's indentation; the common indentation goes, the lines stay. */
    private static String trim(String description) {
        return description == null ? "" : description.stripIndent().strip();
    }
}
