package org.mbmskeys.mbms.bmsc.distribution;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.mbmskeys.mbms.keys.MskRef;

/**
 * {@link DeliveryRecord}s in memory, oldest first, indexed by UE and by MSK. Bounded: beyond {@code capacity}
 * records the oldest go first, so a long-running BM-SC does not grow without end (an operator who needs every record
 * for billing keeps them in the database, or exports them from a listener before they go). Thread-safe.
 *
 * <p>Each record sits in one {@link Slot} shared by the three queues, so replacing the record of a push (found among
 * its UE's few records) changes it everywhere at once.
 */
final class InMemoryDeliveryRecordStorage implements DeliveryRecordStorage {

    private final int capacity;
    private final ArrayDeque<Slot> all = new ArrayDeque<>();
    private final Map<String, ArrayDeque<Slot>> byUe = new HashMap<>();
    private final Map<MskRef, ArrayDeque<Slot>> byMsk = new HashMap<>();

    /** @throws IllegalArgumentException if {@code capacity} is not positive */
    InMemoryDeliveryRecordStorage(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive, got " + capacity);
        }
        this.capacity = capacity;
    }

    @Override
    public synchronized void add(DeliveryRecord record) {
        Objects.requireNonNull(record, "record");
        ArrayDeque<Slot> ues = byUe.get(record.impi());
        if (ues != null) {
            for (Slot slot : ues) {
                if (slot.record.csbId().equals(record.csbId()) && slot.record.firstSentAt().equals(record.firstSentAt())) {
                    slot.record = record;   // the same push (its MSK too, so byMsk still holds it)
                    return;
                }
            }
        }
        if (all.size() == capacity) {
            Slot oldest = all.removeFirst();
            dropFirst(byUe, oldest.record.impi());
            dropFirst(byMsk, oldest.record.msk());
        }
        Slot slot = new Slot(record);
        all.addLast(slot);
        byUe.computeIfAbsent(record.impi(), k -> new ArrayDeque<>(2)).addLast(slot);
        byMsk.computeIfAbsent(record.msk(), k -> new ArrayDeque<>()).addLast(slot);
    }

    @Override
    public synchronized List<DeliveryRecord> byUe(String impi, int limit) {
        return newest(byUe.get(Objects.requireNonNull(impi, "impi")), limit);
    }

    @Override
    public synchronized List<DeliveryRecord> byMsk(MskRef msk, int limit) {
        return newest(byMsk.get(Objects.requireNonNull(msk, "msk")), limit);
    }

    synchronized int size() {
        return all.size();
    }

    /** Oldest records are per key first in line, so the global oldest is at the head of its key's queue. */
    private static <K> void dropFirst(Map<K, ArrayDeque<Slot>> index, K key) {
        ArrayDeque<Slot> q = index.get(key);
        q.removeFirst();
        if (q.isEmpty()) {
            index.remove(key);
        }
    }

    private static List<DeliveryRecord> newest(ArrayDeque<Slot> q, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive, got " + limit);
        }
        if (q == null) {
            return List.of();
        }
        ArrayList<DeliveryRecord> out = new ArrayList<>(Math.min(limit, q.size()));
        for (Iterator<Slot> it = q.descendingIterator(); it.hasNext() && out.size() < limit; ) {
            out.add(it.next().record);
        }
        Collections.reverse(out);
        return List.copyOf(out);
    }

    /** One record's place in the queues. */
    private static final class Slot {
        DeliveryRecord record;

        Slot(DeliveryRecord record) {
            this.record = record;
        }
    }
}
