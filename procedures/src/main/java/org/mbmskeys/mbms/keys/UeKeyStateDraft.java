package org.mbmskeys.mbms.keys;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.mbmskeys.engine.bytes.Bytes;

/** A mutable working copy of a {@link UeKeyState}; {@link UeKeyStore} edits one per accepted change. */
final class UeKeyStateDraft {

    Optional<UiccId> uicc;
    final Map<Bytes, StoredGbaKey> currentMuks;
    final Map<Bytes, StoredGbaKey> lastUsedMuks;
    final Map<Bytes, StoredGbaKey> mrks;
    final Map<MukId, TimestampCounter> mukCounters;
    final Map<MukId, Long> mukGenerations;
    long lastMukGeneration;
    final Map<MskRef, StoredMsk> msks;
    final List<StoredMtk> mtks;
    final Set<MskRef> invalidatedMsks;

    UeKeyStateDraft(UeKeyState s) {
        uicc = s.uicc();
        currentMuks = new HashMap<>(s.currentMuks());
        lastUsedMuks = new HashMap<>(s.lastUsedMuks());
        mrks = new HashMap<>(s.mrks());
        mukCounters = new HashMap<>(s.mukCounters());
        mukGenerations = new HashMap<>(s.mukGenerations());
        lastMukGeneration = s.lastMukGeneration();
        msks = new HashMap<>(s.msks());
        mtks = new ArrayList<>(s.mtks());
        invalidatedMsks = new HashSet<>(s.invalidatedMsks());
    }

    /**
     * Keeps MSK-message counters and install generations only for MUKs that can still verify a message
     * (current or last used): a MUK that is neither is unknown, so its counter guards nothing. (Stored MSKs
     * keep the generation of the MUK that protected them.)
     */
    void dropCountersOfUnusableMuks() {
        Set<MukId> usable = new HashSet<>();
        currentMuks.values().forEach(k -> usable.add(k.id()));
        lastUsedMuks.values().forEach(k -> usable.add(k.id()));
        mukCounters.keySet().retainAll(usable);
        mukGenerations.keySet().retainAll(usable);
    }

    /** Deletes the MTKs held under {@code msk}. */
    void dropMtksOf(MskRef msk) {
        mtks.removeIf(m -> m.msk().equals(msk));
    }

    UeKeyState build() {
        // An MTK is usable only with its MSK: a deleted (evicted, invalidated) MSK takes its MTKs along.
        mtks.removeIf(m -> !msks.containsKey(m.msk()));
        return new UeKeyState(uicc, currentMuks, lastUsedMuks, mrks, mukCounters, mukGenerations, lastMukGeneration,
                msks, mtks, invalidatedMsks);
    }
}
