package org.mbmskeys.steps;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.mbmskeys.engine.bytes.Bytes;
import org.mbmskeys.engine.bytes.SecretBytes;
import org.mbmskeys.mbms.ue.keys.StoredGbaKey;
import org.mbmskeys.mbms.ue.keys.UeKeyState;
import org.mbmskeys.mbms.ue.keys.UeKeyStorage;

/**
 * A UE's key storage that, while {@code wrong} says so, hands out every MRK with its bits inverted: the UE then
 * derives its Digest password (Annex H step 4) from a MRK the BM-SC does not have. What is stored is left as it
 * was; only what is loaded differs.
 */
final class WrongMrkStorage implements UeKeyStorage {

    private final UeKeyStorage delegate;
    private final BooleanSupplier wrong;

    WrongMrkStorage(UeKeyStorage delegate, BooleanSupplier wrong) {
        this.delegate = delegate;
        this.wrong = wrong;
    }

    @Override
    public UeKeyState load() {
        UeKeyState s = delegate.load();
        if (!wrong.getAsBoolean() || s.mrks().isEmpty()) {
            return s;
        }
        Map<Bytes, StoredGbaKey> mrks = new LinkedHashMap<>();
        s.mrks().forEach((idi, k) -> {
            byte[] inverted = k.key().copyBytes();
            for (int i = 0; i < inverted.length; i++) {
                inverted[i] = (byte) ~inverted[i];
            }
            mrks.put(idi, new StoredGbaKey(k.id(), SecretBytes.wrap(inverted)));
        });
        return new UeKeyState(s.uicc(), s.currentMuks(), s.lastUsedMuks(), mrks, s.mukCounters(), s.mukGenerations(),
                s.lastMukGeneration(), s.msks(), s.mtks(), s.invalidatedMsks(), s.retiredMukCounters(), s.retiredMtkStates());
    }

    @Override
    public void store(UeKeyState state) {
        delegate.store(state);
    }

    @Override
    public String toString() {
        return "WrongMrkStorage[" + delegate + "]";
    }
}
