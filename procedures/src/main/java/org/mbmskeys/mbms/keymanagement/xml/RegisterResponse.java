package org.mbmskeys.mbms.keymanagement.xml;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.mbmskeys.engine.bytes.Bytes;
import org.mbmskeys.mbms.keymanagement.ItemStatus;

/**
 * The body of the 200 answer to a registration or a deregistration (TS 33.246 §6.3.2.1A, §6.3.2.1B,
 * §6.3.2.4; format TS 26.346 §11.7, media type {@code application/mbms-register-response+xml} for both):
 * one status code per service ID.
 *
 * <pre>{@code
 * <?xml version="1.0" encoding="UTF-8"?>
 * <mbmsSecurityRegisterResponse xmlns="urn:3GPP:metadata:2005:MBMS:securityRegistrationResponse">
 *   <Response><serviceID>urn:3gpp:mbms:example:service:1</serviceID><ResponseCode>200 OK</ResponseCode></Response>
 *   <Response><serviceID>urn:3gpp:mbms:example:service:2</serviceID><ResponseCode>403 Forbidden</ResponseCode></Response>
 * </mbmsSecurityRegisterResponse>
 * }</pre>
 *
 * @param services 1 to 256 service statuses
 */
public record RegisterResponse(List<ServiceStatus> services) implements KeyManagementResponseBody {

    private static final String RESPONSE = "Response";
    private static final String SERVICE_ID = "serviceID";

    /** @throws IllegalArgumentException for no or more than 256 statuses */
    public RegisterResponse {
        services = ServiceIds.requireItems("services", services);
    }

    /** One or more service statuses. */
    public static RegisterResponse of(ServiceStatus status, ServiceStatus... more) {
        return new RegisterResponse(Lists.of(status, more));
    }

    @Override
    public List<ItemStatus> codes() {
        return services.stream().map(ServiceStatus::status).toList();
    }

    @Override
    public Bytes toXml() {
        return XmlBodies.write(BodyType.REGISTER_RESPONSE, w -> {
            for (ServiceStatus s : services) {
                w.start(RESPONSE);
                w.text(SERVICE_ID, s.serviceId());
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
    public static RegisterResponse parse(Bytes body) {
        return parse(body, Optional.empty());
    }

    /**
     * {@link #parse(Bytes)} for a body whose Content-Type has a charset parameter ({@link BodyCharset#of}), which
     * decides its encoding unless it starts with a byte order mark (RFC 7303 §3.2).
     */
    public static RegisterResponse parse(Bytes body, Optional<String> charset) {
        BodyType type = BodyType.REGISTER_RESPONSE;
        var root = XmlBodies.read(body, type, charset);
        List<ServiceStatus> out = new ArrayList<>();
        for (var response : XmlBodies.children(root, type.namespace, RESPONSE)) {
            int index = out.size() + 1;
            String id = ServiceIds.read(List.of(XmlBodies.child(response, type.namespace, SERVICE_ID))).get(0);
            out.add(new ServiceStatus(id, ResponseCodes.read(response, type.namespace, index)));
        }
        return new RegisterResponse(out);
    }
}
