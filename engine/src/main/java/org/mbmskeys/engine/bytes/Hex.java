package org.mbmskeys.engine.bytes;

/**
 * Hex text to bytes and back. {@link #annotated(String)} reads golden vectors written one field per
 * line with {@code #} comments, as the wire tests do.
 */
public final class Hex {

    private static final char[] DIGITS = "0123456789abcdef".toCharArray();

    private Hex() {
    }

    /** Lower-case hex of {@code data}. */
    public static String encode(byte[] data) {
        char[] out = new char[data.length * 2];
        for (int i = 0; i < data.length; i++) {
            out[2 * i] = DIGITS[(data[i] >> 4) & 0xF];
            out[2 * i + 1] = DIGITS[data[i] & 0xF];
        }
        return new String(out);
    }

    /**
     * Parses hex digits, ignoring white space.
     *
     * @throws IllegalArgumentException naming the first offending character and its position, or an odd
     *                                  digit count
     */
    public static byte[] decode(CharSequence hex) {
        int digits = 0;
        for (int i = 0; i < hex.length(); i++) {
            if (!Character.isWhitespace(hex.charAt(i))) {
                digits++;
            }
        }
        if ((digits & 1) != 0) {
            throw new IllegalArgumentException("hex needs an even number of digits, got " + digits);
        }
        byte[] out = new byte[digits / 2];
        int n = 0;
        int high = -1;
        for (int i = 0; i < hex.length(); i++) {
            char c = hex.charAt(i);
            if (Character.isWhitespace(c)) {
                continue;
            }
            int v = Character.digit(c, 16);
            if (v < 0) {
                throw new IllegalArgumentException("not a hex digit at position " + i + ": '" + c + "'");
            }
            if (high < 0) {
                high = v;
            } else {
                out[n++] = (byte) ((high << 4) | v);
                high = -1;
            }
        }
        return out;
    }

    /** Whether {@code text} is a non-empty, even-length run of hex digits (no white space). */
    public static boolean isHex(CharSequence text) {
        if (text.length() == 0 || (text.length() & 1) != 0) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            if (Character.digit(text.charAt(i), 16) < 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * Parses an annotated vector: everything after {@code #} on a line is a comment; the rest is hex.
     *
     * <pre>
     * 01            # version 1
     * 00            # data type: PSK init
     * </pre>
     */
    public static Bytes annotated(String text) {
        StringBuilder digits = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            int hash = line.indexOf('#');
            digits.append(hash >= 0 ? line.substring(0, hash) : line);
        }
        return Bytes.ofHex(digits);
    }
}
