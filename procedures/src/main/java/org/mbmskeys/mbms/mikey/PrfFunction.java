package org.mbmskeys.mbms.mikey;

import java.util.Optional;

/**
 * HDR PRF func, the low 7 bits of byte 3 (RFC 3830 §6.1, RFC 6043; Wireshark packet-mikey.c).
 * MBMS uses {@link #MIKEY_1}. Closed code space: other values are malformed.
 */
public enum PrfFunction {
    /** MIKEY-1, HMAC-SHA-1 based (RFC 3830 §4.1.2). */
    MIKEY_1(0),
    /** PRF-HMAC-SHA-256 (RFC 6043). */
    PRF_HMAC_SHA_256(1);

    static final CodeSpace<PrfFunction> CODES = CodeSpace.of("PRF func", values(), PrfFunction::code, Enum::name);

    private final int code;

    PrfFunction(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static Optional<PrfFunction> ofCode(int code) {
        return CODES.byCode(code);
    }
}
