package org.mbmskeys.mbms.ue.keymanagement;

import java.util.Objects;
import java.util.Optional;
import org.mbmskeys.engine.bytes.Bytes;
import org.mbmskeys.engine.spi.HttpRequestMessage;
import org.mbmskeys.mbms.digest.DigestAuthorization;
import org.mbmskeys.mbms.keymanagement.KeyManagementRequest;

/**
 * One key management POST as the UE sent it, kept to read the answer
 * ({@link KeyManagementClient#interpret}) or to send the same request again
 * ({@link KeyManagementClient#resend}). Holds no secret: the Digest {@code response} is a hash.
 *
 * @param type          which of the three Annex G requests
 * @param body          the XML body, exactly as sent (auth-int covers these bytes)
 * @param request       the whole HTTP request
 * @param authorization the Digest credentials sent with it; empty for a first request without a nonce
 */
public record KeyManagementExchange(KeyManagementRequest type, Bytes body, HttpRequestMessage request,
                                    Optional<DigestAuthorization> authorization) {

    public KeyManagementExchange {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(authorization, "authorization");
    }
}
