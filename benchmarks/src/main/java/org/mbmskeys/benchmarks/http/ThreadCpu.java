package org.mbmskeys.benchmarks.http;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;

/**
 * CPU time of the live threads whose names start with given prefixes, e.g. a server's event loop and an engine's
 * lanes. The threads of {@link MskRequestsOverHttp} live for the whole run, so differences between two readings are
 * what they spent in between.
 */
final class ThreadCpu {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    static {
        THREADS.setThreadCpuTimeEnabled(true);
    }

    private ThreadCpu() {
    }

    /** Nanoseconds of CPU of the live threads named {@code prefixes[i]...}, summed per prefix. */
    static long[] nanos(String... prefixes) {
        long[] sums = new long[prefixes.length];
        for (ThreadInfo info : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
            if (info == null) {
                continue;
            }
            for (int i = 0; i < prefixes.length; i++) {
                if (info.getThreadName().startsWith(prefixes[i])) {
                    long cpu = THREADS.getThreadCpuTime(info.getThreadId());
                    sums[i] += Math.max(0, cpu);
                }
            }
        }
        return sums;
    }
}
