package org.mbmskeys.benchmarks.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.mbmskeys.engine.dsl.ProcedureCompiler;
import org.mbmskeys.engine.model.ProcedureDefinition;

/**
 * The procedures the engine benchmarks run, compiled from the scripts next to this class with the engine's
 * own compiler (static compilation, the default), exactly as an embedder's scripts would be.
 */
final class BenchProcedures {

    /** {@code ring.groovy}: a -> b -> c -> a on {@link Advance}; no actions, guards, timers or effects. */
    static final String RING = "bench.ring";
    /** {@code msk-push.groovy}: two inputs, a variable, an entry action with a send, a 30 s timer with retry. */
    static final String PUSH = "bench.msk-push";
    /** {@code lane-probe.groovy}: records which lane thread runs a key (see {@link LaneBarrier}). */
    static final String PROBE = "bench.lane-probe";

    private static final ProcedureCompiler COMPILER = ProcedureCompiler.builder()
            .imports(BenchProcedures.class.getPackageName() + ".*")
            .build();

    private BenchProcedures() {
    }

    static ProcedureDefinition ring() {
        return compile("ring.groovy");
    }

    static ProcedureDefinition push() {
        return compile("msk-push.groovy");
    }

    static ProcedureDefinition probe() {
        return compile("lane-probe.groovy");
    }

    private static ProcedureDefinition compile(String file) {
        try (InputStream in = BenchProcedures.class.getResourceAsStream(file)) {
            if (in == null) {
                throw new IllegalStateException("script " + file + " is not on the class path next to "
                        + BenchProcedures.class.getName() + "; was the benchmarks jar built with its resources?");
            }
            return COMPILER.compile(file, new String(in.readAllBytes(), StandardCharsets.UTF_8)).orThrow();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read script " + file, e);
        }
    }
}
