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
 * <p>It keeps every record it is given: a push is recorded once in a process, and the second record of a push (by a
 * node that took it over) is written by another process, so it never reaches this store. Looking for the push's
 * earlier record on every add took about 6 % of the engine lanes' samples in a profile of {@code MskPushesOverUdp}
 * (docs/benchmarks.md), for nothing.
 */
final class InMemoryDeliveryRecordStorage implements DeliveryRecordStorage {

    private final int capacity;
    /** Every record, oldest first, with the two queues that index it, so dropping it needs no look-up. */
    private final ArrayDeque<Kept> all = new ArrayDeque<>();
    private final Map<String, ArrayDeque<DeliveryRecord>> byUe = new HashMap<>();
    private final Map<MskRef, ArrayDeque<DeliveryRecord>> byMsk = new HashMap<>();

    private record Kept(DeliveryRecord record, ArrayDeque<DeliveryRecord> ofUe, ArrayDeque<DeliveryRecord> ofMsk) {
    }

    /** @throws IllegalArgumentException if {@code capacity} is not positive */
    InMemoryDeliveryRecordStorage(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive, got " + capacity);
        }
        this.capacity = capacity;
    }

    /**
     * Keeps {@code record}; drops the oldest record if the store is full. The new record goes in first: in a full
     * store re-keying every UE, the oldest record is mostly the same UE's from the re-key before, whose queue then
     * keeps one record instead of being emptied, removed and made again (a re-key profile, docs/benchmarks.md).
     */
    @Override
    public synchronized void add(DeliveryRecord record) {
        Objects.requireNonNull(record, "record");
        ArrayDeque<DeliveryRecord> ofUe = byUe.computeIfAbsent(record.impi(), k -> new ArrayDeque<>(2));
        ArrayDeque<DeliveryRecord> ofMsk = byMsk.computeIfAbsent(record.msk(), k -> new ArrayDeque<>());
        ofUe.addLast(record);
        ofMsk.addLast(record);
        all.addLast(new Kept(record, ofUe, ofMsk));
        if (all.size() > capacity) {
            Kept oldest = all.removeFirst();
            dropFirst(byUe, oldest.record().impi(), oldest.ofUe());
            dropFirst(byMsk, oldest.record().msk(), oldest.ofMsk());
        }
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

    /** How many UEs and MSKs the indexes hold (for tests: a key whose records all went leaves the index). */
    synchronized int indexedKeys() {
        return byUe.size() + byMsk.size();
    }

    /**
     * Oldest records are per key first in line, so the global oldest is at the head of its key's queue. An emptied
     * queue holds no record any more, so no kept record points to it when it leaves the index.
     */
    private static <K> void dropFirst(Map<K, ArrayDeque<DeliveryRecord>> index, K key, ArrayDeque<DeliveryRecord> queue) {
        queue.removeFirst();
        if (queue.isEmpty()) {
            index.remove(key);
        }
    }

    private static List<DeliveryRecord> newest(ArrayDeque<DeliveryRecord> q, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive, got " + limit);
        }
        if (q == null) {
            return List.of();
        }
        ArrayList<DeliveryRecord> out = new ArrayList<>(Math.min(limit, q.size()));
        for (Iterator<DeliveryRecord> it = q.descendingIterator(); it.hasNext() && out.size() < limit; ) {
            out.add(it.next());
        }
        Collections.reverse(out);
        return List.copyOf(out);
    }
}
