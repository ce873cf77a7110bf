package org.mbmskeys.features.livingdocs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mbmskeys.adapters.memory.Captured;
import org.mbmskeys.adapters.memory.Message;
import org.mbmskeys.engine.bytes.Bytes;
import org.mbmskeys.engine.spi.Endpoint;
import org.mbmskeys.steps.Ladder;
import org.w3c.dom.Document;

class LadderTest {

    @TempDir
    Path dir;

    private static final Ladder SAMPLE = new Ladder("The UE registers <and> gets its MSK", List.of(
            new Ladder.Arrow(0, "ue-1", "bmsc", Ladder.Kind.HTTP_REQUEST, "POST register"),
            new Ladder.Arrow(0, "bmsc", "ue-1", Ladder.Kind.HTTP_RESPONSE, "401"),
            new Ladder.Arrow(0, "ue-1", "bsf", Ladder.Kind.HTTP_REQUEST, "GET /bootstrap"),
            new Ladder.Arrow(0, "ue-1", "bmsc", Ladder.Kind.HTTP_REQUEST, "POST register \"again\" -- with Digest"),
            new Ladder.Arrow(0, "bmsc", "ue-1", Ladder.Kind.HTTP_RESPONSE, "200"),
            new Ladder.Arrow(20, "bmsc", "ue-10", Ladder.Kind.MIKEY, "MSK push V=1 MSK 0001:0002", Ladder.Fate.DROPPED, "partitioned"),
            new Ladder.Arrow(2520, "bmsc", "ue-2", Ladder.Kind.MIKEY, "MSK push <V=1> MSK 0001:0002", Ladder.Fate.DELIVERED,
                    "delayed PT2S"),
            new Ladder.Arrow(2520, "bmsc", "nowhere", Ladder.Kind.MIKEY, "MTK", Ladder.Fate.UNDELIVERABLE, "")));

    @Test
    void a_ladder_written_reads_back_the_same() {
        Path file = dir.resolve("a/b/15.json");
        SAMPLE.write(file);
        assertThat(Ladder.read(file)).isEqualTo(SAMPLE);
    }

    @Test
    void the_file_of_a_scenario_follows_from_its_feature_uri_and_line_however_the_uri_is_written() {
        Path root = Path.of("ladders/native");
        Path expected = root.resolve("ue/msk-request/42.json");
        assertThat(Ladder.fileFor(root, "classpath:features/ue/msk-request.feature", 42)).isEqualTo(expected);
        assertThat(Ladder.fileFor(root, "file:/work/x/features/src/test/resources/features/ue/msk-request.feature", 42))
                .isEqualTo(expected);
        assertThat(Ladder.fileFor(root, "ue/msk-request.feature", 42)).isEqualTo(expected);
    }

    @Test
    void write_for_a_scenario_goes_below_the_folder_the_system_property_names() {
        String before = System.getProperty(Ladder.PROPERTY);
        try {
            System.setProperty(Ladder.PROPERTY, dir.toString());
            Path file = SAMPLE.writeFor(URI.create("classpath:features/bmsc/msk-push.feature"), 7);
            assertThat(file).isEqualTo(dir.resolve("bmsc/msk-push/7.json")).exists();
            System.clearProperty(Ladder.PROPERTY);
            assertThatThrownBy(() -> SAMPLE.writeFor(URI.create("classpath:features/x.feature"), 1))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining(Ladder.PROPERTY);
        } finally {
            if (before == null) {
                System.clearProperty(Ladder.PROPERTY);
            } else {
                System.setProperty(Ladder.PROPERTY, before);
            }
        }
    }

    @Test
    void participants_are_ues_in_natural_order_then_the_bmsc_then_the_bsf_then_the_rest() {
        assertThat(SAMPLE.participants()).containsExactly("ue-1", "ue-2", "ue-10", "bmsc", "bsf", "nowhere");
    }

    @Test
    void nodes_named_by_the_scenario_take_the_rank_of_what_they_do() {
        Ladder ladder = new Ladder("names", List.of(
                new Ladder.Arrow(0, "bmsc.example.org", "239.1.1.1", Ladder.Kind.MIKEY, "MTK message"),
                new Ladder.Arrow(0, "bob", "bsf", Ladder.Kind.GBA, "Ub bootstrapping"),
                new Ladder.Arrow(0, "alice", "keys.example.org", Ladder.Kind.HTTP_REQUEST, "POST register"),
                new Ladder.Arrow(0, "keys.example.org", "bsf", Ladder.Kind.GBA, "Zn key request"),
                new Ladder.Arrow(0, "bsf", "keys.example.org", Ladder.Kind.GBA, "Zn answer")));
        assertThat(ladder.participants())
                .containsExactly("alice", "bob", "bmsc.example.org", "keys.example.org", "bsf", "239.1.1.1");
    }

    @Test
    void a_captured_message_becomes_an_arrow_with_its_fate_effects_and_replay() {
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        Captured captured = new Captured(3, start.plusMillis(1500),
                new Message(new Endpoint("bmsc", 2269), new Endpoint("ue-1", 2269), "ue-1", Message.Kind.DATAGRAM, Bytes.ofHex("0102")),
                Captured.Fate.DROPPED, Optional.empty(), Optional.empty(), List.of("dropped by rule 1"), Optional.of(1));
        assertThat(Ladder.Arrow.of(captured, start, "MSK push")).isEqualTo(new Ladder.Arrow(1500, "bmsc", "ue-1",
                Ladder.Kind.MIKEY, "MSK push", Ladder.Fate.DROPPED, "dropped by rule 1, replay of #1"));
    }

    @Test
    void a_file_that_is_not_a_ladder_is_refused_saying_why() throws Exception {
        Path file = dir.resolve("1.json");
        Files.writeString(file, "{\"format\": 2, \"arrows\": []}");
        assertThatThrownBy(() -> Ladder.read(file)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("format 2");
        Files.writeString(file, "{\"format\": 1, \"scenario\": \"x\", \"arrows\": [{\"at\": 0, \"from\": \"a\"}]}");
        assertThatThrownBy(() -> Ladder.read(file)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a ladder");
    }

    @Test
    void a_sample_ladder_renders_as_a_sequence_diagram_with_every_participant_and_message() {
        String plantUml = LadderDiagram.plantUml(SAMPLE);
        assertThat(plantUml).contains("!pragma layout smetana", "P3 -[#1F5FA8]>x P5 : MIKEY MTK", "P3 --> P0 : 401",
                "... +20 ms (at 20 ms) ...", "... +2.5 s (at 2.52 s) ...");
        Document svg = Xml.parse(new DiagramRenderer().svg(plantUml), "ladder");
        String text = svg.getDocumentElement().getTextContent();
        assertThat(svg.getDocumentElement().getTagName()).isEqualTo("svg");
        assertThat(text).contains("ue-1", "ue-2", "ue-10", "bmsc", "bsf", "POST register", "401", "GET /bootstrap",
                "MIKEY MSK push V=1 MSK 0001:0002", "partitioned", "dropped", "delayed PT2S", "undeliverable",
                "<V=1>", "\"again\" -- with Digest");
        assertThat(text.indexOf("ue-10")).as("ue-10 drawn after ue-2").isGreaterThan(text.indexOf("ue-2"));
    }

    @Test
    void durations_read_as_people_write_them() {
        assertThat(LadderDiagram.duration(250)).isEqualTo("250 ms");
        assertThat(LadderDiagram.duration(2000)).isEqualTo("2 s");
        assertThat(LadderDiagram.duration(2520)).isEqualTo("2.52 s");
        assertThat(LadderDiagram.duration(180_000)).isEqualTo("3 min");
    }
}
