package org.mbmskeys.mbms.keys;

import java.util.HashMap;
import java.util.HashSet;
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

    UeKeyState build() {
        return new UeKeyState(uicc, currentMuks, lastUsedMuks, mrks, mukCounters, mukGenerations, lastMukGeneration,
                msks, invalidatedMsks);
    }
}
