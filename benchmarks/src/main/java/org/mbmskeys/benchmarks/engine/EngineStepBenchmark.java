package org.mbmskeys.benchmarks.engine;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.mbmskeys.engine.runtime.Engine;
import org.mbmskeys.engine.spi.InstanceRecord;
import org.mbmskeys.engine.spi.ManualScheduler;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One event at a time on one thread: the same ring and instances as {@link EngineThroughputBenchmark}, on a
 * deterministic engine, which handles each event on the calling thread before {@code send} returns. No
 * second thread is involved, so there is no cross-core traffic and no lane wake-up, but each event still
 * goes through the lane's queue and the deterministic trampoline (one drain per event instead of one per
 * burst). The cleanest per-event comparison of the backends; a diagnostic, not a goal figure.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 8, time = 1)   // C2 needs several seconds on a loaded machine (docs/benchmarks.md, Engine)
@Measurement(iterations = 8, time = 1)
public class EngineStepBenchmark {

    private static final String[] RING_STATES = {"a", "b", "c"};

    @Param({"native", "spring"})
    public String backend;

    private Engine engine;
    private String[] keys;
    private long sent;

    @Setup(Level.Trial)
    public void startInstances() {
        engine = Engine.builder()
                .procedure(BenchProcedures.ring())
                .lanes(EngineThroughputBenchmark.LANES)
                .deterministic()
                .scheduler(new ManualScheduler())
                .backend(backend)
                .build();
        keys = new String[EngineThroughputBenchmark.INSTANCES];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = "ue-" + (1_000_000 + i);
            engine.start(BenchProcedures.RING, keys[i], Map.of());
        }
    }

    @Benchmark
    public void event() {
        engine.send(BenchProcedures.RING, keys[(int) (sent++ % keys.length)], Advance.INSTANCE);
    }

    @TearDown(Level.Trial)
    public void checkEveryInstanceMoved() {
        try {
            for (int i = 0; i < keys.length; i++) {
                long received = sent / keys.length + (i < sent % keys.length ? 1 : 0);
                String expected = RING_STATES[(int) (received % RING_STATES.length)];
                String state = engine.instance(BenchProcedures.RING, keys[i]).map(InstanceRecord::state).orElse("(ended)");
                if (!state.equals(expected)) {
                    throw new IllegalStateException(keys[i] + " is in " + state + " after " + received + " events, expected "
                            + expected + ": an event was rejected, so the score is wrong");
                }
            }
        } finally {
            engine.close();
        }
    }
}
