package org.mbmskeys.mbms.mikey;

import java.util.Optional;

/**
 * TS type of the T payload (RFC 3830 §6.6, RFC 6043; Wireshark packet-mikey.c) with the width of its value.
 * MBMS uses {@link #COUNTER}. Closed code space: the value width depends on the type, so an unknown type
 * cannot be skipped.
 */
public enum TimestampType {
    NTP_UTC(0, 8),
    NTP(1, 8),
    COUNTER(2, 4),
    /** 32-bit NTP-UTC (RFC 6043). */
    NTP_UTC_32(3, 4);

    static final CodeSpace<TimestampType> CODES = CodeSpace.of("TS type", values(), TimestampType::code, Enum::name);

    private final int code;
    private final int valueLength;

    TimestampType(int code, int valueLength) {
        this.code = code;
        this.valueLength = valueLength;
    }

    public int code() {
        return code;
    }

    /** Bytes of the TS value: 8 or 4. */
    public int valueLength() {
        return valueLength;
    }

    public static Optional<TimestampType> ofCode(int code) {
        return CODES.byCode(code);
    }
}
