package org.mbmskeys.benchmarks.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.mbmskeys.engine.runtime.Engine;
import org.mbmskeys.engine.spi.InstanceRecord;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Events per second through a real two-lane engine (a thread per lane), for the three-state ring
 * {@code a -> b -> c -> a} on a typed event with no actions or effects, on each backend.
 *
 * <p>One operation is one event: an invocation sends one {@link Advance} to each of {@value #INSTANCES}
 * running instances from the benchmark thread (validation, hand-off to the lane's queue), then waits on a
 * {@link LaneBarrier} until both lanes have handled them all (lookup, step, save). The score therefore
 * counts events processed, not events queued, and includes the hand-off and the lanes waking up.
 *
 * <p>{@link #checkEveryInstanceMoved} shows afterwards that no event was rejected: 64 instances spread over
 * the keys must be in the state that the number of invocations implies, and in the next one after one more
 * event each.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 8, time = 1)   // C2 needs several seconds on a loaded machine (docs/benchmarks.md, Engine)
@Measurement(iterations = 8, time = 1)
public class EngineThroughputBenchmark {

    static final int INSTANCES = 10_000;
    static final int LANES = 2;
    private static final int CHECKED = 64;
    private static final String[] RING_STATES = {"a", "b", "c"};

    @Param({"native", "spring"})
    public String backend;

    private Engine engine;
    private LaneBarrier barrier;
    private String[] keys;
    private long invocations;

    @Setup(Level.Trial)
    public void startInstances() {
        engine = Engine.builder()
                .procedure(BenchProcedures.ring())
                .procedure(BenchProcedures.probe())
                .lanes(LANES)
                .threadFactory(LaneThreads.reportingCpuOnExit())
                .backend(backend)
                .build();
        barrier = LaneBarrier.of(engine, LANES);
        keys = new String[INSTANCES];
        for (int i = 0; i < INSTANCES; i++) {
            keys[i] = "ue-" + (1_000_000 + i);
            engine.start(BenchProcedures.RING, keys[i], Map.of());
        }
        barrier.await();
        if (!engine.backend().equals(backend)) {
            throw new IllegalStateException("asked for backend " + backend + ", got " + engine.backend());
        }
    }

    @Benchmark
    @OperationsPerInvocation(INSTANCES)
    public void events() {
        for (String key : keys) {
            engine.send(BenchProcedures.RING, key, Advance.INSTANCE);
        }
        barrier.await();
        invocations++;
    }

    /**
     * Checks a sample of the instances (the check's work falls into the last iteration's CPU time, so it is
     * kept small), then one more round for them and checks again.
     */
    @TearDown(Level.Trial)
    public void checkEveryInstanceMoved() {
        try {
            List<String> sample = new ArrayList<>();
            for (int i = 0; i < keys.length; i += keys.length / CHECKED) {
                sample.add(keys[i]);
            }
            // Two rounds apart: an instance stuck in one state would match the expected state of one of them.
            requireIn(sample, RING_STATES[(int) (invocations % RING_STATES.length)]);
            for (String key : sample) {
                engine.send(BenchProcedures.RING, key, Advance.INSTANCE);
            }
            requireIn(sample, RING_STATES[(int) ((invocations + 1) % RING_STATES.length)]);
        } finally {
            engine.close();
        }
    }

    private void requireIn(List<String> sample, String expected) {
        for (String key : sample) {
            String state = engine.instance(BenchProcedures.RING, key).map(InstanceRecord::state).orElse("(ended)");
            if (!state.equals(expected)) {
                throw new IllegalStateException(key + " is in " + state + " after " + invocations + " rounds, expected "
                        + expected + ": an event was rejected or lost, so the score is wrong");
            }
        }
    }
}
