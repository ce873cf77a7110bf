package org.mbmskeys.mbms.keymanagement.xml;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.mbmskeys.engine.bytes.Bytes;
import org.mbmskeys.mbms.keys.MskRef;

/**
 * The body of an MSK request (TS 33.246 §6.3.2.2.1, G.2.3; format TS 26.346 §11.6, media type
 * {@code application/mbms-msk+xml}): Key Domain ID – MSK ID pairs, one or more, in order. A Key Number of 0
 * asks for the current MSK of the Key Group (§6.3.2.2.1).
 *
 * <pre>{@code
 * <?xml version="1.0" encoding="UTF-8"?>
 * <mbmsMSKRequest xmlns="urn:3GPP:metadata:2005:MBMS:mskRequest">
 *   <MSK><keyDomainID>APEQ</keyDomainID><MSKID>AAEAAA==</MSKID></MSK>   <!-- 001-01 / 00010000 -->
 * </mbmsMSKRequest>
 * }</pre>
 *
 * @param msks 1 to 256 MSKs, none of Key Group 0
 */
public record MskRequestBody(List<MskRef> msks) {

    /** @throws IllegalArgumentException for no or more than 256 MSKs, or one in Key Group 0 */
    public MskRequestBody {
        msks = ServiceIds.requireItems("msks", msks);
        msks.forEach(MskElements::require);
    }

    /** One or more MSKs. */
    public static MskRequestBody of(MskRef msk, MskRef... more) {
        return new MskRequestBody(Lists.of(msk, more));
    }

    /** The UTF-8 XML body. */
    public Bytes toXml() {
        return XmlBodies.write(BodyType.MSK_REQUEST, w -> {
            for (MskRef msk : msks) {
                MskElements.write(w, msk);
            }
        });
    }

    /**
     * Reads a body as the BM-SC receives it.
     *
     * @throws MalformedBodyException with the first problem: NOT_XML, DOCTYPE, TOO_LARGE, SCHEMA, EMPTY_LIST, BAD_ID
     */
    public static MskRequestBody parse(Bytes body) {
        return parse(body, Optional.empty());
    }

    /**
     * {@link #parse(Bytes)} for a body whose Content-Type has a charset parameter ({@link BodyCharset#of}), which
     * decides its encoding unless it starts with a byte order mark (RFC 7303 §3.2).
     */
    public static MskRequestBody parse(Bytes body, Optional<String> charset) {
        BodyType type = BodyType.MSK_REQUEST;
        var root = XmlBodies.read(body, type, charset);
        List<MskRef> out = new ArrayList<>();
        for (var msk : XmlBodies.children(root, type.namespace, MskElements.MSK)) {
            out.add(MskElements.read(msk, type.namespace, out.size() + 1));
        }
        return new MskRequestBody(out);
    }
}
