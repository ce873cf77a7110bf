package org.mbmskeys.mbms.keys;

import org.mbmskeys.engine.bytes.Bytes;

/**
 * MSK ID, 4 bytes: Key Group part (bytes 0–1) ‖ Key Number part (bytes 2–3) (TS 33.246 §6.3.2.1).
 *
 * <p>Key Number 0 means "the current MSK" in service announcements and MSK requests; in a MIKEY message
 * from the BM-SC it marks a solicited pull (§6.3.2.2.4). Written as 8 hex digits, e.g.
 * {@code 00010002}.
 */
public record MskId(KeyGroup keyGroup, int keyNumber) {

    /** The Key Number that means "current MSK". */
    public static final int CURRENT = 0;

    public MskId {
        java.util.Objects.requireNonNull(keyGroup, "keyGroup");
        if ((keyNumber & ~0xFFFF) != 0) {
            throw new IllegalArgumentException("Key Number is 16 bits (0..65535), got " + keyNumber);
        }
    }

    /** The record's equality, written out for speed as {@link MskRef#equals} says; hashCode agrees with it. */
    @Override
    public boolean equals(Object o) {
        return o instanceof MskId other && keyNumber == other.keyNumber && keyGroup.equals(other.keyGroup);
    }

    public static MskId of(KeyGroup keyGroup, int keyNumber) {
        return new MskId(keyGroup, keyNumber);
    }

    public static MskId of(int keyGroup, int keyNumber) {
        return new MskId(KeyGroup.of(keyGroup), keyNumber);
    }

    /** The "current MSK" of {@code group} (Key Number 0). */
    public static MskId current(KeyGroup group) {
        return new MskId(group, CURRENT);
    }

    /** From the 32-bit value (Key Group in the high half). */
    public static MskId fromInt(int raw) {
        return new MskId(KeyGroup.of(raw >>> 16), raw & 0xFFFF);
    }

    /** Parses 8 hex digits, e.g. {@code 00010002}. */
    public static MskId parseHex(String hex) {
        if (hex == null || !isEightHexDigits(hex)) {
            throw new IllegalArgumentException("MSK ID must be 8 hex digits (Key Group ‖ Key Number), e.g. 00010002; got '" + hex + "'");
        }
        return fromInt((int) Long.parseLong(hex, 16));
    }

    /**
     * Reads the 4 wire bytes.
     *
     * @throws IllegalArgumentException if {@code octets} is not 4 bytes long
     */
    public static MskId fromBytes(Bytes octets) {
        if (octets.length() != 4) {
            throw new IllegalArgumentException("MSK ID is 4 bytes, got " + octets.length());
        }
        return of((octets.u8(0) << 8) | octets.u8(1), (octets.u8(2) << 8) | octets.u8(3));
    }

    public boolean isCurrentMarker() {
        return keyNumber == CURRENT;
    }

    public int toInt() {
        return (keyGroup.value() << 16) | keyNumber;
    }

    /** The 4 wire bytes. */
    public Bytes toBytes() {
        int g = keyGroup.value();
        return Bytes.of((byte) (g >> 8), (byte) g, (byte) (keyNumber >> 8), (byte) keyNumber);
    }

    /** 8 lower-case hex digits, as {@code String.format("%08x", toInt())} but without a Formatter. */
    @Override
    public String toString() {
        String hex = Integer.toHexString(toInt());
        return "00000000".substring(hex.length()) + hex;
    }

    private static boolean isEightHexDigits(String s) {
        if (s.length() != 8) {
            return false;
        }
        for (int i = 0; i < 8; i++) {
            char c = s.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F')) {
                return false;
            }
        }
        return true;
    }
}
