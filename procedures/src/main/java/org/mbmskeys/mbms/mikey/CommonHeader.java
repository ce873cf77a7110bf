package org.mbmskeys.mbms.mikey;

import java.util.List;
import java.util.Objects;

/**
 * HDR, the MIKEY common header (RFC 3830 §6.1). Always first; it has no payload type
 * code, so it is not a {@link MikeyPayload}.
 *
 * <pre>
 * version (1) | data type (1) | next payload (1) | V (bit 7) + PRF func (bits 6..0) (1) | CSB ID (4)
 * | #CS (1) | CS ID map type (1) | CS ID map info
 * </pre>
 *
 * <p>The next-payload byte is not a component: {@link MikeyCodec} writes it from the payload list and
 * reads it while walking the chain. #CS is {@code srtpCsEntries().size()}: only the SRTP-ID map carries
 * entries (9 bytes each); any other map type has #CS = 0 and no map info.
 *
 * <pre>{@code
 * CommonHeader hdr = CommonHeader.mbmsEmptyMap(DataType.PSK_INIT, true, CsbId.of(0xc5b1d001));
 * }</pre>
 *
 * @param version         always {@link #VERSION}
 * @param vFlag           the V bit: the initiator asks for a verification message
 * @param srtpCsEntries   the SRTP-ID map info; empty for other map types
 */
public record CommonHeader(int version, DataType dataType, boolean vFlag, PrfFunction prfFunction, CsbId csbId,
                           CsIdMapType csIdMapType, List<SrtpCsEntry> srtpCsEntries) {

    /** The only MIKEY version (RFC 3830 §6.1). */
    public static final int VERSION = 1;

    /** Bytes of a header without CS ID map info. */
    public static final int FIXED_LENGTH = 10;

    /**
     * @throws IllegalArgumentException if the version is not 1, there are more than 255 entries, or
     *                                  entries are given for a map type other than SRTP-ID
     */
    public CommonHeader {
        if (version != VERSION) {
            throw new IllegalArgumentException("MIKEY version must be " + VERSION + " (RFC 3830), got " + version);
        }
        Objects.requireNonNull(dataType, "dataType");
        Objects.requireNonNull(prfFunction, "prfFunction");
        Objects.requireNonNull(csbId, "csbId");
        Objects.requireNonNull(csIdMapType, "csIdMapType");
        srtpCsEntries = List.copyOf(srtpCsEntries);
        if (srtpCsEntries.size() > 255) {
            throw new IllegalArgumentException("#CS is one byte: at most 255 crypto sessions, got " + srtpCsEntries.size());
        }
        if (!srtpCsEntries.isEmpty() && !csIdMapType.equals(CsIdMapType.SRTP_ID)) {
            throw new IllegalArgumentException("CS ID map type " + csIdMapType + " carries no SRTP-ID entries; "
                    + "use " + CsIdMapType.SRTP_ID + " or no entries");
        }
    }

    /**
     * The MBMS header with the Empty map: version 1, PRF MIKEY-1, #CS 0, CS ID map type 1 (TS 33.246
     * §6.4.5.1 for download MSK messages, §6.4.5.2 for the verification message, §6.4.5.3 for MTK messages;
     * RFC 4563 §5).
     */
    public static CommonHeader mbmsEmptyMap(DataType dataType, boolean vFlag, CsbId csbId) {
        return new CommonHeader(VERSION, dataType, vFlag, PrfFunction.MIKEY_1, csbId, CsIdMapType.EMPTY_MAP, List.of());
    }

    /**
     * The MBMS header of a streaming MSK message (TS 33.246 §6.4.5.1; RFC 3830 §6.1.1): data type PSK init,
     * PRF MIKEY-1, #CS 1 and the SRTP-ID map with the one crypto session of the Key Group's RTP session.
     */
    public static CommonHeader mbmsStreaming(boolean vFlag, CsbId csbId, SrtpCsEntry entry) {
        return new CommonHeader(VERSION, DataType.PSK_INIT, vFlag, PrfFunction.MIKEY_1, csbId, CsIdMapType.SRTP_ID,
                List.of(entry));
    }

    /** A header with an SRTP-ID map (generic MIKEY for SRTP, RFC 3830 §6.1.1). */
    public static CommonHeader srtp(DataType dataType, boolean vFlag, PrfFunction prfFunction, CsbId csbId,
                                    List<SrtpCsEntry> entries) {
        return new CommonHeader(VERSION, dataType, vFlag, prfFunction, csbId, CsIdMapType.SRTP_ID, entries);
    }

    /** #CS, the number of crypto sessions. */
    public int csCount() {
        return srtpCsEntries.size();
    }

    /** Bytes of this header on the wire. */
    public int wireLength() {
        return FIXED_LENGTH + SrtpCsEntry.WIRE_LENGTH * srtpCsEntries.size();
    }
}
