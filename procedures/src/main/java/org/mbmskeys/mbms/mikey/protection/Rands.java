package org.mbmskeys.mbms.mikey.protection;

import org.mbmskeys.engine.bytes.Bytes;

/** RAND payload bounds shared by the outgoing message descriptions. */
final class Rands {

    private Rands() {
    }

    static void check(Bytes rand) {
        if (rand.isEmpty() || rand.length() > 255) {
            throw new IllegalArgumentException("RAND must be 1..255 bytes (16 recommended, RFC 3830 §6.11), got " + rand.length());
        }
    }
}
