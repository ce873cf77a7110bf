package org.mbmskeys.mbms.bmsc.distribution;

import java.util.List;
import org.mbmskeys.mbms.keys.MskRef;

/**
 * Where the BM-SC keeps its {@link DeliveryRecord}s: one per finished MSK push, looked up by UE or by MSK. What an
 * operator charges and answers support calls with, so a durable store (the JDBC adapter) keeps them across restarts
 * and shares them between the BM-SC nodes of one database.
 *
 * <p>Contract: thread-safe. Records come back in the order they were first recorded. A store may bound what it keeps
 * (by number or by age), and says how in its documentation. A store that outlives its process must also keep one
 * record per push, identified by its UE, its CSB ID and when it was first sent: a node that took over a push whose
 * first node recorded it, but died before finishing its procedure, records it again, and that record replaces the
 * first in place. (In one process a push is recorded once, so the in-memory store never sees a push twice.)
 */
public interface DeliveryRecordStorage {

    /** Keeps {@code record} (a durable store: or replaces the record of the same push). */
    void add(DeliveryRecord record);

    /** The UE's newest {@code limit} records, oldest first. */
    List<DeliveryRecord> byUe(String impi, int limit);

    /** The newest {@code limit} records of {@code msk} (by its Key Number), oldest first: who got it, and how. */
    List<DeliveryRecord> byMsk(MskRef msk, int limit);

    /** Records in this process's memory, at most {@code capacity} (the oldest go first); lost when it ends. */
    static DeliveryRecordStorage inMemory(int capacity) {
        return new InMemoryDeliveryRecordStorage(capacity);
    }
}
