package org.mbmskeys.mbms.mikey;

import java.util.Optional;

/**
 * Next-payload codes this implementation understands (RFC 3830 §6.1; Wireshark packet-mikey.c).
 *
 * <p><b>Closed</b> code space: MIKEY payloads have no common length field, so a payload of an unknown
 * type cannot be skipped and the rest of the message is unparseable. {@link MikeyCodec#decode} rejects
 * any other code (PKE, DH, SIGN, CERT, CHASH, the RFC 6043 ticket payloads, SAKKE) as malformed at the
 * offset of the next-payload byte naming it. {@link #LAST} ends a chain; {@link #KEY_DATA} is valid only
 * inside the KEMAC plaintext ({@link KeyDataCodec}).
 */
public enum PayloadType {
    LAST(0, "last"),
    KEMAC(1, "KEMAC"),
    T(5, "T"),
    ID(6, "ID"),
    V(9, "V"),
    SP(10, "SP"),
    RAND(11, "RAND"),
    ERR(12, "ERR"),
    KEY_DATA(20, "Key data"),
    GENERAL_EXTENSION(21, "EXT");

    static final CodeSpace<PayloadType> CODES =
            CodeSpace.of("next payload", values(), PayloadType::code, Enum::name);

    private final int code;
    private final String label;

    PayloadType(int code, String label) {
        this.code = code;
        this.label = label;
    }

    /** The value of a Next payload field naming this type. */
    public int code() {
        return code;
    }

    /** The short name RFC 3830 uses ({@code KEMAC}, {@code T}, {@code EXT}), prefixed to field names in errors. */
    public String label() {
        return label;
    }

    public static Optional<PayloadType> ofCode(int code) {
        return CODES.byCode(code);
    }
}
