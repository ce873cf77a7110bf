package org.mbmskeys.mbms.mikey.protection;

/**
 * The SRTP message authentication of an MBMS streaming session: one of the RFC 4771 integrity transforms
 * with ROC carried in the tag, which TS 33.246 §6.6.2.1 requires. The codes are the "SRTP Auth. algorithm"
 * values of RFC 4771 §4 (Table 1).
 */
public enum SrtpAuthentication {
    /** RCCm1: the ROC in every R-th packet's tag, HMAC-SHA-1 otherwise. */
    RCCM1(2),
    /** RCCm2: the ROC in every R-th packet's tag, no authentication of the others. */
    RCCM2(3),
    /** RCCm3: the ROC in every R-th packet's tag, nothing else (RFC 4771 §4: not for general use). */
    RCCM3(4);

    private final int code;

    SrtpAuthentication(int code) {
        this.code = code;
    }

    /** The SP parameter value (RFC 4771 §4 Table 1). */
    public int code() {
        return code;
    }
}
