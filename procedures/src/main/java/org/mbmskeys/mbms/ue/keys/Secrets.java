package org.mbmskeys.mbms.ue.keys;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
        return SecretBytes.wrap(secret.copyBytes());
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
                m.mukGeneration(), m.lastCounter(), m.currentMtkId(), m.mtkCounter());
    }

    static StoredMtk copy(StoredMtk m) {
        return new StoredMtk(m.msk(), m.mtkId(), m.counter(), copy(m.key()), copy(m.salt()));
    }

    private static <K> Map<K, StoredGbaKey> copyGbaKeys(Map<K, StoredGbaKey> keys) {
        return keys.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> copy(e.getValue())));
    }

    /**
     * Destroys every key object of {@code before} that {@code after} no longer holds. A UE holds a handful of
     * key objects (its MUKs and MRKs, two MSKs per Key Group, two MTKs per session), so the kept ones are
     * compared by identity in a plain list rather than hashed; a UE of many services gets an identity set.
     */
    static void destroyDropped(UeKeyState before, UeKeyState after) {
        List<SecretBytes> kept = new ArrayList<>(8);
        after.forEachSecret(kept::add);
        if (kept.size() > 16) {
            java.util.Set<SecretBytes> set = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
            set.addAll(kept);
            before.forEachSecret(secret -> {
                if (!set.contains(secret)) {
                    secret.destroy();
                }
            });
            return;
        }
        before.forEachSecret(secret -> {
            if (!containsIdentical(kept, secret)) {
                secret.destroy();
            }
        });
    }

    private static boolean containsIdentical(List<SecretBytes> secrets, SecretBytes secret) {
        for (int i = 0; i < secrets.size(); i++) {
            if (secrets.get(i) == secret) {
                return true;
            }
        }
        return false;
    }
}
