package org.mbmskeys.mbms.digest;

import java.util.Objects;

/** Validation of values that will be written into a header, so formatting can never emit a broken header. */
final class HeaderText {

    private HeaderText() {
    }

    /** Non-empty text without control characters (HTAB allowed), which a quoted-string can carry. */
    static String requireText(String name, String value) {
        Objects.requireNonNull(value, name);
        if (value.isEmpty()) {
            throw new IllegalArgumentException(name + " must not be empty");
        }
        return requirePrintable(name, value);
    }

    /** Text without control characters (HTAB allowed); may be empty. */
    static String requirePrintable(String name, String value) {
        Objects.requireNonNull(value, name);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if ((c < 0x20 && c != '\t') || c == 0x7F) {
                throw new IllegalArgumentException(name + " contains a control character at index " + i
                        + " (0x" + Integer.toHexString(c) + "); header values allow printable text only");
            }
        }
        return value;
    }

    static boolean isTchar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
    }

    /** An RFC 7230 token: what an HTTP method is. */
    static String requireToken(String name, String value) {
        Objects.requireNonNull(value, name);
        if (value.isEmpty()) {
            throw new IllegalArgumentException(name + " must not be empty");
        }
        for (int i = 0; i < value.length(); i++) {
            if (!isTchar(value.charAt(i))) {
                throw new IllegalArgumentException(name + " must be an HTTP token; '" + value.charAt(i)
                        + "' at index " + i + " is not allowed");
            }
        }
        return value;
    }
}
