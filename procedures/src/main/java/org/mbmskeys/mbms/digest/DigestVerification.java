package org.mbmskeys.mbms.digest;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.mbmskeys.engine.bytes.Bytes;
import org.mbmskeys.engine.bytes.SecretBytes;

/**
 * Outcome of {@link DigestVerifier#verify}: {@link Accepted} (answer 200 with
 * {@link Accepted#authenticationInfo(Bytes) Authentication-Info}) or {@link Rejected} (answer 401 with
 * {@link Rejected#wwwAuthenticate()}).
 *
 * <pre>{@code
 * DigestVerification v = verifier.verify("POST", uri, body, request.header("Authorization"));
 * if (v instanceof DigestVerification.Accepted ok) {
 *     response.header("Authentication-Info", ok.authenticationInfo(responseBody).toHeaderValue());
 * } else {
 *     ((DigestVerification.Rejected) v).wwwAuthenticate().forEach(h -> response.addHeader("WWW-Authenticate", h));
 * }
 * }</pre>
 */
public sealed interface DigestVerification permits DigestVerification.Accepted, DigestVerification.Rejected {

    /**
     * The request is authentic. Holds HA1 to compute {@code rspauth} until {@link #authenticationInfo} is
     * called (once) or {@link #discard} is, which zero it; HA1 never appears in {@link #toString()}.
     */
    final class Accepted implements DigestVerification {

        private final DigestAuthorization authorization;
        private final DigestRealm realm;
        private final SecretBytes ha1;
        private final Function<DigestRealm, String> nextNonce;

        Accepted(DigestAuthorization authorization, DigestRealm realm, SecretBytes ha1,
                 Function<DigestRealm, String> nextNonce) {
            this.authorization = authorization;
            this.realm = realm;
            this.ha1 = ha1;
            this.nextNonce = nextNonce;
        }

        /** The authenticated username: for MBMS the UE's B-TID. */
        public String username() {
            return authorization.username();
        }

        public DigestRealm realm() {
            return realm;
        }

        public DigestAlgorithm algorithm() {
            return authorization.algorithm();
        }

        /** {@link Qop#AUTH_INT} means the request body was authenticated too. */
        public Qop qop() {
            return authorization.qop();
        }

        /**
         * The {@code Authentication-Info} for the 200 response: {@code rspauth} over an empty method, the
         * request's uri and, for auth-int, {@code responseBody} (RFC 2617 §3.2.3), plus qop, cnonce, nc
         * and a fresh {@code nextnonce}. Call it once, when the response body is known: it zeroes HA1.
         *
         * @throws IllegalStateException if it was already called, or {@link #discard} was
         */
        public AuthenticationInfo authenticationInfo(Bytes responseBody) {
            Objects.requireNonNull(responseBody, "responseBody (use Bytes.empty() for none)");
            if (ha1.isDestroyed()) {
                throw new IllegalStateException("Authentication-Info of this request was already produced (or the "
                        + "acceptance discarded); it is computed once per response");
            }
            DigestAuthorization a = authorization;
            try {
                String ha2 = DigestMath.ha2(a.algorithm(), "", a.uri(), a.qop(), responseBody);
                String rspauth = DigestMath.response(a.algorithm(), ha1, a.nonce(), a.nc(), a.cnonce(), a.qop(), ha2);
                return new AuthenticationInfo(a.qop(), rspauth, a.cnonce(), a.nc(), Optional.of(nextNonce.apply(realm)));
            } finally {
                ha1.destroy();
            }
        }

        /** Zeroes HA1 when no {@code Authentication-Info} will be sent. Idempotent. */
        public void discard() {
            ha1.destroy();
        }

        @Override
        public String toString() {
            return "Accepted[username=" + username() + ", realm=" + realm + ", algorithm=" + algorithm().token()
                    + ", qop=" + qop().token() + ", nc=" + NonceCount.format(authorization.nc()) + "]";
        }
    }

    /**
     * The request is not authenticated.
     *
     * @param failure    why
     * @param detail     where and what, for logs; never a password
     * @param challenges fresh challenges for the 401, {@code stale=true} when {@code failure} is
     *                   {@link DigestFailure#STALE_NONCE}
     */
    record Rejected(DigestFailure failure, String detail, List<DigestChallenge> challenges)
            implements DigestVerification {

        public Rejected {
            Objects.requireNonNull(failure, "failure");
            Objects.requireNonNull(detail, "detail");
            challenges = List.copyOf(challenges);
        }

        /** The {@code WWW-Authenticate} header values, one per challenge, in preference order. */
        public List<String> wwwAuthenticate() {
            return challenges.stream().map(DigestChallenge::toHeaderValue).toList();
        }
    }
}
