package org.mbmskeys.mbms.mikey;

import java.util.Optional;

/**
 * KV type of a Key data sub-payload, the low 4 bits of its second byte (RFC 3830 §6.13, §6.14;
 * Wireshark packet-mikey.c). Selects the {@link KeyValidityData} layout. Closed code space.
 */
public enum KvType {
    NULL(0),
    SPI(1),
    INTERVAL(2);

    static final CodeSpace<KvType> CODES = CodeSpace.of("KV type", values(), KvType::code, Enum::name);

    private final int code;

    KvType(int code) {
        this.code = code;
    }

    /** The 4-bit value. */
    public int code() {
        return code;
    }

    public static Optional<KvType> ofCode(int code) {
        return CODES.byCode(code);
    }
}
