package org.mbmskeys.engine.runtime;

import java.util.Arrays;

/**
 * A lane's pending deadlines: a binary min-heap over three parallel arrays (deadline, instance key, timer
 * slot), so an armed timer costs 16 bytes and no object. Cancelling or restarting a timer does not touch
 * the heap: the record's deadline changes and the old entry goes stale; an entry is acted on only if the
 * record still holds exactly that deadline. Chosen over a timer wheel because it needs no tick size
 * tuning and stays exact with virtual time; log2(10^6) = 20 comparisons per operation.
 *
 * <p>Stale entries are counted; when they outnumber the live ones the owner compacts the heap. Only the
 * lane's thread touches it.
 */
final class TimerQueue {

    private long[] at = new long[16];
    private Object[] keys = new Object[16];
    private TimerSlot[] slots = new TimerSlot[16];
    private int size;
    private int stale;

    int size() {
        return size;
    }

    boolean isEmpty() {
        return size == 0;
    }

    /** The earliest deadline; only when not empty. */
    long peekAt() {
        return at[0];
    }

    Object peekKey() {
        return keys[0];
    }

    TimerSlot peekSlot() {
        return slots[0];
    }

    void push(long deadline, Object key, TimerSlot slot) {
        if (size == at.length) {
            int grown = size + (size >> 1);
            at = Arrays.copyOf(at, grown);
            keys = Arrays.copyOf(keys, grown);
            slots = Arrays.copyOf(slots, grown);
        }
        int i = size++;
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (at[parent] <= deadline) {
                break;
            }
            move(parent, i);
            i = parent;
        }
        set(i, deadline, key, slot);
    }

    /** Removes the earliest entry. */
    void pop() {
        int last = --size;
        long lastAt = at[last];
        Object lastKey = keys[last];
        TimerSlot lastSlot = slots[last];
        keys[last] = null;
        slots[last] = null;
        if (last > 0) {
            siftDown(0, lastAt, lastKey, lastSlot);
        }
    }

    private void siftDown(int from, long deadline, Object key, TimerSlot slot) {
        int i = from;
        int half = size >>> 1;
        while (i < half) {
            int child = 2 * i + 1;
            int right = child + 1;
            if (right < size && at[right] < at[child]) {
                child = right;
            }
            if (deadline <= at[child]) {
                break;
            }
            move(child, i);
            i = child;
        }
        set(i, deadline, key, slot);
    }

    private void move(int from, int to) {
        at[to] = at[from];
        keys[to] = keys[from];
        slots[to] = slots[from];
    }

    private void set(int i, long deadline, Object key, TimerSlot slot) {
        at[i] = deadline;
        keys[i] = key;
        slots[i] = slot;
    }

    /** An armed deadline was cleared or replaced: one entry somewhere is now stale. */
    void markStale() {
        stale++;
    }

    /** A popped entry turned out stale. */
    void staleRemoved() {
        if (stale > 0) {
            stale--;
        }
    }

    boolean needsCompaction() {
        return stale > 1024 && stale > size / 2;
    }

    interface Liveness {
        boolean isLive(long deadline, Object key, TimerSlot slot);
    }

    /** Drops the entries {@code liveness} calls stale and rebuilds the heap. */
    void compact(Liveness liveness) {
        int kept = 0;
        for (int i = 0; i < size; i++) {
            if (liveness.isLive(at[i], keys[i], slots[i])) {
                set(kept++, at[i], keys[i], slots[i]);
            }
        }
        Arrays.fill(keys, kept, size, null);
        Arrays.fill(slots, kept, size, null);
        size = kept;
        stale = 0;
        for (int i = (size >>> 1) - 1; i >= 0; i--) {
            siftDown(i, at[i], keys[i], slots[i]);
        }
    }
}
