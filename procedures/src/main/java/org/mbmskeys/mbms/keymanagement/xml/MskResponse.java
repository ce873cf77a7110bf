package org.mbmskeys.mbms.keymanagement.xml;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.mbmskeys.engine.bytes.Bytes;
import org.mbmskeys.mbms.keymanagement.ItemStatus;

/**
 * The body of the 200 answer to an MSK request (TS 33.246 §6.3.2.2.1, §6.3.2.4; format TS 26.346 §11.8,
 * media type {@code application/mbms-msk-response+xml}): one status code per Key Domain ID – MSK ID pair.
 * The MSKs themselves follow by MIKEY (§6.3.2.3), never in this body.
 *
 * <pre>{@code
 * <?xml version="1.0" encoding="UTF-8"?>
 * <mbmsMSKResponse xmlns="urn:3GPP:metadata:2005:MBMS:mskResponse">
 *   <Response><MSK><keyDomainID>APEQ</keyDomainID><MSKID>AAEAAA==</MSKID></MSK><ResponseCode>200 OK</ResponseCode></Response>
 * </mbmsMSKResponse>
 * }</pre>
 *
 * @param msks 1 to 256 MSK statuses
 */
public record MskResponse(List<MskStatus> msks) implements KeyManagementResponseBody {

    private static final String RESPONSE = "Response";

    /** @throws IllegalArgumentException for no or more than 256 statuses */
    public MskResponse {
        msks = ServiceIds.requireItems("msks", msks);
    }

    /** One or more MSK statuses. */
    public static MskResponse of(MskStatus status, MskStatus... more) {
        return new MskResponse(Lists.of(status, more));
    }

    @Override
    public List<ItemStatus> codes() {
        return msks.stream().map(MskStatus::status).toList();
    }

    @Override
    public Bytes toXml() {
        return XmlBodies.write(BodyType.MSK_RESPONSE, w -> {
            for (MskStatus s : msks) {
                w.start(RESPONSE);
                MskElements.write(w, s.msk());
                w.text(ResponseCodes.ELEMENT, ResponseCodes.write(s.status()));
                w.end();
            }
        });
    }

    /**
     * Reads a body as the UE receives it.
     *
     * @throws MalformedBodyException with the first problem: NOT_XML, DOCTYPE, TOO_LARGE, SCHEMA, EMPTY_LIST,
     *                                BAD_ID, BAD_STATUS
     */
    public static MskResponse parse(Bytes body) {
        return parse(body, Optional.empty());
    }

    /**
     * {@link #parse(Bytes)} for a body whose Content-Type has a charset parameter ({@link BodyCharset#of}), which
     * decides its encoding unless it starts with a byte order mark (RFC 7303 §3.2).
     */
    public static MskResponse parse(Bytes body, Optional<String> charset) {
        BodyType type = BodyType.MSK_RESPONSE;
        var root = XmlBodies.read(body, type, charset);
        List<MskStatus> out = new ArrayList<>();
        for (var response : XmlBodies.children(root, type.namespace, RESPONSE)) {
            int index = out.size() + 1;
            var msk = MskElements.read(XmlBodies.child(response, type.namespace, MskElements.MSK), type.namespace, index);
            out.add(new MskStatus(msk, ResponseCodes.read(response, type.namespace, index)));
        }
        return new MskResponse(out);
    }
}
