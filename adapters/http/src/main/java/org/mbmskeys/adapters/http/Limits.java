package org.mbmskeys.adapters.http;

import java.time.Duration;
import java.util.Objects;

/** Checks of the builders' settings, shared by the server and the client. */
final class Limits {

    private Limits() {
    }

    /** {@code d}, if positive; else an {@link IllegalArgumentException} naming {@code what}. */
    static Duration positive(Duration d, String what) {
        Objects.requireNonNull(d, what);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException("a " + what + " must be positive, got " + d);
        }
        return d;
    }

    /** {@code bytes}, if at least 1,024 (room for a key-management message's headers); else the reason. */
    static int atLeastOneKiB(int bytes, String what) {
        if (bytes < 1024) {
            throw new IllegalArgumentException("an HTTP " + what + " limit below 1,024 bytes leaves no room for the "
                    + "headers of a key-management message, got " + bytes);
        }
        return bytes;
    }
}
