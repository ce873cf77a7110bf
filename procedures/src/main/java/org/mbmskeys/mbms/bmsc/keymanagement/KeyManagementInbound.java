package org.mbmskeys.mbms.bmsc.keymanagement;

import java.util.Objects;
import java.util.Optional;
import org.mbmskeys.engine.spi.HttpResponseMessage;
import org.mbmskeys.mbms.digest.DigestFailure;

/**
 * What {@link KeyRequestFunction#receive} made of one HTTP request: an authenticated
 * {@link KeyManagementCall} for the BM-SC to decide on, or a {@link Refused} request whose answer is ready.
 */
public sealed interface KeyManagementInbound permits KeyManagementCall, KeyManagementInbound.Refused {

    /**
     * The request was refused; send {@code response} as it is.
     *
     * @param response      the ready answer: 401 with challenges, 400, 403, 404, 405 or 505
     * @param reason        why
     * @param digestFailure for {@link RefusalReason#UNAUTHENTICATED}: what the Digest verifier found
     *                      ({@link DigestFailure#NO_AUTHORIZATION} for a first request)
     * @param detail        where and what, for logs; a few dozen characters of input at most, no secret
     */
    record Refused(HttpResponseMessage response, RefusalReason reason, Optional<DigestFailure> digestFailure,
                   String detail) implements KeyManagementInbound {
        public Refused {
            Objects.requireNonNull(response, "response");
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(digestFailure, "digestFailure");
            Objects.requireNonNull(detail, "detail");
        }

        /**
         * Whether this is a step of every Digest exchange rather than a refusal an operator should see: the challenge
         * to a first request (Annex H step 2) and to a nonce past its lifetime ({@code stale=true}). Wrong credentials,
         * an unknown B-TID, a replayed nonce-count and malformed requests are not.
         */
        public boolean isRoutine() {
            return reason == RefusalReason.UNAUTHENTICATED && digestFailure
                    .filter(f -> f == DigestFailure.NO_AUTHORIZATION || f == DigestFailure.STALE_NONCE).isPresent();
        }
    }
}
