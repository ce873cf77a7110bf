package org.mbmskeys.mbms.mikey;

/**
 * One crypto session of an SRTP-ID CS ID map (RFC 3830 §6.1.1): Policy_no (1 byte), SSRC (4), ROC (4).
 * Not used by the MBMS profile (#CS = 0); kept for generic MIKEY messages such as the ONVIF sample.
 */
public record SrtpCsEntry(int policyNo, long ssrc, long roc) {

    /** Bytes of one entry on the wire. */
    public static final int WIRE_LENGTH = 9;

    /**
     * @throws IllegalArgumentException if a value does not fit its field (1, 4, 4 bytes)
     */
    public SrtpCsEntry {
        if ((policyNo & ~0xFF) != 0) {
            throw new IllegalArgumentException("SRTP-ID Policy_no is one byte (0..255), got " + policyNo);
        }
        if ((ssrc & ~0xFFFF_FFFFL) != 0) {
            throw new IllegalArgumentException("SRTP-ID SSRC is 32 bits, got " + ssrc);
        }
        if ((roc & ~0xFFFF_FFFFL) != 0) {
            throw new IllegalArgumentException("SRTP-ID ROC is 32 bits, got " + roc);
        }
    }

    @Override
    public String toString() {
        return String.format("SrtpCsEntry[policyNo=%d, ssrc=%08x, roc=%d]", policyNo, ssrc, roc);
    }
}
