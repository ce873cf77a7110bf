package org.mbmskeys.mbms.keys;

/**
 * A 32-bit MIKEY COUNTER timestamp, ordered by RFC 1982 serial-number arithmetic (SERIAL_BITS = 32).
 *
 * <p>TS 33.246 §6.4.6.1/§6.4.6.2: a receiver discards a message whose counter is not newer than the one
 * stored for the protecting key (per MUK for MSK messages, per MSK for MTK messages). Two counters exactly
 * 2^31 apart are not ordered under RFC 1982 §3.2; {@link #isNewerThan} answers {@code false} for them, so
 * such a message is treated as a replay.
 */
public record TimestampCounter(long value) {

    private static final long MOD = 1L << 32;
    private static final long HALF = 1L << 31;

    public TimestampCounter {
        if ((value & ~0xFFFF_FFFFL) != 0) {
            throw new IllegalArgumentException("COUNTER timestamp is 32 bits (0..4294967295), got " + value);
        }
    }

    public static TimestampCounter of(long value) {
        return new TimestampCounter(value);
    }

    /** RFC 1982 §3.2: {@code this > other}. Undefined pairs (distance 2^31) are not newer. */
    public boolean isNewerThan(TimestampCounter other) {
        long s1 = other.value;
        long s2 = value;
        return (s1 < s2 && s2 - s1 < HALF) || s1 - s2 > HALF;   // the second distance is positive only if s1 > s2
    }

    /** RFC 1982 §3.1 addition of 1: wraps from 2^32−1 to 0. */
    public TimestampCounter next() {
        return new TimestampCounter((value + 1) % MOD);
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
