package org.mbmskeys.mbms.ue.keys;

import java.util.Objects;
import org.mbmskeys.mbms.keys.MtkId;
import org.mbmskeys.mbms.keys.TimestampCounter;

/**
 * The MTK replay state (current MTK ID and MTK counter) of an MSK the ME deleted (invalidated, or evicted
 * by the two-MSK rule), with a fingerprint of that MSK. If the same MSK (same ID, same key) is delivered
 * again, the state comes back, so MTK messages accepted before stay replays; a different key under that
 * ID is an MSK update and starts a new MTK counter (TS 33.246 §6.4.3).
 */
public record RetiredMtkState(KeyFingerprint msk, MtkId currentMtkId, TimestampCounter mtkCounter) {

    public RetiredMtkState {
        Objects.requireNonNull(msk, "msk");
        Objects.requireNonNull(currentMtkId, "currentMtkId");
        Objects.requireNonNull(mtkCounter, "mtkCounter");
    }
}
