package org.mbmskeys.mbms.bmsc.registrations;

import java.util.List;
import java.util.Optional;
import org.mbmskeys.mbms.bmsc.services.ServiceId;
import org.mbmskeys.mbms.gba.BTid;

/**
 * Where {@link Registrations} keeps one {@link Registration} per UE. Storage only: the rules are in
 * {@link Registrations}, which changes records only through the compare-and-set methods here, so several
 * BM-SC nodes can share one database without a lock held across nodes.
 *
 * <p>Contract: every method is atomic and thread-safe; "expected" records are compared with
 * {@code equals}. A storage keeps two look-ups beside the records, and keeps them consistent with them:
 * by the current B-TID of each registration, and by service (the IMPIs registered to it, in ascending
 * order, for paging through large services).
 */
public interface RegistrationStorage {

    Optional<Registration> find(String impi);

    /** The registration whose current B-TID is {@code bTid}. */
    Optional<Registration> findByBTid(BTid bTid);

    /** Stores {@code registration} unless one with its IMPI exists; false if one did. */
    boolean insert(Registration registration);

    /** Replaces {@code expected} by {@code next} (same IMPI) if the stored record still equals {@code expected}. */
    boolean replace(Registration expected, Registration next);

    /** Removes {@code expected} if the stored record still equals it. */
    boolean remove(Registration expected);

    /**
     * Up to {@code limit} IMPIs registered to {@code service}, in ascending order, starting after
     * {@code after} (from the first if empty).
     */
    List<String> registeredTo(ServiceId service, Optional<String> after, int limit);

    /** How many UEs are registered. */
    long count();

    /** A thread-safe storage in memory (lost when the process ends). */
    static RegistrationStorage inMemory() {
        return new InMemoryRegistrationStorage();
    }
}
