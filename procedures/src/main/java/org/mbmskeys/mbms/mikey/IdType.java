package org.mbmskeys.mbms.mikey;

import java.util.Optional;

/**
 * ID type of the ID payload (RFC 3830 §6.7, RFC 6043). MBMS sends {@link #NAI} for IDi and IDr
 * (TS 33.246 §6.4.5.1, §6.4.5.2). Closed code space.
 */
public enum IdType {
    NAI(0),
    URI(1),
    BYTE_STRING(2);

    static final CodeSpace<IdType> CODES = CodeSpace.of("ID type", values(), IdType::code, Enum::name);

    private final int code;

    IdType(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static Optional<IdType> ofCode(int code) {
        return CODES.byCode(code);
    }
}
