package org.mbmskeys.mbms.mikey.protection;

/**
 * The SRTP message authentication of an MBMS streaming session: one of the RFC 4771 integrity transforms
 * with ROC carried in the tag, which TS 33.246 §6.6.2.1 requires. The codes are the "SRTP Auth. algorithm"
 * values of RFC 4771 §4 (Table 1); the modes are RFC 4771 §3's.
 */
public enum SrtpAuthentication {
    /**
     * RCCm1: every R-th packet (SEQ ≡ 0 mod R) carries ROC ‖ a 10-byte HMAC-SHA-1, and only those packets are
     * integrity protected; the others carry no tag (RFC 4771 §3 "mode 1"). With R = 1 every packet is protected.
     */
    RCCM1(2, 14),
    /**
     * RCCm2: every R-th packet carries ROC ‖ a 10-byte HMAC-SHA-1, and every other packet the default SRTP
     * HMAC-SHA-1 tag, so all packets are integrity protected (RFC 4771 §3 "mode 2").
     */
    RCCM2(3, 14),
    /**
     * RCCm3: every R-th packet carries the ROC alone, and no packet is integrity protected (RFC 4771 §3
     * "mode 3"; read its §5 before using it).
     */
    RCCM3(4, 4);

    private final int code;
    private final int tagLength;

    SrtpAuthentication(int code, int tagLength) {
        this.code = code;
        this.tagLength = tagLength;
    }

    /**
     * The SRTP authentication tag length in bytes that the SP announces (RFC 4771 §4: the ROC's 4 bytes are
     * included): 10-byte MAC + ROC for modes 1 and 2, the ROC alone for mode 3 (TS 33.246 §6.6.2.1 NOTE 3).
     */
    public int tagLength() {
        return tagLength;
    }

    /** The SP parameter value (RFC 4771 §4 Table 1). */
    public int code() {
        return code;
    }
}
