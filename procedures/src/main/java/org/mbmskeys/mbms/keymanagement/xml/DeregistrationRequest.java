package org.mbmskeys.mbms.keymanagement.xml;

import java.util.List;
import java.util.Optional;
import org.mbmskeys.engine.bytes.Bytes;

/**
 * The body of a deregistration request (TS 33.246 §6.3.2.1B, G.2.2; format TS 26.346 §11.5, media type
 * {@code application/mbms-deregister+xml}): the MBMS User Service IDs, one or more, in order.
 *
 * <pre>{@code
 * <?xml version="1.0" encoding="UTF-8"?>
 * <mbmsSecurityDeregister xmlns="urn:3GPP:metadata:2005:MBMS:securityDeregistration">
 *   <serviceID>urn:3gpp:mbms:example:service:1</serviceID>
 * </mbmsSecurityDeregister>
 * }</pre>
 *
 * @param serviceIds 1 to 256 service IDs (the {@code serviceId} of each User Service Description)
 */
public record DeregistrationRequest(List<String> serviceIds) {

    /** @throws IllegalArgumentException for no or more than 256 IDs, or a blank or control-character ID */
    public DeregistrationRequest {
        serviceIds = ServiceIds.requireItems("serviceIds", serviceIds);
        serviceIds.forEach(ServiceIds::require);
    }

    /** One or more service IDs. */
    public static DeregistrationRequest of(String serviceId, String... more) {
        return new DeregistrationRequest(Lists.of(serviceId, more));
    }

    /** The UTF-8 XML body. */
    public Bytes toXml() {
        return XmlBodies.write(BodyType.DEREGISTER, w -> {
            for (String id : serviceIds) {
                w.text("serviceID", id);
            }
        });
    }

    /**
     * Reads a body as the BM-SC receives it.
     *
     * @throws MalformedBodyException with the first problem: NOT_XML, DOCTYPE, TOO_LARGE, SCHEMA, EMPTY_LIST, BAD_ID
     */
    public static DeregistrationRequest parse(Bytes body) {
        return parse(body, Optional.empty());
    }

    /**
     * {@link #parse(Bytes)} for a body whose Content-Type has a charset parameter ({@link BodyCharset#of}), which
     * decides its encoding unless it starts with a byte order mark (RFC 7303 §3.2).
     */
    public static DeregistrationRequest parse(Bytes body, Optional<String> charset) {
        var root = XmlBodies.read(body, BodyType.DEREGISTER, charset);
        return new DeregistrationRequest(ServiceIds.read(XmlBodies.children(root, BodyType.DEREGISTER.namespace, "serviceID")));
    }
}
