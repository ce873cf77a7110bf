package org.mbmskeys.mbms.mikey;

import java.util.Optional;

/**
 * Type of a Key data sub-payload, the high 4 bits of its second byte (RFC 3830 §6.13;
 * Wireshark packet-mikey.c). The {@code *_SALT} types carry a salt after the key. Closed code space.
 */
public enum KeyDataType {
    TGK(0, false),
    TGK_SALT(1, true),
    TEK(2, false),
    TEK_SALT(3, true);

    static final CodeSpace<KeyDataType> CODES = CodeSpace.of("Key data Type", values(), KeyDataType::code, Enum::name);

    private final int code;
    private final boolean hasSalt;

    KeyDataType(int code, boolean hasSalt) {
        this.code = code;
        this.hasSalt = hasSalt;
    }

    /** The 4-bit value. */
    public int code() {
        return code;
    }

    /** Whether a Salt len and Salt follow the key. */
    public boolean hasSalt() {
        return hasSalt;
    }

    public static Optional<KeyDataType> ofCode(int code) {
        return CODES.byCode(code);
    }
}
