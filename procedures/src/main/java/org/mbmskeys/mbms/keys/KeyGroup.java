package org.mbmskeys.mbms.keys;

/**
 * Key Group part of an MSK ID: bytes 0–1 (TS 33.246 §6.3.2.1). Groups MSKs so that redundant ones can be
 * deleted; unique within an operator. Written as 4 hex digits. Key Group 0 is reserved ("not allowed",
 * §6.3.2.1): it can be represented, so that a reader can name it when it refuses it, but no key of it may
 * be created or accepted (see {@link #isReserved()}).
 */
public record KeyGroup(int value) {

    public KeyGroup {
        if ((value & ~0xFFFF) != 0) {
            throw new IllegalArgumentException("Key Group is 16 bits (0..65535), got " + value);
        }
    }

    /** The record's equality, written out for speed as {@link MskRef#equals} says; hashCode agrees with it. */
    @Override
    public boolean equals(Object o) {
        return o instanceof KeyGroup other && value == other.value;
    }

    public static KeyGroup of(int value) {
        return new KeyGroup(value);
    }

    /** Parses 4 hex digits, e.g. {@code 0001}. */
    public static KeyGroup parseHex(String hex) {
        if (hex == null || !hex.matches("[0-9a-fA-F]{4}")) {
            throw new IllegalArgumentException("Key Group must be 4 hex digits, e.g. 0001; got '" + hex + "'");
        }
        return new KeyGroup(Integer.parseInt(hex, 16));
    }

    /** Key Group 0x0000, which TS 33.246 §6.3.2.1 does not allow for any MSK. */
    public boolean isReserved() {
        return value == 0;
    }

    @Override
    public String toString() {
        return String.format("%04x", value);
    }
}
