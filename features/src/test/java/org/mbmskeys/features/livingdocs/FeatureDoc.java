package org.mbmskeys.features.livingdocs;

import org.mbmskeys.steps.ScenarioId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One feature file as written: its description and its children in file order, each a {@link Rule} or an
 * {@link Example} outside any rule. Read by {@link FeatureReader}.
 *
 * @param path        below the {@code features} folder, e.g. {@code ue/msk-request.feature}
 * @param name        the Feature's name
 * @param description the text under {@code Feature:}, trimmed
 * @param background  the steps of the Feature's {@code Background:}, run before every example; empty if none
 * @param children    rules and loose examples, in file order
 */
record FeatureDoc(String path, String name, String description, List<String> tags, List<Step> background,
                  List<Child> children) {

    FeatureDoc {
        Objects.requireNonNull(path, "path");
        tags = List.copyOf(tags);
        background = List.copyOf(background);
        children = List.copyOf(children);
    }

    /** The feature's id part of a {@link ScenarioId}: the path without {@code .feature}. */
    String id() {
        return path.replaceFirst("\\.feature$", "");
    }

    /** Every example, in file order, rules included. */
    List<Example> examples() {
        List<Example> out = new ArrayList<>();
        for (Child c : children) {
            if (c instanceof Rule r) {
                out.addAll(r.examples());
            } else if (c instanceof Example e) {
                out.add(e);
            }
        }
        return out;
    }

    /** Every run of every example (one per Examples row of an outline). */
    List<Run> runs() {
        return examples().stream().flatMap(e -> e.runs().stream()).toList();
    }

    /** What a feature holds directly. */
    sealed interface Child permits Rule, Example {
    }

    /**
     * A {@code Rule:} with its examples; its name and description cite the clause it states.
     *
     * @param background the steps of the Rule's {@code Background:}, run before each of its examples
     */
    record Rule(String name, String description, int line, List<Step> background, List<Example> examples) implements Child {
        Rule {
            background = List.copyOf(background);
            examples = List.copyOf(examples);
        }
    }

    /**
     * A {@code Scenario}/{@code Example}, or a {@code Scenario Outline} whose {@link #rows()} are its runs.
     *
     * @param keyword as written ({@code Example}, {@code Scenario Outline})
     * @param steps   the steps as written, each with its doc string or table
     * @param header  an outline's Examples header cells; empty otherwise
     * @param rows    an outline's Examples rows; empty otherwise
     */
    record Example(ScenarioId id, String keyword, String name, String description, List<String> tags, List<Step> steps,
                   List<String> header, List<Row> rows) implements Child {
        Example {
            tags = List.copyOf(tags);
            steps = List.copyOf(steps);
            header = List.copyOf(header);
            rows = List.copyOf(rows);
        }

        boolean isOutline() {
            return !rows.isEmpty();
        }

        /** The runs Cucumber makes of this example: itself, or one per row. */
        List<Run> runs() {
            if (!isOutline()) {
                return List.of(new Run(id, name));
            }
            return rows.stream().map(r -> new Run(r.id(), String.join(" | ", r.cells()))).toList();
        }
    }

    /** One step: keyword and text, and its doc string or table as written (empty if none). */
    record Step(String keyword, String text, String argument) {
    }

    /** One row of an outline's Examples table; {@code title} is the Examples block's name, if any. */
    record Row(ScenarioId id, String title, List<String> cells) {
        Row {
            cells = List.copyOf(cells);
        }
    }

    /** One scenario as Cucumber runs and reports it. */
    record Run(ScenarioId id, String label) {
    }
}
