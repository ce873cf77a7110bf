package org.mbmskeys.benchmarks.engine;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.mbmskeys.engine.runtime.Engine;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Instances started per second on a real two-lane engine (native backend, system scheduler): each start
 * of {@code bench.msk-push} checks the inputs on the benchmark thread, then on its lane creates the record,
 * enters {@code waiting} (arms the 30 s deadline, runs the entry action: a variable update and a
 * {@code send}), saves the record and carries out the send to a counting channel.
 *
 * <p>One operation is one start: an invocation starts {@value #BATCH} instances with new keys and waits on
 * a {@link LaneBarrier} until both lanes have run them. Instances are never ended, as in the field, where
 * they wait for their acknowledgement; so every iteration gets a fresh engine and store (and the old one
 * becomes garbage) to keep the live set to what one iteration starts.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 8, time = 1)   // C2 needs several seconds on a loaded machine (docs/benchmarks.md, Engine)
@Measurement(iterations = 8, time = 1)
public class EngineStartBenchmark {

    static final int BATCH = 10_000;

    private final LongAdder sent = new LongAdder();
    private Engine engine;
    private LaneBarrier barrier;
    private long nextId = 10_000_000;
    private long startedHere;

    @Setup(Level.Iteration)
    public void newEngine() {
        closeEngine();
        engine = Engine.builder()
                .procedure(BenchProcedures.push())
                .procedure(BenchProcedures.probe())
                .lanes(EngineThroughputBenchmark.LANES)
                .threadFactory(LaneThreads.reportingCpuOnExit())
                .channel("mikey", message -> sent.increment())
                .build();
        barrier = LaneBarrier.of(engine, EngineThroughputBenchmark.LANES);
        sent.reset();
        startedHere = 0;
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void starts() {
        for (int i = 0; i < BATCH; i++) {
            Long mskId = nextId++;
            engine.start(BenchProcedures.PUSH, Map.of("ue", "ue-" + mskId, "mskId", mskId));
        }
        barrier.await();
        startedHere += BATCH;
    }

    @TearDown(Level.Iteration)
    public void checkEveryStartSent() {
        if (sent.sum() != startedHere) {
            throw new IllegalStateException(startedHere + " starts but " + sent.sum() + " sends: a start was rejected "
                    + "or failed, so the score is wrong");
        }
    }

    /**
     * Closes the previous iteration's engine; dropping it drops its store too. Not in the iteration's
     * tear-down: the lane threads must still be alive when the profilers read their CPU time.
     */
    @TearDown(Level.Trial)
    public void closeEngine() {
        if (engine != null) {
            engine.close();
            engine = null;
        }
    }
}
