package org.mbmskeys.mbms.ue.keys;

import java.util.Objects;
import org.mbmskeys.mbms.keys.TimestampCounter;

/**
 * The MSK-message replay counter of a MUK the ME no longer holds (neither current nor last used), with a
 * fingerprint of that MUK. If the same MUK ID is installed again with the same key, the counter comes
 * back, so MSK messages accepted before stay replays; a different key under that ID is a MUK update and
 * starts a new counter (TS 33.246 §6.4.3).
 */
public record RetiredMukCounter(KeyFingerprint muk, TimestampCounter counter) {

    public RetiredMukCounter {
        Objects.requireNonNull(muk, "muk");
        Objects.requireNonNull(counter, "counter");
    }
}
