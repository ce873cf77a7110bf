package org.mbmskeys.mbms.mikey;

/**
 * CS ID map type of the common header (RFC 3830 §6.1, RFC 4563 §5, RFC 6043).
 *
 * <p><b>Open</b> code space, with a limit: only the {@link #SRTP_ID} map info layout is implemented, so a
 * header with any other map type decodes only if it has no crypto sessions (#CS = 0, nothing to parse);
 * its map type code is then kept as read. The MBMS profile uses {@link #EMPTY_MAP} with #CS = 0.
 */
public record CsIdMapType(int code) {

    public static final CsIdMapType SRTP_ID = new CsIdMapType(Known.SRTP_ID.code);
    /** RFC 4563 "Empty map": no CS ID map info follows. */
    public static final CsIdMapType EMPTY_MAP = new CsIdMapType(Known.EMPTY_MAP.code);
    /** RFC 6043 GENERIC-ID; its map info is not implemented (decodes only with #CS = 0). */
    public static final CsIdMapType GENERIC_ID = new CsIdMapType(Known.GENERIC_ID.code);

    /**
     * @throws IllegalArgumentException if {@code code} does not fit the one-byte field
     */
    public CsIdMapType {
        Known.CODES.requireOneByte(code);
    }

    public static CsIdMapType of(int code) {
        return new CsIdMapType(code);
    }

    public boolean isKnown() {
        return Known.CODES.names(code);
    }

    @Override
    public String toString() {
        return Known.CODES.describe(code);
    }

    private enum Known {
        SRTP_ID(0), EMPTY_MAP(1), GENERIC_ID(2);

        static final CodeSpace<Known> CODES = CodeSpace.of("CS ID map type", values(), k -> k.code, Enum::name);

        private final int code;

        Known(int code) {
            this.code = code;
        }
    }
}
