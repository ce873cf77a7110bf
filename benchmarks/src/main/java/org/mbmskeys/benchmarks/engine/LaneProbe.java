package org.mbmskeys.benchmarks.engine;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Called by the {@code bench.lane-probe} script: remembers which thread ran each key. Public because the
 * script calls it; not part of any measurement.
 */
public final class LaneProbe {

    private static final ConcurrentHashMap<Object, String> THREAD_BY_KEY = new ConcurrentHashMap<>();

    private LaneProbe() {
    }

    /** Records the calling (lane) thread for {@code key}. */
    public static void ranOn(Object key) {
        THREAD_BY_KEY.put(key, Thread.currentThread().getName());
    }

    /** The thread that ran {@code key}'s probe, or null if none ran yet. */
    static String threadOf(Object key) {
        return THREAD_BY_KEY.remove(key);
    }
}
