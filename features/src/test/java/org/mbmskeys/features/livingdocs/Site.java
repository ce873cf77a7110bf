package org.mbmskeys.features.livingdocs;

import org.mbmskeys.steps.ScenarioId;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mbmskeys.steps.Ladder;

/**
 * Everything the site shows, read before anything is written.
 *
 * @param procedureFolder   the classpath folder the procedures were loaded from
 * @param procedureProblems why the scripts did not load, if they did not (then {@code procedures} is empty)
 * @param backends          in the order their columns appear
 * @param ladders           per backend, the ladder of each scenario that left one
 * @param reports           the folder holding {@code <backend>/cucumber.html}, the stock reports the site links to
 */
record Site(List<ProcedureDoc> procedures, String procedureFolder, Optional<String> procedureProblems,
            List<FeatureDoc> features, List<ResultReader.BackendResults> backends,
            Map<String, Map<ScenarioId, Ladder>> ladders, Path reports) {

    Site {
        procedures = List.copyOf(procedures);
        features = List.copyOf(features);
        backends = List.copyOf(backends);
        ladders = Map.copyOf(ladders);
    }

    /** The ladder one backend left for a scenario, if any. */
    Optional<Ladder> ladder(String backend, ScenarioId id) {
        return Optional.ofNullable(ladders.getOrDefault(backend, Map.of()).get(id));
    }
}
