package org.mbmskeys.mbms.mikey;

/**
 * Prot type of the SP payload (RFC 3830 §6.10; codes as in Wireshark packet-mikey.c).
 *
 * <p><b>Open</b> code space: the SP payload carries its own parameter length, so a policy for an unknown
 * protocol is kept as read; its parameter types are then opaque numbers.
 */
public record ProtocolType(int code) {

    public static final ProtocolType SRTP = new ProtocolType(Known.SRTP.code);

    /**
     * @throws IllegalArgumentException if {@code code} does not fit the one-byte field
     */
    public ProtocolType {
        Known.CODES.requireOneByte(code);
    }

    public static ProtocolType of(int code) {
        return new ProtocolType(code);
    }

    public boolean isKnown() {
        return Known.CODES.names(code);
    }

    @Override
    public String toString() {
        return Known.CODES.describe(code);
    }

    private enum Known {
        SRTP(0);

        static final CodeSpace<Known> CODES = CodeSpace.of("SP Prot type", values(), k -> k.code, Enum::name);

        private final int code;

        Known(int code) {
            this.code = code;
        }
    }
}
