package org.mbmskeys.features.livingdocs;

import org.mbmskeys.steps.ScenarioId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.mbmskeys.steps.Ladder;

/** Reads the ladders one backend's run left ({@code target/ladders/<backend>/<feature>/<line>.json}). */
final class LadderReader {

    private LadderReader() {
    }

    /**
     * Every ladder below {@code root} with at least one arrow, by scenario; none if the folder does not exist.
     *
     * @throws IllegalArgumentException if a file is not a ladder or is not named {@code <line>.json}
     */
    static Map<ScenarioId, Ladder> read(Path root) {
        Map<ScenarioId, Ladder> out = new TreeMap<>();
        if (!Files.isDirectory(root)) {
            return out;
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + root, e);
        }
        for (Path file : files) {
            String relative = root.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
            int slash = relative.lastIndexOf('/');
            String name = relative.substring(slash + 1, relative.length() - ".json".length());
            if (slash < 0 || !name.matches("[1-9][0-9]*")) {
                throw new IllegalArgumentException(file + " is not where a ladder goes: <feature>/<line>.json below " + root);
            }
            Ladder ladder = Ladder.read(file);
            if (!ladder.arrows().isEmpty()) {   // nothing crossed the network: nothing to draw
                out.put(new ScenarioId(relative.substring(0, slash), Integer.parseInt(name)), ladder);
            }
        }
        return out;
    }
}
