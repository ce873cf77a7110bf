package org.mbmskeys.mbms.mikey;

import java.util.Optional;

/**
 * ID type of the ID payload (RFC 3830 §6.7, RFC 6043; PROFILE.md §1.3.5). The project profile sends
 * {@link #URI} for IDi and IDr (PROFILE.md §10). Closed code space.
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
