package org.mbmskeys.mbms.ue.keys;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.mbmskeys.engine.bytes.Bytes;
import org.mbmskeys.engine.bytes.SecretBytes;
import org.mbmskeys.mbms.keys.KeyValidity;
import org.mbmskeys.mbms.keys.MskRef;
import org.mbmskeys.mbms.keys.MukId;
import org.mbmskeys.mbms.keys.TimestampCounter;

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
    final Map<MukId, RetiredMukCounter> retiredMukCounters;
    final Map<MskRef, RetiredMtkState> retiredMtkStates;
    /** The state this draft started from: the keys of MUKs it stops holding are found there. */
    private final UeKeyState origin;

    UeKeyStateDraft(UeKeyState s) {
        origin = s;
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
        retiredMukCounters = new HashMap<>(s.retiredMukCounters());
        retiredMtkStates = new HashMap<>(s.retiredMtkStates());
    }

    /**
     * Keeps live MSK-message counters and install generations only for MUKs that can still verify a
     * message (current or last used). The counter of a MUK that is neither is retired with a fingerprint of
     * its key, not forgotten: the same MUK installed again gets it back ({@link #restoreMukCounter}).
     * (Stored MSKs keep the generation of the MUK that protected them.)
     */
    void dropCountersOfUnusableMuks() {
        Set<MukId> usable = new HashSet<>();
        currentMuks.values().forEach(k -> usable.add(k.id()));
        lastUsedMuks.values().forEach(k -> usable.add(k.id()));
        mukCounters.forEach((id, counter) -> {
            if (!usable.contains(id)) {
                keyOfOriginMuk(id).ifPresent(key ->
                        retiredMukCounters.put(id, new RetiredMukCounter(KeyFingerprint.of(key), counter)));
            }
        });
        mukCounters.keySet().retainAll(usable);
        mukGenerations.keySet().retainAll(usable);
    }

    /**
     * For a MUK being installed: the counter of the same MUK ID stays (same key) or starts afresh (a
     * different key under that ID is a MUK update, TS 33.246 §6.4.3), whether the ID is held or retired.
     */
    void restoreMukCounter(MukId id, SecretBytes muk) {
        RetiredMukCounter retired = retiredMukCounters.remove(id);
        if (retired != null && retired.muk().matches(muk)) {
            mukCounters.put(id, retired.counter());
        }
        Optional<SecretBytes> held = keyOfOriginMuk(id);
        if (held.isPresent() && !held.get().equals(muk)) {
            mukCounters.remove(id);
        }
    }

    /** Deletes a held MSK (invalidation, two-MSK rule), retiring its MTK replay state with it. */
    void deleteMsk(MskRef ref) {
        StoredMsk gone = msks.remove(ref);
        if (gone != null && gone.currentMtkId().isPresent()) {
            retiredMtkStates.put(ref, new RetiredMtkState(KeyFingerprint.of(gone.key()), gone.currentMtkId().get(),
                    gone.mtkCounter().orElseThrow()));
        }
    }

    /**
     * For an MSK delivered while not held: the MTK replay state of the same MSK (same ID, same key) deleted
     * earlier comes back; a different key under that ID starts afresh (TS 33.246 §6.4.3).
     */
    StoredMsk withRetiredMtkState(StoredMsk delivered) {
        RetiredMtkState retired = retiredMtkStates.remove(delivered.ref());
        return retired != null && retired.msk().matches(delivered.key())
                ? delivered.withMtkAccepted(retired.currentMtkId(), retired.mtkCounter()).withValidity(delivered.validity())
                : delivered;
    }

    /** Deletes the MTKs held under {@code msk}. */
    void dropMtksOf(MskRef msk) {
        mtks.removeIf(m -> m.msk().equals(msk));
    }

    /**
     * Deletes the MTKs held under {@code msk} whose MTK ID the MSK's new key validity no longer covers
     * (below SEQl or above SEQu; the current MTK ID equals SEQl after its acceptance, §6.5.4, and stays),
     * so an MTK a validity update excluded is no longer current. The MSK's MTK replay state stays.
     */
    void dropMtksOutside(MskRef msk, KeyValidity validity) {
        mtks.removeIf(m -> m.msk().equals(msk)
                && (m.mtkId().compareTo(validity.seqLow()) < 0 || m.mtkId().compareTo(validity.seqHigh()) > 0));
    }

    private Optional<SecretBytes> keyOfOriginMuk(MukId id) {
        return Stream.of(origin.currentMuks().get(id.idi()), origin.lastUsedMuks().get(id.idi()))
                .filter(k -> k != null && k.id().equals(id))
                .map(StoredGbaKey::key)
                .findFirst();
    }

    UeKeyState build() {
        // An MTK is usable only with its MSK: a deleted (evicted, invalidated) MSK takes its MTKs along.
        mtks.removeIf(m -> !msks.containsKey(m.msk()));
        return new UeKeyState(uicc, currentMuks, lastUsedMuks, mrks, mukCounters, mukGenerations, lastMukGeneration,
                msks, mtks, invalidatedMsks, retiredMukCounters, retiredMtkStates);
    }
}
