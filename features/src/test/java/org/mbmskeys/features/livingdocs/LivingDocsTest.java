package org.mbmskeys.features.livingdocs;

import org.mbmskeys.steps.ScenarioId;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mbmskeys.steps.Ladder;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Writes the living documentation ({@code target/living-docs/}) from what the feature runs left, and checks
 * its essentials. Runs in its own Surefire execution after both feature runs and {@code traces-agree}
 * (see the features POM): every feature and example is on the site with both backends' results, every
 * procedure has a state diagram that is an SVG, every ladder a run left is drawn, and every link leads to
 * a file of the site or of the build.
 */
class LivingDocsTest {

    private static LivingDocs docs;
    private static Site site;
    private static SiteWriter.Written written;

    @BeforeAll
    static void writeTheSite() {
        Path target = Path.of(System.getProperty("mbmskeys.livingdocs.target", "target"));
        Path features = Path.of(System.getProperty("mbmskeys.livingdocs.features", "src/test/resources/features"));
        docs = new LivingDocs(features, target, LivingDocs.BACKENDS, ProcedureReader.shipped());
        site = docs.read();
        written = new SiteWriter(docs.output(), new DiagramRenderer(docs.diagramCache())).write(site);
        System.out.printf("[living-docs] %s: %d pages, %d diagrams (%d rendered) in %d ms%n", written.index(),
                written.pages(), written.diagrams(), written.renderings(), written.millis());
    }

    @Test
    void the_shipped_procedure_scripts_load() {
        assertThat(site.procedureProblems()).as("problems of the scripts under classpath:procedures/").isEmpty();
    }

    @Test
    void every_feature_has_a_page_with_every_example_and_both_backends_results() {
        assertThat(site.features()).as("features under " + docs.features()).isNotEmpty();
        for (FeatureDoc feature : site.features()) {
            Document page = Xml.parse(docs.output().resolve(FeaturePage.path(feature)));
            assertThat(text(page, "//h1")).contains(feature.name());
            for (FeatureDoc.Example example : feature.examples()) {
                assertThat(text(page, "//main")).as(feature.path() + ": example at line " + example.id().line())
                        .contains(example.name());
                for (FeatureDoc.Run run : example.runs()) {
                    List<Element> rows = Xml.select(page, "//tr[@data-scenario='" + run.id() + "']");
                    assertThat(rows).as("the row of " + run.id()).hasSize(1);
                    for (ResultReader.BackendResults backend : site.backends()) {
                        Status status = backend.of(run.id()).status();
                        // an example tagged @todo is specified but not built: the runs filter it out, it shows as missing
                        boolean todo = feature.tags().contains("@todo") || example.tags().contains("@todo");
                        assertThat(status).as(run.id() + " on " + backend.backend() + ": the run's report has it")
                                .matches(st -> todo ? st == Status.MISSING : st != Status.MISSING, todo
                                        ? "missing, as a @todo example is not run" : "in the run's report");
                        assertThat(rows.get(0).getAttribute("data-" + backend.backend())).isEqualTo(status.word());
                        assertThat(Xml.select(page, "//tr[@data-scenario='" + run.id() + "']/td[@data-backend='"
                                + backend.backend() + "']")).as(run.id() + " shows its " + backend.backend() + " result").hasSize(1);
                    }
                }
            }
        }
    }

    @Test
    void the_index_links_every_feature_and_procedure_and_counts_every_scenario() {
        Document index = Xml.parse(docs.output().resolve("index.html"));
        List<String> links = Xml.select(index, "//a").stream().map(a -> a.getAttribute("href")).toList();
        site.features().forEach(f -> assertThat(links).contains(FeaturePage.path(f)));
        site.procedures().forEach(p -> assertThat(links).contains(ProcedurePage.path(p)));
        long runs = site.features().stream().mapToLong(f -> f.runs().size()).sum();
        for (ResultReader.BackendResults backend : site.backends()) {
            List<Element> cells = Xml.select(index, "//table[@class='summary']//tr[@data-backend='" + backend.backend() + "']/td");
            assertThat(cells.subList(1, cells.size()).stream().mapToLong(c -> Long.parseLong(c.getTextContent())).sum())
                    .as("scenarios counted for " + backend.backend()).isEqualTo(runs);
        }
    }

    @Test
    void every_procedure_has_a_page_and_a_state_diagram_that_is_an_svg() {
        for (ProcedureDoc p : site.procedures()) {
            Document svg = Xml.parse(docs.output().resolve(ProcedurePage.diagram(p)));
            assertThat(svg.getDocumentElement().getTagName()).isEqualTo("svg");
            assertThat(svg.getDocumentElement().getTextContent()).as("the diagram of " + p.name()).contains(p.name());
            Document page = Xml.parse(docs.output().resolve(ProcedurePage.path(p)));
            assertThat(Xml.select(page, "//pre[@class='code']/span[@class='line']")).hasSize((int) p.script().lines().count());
        }
    }

    @Test
    void every_ladder_a_run_left_is_drawn_on_its_feature_page() {
        for (Map.Entry<String, Map<ScenarioId, Ladder>> backend : site.ladders().entrySet()) {
            for (ScenarioId id : backend.getValue().keySet()) {
                FeatureDoc feature = site.features().stream().filter(f -> f.id().equals(id.feature())).findFirst()
                        .orElseThrow(() -> new AssertionError("a ladder of " + backend.getKey() + " names no feature: " + id));
                Document page = Xml.parse(docs.output().resolve(FeaturePage.path(feature)));
                assertThat(Xml.select(page, "//tr[@data-scenario='" + id + "']")).as("the scenario of ladder " + id).hasSize(1);
                assertThat(Xml.select(page, "//tr[@data-scenario-ladder='" + id + "']//img")).as("the ladder of " + id).isNotEmpty();
            }
        }
    }

    @Test
    void every_page_and_svg_is_well_formed_and_every_link_leads_to_a_file() throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(docs.output())) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        List<String> broken = new ArrayList<>();
        for (Path file : files) {
            String name = file.getFileName().toString();
            if (name.endsWith(".svg")) {
                assertThat(Xml.parse(file).getDocumentElement().getTagName()).isEqualTo("svg");
            }
            if (!name.endsWith(".html")) {
                continue;
            }
            Document page = Xml.parse(file);
            for (Element e : Xml.select(page, "//*[@href or @src]")) {
                String link = e.hasAttribute("href") ? e.getAttribute("href") : e.getAttribute("src");
                assertThat(link).as("a link on " + file + " (the site works offline)").doesNotContain("://");
                String path = link.replaceFirst("#.*$", "");
                if (!path.isEmpty() && !Files.isRegularFile(file.getParent().resolve(path).normalize())) {
                    broken.add(docs.output().relativize(file) + " -> " + link);
                }
            }
        }
        assertThat(broken).as("links to nothing").isEmpty();
    }

    private static String text(Document page, String xpath) {
        return String.join("\n", Xml.select(page, xpath).stream().map(Element::getTextContent).toList());
    }
}
