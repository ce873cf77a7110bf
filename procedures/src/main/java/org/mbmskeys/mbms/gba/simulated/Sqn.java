package org.mbmskeys.mbms.gba.simulated;


import org.mbmskeys.engine.bytes.Bytes;

/**
 * AKA sequence number SQN, 48 bits (TS 33.102 §6.3.2, Annex C). The simulated USIM and BSF use the
 * simplest freshness rule: a SQN is fresh when it is greater than the highest one accepted, with no
 * SEQ/IND split and no wrap-around (a 48-bit counter does not wrap in a simulation).
 */
public record Sqn(long value) implements Comparable<Sqn> {

    /** Length of SQN on the wire, in bytes. */
    public static final int LENGTH = 6;

    private static final long MAX = (1L << 48) - 1;

    /**
     * @throws IllegalArgumentException if {@code value} does not fit in 48 bits
     */
    public Sqn {
        if (value < 0 || value > MAX) {
            throw new IllegalArgumentException("SQN is 48 bits (0.." + MAX + "), got " + value);
        }
    }

    public static Sqn of(long value) {
        return new Sqn(value);
    }

    /**
     * Reads the 6 wire bytes.
     *
     * @throws IllegalArgumentException if {@code octets} is not 6 bytes long
     */
    public static Sqn fromBytes(Bytes octets) {
        if (octets.length() != LENGTH) {
            throw new IllegalArgumentException("SQN is " + LENGTH + " bytes, got " + octets.length());
        }
        long v = 0;
        for (int i = 0; i < LENGTH; i++) {
            v = (v << 8) | octets.u8(i);
        }
        return new Sqn(v);
    }

    /**
     * The following sequence number.
     *
     * @throws IllegalStateException at 2^48 − 1, where the simulation has no successor
     */
    public Sqn next() {
        if (value == MAX) {
            throw new IllegalStateException("SQN " + value + " is the largest 48-bit value; this simulation does not wrap");
        }
        return new Sqn(value + 1);
    }

    public boolean isAfter(Sqn other) {
        return value > other.value;
    }

    /** The 6 wire bytes, big-endian. */
    public Bytes toBytes() {
        byte[] out = new byte[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            out[i] = (byte) (value >>> (8 * (LENGTH - 1 - i)));
        }
        return Bytes.wrap(out);
    }

    @Override
    public int compareTo(Sqn other) {
        return Long.compare(value, other.value);
    }

    @Override
    public String toString() {
        return toBytes().toHex();
    }
}
