package org.mbmskeys.mbms.mikey;

import java.util.Optional;

/**
 * MAC alg of KEMAC and Auth alg of V (RFC 3830 §6.2, §6.9; Wireshark packet-mikey.c), with the MAC length it
 * implies: the wire carries no MAC length field. Closed code space.
 */
public enum MacAlgorithm {
    /** No MAC: the MAC field is empty. */
    NULL(0, 0),
    /** HMAC-SHA-1-160: a 20-byte MAC. */
    HMAC_SHA1_160(1, 20);

    static final CodeSpace<MacAlgorithm> CODES = CodeSpace.of("MAC alg", values(), MacAlgorithm::code, Enum::name);

    private final int code;
    private final int macLength;

    MacAlgorithm(int code, int macLength) {
        this.code = code;
        this.macLength = macLength;
    }

    public int code() {
        return code;
    }

    /** Bytes of the MAC field: 0 or 20. */
    public int macLength() {
        return macLength;
    }

    public static Optional<MacAlgorithm> ofCode(int code) {
        return CODES.byCode(code);
    }
}
