package org.mbmskeys.mbms.ue.keys;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.mbmskeys.engine.bytes.Bytes;
import org.mbmskeys.engine.bytes.SecretBytes;
import org.mbmskeys.mbms.keys.KeyValidity;
import org.mbmskeys.mbms.keys.MskRef;
import org.mbmskeys.mbms.keys.MukId;
import org.mbmskeys.mbms.keys.TimestampCounter;

/** A mutable working copy of a {@link UeKeyState}; {@link UeKeyStore} edits one per accepted change. */
final class UeKeyStateDraft {

    Optional<UiccId> uicc;
    long lastMukGeneration;
    /** The state this draft started from: the keys of MUKs it stops holding are found there. */
    private final UeKeyState origin;
    // Copy on write: each collection is the origin's (immutable, shared by the new state when untouched)
    // until its accessor below first copies it for editing.
    private Map<Bytes, StoredGbaKey> currentMuks;
    private Map<Bytes, StoredGbaKey> lastUsedMuks;
    private Map<Bytes, StoredGbaKey> mrks;
    private Map<MukId, TimestampCounter> mukCounters;
    private Map<MukId, Long> mukGenerations;
    private Map<MskRef, StoredMsk> msks;
    private List<StoredMtk> mtks;
    private Set<MskRef> invalidatedMsks;
    private Map<MukId, RetiredMukCounter> retiredMukCounters;
    private Map<MskRef, RetiredMtkState> retiredMtkStates;

    UeKeyStateDraft(UeKeyState s) {
        origin = s;
        uicc = s.uicc();
        lastMukGeneration = s.lastMukGeneration();
    }

    Map<Bytes, StoredGbaKey> currentMuks() {
        if (currentMuks == null) {
            currentMuks = new HashMap<>(origin.currentMuks());
        }
        return currentMuks;
    }

    Map<Bytes, StoredGbaKey> lastUsedMuks() {
        if (lastUsedMuks == null) {
            lastUsedMuks = new HashMap<>(origin.lastUsedMuks());
        }
        return lastUsedMuks;
    }

    Map<Bytes, StoredGbaKey> mrks() {
        if (mrks == null) {
            mrks = new HashMap<>(origin.mrks());
        }
        return mrks;
    }

    Map<MukId, TimestampCounter> mukCounters() {
        if (mukCounters == null) {
            mukCounters = new HashMap<>(origin.mukCounters());
        }
        return mukCounters;
    }

    Map<MukId, Long> mukGenerations() {
        if (mukGenerations == null) {
            mukGenerations = new HashMap<>(origin.mukGenerations());
        }
        return mukGenerations;
    }

    Map<MskRef, StoredMsk> msks() {
        if (msks == null) {
            msks = new HashMap<>(origin.msks());
        }
        return msks;
    }

    List<StoredMtk> mtks() {
        if (mtks == null) {
            mtks = new ArrayList<>(origin.mtks());
        }
        return mtks;
    }

    Set<MskRef> invalidatedMsks() {
        if (invalidatedMsks == null) {
            invalidatedMsks = new HashSet<>(origin.invalidatedMsks());
        }
        return invalidatedMsks;
    }

    Map<MukId, RetiredMukCounter> retiredMukCounters() {
        if (retiredMukCounters == null) {
            retiredMukCounters = new HashMap<>(origin.retiredMukCounters());
        }
        return retiredMukCounters;
    }

    Map<MskRef, RetiredMtkState> retiredMtkStates() {
        if (retiredMtkStates == null) {
            retiredMtkStates = new HashMap<>(origin.retiredMtkStates());
        }
        return retiredMtkStates;
    }

    /**
     * Keeps live MSK-message counters and install generations only for MUKs that can still verify a
     * message (current or last used). The counter of a MUK that is neither is retired with a fingerprint of
     * its key, not forgotten: the same MUK installed again gets it back ({@link #restoreMukCounter}).
     * (Stored MSKs keep the generation of the MUK that protected them.)
     */
    void dropCountersOfUnusableMuks() {
        Set<MukId> usable = new HashSet<>();
        for (StoredGbaKey k : orElse(currentMuks, origin.currentMuks()).values()) {   // read, not copied
            usable.add(k.id());
        }
        for (StoredGbaKey k : lastUsedMuksNow().values()) {
            usable.add(k.id());
        }
        boolean countersGo = false;
        for (Map.Entry<MukId, TimestampCounter> e : currentMukCounters().entrySet()) {
            if (!usable.contains(e.getKey())) {
                countersGo = true;
                Optional<SecretBytes> key = keyOfOriginMuk(e.getKey());
                if (key.isPresent()) {
                    retiredMukCounters().put(e.getKey(),
                            new RetiredMukCounter(KeyFingerprint.of(key.get()), e.getValue()));
                }
            }
        }
        if (countersGo) {
            mukCounters().keySet().retainAll(usable);
        }
        if (!usable.containsAll(currentMukGenerations().keySet())) {
            mukGenerations().keySet().retainAll(usable);
        }
    }

    /**
     * For a MUK being installed: the counter of the same MUK ID stays (same key) or starts afresh (a
     * different key under that ID is a MUK update, TS 33.246 §6.4.3), whether the ID is held or retired.
     */
    void restoreMukCounter(MukId id, SecretBytes muk) {
        RetiredMukCounter retired = orElse(retiredMukCounters, origin.retiredMukCounters()).containsKey(id)
                ? retiredMukCounters().remove(id) : null;
        if (retired != null && retired.muk().matches(muk)) {
            mukCounters().put(id, retired.counter());
        }
        Optional<SecretBytes> held = keyOfOriginMuk(id);
        if (held.isPresent() && !held.get().equals(muk)) {
            mukCounters().remove(id);
        }
    }

    /** Deletes a held MSK (invalidation, two-MSK rule), retiring its MTK replay state with it. */
    void deleteMsk(MskRef ref) {
        StoredMsk gone = msks().remove(ref);
        if (gone != null && gone.currentMtkId().isPresent()) {
            retiredMtkStates().put(ref, new RetiredMtkState(KeyFingerprint.of(gone.key()), gone.currentMtkId().get(),
                    gone.mtkCounter().orElseThrow()));
        }
    }

    /**
     * For an MSK delivered while not held: the MTK replay state of the same MSK (same ID, same key) deleted
     * earlier comes back; a different key under that ID starts afresh (TS 33.246 §6.4.3).
     */
    StoredMsk withRetiredMtkState(StoredMsk delivered) {
        if (!orElse(retiredMtkStates, origin.retiredMtkStates()).containsKey(delivered.ref())) {
            return delivered; // the common case: nothing retired, and the map is not copied to find that out
        }
        RetiredMtkState retired = retiredMtkStates().remove(delivered.ref());
        return retired != null && retired.msk().matches(delivered.key())
                ? delivered.withMtkAccepted(retired.currentMtkId(), retired.mtkCounter()).withValidity(delivered.validity())
                : delivered;
    }

    /** Drops the invalidation marker of {@code ref}, if there is one (copying the markers only then). */
    void forgetInvalidation(MskRef ref) {
        if (orElse(invalidatedMsks, origin.invalidatedMsks()).contains(ref)) {
            invalidatedMsks().remove(ref);
        }
    }

    /** Deletes the MTKs held under {@code msk}. */
    void dropMtksOf(MskRef msk) {
        mtks().removeIf(m -> m.msk().equals(msk));
    }

    /**
     * Deletes the MTKs held under {@code msk} whose MTK ID the MSK's new key validity no longer covers
     * (below SEQl or above SEQu; the current MTK ID equals SEQl after its acceptance, §6.5.4, and stays),
     * so an MTK a validity update excluded is no longer current. The MSK's MTK replay state stays.
     */
    void dropMtksOutside(MskRef msk, KeyValidity validity) {
        mtks().removeIf(m -> m.msk().equals(msk)
                && (m.mtkId().compareTo(validity.seqLow()) < 0 || m.mtkId().compareTo(validity.seqHigh()) > 0));
    }

    private Optional<SecretBytes> keyOfOriginMuk(MukId id) {
        StoredGbaKey current = origin.currentMuks().get(id.idi());
        if (current != null && current.id().equals(id)) {
            return Optional.of(current.key());
        }
        StoredGbaKey lastUsed = origin.lastUsedMuks().get(id.idi());
        if (lastUsed != null && lastUsed.id().equals(id)) {
            return Optional.of(lastUsed.key());
        }
        return Optional.empty();
    }

    /** True if {@code muk} (its ID and the very key object) is the last used MUK of its IDi already. */
    boolean holdsAsLastUsed(MukKey muk) {
        StoredGbaKey held = orElse(lastUsedMuks, origin.lastUsedMuks()).get(muk.id().idi());
        return held != null && held.id().equals(muk.id()) && held.key() == muk.key();
    }

    /** The last used MUKs as they are now, for reading: not copied (do not edit). */
    Map<Bytes, StoredGbaKey> lastUsedMuksNow() {
        return orElse(lastUsedMuks, origin.lastUsedMuks());
    }

    /** The install generation of {@code id} as it is now (0 for none), without copying the generations. */
    long mukGenerationOf(MukId id) {
        return currentMukGenerations().getOrDefault(id, 0L);
    }

    /** The MUK counters as they are now, without copying them. */
    private Map<MukId, TimestampCounter> currentMukCounters() {
        return mukCounters != null ? mukCounters : origin.mukCounters();
    }

    private Map<MukId, Long> currentMukGenerations() {
        return mukGenerations != null ? mukGenerations : origin.mukGenerations();
    }

    private static <T> T orElse(T edited, T unchanged) {
        return edited != null ? edited : unchanged;
    }

    UeKeyState build() {
        // An MTK is usable only with its MSK: a deleted (evicted, invalidated) MSK takes its MTKs along.
        // Untouched collections are the origin's immutable ones: the new state shares them (Map.copyOf and
        // List.copyOf return an immutable collection as it is).
        Map<MskRef, StoredMsk> heldMsks = orElse(msks, origin.msks());
        List<StoredMtk> heldMtks = orElse(mtks, origin.mtks());
        for (StoredMtk m : heldMtks) {
            if (!heldMsks.containsKey(m.msk())) {
                heldMtks = mtks();
                heldMtks.removeIf(t -> !heldMsks.containsKey(t.msk()));
                break;
            }
        }
        return new UeKeyState(uicc, orElse(currentMuks, origin.currentMuks()),
                orElse(lastUsedMuks, origin.lastUsedMuks()), orElse(mrks, origin.mrks()), currentMukCounters(),
                currentMukGenerations(), lastMukGeneration, heldMsks, heldMtks,
                orElse(invalidatedMsks, origin.invalidatedMsks()),
                orElse(retiredMukCounters, origin.retiredMukCounters()),
                orElse(retiredMtkStates, origin.retiredMtkStates()));
    }
}
