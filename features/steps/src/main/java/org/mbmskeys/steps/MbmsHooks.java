package org.mbmskeys.steps;

import io.cucumber.java.After;
import io.cucumber.java.Scenario;
import java.time.Instant;
import java.util.List;
import org.mbmskeys.adapters.memory.Captured;
import org.mbmskeys.engine.testkit.TraceRecorder;

/**
 * After every scenario: its trace and its ladder for the living documentation, on the wire the check that the
 * sockets carried what was captured, then the world is closed.
 */
public class MbmsHooks {

    private final MbmsWorld world;

    public MbmsHooks(MbmsWorld world) {
        this.world = world;
    }

    @After
    public void writeLadderAndClose(Scenario scenario) {
        try {
            writeTrace(scenario);
            if (world.wire != null && scenario.getStatus() == io.cucumber.java.Status.PASSED) {
                // a run on the wire must have used the sockets: it cannot pass on the in-memory network unnoticed
                world.wire.assertSocketsCarriedTheCapture();
            }
            if (System.getProperty(Ladder.PROPERTY) != null) {   // no folder, no living docs: nothing to write
                Instant start = world.start;
                List<Ladder.Arrow> arrows = world.bsfExchanges.interleave(world.capture().stream()
                        .map(c -> Ladder.Arrow.of(c, start, LadderLabels.of(c))).toList());
                if (!arrows.isEmpty()) {
                    new Ladder(scenario.getName(), arrows).writeFor(scenario.getUri(), scenario.getLine());
                }
            }
        } finally {
            world.close();
        }
    }

    /**
     * The scenario's status and the transition trace of every instance of both roles, to
     * {@code <traces>/<feature>/<line>.trace}: nothing in it names the backend, so {@code TracesAgreeTest}
     * compares the two runs line by line.
     */
    private void writeTrace(Scenario scenario) {
        String folder = System.getProperty("mbmskeys.features.traces");
        if (folder == null) {
            return;   // run from an IDE without the POM's folders
        }
        StringBuilder text = new StringBuilder("status: ").append(scenario.getStatus()).append('\n');
        for (TraceRecorder recorder : List.of(world.bmscTrace, world.ueTrace)) {
            append(recorder, text);
        }
        world.otherBmscTraces.forEach((fqdn, recorder) -> append(recorder, text.append("BM-SC ").append(fqdn).append('\n')));
        String feature = scenario.getUri().toString().replaceAll("^.*features/", "").replace(".feature", "");
        java.nio.file.Path file = java.nio.file.Path.of(folder, feature, scenario.getLine() + ".trace");
        try {
            java.nio.file.Files.createDirectories(file.getParent());
            java.nio.file.Files.writeString(file, text);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot write the trace " + file, e);
        }
    }

    private static void append(TraceRecorder recorder, StringBuilder text) {
        recorder.instances().stream().sorted(java.util.Comparator.comparing(Object::toString)).forEach(ref ->
                text.append(ref).append('\n').append(recorder.trace(ref)).append('\n'));
    }
}
