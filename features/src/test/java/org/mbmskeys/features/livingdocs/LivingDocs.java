package org.mbmskeys.features.livingdocs;

import org.mbmskeys.steps.ScenarioId;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mbmskeys.engine.model.InvalidDefinitionException;
import org.mbmskeys.steps.Ladder;

/**
 * Gathers what the site shows from where the build left it, below the features module's {@code target}:
 * <ul>
 *   <li>{@code reports/<backend>/*.json}: Cucumber's JSON report of each backend's run;</li>
 *   <li>{@code traces/<backend>/backend-unavailable.txt}: why a backend did not run, if it did not;</li>
 *   <li>{@code ladders/<backend>/<feature>/<line>.json}: the {@link Ladder} of each scenario that left one;</li>
 * </ul>
 * and from the sources: the features folder and the procedure scripts on the class path.
 *
 * @param features   the {@code features} folder ({@code src/test/resources/features})
 * @param target     the module's build folder
 * @param backends   the backends whose runs to show, in column order
 * @param procedures where the procedure scripts come from
 */
record LivingDocs(Path features, Path target, List<String> backends, ProcedureReader procedures) {

    static final List<String> BACKENDS = List.of("native", "spring");

    LivingDocs {
        backends = List.copyOf(backends);
    }

    /** The site's folder: {@code target/living-docs}. */
    Path output() {
        return target.resolve("living-docs");
    }

    /** The SVGs of earlier builds, by content: {@code target/diagram-cache} (a clean build starts it empty). */
    Path diagramCache() {
        return target.resolve("diagram-cache");
    }

    Site read() {
        List<ProcedureDoc> docs = List.of();
        Optional<String> problems = Optional.empty();
        try {
            docs = procedures.read();
        } catch (InvalidDefinitionException e) {
            problems = Optional.of(ProcedureReader.describe(e));
        }
        List<ResultReader.BackendResults> results = new ArrayList<>();
        Map<String, Map<ScenarioId, Ladder>> ladders = new LinkedHashMap<>();
        for (String backend : backends) {
            results.add(ResultReader.read(backend, target.resolve("reports").resolve(backend),
                    target.resolve("traces").resolve(backend).resolve("backend-unavailable.txt")));
            ladders.put(backend, LadderReader.read(target.resolve("ladders").resolve(backend)));
        }
        return new Site(docs, procedures.folder(), problems, new FeatureReader(features).readAll(), results, ladders,
                target.resolve("reports"));
    }
}
