package org.mbmskeys.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * CPU time the JMH worker threads spend per operation ({@code cpu.time.norm}, µs/op), next to the
 * wall-clock score, and, when an engine's lane threads ran during the iteration, the CPU time of those
 * ({@code cpu.lanes.norm}, µs/op; threads named {@code mbms-keys-lane-*}, the engine's default lane
 * thread names). Use: {@code -prof org.mbmskeys.benchmarks.CpuTimeProfiler}.
 *
 * <p>A thread's CPU time can no longer be read once it has ended, and JMH runs trial-level tear-downs
 * (which close engines) before the profilers see the last iteration. Lane threads made by a factory that
 * calls {@link #laneEnding()} as their last act are therefore still counted in the iteration they end in.
 *
 * <p>Why: on a shared machine the worker is descheduled whenever other processes want the cores, so
 * wall-clock throughput swings with their load (a seal measured faster than the raw crypto it contains).
 * Thread CPU time does not count the time the worker waits for a core, so it is the steadier figure for
 * ratios. It still moves with cache and SMT-sibling contention, and it leaves out GC and JIT threads
 * (allocation shows in {@code -prof gc} instead).
 *
 * <p>Divides by all operations of the iteration (JMH's {@code allOps}, as {@code -prof gc} does for
 * {@code gc.alloc.rate.norm}), because the thread CPU time covers the whole iteration including the
 * synchronisation ramp.
 */
public final class CpuTimeProfiler implements InternalProfiler {

    private static final String WORKER = "-jmh-worker-";
    private static final String LANE = "mbms-keys-lane-";
    /** Final CPU time of lane threads that ended since the last iteration, by thread id. */
    private static final Map<Long, Long> ENDED_LANES = new ConcurrentHashMap<>();

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private Map<Long, Long> workersAtStart = Map.of();
    private Map<Long, Long> lanesAtStart = Map.of();

    public CpuTimeProfiler() {
        if (!threads.isThreadCpuTimeSupported()) {
            throw new UnsupportedOperationException("this JVM cannot measure per-thread CPU time; drop -prof "
                    + CpuTimeProfiler.class.getName());
        }
        threads.setThreadCpuTimeEnabled(true);
    }

    /**
     * Called by a lane thread as its last act (from its thread factory's wrapper): keeps its CPU time for
     * the iteration it ends in.
     */
    public static void laneEnding() {
        ENDED_LANES.put(Thread.currentThread().getId(), ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime());
    }

    @Override
    public String getDescription() {
        return "CPU time of the JMH worker threads (and of engine lane threads) per operation";
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
        workersAtStart = cpuNanos(WORKER);
        lanesAtStart = cpuNanos(LANE);
    }

    @Override
    public Collection<? extends Result> afterIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams,
                                                       IterationResult result) {
        long ops = result.getMetadata().getAllOps();
        Map<Long, Long> lanes = cpuNanos(LANE);
        for (Long id : List.copyOf(ENDED_LANES.keySet())) {
            Long last = ENDED_LANES.remove(id);
            lanes.putIfAbsent(id, last);   // still listed as alive: its current reading is the later one
        }
        ScalarResult workers = perOp("cpu.time.norm", spent(workersAtStart, cpuNanos(WORKER)), ops);
        if (lanes.isEmpty()) {
            return List.of(workers);
        }
        return List.of(workers, perOp("cpu.lanes.norm", spent(lanesAtStart, lanes), ops));
    }

    /**
     * CPU time spent between two readings by the threads in the second. A thread started during the
     * iteration counts from zero; one that ended during it is counted only if it reported its time through
     * {@link #laneEnding()}.
     */
    private static long spent(Map<Long, Long> atStart, Map<Long, Long> atEnd) {
        long spent = 0;
        for (Map.Entry<Long, Long> now : atEnd.entrySet()) {
            spent += now.getValue() - atStart.getOrDefault(now.getKey(), 0L);
        }
        return spent;
    }

    private static ScalarResult perOp(String label, long nanos, long ops) {
        double microsPerOp = ops == 0 ? Double.NaN : nanos / 1_000.0 / ops;
        return new ScalarResult(label, microsPerOp, "us/op", AggregationPolicy.AVG);
    }

    private Map<Long, Long> cpuNanos(String nameContains) {
        Map<Long, Long> cpu = new HashMap<>();
        for (long id : threads.getAllThreadIds()) {
            ThreadInfo info = threads.getThreadInfo(id);
            if (info != null && info.getThreadName().contains(nameContains)) {
                long nanos = threads.getThreadCpuTime(id);
                if (nanos >= 0) {
                    cpu.put(id, nanos);
                }
            }
        }
        return cpu;
    }
}
