package org.mbmskeys.mbms.ue.reception;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.mbmskeys.engine.bytes.Bytes;
import org.mbmskeys.mbms.keys.MukId;

/**
 * The last accepted MSK message with the V bit per MUK, its bytes, with the verification message sent for it.
 * The BM-SC may send an unacknowledged push again as the same bytes (TS 33.246 §6.4.2: "may start a timer and
 * resend"); the counter rule (§6.4.3) refuses them as a replay, so without this memory a lost verification
 * message would make the BM-SC give up on a UE that holds the key.
 *
 * <p>Bounded: one entry per MUK ID, at most {@link #MAX_MUKS} MUK IDs (the least recently used is forgotten),
 * which covers the current and the last used MUK of a handful of BM-SCs. Holds no key: the MSK message (whose
 * key data is encrypted) and the verification message crossed the air in clear. The bytes are kept rather than
 * a digest of them: a few hundred bytes per MUK, against a SHA-256 of every acknowledged push. Not thread-safe;
 * {@link MikeyReception} guards it.
 */
final class AckMemory {

    static final int MAX_MUKS = 16;

    private final Map<MukId, Entry> byMuk = new LinkedHashMap<>(MAX_MUKS * 2, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<MukId, Entry> eldest) {
            return size() > MAX_MUKS;
        }
    };

    private record Entry(Bytes datagram, Bytes verification) {
    }

    /** Remembers {@code datagram}, accepted under {@code muk}, and the verification message answering it. */
    void remember(MukId muk, Bytes datagram, Bytes verification) {
        byMuk.put(muk, new Entry(datagram, verification));
    }

    /** The verification message sent for exactly these bytes under {@code muk}, if they are the last remembered. */
    Optional<Bytes> answerFor(MukId muk, Bytes datagram) {
        Entry entry = byMuk.get(muk);
        if (entry == null || !entry.datagram().equals(datagram)) {
            return Optional.empty();
        }
        return Optional.of(entry.verification());
    }

    void clear() {
        byMuk.clear();
    }

    int size() {
        return byMuk.size();
    }
}
