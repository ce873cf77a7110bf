package org.mbmskeys.benchmarks.engine;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mbmskeys.engine.runtime.Engine;

/**
 * Waits until every lane of a (threaded) engine has handled everything submitted to it before, so that a
 * benchmark operation covers the lanes' work and not only the hand-off to their queues.
 *
 * <p>How: {@link Engine#instance} runs on the lane of its key after the work queued there before it, and
 * waits for it. One key per lane is enough. Which lane a key goes to is the engine's business, so the
 * barrier asks: it starts {@code bench.lane-probe} instances, whose entry action records the thread that
 * ran them, until it has seen as many threads as there are lanes. Lanes are chosen by key alone, so the
 * same key reaches the same lane for every procedure.
 */
final class LaneBarrier {

    private final Engine engine;
    private final List<String> keys;

    private LaneBarrier(Engine engine, List<String> keys) {
        this.engine = engine;
        this.keys = keys;
    }

    /**
     * @throws IllegalStateException if 1,000 probe keys did not reach {@code lanes} distinct threads
     */
    static LaneBarrier of(Engine engine, int lanes) {
        Map<String, String> keyByThread = new LinkedHashMap<>();
        for (int i = 0; keyByThread.size() < lanes; i++) {
            if (i == 1_000) {
                throw new IllegalStateException("1,000 probe keys ran on only " + keyByThread.keySet() + ", expected "
                        + lanes + " lane threads; is the engine deterministic, or built with fewer lanes?");
            }
            String key = "lane-probe-" + i;
            engine.start(BenchProcedures.PROBE, key, Map.of());
            engine.instance(BenchProcedures.PROBE, key);   // returns once the start has run
            String thread = LaneProbe.threadOf(key);
            if (thread == null) {
                throw new IllegalStateException("probe " + key + " did not run its entry action; see " + engine);
            }
            keyByThread.putIfAbsent(thread, key);
            engine.signal(BenchProcedures.PROBE, key, "done", null);
        }
        return new LaneBarrier(engine, List.copyOf(keyByThread.values()));
    }

    /** Returns once every lane has drained what was submitted before this call (from this thread). */
    void await() {
        for (String key : keys) {
            engine.instance(BenchProcedures.PROBE, key);
        }
    }
}
