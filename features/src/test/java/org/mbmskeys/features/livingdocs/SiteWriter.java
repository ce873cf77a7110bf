package org.mbmskeys.features.livingdocs;

import org.mbmskeys.steps.ScenarioId;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.mbmskeys.steps.Ladder;

/**
 * Writes the site to a folder, emptied first: {@code index.html}, {@code coverage.html},
 * {@code style.css}, {@code features/<feature>.html}, {@code procedures/<name>.{html,svg}} and
 * {@code ladders/<hash>.svg} (named by their content, so a ladder that is the same on both backends is
 * one file). Every diagram is rendered here, at build time.
 */
final class SiteWriter {

    private final Path out;
    private final DiagramRenderer renderer;

    /** A writer that renders every diagram anew. */
    SiteWriter(Path out) {
        this(out, new DiagramRenderer());
    }

    SiteWriter(Path out, DiagramRenderer renderer) {
        this.out = out;
        this.renderer = renderer;
    }

    /** What was written, for the build log. */
    record Written(Path index, int pages, int diagrams, int renderings, long millis) {
    }

    Written write(Site site) {
        long start = System.nanoTime();
        clear();
        int pages = 0;
        int diagrams = 0;
        copy("style.css");
        renderer.renderAll(diagrams(site));
        for (ProcedureDoc p : site.procedures()) {
            write(ProcedurePage.diagram(p), renderer.svg(p.plantUml()));
            write(ProcedurePage.path(p), ProcedurePage.html(p));
            pages++;
            diagrams++;
        }
        for (FeatureDoc f : site.features()) {
            Map<ScenarioId, List<FeaturePage.Figure>> ladders = new LinkedHashMap<>();
            for (FeatureDoc.Run run : f.runs()) {
                List<FeaturePage.Figure> figures = ladders(run.id(), site);
                if (!figures.isEmpty()) {
                    ladders.put(run.id(), figures);
                    diagrams += figures.size();
                }
            }
            write(FeaturePage.path(f), FeaturePage.html(f, site, ladders));
            pages++;
        }
        List<CoverageTable.Row> coverage = CoverageTable.of(site.features(), site.procedures());
        write("coverage.html", CoveragePage.html(coverage, site));
        Path index = write("index.html", IndexPage.html(site, reportLinks(site), coverage.size()));
        pages += 2;
        return new Written(index, pages, diagrams, renderer.renderings(), (System.nanoTime() - start) / 1_000_000);
    }

    /** Every diagram the site shows, so that they can be rendered together. */
    private static List<String> diagrams(Site site) {
        List<String> out = new ArrayList<>();
        site.procedures().forEach(p -> out.add(p.plantUml()));
        for (FeatureDoc f : site.features()) {
            for (FeatureDoc.Run run : f.runs()) {
                for (ResultReader.BackendResults b : site.backends()) {
                    site.ladder(b.backend(), run.id()).ifPresent(l -> out.add(LadderDiagram.plantUml(l)));
                }
            }
        }
        return out;
    }

    /**
     * The ladder figures of one scenario: one when every backend that left a ladder left the same one,
     * else one per backend, each captioned with the backends it shows.
     */
    private List<FeaturePage.Figure> ladders(ScenarioId id, Site site) {
        Map<String, List<String>> backendsBySource = new LinkedHashMap<>();
        for (ResultReader.BackendResults b : site.backends()) {
            Optional<Ladder> ladder = site.ladder(b.backend(), id);
            ladder.ifPresent(l -> backendsBySource.computeIfAbsent(LadderDiagram.plantUml(l), s -> new ArrayList<>()).add(b.backend()));
        }
        List<FeaturePage.Figure> figures = new ArrayList<>();
        boolean same = backendsBySource.size() == 1;
        backendsBySource.forEach((source, backends) -> {
            String file = "ladders/" + DiagramRenderer.hash(source) + ".svg";
            if (!Files.exists(out.resolve(file))) {
                write(file, renderer.svg(source));
            }
            String caption = same && backends.size() == site.backends().size()
                    ? "Messages on the network (the same on " + String.join(" and ", backends) + ")"
                    : "Messages on the network on " + String.join(" and ", backends)
                            + (same ? " (no ladder from the others)" : " (the backends differ)");
            figures.add(new FeaturePage.Figure(file, caption));
        });
        return figures;
    }

    /** Per backend, the stock Cucumber HTML report's path from the site root, if the run wrote one. */
    private Map<String, String> reportLinks(Site site) {
        Map<String, String> links = new LinkedHashMap<>();
        for (ResultReader.BackendResults b : site.backends()) {
            Path html = site.reports().resolve(b.backend()).resolve("cucumber.html");
            if (Files.isRegularFile(html)) {
                links.put(b.backend(), out.toAbsolutePath().relativize(html.toAbsolutePath()).toString().replace('\\', '/'));
            }
        }
        return links;
    }

    private void clear() {
        try {
            if (Files.exists(out)) {
                try (Stream<Path> files = Files.walk(out)) {
                    for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                        Files.delete(p);
                    }
                }
            }
            Files.createDirectories(out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot empty " + out, e);
        }
    }

    private Path write(String path, String content) {
        Path file = out.resolve(path);
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        return file;
    }

    private void copy(String resource) {
        try (InputStream in = SiteWriter.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("resource " + resource + " is missing beside " + SiteWriter.class.getName());
            }
            write(resource, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy " + resource, e);
        }
    }
}
