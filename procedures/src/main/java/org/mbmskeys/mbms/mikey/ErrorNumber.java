package org.mbmskeys.mbms.mikey;

/**
 * Error no of the ERR payload (RFC 3830 §6.12; codes as in Wireshark packet-mikey.c).
 *
 * <p><b>Open</b> code space: the ERR payload has a fixed size, so an unknown number is kept as read and
 * printed as {@code UNKNOWN(n)}; the receiver decides what to do with it.
 */
public record ErrorNumber(int code) {

    public static final ErrorNumber AUTH_FAILURE = new ErrorNumber(Known.AUTH_FAILURE.code);
    public static final ErrorNumber INVALID_TS = new ErrorNumber(Known.INVALID_TS.code);
    public static final ErrorNumber INVALID_PRF = new ErrorNumber(Known.INVALID_PRF.code);
    public static final ErrorNumber INVALID_MAC = new ErrorNumber(Known.INVALID_MAC.code);
    public static final ErrorNumber INVALID_EA = new ErrorNumber(Known.INVALID_EA.code);
    public static final ErrorNumber INVALID_HA = new ErrorNumber(Known.INVALID_HA.code);
    public static final ErrorNumber INVALID_DH = new ErrorNumber(Known.INVALID_DH.code);
    public static final ErrorNumber INVALID_ID = new ErrorNumber(Known.INVALID_ID.code);
    public static final ErrorNumber INVALID_CERT = new ErrorNumber(Known.INVALID_CERT.code);
    public static final ErrorNumber INVALID_SP = new ErrorNumber(Known.INVALID_SP.code);
    public static final ErrorNumber INVALID_SP_PAR = new ErrorNumber(Known.INVALID_SP_PAR.code);
    public static final ErrorNumber INVALID_DT = new ErrorNumber(Known.INVALID_DT.code);
    public static final ErrorNumber UNSPECIFIED = new ErrorNumber(Known.UNSPECIFIED.code);

    /**
     * @throws IllegalArgumentException if {@code code} does not fit the one-byte Error no field
     */
    public ErrorNumber {
        Known.CODES.requireOneByte(code);
    }

    public static ErrorNumber of(int code) {
        return new ErrorNumber(code);
    }

    public boolean isKnown() {
        return Known.CODES.names(code);
    }

    @Override
    public String toString() {
        return Known.CODES.describe(code);
    }

    /** Wireshark {@code err_vals}. */
    private enum Known {
        AUTH_FAILURE(0), INVALID_TS(1), INVALID_PRF(2), INVALID_MAC(3), INVALID_EA(4), INVALID_HA(5),
        INVALID_DH(6), INVALID_ID(7), INVALID_CERT(8), INVALID_SP(9), INVALID_SP_PAR(10), INVALID_DT(11),
        UNSPECIFIED(12);

        static final CodeSpace<Known> CODES = CodeSpace.of("MIKEY Error no", values(), k -> k.code, Enum::name);

        private final int code;

        Known(int code) {
            this.code = code;
        }
    }
}
