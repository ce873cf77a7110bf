package org.mbmskeys.mbms.keymanagement.xml;

import java.util.List;
import java.util.Optional;
import org.mbmskeys.engine.bytes.Bytes;

/**
 * The body of a registration request (TS 33.246 §6.3.2.1A, G.2.1; format TS 26.346 §11.4, media type
 * {@code application/mbms-register+xml}): the MBMS User Service IDs, one or more, in order.
 *
 * <pre>{@code
 * <?xml version="1.0" encoding="UTF-8"?>
 * <mbmsSecurityRegister xmlns="urn:3GPP:metadata:2005:MBMS:securityRegistration">
 *   <serviceID>urn:3gpp:mbms:example:service:1</serviceID>
 * </mbmsSecurityRegister>
 * }</pre>
 *
 * @param serviceIds 1 to 256 service IDs (the {@code serviceId} of each User Service Description)
 */
public record RegistrationRequest(List<String> serviceIds) {

    /** @throws IllegalArgumentException for no or more than 256 IDs, or a blank or control-character ID */
    public RegistrationRequest {
        serviceIds = ServiceIds.requireItems("serviceIds", serviceIds);
        serviceIds.forEach(ServiceIds::require);
    }

    /** One or more service IDs. */
    public static RegistrationRequest of(String serviceId, String... more) {
        return new RegistrationRequest(Lists.of(serviceId, more));
    }

    /** The UTF-8 XML body. */
    public Bytes toXml() {
        return XmlBodies.write(BodyType.REGISTER, w -> {
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
    public static RegistrationRequest parse(Bytes body) {
        return parse(body, Optional.empty());
    }

    /**
     * {@link #parse(Bytes)} for a body whose Content-Type has a charset parameter ({@link BodyCharset#of}), which
     * decides its encoding unless it starts with a byte order mark (RFC 7303 §3.2).
     */
    public static RegistrationRequest parse(Bytes body, Optional<String> charset) {
        var root = XmlBodies.read(body, BodyType.REGISTER, charset);
        return new RegistrationRequest(ServiceIds.read(XmlBodies.children(root, BodyType.REGISTER.namespace, "serviceID")));
    }
}
