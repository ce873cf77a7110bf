package org.mbmskeys.mbms.mikey;

import java.util.ArrayList;
import java.util.List;

/**
 * HDR (RFC 3830 §6.1). Not a {@link PayloadCodec}: the header has no type code and carries the first
 * Next payload byte in its middle, which the chain walker needs back.
 */
final class HeaderCodec {

    /** The header and its Next payload field (value and offset, for errors about the code). */
    record Read(CommonHeader header, int nextPayload, int nextPayloadOffset) {
    }

    private HeaderCodec() {
    }

    static Read decode(WireReader in) {
        int version = in.u8("HDR.version");
        if (version != CommonHeader.VERSION) {
            throw in.malformed("HDR.version", "version " + version + " is not supported; only "
                    + CommonHeader.VERSION + " exists (RFC 3830)");
        }
        int dataTypeCode = in.u8("HDR.data type");
        DataType dataType = DataType.ofCode(dataTypeCode)
                .orElseThrow(() -> in.malformed("HDR.data type", DataType.CODES.unknown(dataTypeCode)));
        int next = in.u8("HDR.next payload");
        int nextOffset = in.fieldOffset();
        int vPrf = in.u8("HDR.V|PRF func");
        int prfCode = vPrf & 0x7F;
        PrfFunction prf = PrfFunction.ofCode(prfCode)
                .orElseThrow(() -> in.malformed("HDR.PRF func", PrfFunction.CODES.unknown(prfCode)));
        CsbId csbId = CsbId.of((int) in.u32("HDR.CSB ID"));
        int csCount = in.u8("HDR.#CS");
        int csCountOffset = in.fieldOffset();
        CsIdMapType mapType = CsIdMapType.of(in.u8("HDR.CS ID map type"));
        List<SrtpCsEntry> entries = new ArrayList<>(csCount);
        if (mapType.equals(CsIdMapType.SRTP_ID)) {
            int needed = csCount * SrtpCsEntry.WIRE_LENGTH;
            if (needed > in.remaining()) {
                throw in.malformedAt(csCountOffset, "HDR.#CS", "declares " + csCount + " crypto sessions ("
                        + needed + " bytes of SRTP-ID map info), " + in.remaining() + " remain");
            }
            for (int i = 0; i < csCount; i++) {
                int policyNo = in.u8("HDR.CS ID map info.Policy_no");
                long ssrc = in.u32("HDR.CS ID map info.SSRC");
                long roc = in.u32("HDR.CS ID map info.ROC");
                entries.add(new SrtpCsEntry(policyNo, ssrc, roc));
            }
        } else if (csCount != 0) {
            throw in.malformedAt(csCountOffset, "HDR.#CS", "CS ID map type " + mapType + " with " + csCount
                    + " crypto sessions: only an SRTP-ID (0) map info can be read; other map types need #CS 0");
        }
        var header = new CommonHeader(CommonHeader.VERSION, dataType, (vPrf & 0x80) != 0, prf, csbId, mapType, entries);
        return new Read(header, next, nextOffset);
    }

    static void encode(CommonHeader h, int nextPayload, WireWriter out) {
        out.u8(h.version()).u8(h.dataType().code()).u8(nextPayload)
                .u8((h.vFlag() ? 0x80 : 0) | h.prfFunction().code())
                .u32(h.csbId().unsignedValue())
                .u8(h.csCount()).u8(h.csIdMapType().code());
        for (SrtpCsEntry e : h.srtpCsEntries()) {
            out.u8(e.policyNo()).u32(e.ssrc()).u32(e.roc());
        }
    }
}
