package org.mbmskeys.mbms.ue.keys;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.mbmskeys.engine.bytes.SecretBytes;

/**
 * Ownership of key objects in the key stores: what comes in is copied (the caller keeps and may destroy
 * its own), what goes out is copied (the caller may destroy it without harming the store), and the store
 * destroys its copies when it drops them.
 */
final class Secrets {

    private Secrets() {
    }

    static SecretBytes copy(SecretBytes secret) {
        return secret.copy();
    }

    static Optional<SecretBytes> copy(Optional<SecretBytes> secret) {
        return secret.map(Secrets::copy);
    }

    static UeKeyState deepCopy(UeKeyState s) {
        return new UeKeyState(
                s.uicc(),
                copyGbaKeys(s.currentMuks()),
                copyGbaKeys(s.lastUsedMuks()),
                copyGbaKeys(s.mrks()),
                s.mukCounters(),
                s.mukGenerations(),
                s.lastMukGeneration(),
                s.msks().values().stream().collect(Collectors.toMap(StoredMsk::ref, Secrets::copy)),
                s.mtks().stream().map(Secrets::copy).toList(),
                s.invalidatedMsks(),
                s.retiredMukCounters(),
                s.retiredMtkStates());
    }

    static StoredGbaKey copy(StoredGbaKey k) {
        return new StoredGbaKey(k.id(), copy(k.key()));
    }

    static StoredMsk copy(StoredMsk m) {
        return new StoredMsk(m.ref(), copy(m.key()), m.validity(), m.rand(), m.serviceType(), m.protectedBy(),
                m.mukGeneration(), m.lastCounter(), m.currentMtkId(), m.mtkCounter(), m.srtpPolicy(), m.srtpCs());
    }

    static StoredMtk copy(StoredMtk m) {
        return new StoredMtk(m.msk(), m.mtkId(), m.counter(), m.csbId(), copy(m.key()), copy(m.salt()));
    }

    private static <K> Map<K, StoredGbaKey> copyGbaKeys(Map<K, StoredGbaKey> keys) {
        return keys.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> copy(e.getValue())));
    }

    /**
     * Destroys every key object of {@code before} that {@code after} no longer holds. Only the collections
     * {@code after} does not share with {@code before} (a draft shares what it left untouched) can have
     * dropped anything; the others are not walked.
     */
    static void destroyDropped(UeKeyState before, UeKeyState after) {
        List<SecretBytes> candidates = new ArrayList<>();
        boolean gbaKeysChanged = false;
        if (before.currentMuks() != after.currentMuks()) {
            addGbaKeys(candidates, before.currentMuks());
            gbaKeysChanged = true;
        }
        if (before.lastUsedMuks() != after.lastUsedMuks()) {
            addGbaKeys(candidates, before.lastUsedMuks());
            gbaKeysChanged = true;
        }
        if (before.mrks() != after.mrks()) {
            addGbaKeys(candidates, before.mrks());
            gbaKeysChanged = true;
        }
        boolean msksChanged = before.msks() != after.msks();
        if (msksChanged) {
            for (StoredMsk m : before.msks().values()) {
                candidates.add(m.key());
            }
        }
        boolean mtksChanged = before.mtks() != after.mtks();
        if (mtksChanged) {
            addMtkKeys(candidates, before.mtks());
        }
        if (candidates.isEmpty()) {
            return;
        }
        // A key object may move to another collection of its kind (a current MUK becoming the last used one), never
        // to another kind (a MUK is never an MSK or an MTK key), so only the kinds with candidates are looked at.
        Set<SecretBytes> kept = Collections.newSetFromMap(new IdentityHashMap<>());
        if (gbaKeysChanged) {
            addGbaKeys(kept, after.currentMuks());
            addGbaKeys(kept, after.lastUsedMuks());
            addGbaKeys(kept, after.mrks());
        }
        if (msksChanged) {
            for (StoredMsk m : after.msks().values()) {
                kept.add(m.key());
            }
        }
        if (mtksChanged) {
            addMtkKeys(kept, after.mtks());
        }
        for (SecretBytes s : candidates) {
            if (!kept.contains(s)) {
                s.destroy();
            }
        }
    }

    private static void addGbaKeys(Collection<SecretBytes> to, Map<?, StoredGbaKey> keys) {
        for (StoredGbaKey k : keys.values()) {
            to.add(k.key());
        }
    }

    private static void addMtkKeys(Collection<SecretBytes> to, List<StoredMtk> mtks) {
        for (StoredMtk m : mtks) {
            to.add(m.key());
            m.salt().ifPresent(to::add);
        }
    }
}
