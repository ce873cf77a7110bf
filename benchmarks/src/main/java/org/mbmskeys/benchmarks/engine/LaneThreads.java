package org.mbmskeys.benchmarks.engine;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.mbmskeys.benchmarks.CpuTimeProfiler;

/**
 * Lane threads as the engine makes them by default (daemon, named {@code mbms-keys-lane-N}), which hand
 * their CPU time to {@link CpuTimeProfiler} as they end, so that an engine closed in a trial tear-down
 * still has its last iteration's lane time counted.
 */
final class LaneThreads {

    private LaneThreads() {
    }

    static ThreadFactory reportingCpuOnExit() {
        AtomicInteger next = new AtomicInteger();
        return work -> {
            Thread thread = new Thread(() -> {
                try {
                    work.run();
                } finally {
                    CpuTimeProfiler.laneEnding();
                }
            }, "mbms-keys-lane-" + next.getAndIncrement());
            thread.setDaemon(true);
            return thread;
        };
    }
}
