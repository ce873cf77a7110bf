package org.mbmskeys.mbms.mikey;

/**
 * One crypto session of an SRTP-ID CS ID map (RFC 3830 §6.1.1): Policy_no (1 byte), SSRC (4), ROC (4).
 * MBMS uses one in every streaming MSK message (#CS 1 with the SRTP-ID map, TS 33.246 §6.4.5.1); download MSK
 * messages, MTK messages, pulls and ACKs have none (#CS 0, the Empty map).
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
