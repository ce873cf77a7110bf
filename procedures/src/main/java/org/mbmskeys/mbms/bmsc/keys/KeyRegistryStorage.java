package org.mbmskeys.mbms.bmsc.keys;

import java.util.List;
import java.util.Optional;
import org.mbmskeys.mbms.keys.KeyDomainId;
import org.mbmskeys.mbms.keys.KeyGroup;
import org.mbmskeys.mbms.keys.MskRef;
import org.mbmskeys.mbms.keys.ProtectingKey;
import org.mbmskeys.mbms.keys.TimestampCounter;

/**
 * Where the BM-SC {@link KeyRegistry} keeps its records. Storage only: the rules (Key Number sequence,
 * MTK ID sequence, counter increments) are in {@link KeyRegistry}, which changes records only through the
 * compare-and-set methods here. That lets several BM-SC nodes share one database (PostgreSQL) without a
 * lock held across nodes: a node whose compare-and-set fails re-reads and tries again.
 *
 * <p>Contract: every method is atomic and thread-safe. "Expected" values are compared with
 * {@code equals}. Implementations store the objects they are given as they are (no copying of key
 * material); {@link KeyRegistry} copies keys before handing them out, so a removed record's key has no
 * other user and {@link #removeMsk} may wipe it (the registry wipes the record it read, too).
 */
public interface KeyRegistryStorage {

    Optional<KeyGroupRecord> group(KeyDomainId keyDomain, KeyGroup keyGroup);

    List<KeyGroupRecord> groups();

    /** Stores {@code group} unless one with its Key Domain and Key Group exists; false if one did. */
    boolean insertGroup(KeyGroupRecord group);

    /** Replaces {@code expected} by {@code next} if the stored record still equals {@code expected}. */
    boolean replaceGroup(KeyGroupRecord expected, KeyGroupRecord next);

    Optional<RegisteredMsk> msk(MskRef ref);

    /** Stores {@code msk}, replacing any record with its identity. */
    void putMsk(RegisteredMsk msk);

    /** Replaces {@code expected} by {@code next} (same identity) if the stored record still equals {@code expected}. */
    boolean replaceMsk(RegisteredMsk expected, RegisteredMsk next);

    /** Removes the MSK record; an in-memory storage wipes its key. */
    void removeMsk(MskRef ref);

    /** The last counter value issued for this key. */
    Optional<TimestampCounter> counter(ProtectingKey key);

    /**
     * Sets the counter of {@code key} to {@code next} if its current value equals {@code expected}
     * (empty: no value stored yet).
     */
    boolean compareAndSetCounter(ProtectingKey key, Optional<TimestampCounter> expected, TimestampCounter next);

    void removeCounter(ProtectingKey key);

    /** A thread-safe storage in memory (lost when the process ends). */
    static KeyRegistryStorage inMemory() {
        return new InMemoryKeyRegistryStorage();
    }
}
