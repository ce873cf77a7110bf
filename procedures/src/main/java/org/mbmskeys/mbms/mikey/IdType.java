package org.mbmskeys.mbms.mikey;

/**
 * ID type of the ID payload (RFC 3830 §6.7: 0 NAI, 1 URI; RFC 6043 adds 2 byte string). MBMS sends {@link #NAI}
 * for IDi and IDr (TS 33.246 §6.4.5.1, §6.4.5.2).
 *
 * <p><b>Open</b> code space: TS 33.246 §6.4.5.1 says "the ID Type field of the IDi payload shall be ignored by the
 * receiver and the ID data field shall be handled as a text string", and the ID length is explicit, so a payload
 * of a type this implementation does not name is read and re-encoded byte for byte, not refused. Unknown codes
 * print as {@code UNKNOWN(n)}.
 */
public record IdType(int code) {

    public static final IdType NAI = new IdType(Known.NAI.code);
    public static final IdType URI = new IdType(Known.URI.code);
    public static final IdType BYTE_STRING = new IdType(Known.BYTE_STRING.code);

    /** @throws IllegalArgumentException if {@code code} does not fit the one-byte ID type field */
    public IdType {
        Known.CODES.requireOneByte(code);
    }

    public static IdType of(int code) {
        return new IdType(code);
    }

    /** Whether this implementation gives the code a name. */
    public boolean isKnown() {
        return Known.CODES.names(code);
    }

    /** The name without the code, e.g. {@code NAI}, or {@code UNKNOWN}. */
    public String name() {
        return Known.CODES.nameOf(code);
    }

    @Override
    public String toString() {
        return Known.CODES.describe(code);
    }

    private enum Known {
        NAI(0),
        URI(1),
        BYTE_STRING(2);

        static final CodeSpace<Known> CODES = CodeSpace.of("ID type", values(), k -> k.code, Enum::name);

        private final int code;

        Known(int code) {
            this.code = code;
        }
    }
}
