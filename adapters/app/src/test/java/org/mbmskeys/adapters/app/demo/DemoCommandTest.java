package org.mbmskeys.adapters.app.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mbmskeys.adapters.app.CliRun;
import org.mbmskeys.adapters.app.Tshark;

/**
 * {@code mbms-keys demo} as a newcomer runs it: real loopback sockets, three UEs, every chapter; then its files.
 * One run (about 15 s) serves every test of the class.
 */
class DemoCommandTest {

    @TempDir
    static Path dir;
    private static CliRun run;

    @BeforeAll
    static void runTheDemo() {
        run = CliRun.of("demo", "--out", dir.toString());
    }

    @Test
    void everyChapterEndsAndTheSummaryShowsTheEndState() {
        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("[1/6] Registration", "[2/6] MTK streaming over multicast", "[3/6] Missed key update",
                "[4/6] Solicited pull while Carol's Ks_NAF has expired", "[5/6] UICC change", "[6/6] Deregistration",
                "All 6 chapters done in");
        assertThat(run.out()).as("the SRTP sender's key, held by every UE").containsPattern("the SRTP sender was handed "
                + "each new MTK \\(now MKI 01010001\\p{XDigit}{4}\\); every UE holds that master key and salt");
        List<String> summary = run.out().lines().dropWhile(l -> !l.equals("Summary:")).toList();
        // Alice left the service (her keys went with it); Bob has his new card's registration and the current MSK.
        assertThat(summary).anySatisfy(l -> assertThat(l).matches("\\s*alice\\s+\\| no\\s+\\| -\\s+\\|.*"));
        assertThat(summary).anySatisfy(l -> assertThat(l).matches("\\s*bob\\s+\\| yes\\s+\\| 001-01/01010003\\s+\\|.*\\| 2 .*"));
        assertThat(summary).anySatisfy(l -> assertThat(l).contains("0 dropped").contains("refused by the socket: none"));
    }

    @Test
    void theTimelineShowsTheMessagesOfEveryProcedureInTheirOrder() throws Exception {
        String timeline = Files.readString(dir.resolve("timeline.txt"));
        // Only what causes what is ordered: the push (UDP) may overtake the registration's 200 (TCP).
        assertThat(timeline).contains("BM-SC    -> alice           200 OK");
        assertThat(timeline).containsSubsequence(
                "alice    -> BM-SC", "requesttype=register", "401 Unauthorized", "(Digest)",
                "BM-SC    -> alice           MSK message (V) 001-01 01010001", "alice    -> BM-SC           MIKEY verification (ACK)",
                "news-live group MTK message 001-01 01010001 MTK 1",
                "MTK message 001-01 01010002", "requesttype=msk-request",
                "solicited pull 001-01 0101",
                "requesttype=deregister");
        assertThat(run.out()).contains("Timeline (messages as they crossed the sockets");
    }

    @Test
    void theDiagramsAreMermaidAndSvgOfTheSameMessages() throws Exception {
        String mermaid = Files.readString(dir.resolve("sequence.mmd"));
        assertThat(mermaid).startsWith("sequenceDiagram\n").contains("participant BM_SC as BM-SC", "alice->>BM_SC: POST",
                "BM_SC-->>alice: 200 OK", "BM_SC->>news_live_group: MTK message");
        String svg = Files.readString(dir.resolve("sequence.svg"), StandardCharsets.UTF_8);
        assertThat(svg).contains("<svg").contains("solicited pull 001-01 0101").doesNotContain("Syntax Error");
    }

    @Test
    void thePcapHoldsEveryMikeyDatagramAndWiresharkReadsThemAsMikey() throws Exception {
        Path pcap = dir.resolve("mikey.pcap");
        assertThat(run.out()).containsPattern("mikey\\.pcap \\(\\d+ MIKEY datagrams");
        Tshark.require();
        int port = Integer.parseInt(run.out().replaceAll("(?s).*MIKEY on udp 127\\.0\\.0\\.1:(\\d+).*", "$1"));
        List<String> types = Tshark.run("-r", pcap.toString(), "-d", "udp.port==" + port + ",mikey", "-T", "fields",
                "-e", "mikey.type").lines().toList();
        String datagrams = run.out().replaceAll("(?s).*mikey\\.pcap \\((\\d+) MIKEY datagrams.*", "$1");
        assertThat(types).hasSize(Integer.parseInt(datagrams))
                .allSatisfy(t -> assertThat(t).isIn("0", "1"));   // PSK init (MSK, MTK, pull), PSK verification
        String expert = Tshark.run("-r", pcap.toString(), "-d", "udp.port==" + port + ",mikey", "-V", "-O", "mikey", "-z", "expert");
        assertThat(expert).doesNotContainIgnoringCase("malformed");
    }
}
