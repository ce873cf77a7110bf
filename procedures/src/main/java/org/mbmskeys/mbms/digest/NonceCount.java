package org.mbmskeys.mbms.digest;

import java.util.Locale;

/** The {@code nc} parameter: exactly 8 hex digits (RFC 7616 §3.4), value 1 to 2^32-1. */
final class NonceCount {

    static final long MAX = 0xFFFF_FFFFL;

    private NonceCount() {
    }

    static String format(long nc) {
        return String.format(Locale.ROOT, "%08x", nc);
    }

    static long require(String name, long nc) {
        if (nc < 1 || nc > MAX) {
            throw new IllegalArgumentException(name + " must be 1.." + MAX + ", got " + nc);
        }
        return nc;
    }

    static long parse(String header, String text) {
        if (text.length() != 8) {
            throw new DigestException(DigestFailure.MALFORMED, header + ": nc must be exactly 8 hex digits, got "
                    + text.length() + " characters");
        }
        long value = 0;
        for (int i = 0; i < 8; i++) {
            int d = Character.digit(text.charAt(i), 16);
            if (d < 0) {
                throw new DigestException(DigestFailure.MALFORMED, header + ": nc must be 8 hex digits; character "
                        + (i + 1) + " is not a hex digit");
            }
            value = (value << 4) | d;
        }
        if (value == 0) {
            throw new DigestException(DigestFailure.MALFORMED, header + ": nc 00000000 is not allowed; the first "
                    + "request with a nonce has nc 00000001");
        }
        return value;
    }
}
