package org.mbmskeys.mbms.bmsc.distribution;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.mbmskeys.mbms.keys.MskRef;

/**
 * The BM-SC's {@link DeliveryRecord}s in memory, newest last, looked up by UE or by MSK. Bounded: beyond
 * {@code capacity} records the oldest go first, so a long-running BM-SC does not grow without end (an
 * operator who needs every record for billing exports them, e.g. from a listener, before they go).
 * Thread-safe.
 *
 * <pre>{@code
 * DeliveryRecords records = new DeliveryRecords(1_000_000);
 * records.add(DeliveryRecord.acknowledged(push, ack, now));
 * records.byUe(impi);          // that UE's deliveries, oldest first
 * records.byMsk(msk);          // who got this MSK, and how
 * }</pre>
 */
public final class DeliveryRecords {

    private final int capacity;
    private final ArrayDeque<DeliveryRecord> all = new ArrayDeque<>();
    private final Map<String, ArrayDeque<DeliveryRecord>> byUe = new HashMap<>();
    private final Map<MskRef, ArrayDeque<DeliveryRecord>> byMsk = new HashMap<>();

    /** @throws IllegalArgumentException if {@code capacity} is not positive */
    public DeliveryRecords(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive, got " + capacity);
        }
        this.capacity = capacity;
    }

    /** Keeps {@code record}; drops the oldest record if the store is full. */
    public synchronized void add(DeliveryRecord record) {
        Objects.requireNonNull(record, "record");
        if (all.size() == capacity) {
            DeliveryRecord oldest = all.removeFirst();
            dropFirst(byUe, oldest.impi());
            dropFirst(byMsk, oldest.msk());
        }
        all.addLast(record);
        byUe.computeIfAbsent(record.impi(), k -> new ArrayDeque<>(2)).addLast(record);
        byMsk.computeIfAbsent(record.msk(), k -> new ArrayDeque<>()).addLast(record);
    }

    /** The UE's records, oldest first. */
    public synchronized List<DeliveryRecord> byUe(String impi) {
        return copy(byUe.get(impi));
    }

    /** The records of this MSK (by its Key Number), oldest first. */
    public synchronized List<DeliveryRecord> byMsk(MskRef msk) {
        return copy(byMsk.get(msk));
    }

    public synchronized int size() {
        return all.size();
    }

    /** Oldest records are per key first in line, so the global oldest is at the head of its key's queue. */
    private static <K> void dropFirst(Map<K, ArrayDeque<DeliveryRecord>> index, K key) {
        ArrayDeque<DeliveryRecord> q = index.get(key);
        q.removeFirst();
        if (q.isEmpty()) {
            index.remove(key);
        }
    }

    private static List<DeliveryRecord> copy(ArrayDeque<DeliveryRecord> q) {
        return q == null ? List.of() : List.copyOf(new ArrayList<>(q));
    }
}
