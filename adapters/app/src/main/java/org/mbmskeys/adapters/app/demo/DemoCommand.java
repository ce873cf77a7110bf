package org.mbmskeys.adapters.app.demo;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import org.mbmskeys.adapters.app.node.Tapped;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mbms-keys demo}: a BM-SC and three UEs on loopback run every key management procedure once. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Starts a BM-SC and three UEs in this process on loopback sockets (MIKEY over UDP with multicast "
                + "MTK delivery, key management over HTTP, a simulated BSF) and runs registration, MSK push with MIKEY "
                + "ACK, MTK streaming, a missed key update, a solicited pull with an expired Ks_NAF, a UICC change and a "
                + "deregistration. Prints a timeline and a summary; writes a pcap, a sequence diagram and the timeline "
                + "to the output folder. Ends by itself in well under a minute."})
public final class DemoCommand implements Callable<Integer> {

    private static final String LOG_LEVEL = "org.slf4j.simpleLogger.defaultLogLevel";

    @Spec
    CommandSpec spec;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "mbms-keys-demo",
            description = "Where the pcap, the diagrams and the timeline go (default: ${DEFAULT-VALUE}).")
    Path outDir;

    @Option(names = "--quiet", description = "Print only the chapters and the summary, not the timeline.")
    boolean quiet;

    @Option(names = "--verbose", description = "Also show the roles' own log lines (INFO and above).")
    boolean verbose;

    @Override
    public Integer call() throws Exception {
        if (!verbose && System.getProperty(LOG_LEVEL) == null) {
            // The story is told by the timeline; the roles' INFO lines would interleave with it.
            System.setProperty(LOG_LEVEL, "warn");
        }
        PrintWriter out = spec.commandLine().getOut();
        Files.createDirectories(outDir);
        out.println("mbms-keys demo: one BM-SC, three UEs (alice, bob, carol), loopback sockets, TS 33.246 key management");
        out.flush();
        try (DemoLab lab = new DemoLab()) {
            out.printf("  BM-SC %s: MIKEY on udp %s, key management on http %s; session %s on %s%n", DemoLab.BMSC,
                    lab.bmsc.udp().localEndpoint(), lab.bmsc.http().localEndpoint(), DemoLab.SESSION, DemoLab.MTK_GROUP);
            out.printf("  state: H2 databases in %s (keys wrapped under a random key; deleted at the end)%n", lab.stateFolder);
            Demo demo = new Demo(lab, out);
            try {
                demo.run();
            } catch (IllegalStateException e) {
                out.println();
                out.println("The demo stopped: " + e.getMessage());
                writeFiles(lab, demo, out);
                return 1;
            }
            Duration took = Duration.between(demo.start(), lab.clock.now());
            List<String> timeline = Timeline.lines(demo.start(), demo.chapters(), lab.tap.seen(), lab.atUes.all());
            if (!quiet) {
                out.println();
                out.println("Timeline (messages as they crossed the sockets, and what the UEs reported):");
                timeline.forEach(line -> out.println("  " + line));
            }
            out.println();
            out.println("Summary:");
            Summary.lines(lab).forEach(line -> out.println("  " + line));
            out.println();
            writeFiles(lab, demo, out);
            out.printf("All 6 chapters done in %.1f s.%n", took.toMillis() / 1000.0);
            return 0;
        }
    }

    private void writeFiles(DemoLab lab, Demo demo, PrintWriter out) throws IOException {
        List<Tapped> wire = lab.tap.seen();
        int datagrams = PcapExport.write(outDir.resolve("mikey.pcap"), wire);
        String plantUml = SequenceDiagram.plantUml(demo.chapters(), wire);
        Files.writeString(outDir.resolve("sequence.mmd"), SequenceDiagram.mermaid(demo.chapters(), wire), StandardCharsets.UTF_8);
        Files.writeString(outDir.resolve("sequence.puml"), plantUml, StandardCharsets.UTF_8);
        Files.write(outDir.resolve("sequence.svg"), SequenceDiagram.svg(plantUml));
        Files.write(outDir.resolve("timeline.txt"),
                Timeline.lines(demo.start(), demo.chapters(), wire, lab.atUes.all()), StandardCharsets.UTF_8);
        out.printf("Wrote %s: mikey.pcap (%d MIKEY datagrams; Wireshark), sequence.mmd (Mermaid), sequence.svg, "
                + "sequence.puml, timeline.txt%n", outDir, datagrams);
    }
}
