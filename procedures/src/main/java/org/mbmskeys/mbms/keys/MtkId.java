package org.mbmskeys.mbms.keys;

import org.mbmskeys.engine.bytes.Bytes;

/**
 * MTK ID: a "2 bytes long sequence number" that distinguishes the MTKs under one MSK; each next MTK ID is
 * greater than the previous one (TS 33.246 §6.3.3.1). The MSK's key validity (SEQl..SEQu) is an interval
 * of MTK IDs. Compared as plain unsigned numbers: §6.4.6.2 step 3 and §6.5.4 say "less than or equal"
 * and "greater than" and never mention serial-number arithmetic.
 */
public record MtkId(int value) implements Comparable<MtkId> {

    /** Width on the wire (Key ID payload and key validity bounds). */
    public static final int BYTES = 2;

    public MtkId {
        if ((value & ~0xFFFF) != 0) {
            throw new IllegalArgumentException("MTK ID is 16 bits (0..65535), got " + value);
        }
    }

    public static MtkId of(int value) {
        return new MtkId(value);
    }

    /**
     * Reads the 2 wire bytes.
     *
     * @throws IllegalArgumentException if {@code octets} is not 2 bytes long
     */
    public static MtkId fromBytes(Bytes octets) {
        if (octets.length() != BYTES) {
            throw new IllegalArgumentException("MTK ID is " + BYTES + " bytes, got " + octets.length());
        }
        return new MtkId((octets.u8(0) << 8) | octets.u8(1));
    }

    public Bytes toBytes() {
        return Bytes.of((byte) (value >> 8), (byte) value);
    }

    public boolean isAfter(MtkId other) {
        return value > other.value;
    }

    @Override
    public int compareTo(MtkId o) {
        return Integer.compare(value, o.value);
    }

    @Override
    public String toString() {
        return Integer.toString(value);
    }
}
