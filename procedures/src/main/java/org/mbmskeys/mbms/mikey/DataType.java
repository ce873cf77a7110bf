package org.mbmskeys.mbms.mikey;

import java.util.Optional;

/**
 * HDR data type (RFC 3830 §6.1 and later RFCs; IANA MIKEY registry). MBMS uses {@link #PSK_INIT} for MSK
 * and MTK delivery and {@link #PSK_VERIFY} for the MSK verification message.
 *
 * <p>Closed code space: every value the MIKEY registry lists is kept so foreign messages still decode; any
 * other value is malformed.
 */
public enum DataType {
    PSK_INIT(0),
    PSK_VERIFY(1),
    PK_INIT(2),
    PK_VERIFY(3),
    DH_INIT(4),
    DH_RESP(5),
    ERROR(6),
    DHHMAC_INIT(7),
    DHHMAC_RESP(8),
    RSA_R_INIT(9),
    RSA_R_RESP(10),
    SAKKE(26),
    CS_ID_MAP_UPDATE(27);

    static final CodeSpace<DataType> CODES = CodeSpace.of("HDR data type", values(), DataType::code, Enum::name);

    private final int code;

    DataType(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static Optional<DataType> ofCode(int code) {
        return CODES.byCode(code);
    }
}
