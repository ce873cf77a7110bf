package org.mbmskeys.features.livingdocs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** The sample site ({@link Samples#site()}) written to a temporary folder and read back as XML. */
class SiteWriterTest {

    @TempDir
    static Path out;

    private static Site site;
    private static SiteWriter.Written written;

    @BeforeAll
    static void write() {
        site = Samples.site().read();
        written = new SiteWriter(out).write(site);
    }

    private static Document page(String path) {
        return Xml.parse(out.resolve(path));
    }

    private static List<String> texts(Document page, String xpath) {
        return Xml.select(page, xpath).stream().map(e -> e.getTextContent().strip()).toList();
    }

    @Test
    void the_index_counts_every_scenario_per_backend_and_says_why_a_backend_did_not_run() {
        Document index = page("index.html");
        assertThat(texts(index, "//table[@class='summary']//tr[@data-backend='native']/td"))
                .containsExactly("native", "4", "1", "0", "1");
        assertThat(texts(index, "//table[@class='summary']//tr[@data-backend='spring']/td"))
                .containsExactly("spring", "3", "2", "1", "0");
        assertThat(texts(index, "//p[@class='unavailable']")).singleElement().asString()
                .contains("spring", "no 'spring' backend on the class path (sample)");
        assertThat(Xml.select(index, "//a[@class='report']")).extracting(a -> a.getAttribute("href"))
                .containsExactly(out.relativize(Samples.folder("livingdocs/sample-site/build/reports/native/cucumber.html")).toString());
        assertThat(Xml.select(index, "//svg[@class='chart']/rect")).isNotEmpty();
        assertThat(Xml.select(index, "//a[@class='feature']")).extracting(a -> a.getAttribute("href"))
                .containsExactly("features/ue/msk-request.html");
        assertThat(texts(index, "//table[@class='procedures']//td/a")).containsExactly("sample.flat", "sample.key-push");
    }

    @Test
    void text_is_escaped_everywhere() throws Exception {
        Document feature = page("features/ue/msk-request.html");
        assertThat(texts(feature, "//h1")).containsExactly("Feature: MSK request <sample>");
        assertThat(Xml.select(feature, "//sample | //both")).isEmpty();
        assertThat(texts(feature, "//details[@class='steps']/pre")).anySatisfy(t -> assertThat(t)
                .contains("MSK 0001:0002 & MSK 0001:0003 <both>"));
        assertThat(texts(feature, "//td[@data-backend='native']//pre")).anySatisfy(t -> assertThat(t)
                .startsWith("java.lang.AssertionError: expected 404 <but was> 200"));
        Document procedure = page("procedures/sample.key-push.html");
        assertThat(texts(procedure, "//div[@class='description']")).containsExactly(
                "Pushes a key <MSK> & waits -- \"politely\" -- for the UE's answer");
        assertThat(Files.readString(out.resolve("procedures/sample.key-push.html"))).doesNotContain("<MSK>");
    }

    @Test
    void every_run_of_every_example_has_a_row_with_each_backends_result_grouped_by_rule() {
        Document feature = page("features/ue/msk-request.html");
        List<Element> rows = Xml.select(feature, "//tr[@data-scenario]");
        assertThat(rows).extracting(r -> r.getAttribute("data-scenario")).containsExactly("ue/msk-request:6",
                "ue/msk-request:15", "ue/msk-request:22", "ue/msk-request:34", "ue/msk-request:35", "ue/msk-request:39");
        assertThat(rows).extracting(r -> r.getAttribute("data-native"))
                .containsExactly("passed", "passed", "failed", "passed", "passed", "missing");
        assertThat(rows).extracting(r -> r.getAttribute("data-spring"))
                .containsExactly("passed", "passed", "failed", "skipped", "failed", "passed");
        assertThat(texts(feature, "//section[@class='rule']/h2")).containsExactly(
                "Rule: The BM-SC answers an MSK request with one MIKEY message per MSK (§6.3.2.1A, Annex G) §6.3.2.1A Annex G TS 33.220 §4.5.2",
                "Rule: Requests are counted");
        assertThat(Xml.select(feature, "//section[@id='L9']//tr[@data-scenario]")).hasSize(2);
        assertThat(Xml.select(feature, "//section[@id='L26']//tr[@data-scenario]")).hasSize(3);
        assertThat(texts(feature, "//tr[@data-scenario='ue/msk-request:39']/td[1]")).containsExactly("many: 10 (n)");
        assertThat(texts(feature, "//section[@id='L9']/details[@class='background']/pre")).containsExactly("Given a UE");
    }

    @Test
    void a_ladder_the_same_on_both_backends_is_drawn_once_and_different_ones_once_each() throws Exception {
        Document feature = page("features/ue/msk-request.html");
        List<String> captions = texts(feature, "//tr[@class='ladder']//figcaption");
        assertThat(Xml.select(feature, "//tr[@class='ladder']")).extracting(r -> r.getAttribute("data-scenario-ladder"))
                .containsExactly("ue/msk-request:15", "ue/msk-request:22", "ue/msk-request:22");
        assertThat(Xml.select(feature, "//tr[@data-scenario='ue/msk-request:15']/following-sibling::tr[1]"))
                .extracting(r -> r.getAttribute("class")).containsExactly("ladder");
        assertThat(captions).containsExactly("Messages on the network (the same on native and spring)",
                "Messages on the network on native (the backends differ)",
                "Messages on the network on spring (the backends differ)");
        try (Stream<Path> svgs = Files.list(out.resolve("ladders"))) {
            assertThat(svgs.toList()).hasSize(3);
        }
        for (Element img : Xml.select(feature, "//tr[@class='ladder']//img")) {
            Document svg = Xml.parse(out.resolve("features/ue").resolve(img.getAttribute("src")).normalize());
            assertThat(svg.getDocumentElement().getTextContent()).contains("POST msk-request");
        }
        assertThat(written.diagrams()).isEqualTo(2 + 3);
    }

    @Test
    void the_coverage_table_lists_each_clause_with_the_rules_examples_and_procedures_that_cite_it() {
        Document coverage = page("coverage.html");
        assertThat(texts(coverage, "//td[@class='clause']")).containsExactly("§6.3.2.1A", "§6.3.2.2", "§6.3.2.3",
                "Annex G", "§5.1", "§4.5.2");
        assertThat(texts(coverage, "//tr[@class='document']/th")).containsExactly("TS 33.246", "RFC 3830", "TS 33.220");
        Element main = Xml.select(coverage, "//tr[@id='TS-33.246-6.3.2.1A']").get(0);
        assertThat(Xml.select(coverage, "//tr[@id='TS-33.246-6.3.2.1A']/td[2]//a")).extracting(a -> a.getAttribute("href"))
                .containsExactly("features/ue/msk-request.html#L9");
        assertThat(texts(coverage, "//tr[@id='TS-33.246-6.3.2.1A']/td[3]//li")).containsExactly(
                "Two MSKs requested, two pushed via rule", "An unknown key is answered with an error, §6.3.2.2 via rule");
        assertThat(texts(coverage, "//tr[@id='TS-33.246-6.3.2.1A']/td[4]//a")).containsExactly("sample.key-push");
        assertThat(texts(coverage, "//tr[@id='TS-33.246-6.3.2.1A']/td[5]")).containsExactly("1 passed 1 failed");
        assertThat(texts(coverage, "//tr[@id='TS-33.246-6.3.2.2']/td[3]//li")).containsExactly(
                "An unknown key is answered with an error, §6.3.2.2");
        assertThat(texts(coverage, "//tr[@id='RFC-3830-5.1']/td[3]//li")).containsExactly(
                "A loose example before any rule, citing RFC 3830 §5.1");
        assertThat(texts(coverage, "//tr[@id='RFC-3830-5.1']/td[4]//a")).containsExactly("sample.flat");
        assertThat(main).isNotNull();
    }

    @Test
    void a_procedure_page_has_its_clause_its_diagram_and_its_numbered_script() throws Exception {
        ProcedureDoc push = site.procedures().stream().filter(p -> p.name().equals("sample.key-push")).findFirst().orElseThrow();
        Document page = page("procedures/sample.key-push.html");
        assertThat(Xml.select(page, "//figure[@class='diagram']/img")).extracting(i -> i.getAttribute("src"))
                .containsExactly("sample.key-push.svg");
        assertThat(Xml.parse(out.resolve("procedures/sample.key-push.svg")).getDocumentElement().getTagName()).isEqualTo("svg");
        assertThat(Xml.select(page, "//a[@class='clause']")).extracting(a -> a.getAttribute("href")).containsExactly(
                "../coverage.html#TS-33.246-6.3.2.1A", "../coverage.html#TS-33.246-6.3.2.3", "../coverage.html#TS-33.246-Annex-G");
        List<Element> lines = Xml.select(page, "//pre[@class='code']/span[@class='line']");
        assertThat(lines).hasSize((int) push.script().lines().count());
        assertThat(lines.get(0).getAttribute("id")).isEqualTo("L1");
        assertThat(lines.get(0).getTextContent()).isEqualTo(" 1" + push.script().lines().findFirst().orElseThrow());
    }

    @Test
    void without_procedures_or_clauses_the_site_says_so(@TempDir Path empty) {
        Site none = new Site(List.of(), "procedures", Optional.empty(), List.of(), site.backends(), Map.of(), empty);
        new SiteWriter(empty.resolve("site")).write(none);
        assertThat(texts(Xml.parse(empty.resolve("site/index.html")), "//section[@id='procedures']/p"))
                .singleElement().asString().startsWith("No procedure scripts yet: nothing under classpath:procedures/");
        assertThat(texts(Xml.parse(empty.resolve("site/coverage.html")), "//p[@class='none']"))
                .containsExactly("No clause is cited yet.");
    }

    @Test
    void scripts_that_do_not_load_are_shown_with_their_problems() {
        LivingDocs broken = new LivingDocs(Samples.folder("livingdocs/sample-site/features"), out.resolve("none"),
                LivingDocs.BACKENDS, new ProcedureReader("livingdocs/broken-procedures", getClass().getClassLoader()));
        Site s = broken.read();
        assertThat(s.procedureProblems()).hasValueSatisfying(p -> assertThat(p).contains("broken.groovy:"));
        new SiteWriter(out.resolve("broken-site")).write(s);
        assertThat(texts(Xml.parse(out.resolve("broken-site/index.html")), "//section[@id='procedures']/pre"))
                .singleElement().asString().contains("broken.groovy:");
    }
}
