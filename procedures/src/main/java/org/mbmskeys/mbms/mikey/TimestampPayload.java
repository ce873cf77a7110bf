package org.mbmskeys.mbms.mikey;

import java.util.Objects;
import java.util.Optional;
import org.mbmskeys.mbms.keys.TimestampCounter;

/**
 * T payload (RFC 3830 §6.6): TS type (1) | TS value (8 bytes for NTP and NTP-UTC, 4 for COUNTER and
 * NTP-UTC-32). In MBMS the 32-bit COUNTER is the per-key replay counter (TS 33.246 §6.4.3,
 * §6.4.6).
 *
 * @param value the TS value as an unsigned bit pattern: 64-bit values use all bits of the {@code long},
 *              32-bit values must be in 0..2^32−1
 */
public record TimestampPayload(TimestampType tsType, long value) implements MikeyPayload {

    /**
     * @throws IllegalArgumentException if a 32-bit type gets a value wider than 32 bits
     */
    public TimestampPayload {
        Objects.requireNonNull(tsType, "tsType");
        if (tsType.valueLength() == 4 && (value & ~0xFFFF_FFFFL) != 0) {
            throw new IllegalArgumentException(tsType + " timestamp is 32 bits (0..4294967295), got " + value);
        }
    }

    public static TimestampPayload counter(TimestampCounter counter) {
        return new TimestampPayload(TimestampType.COUNTER, counter.value());
    }

    /** The counter, if this is a COUNTER timestamp. */
    public Optional<TimestampCounter> counter() {
        return tsType == TimestampType.COUNTER ? Optional.of(TimestampCounter.of(value)) : Optional.empty();
    }

    @Override
    public PayloadType type() {
        return PayloadType.T;
    }
}
