package org.mbmskeys.mbms.keymanagement.xml;

import java.util.List;
import org.mbmskeys.engine.bytes.Bytes;
import org.mbmskeys.mbms.keymanagement.ItemStatus;

/**
 * The body of a 200 answer to a key management request: one status code per item of the request (TS 33.246
 * §6.3.2.4). {@link RegisterResponse} answers registration and deregistration, {@link MskResponse} an MSK
 * request.
 */
public sealed interface KeyManagementResponseBody permits RegisterResponse, MskResponse {

    /** The status codes, one per item, in body order. */
    List<ItemStatus> codes();

    /** The UTF-8 XML body. */
    Bytes toXml();
}
