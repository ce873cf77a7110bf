package org.mbmskeys.mbms.mikey.protection;

import java.util.Objects;
import org.mbmskeys.engine.bytes.Bytes;
import org.mbmskeys.engine.spi.RandomBytes;
import org.mbmskeys.mbms.mikey.CsbId;

/**
 * Where the BM-SC's CSB IDs come from. TS 33.246 §6.4.2: the CSB ID is not used to identify anything in
 * MBMS, the BM-SC may choose any value, and random values are recommended; so every message gets 4 fresh
 * random bytes. A receiver never checks a CSB ID: it enters the PRF labels and the AES-CM IV, and the
 * verification message echoes the one of the MSK message it answers (§6.4.5.2).
 */
public final class CsbIds {

    private CsbIds() {
    }

    /** A fresh CSB ID from {@code random}. */
    public static CsbId random(RandomBytes random) {
        Bytes four = Objects.requireNonNull(random, "random").next(4);
        return CsbId.fromBytes(four);
    }
}
