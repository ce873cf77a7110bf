package org.mbmskeys.mbms.bmsc.procedure;

import java.util.Objects;
import org.mbmskeys.engine.spi.Endpoint;
import org.mbmskeys.mbms.bmsc.keymanagement.KeyManagementInbound;

/**
 * An HTTP key management request at the BM-SC's Key Request function (TS 33.246 Annex G), as a procedure
 * receives it: already read, its request line, media type and HTTP Digest checked
 * ({@link KeyManagementInbound.Refused} when any check failed), with the address it came from (where MIKEY
 * goes, §6.3.1). The procedure answers it with {@code reply}.
 *
 * @param source the request's source address and port
 * @param inbound the checked request: a call the procedure serves, or a refusal it only answers
 */
public record KeyRequestArrived(Endpoint source, KeyManagementInbound inbound) {

    public KeyRequestArrived {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(inbound, "inbound");
    }

    /** Whether the checks refused the request before any procedure rule (the procedure only answers it). */
    public boolean refused() {
        return inbound instanceof KeyManagementInbound.Refused;
    }
}
