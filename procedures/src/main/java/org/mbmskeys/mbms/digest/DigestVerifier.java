package org.mbmskeys.mbms.digest;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.mbmskeys.engine.bytes.Bytes;
import org.mbmskeys.engine.bytes.SecretBytes;
import org.mbmskeys.engine.spi.RandomBytes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The BM-SC side of HTTP Digest with GBA keys (TS 33.246 §6.2.1.3, Annex H; RFC 7616, RFC 2617): issues
 * challenges, verifies {@code Authorization} headers and produces {@code Authentication-Info}.
 * Thread-safe; one instance serves all requests.
 *
 * <p>Challenges: by default exactly one, as TS 33.246 Annex H step 2 shows it: {@code algorithm=MD5}
 * (RFC 2617, the normative Digest reference of §6.2.1.3), {@code qop="auth-int"} ("by default
 * "auth-int""), in the realm {@code 3GPP-bootstrapping@<BM-SC FQDN>}. SHA-256 is offered only when
 * {@link Builder#offerSha256 enabled}, then first, before MD5 (RFC 7616 §3.7 preference order); qop
 * {@code auth} is added when {@link Builder#allowQopAuth allowed}; a fixed
 * {@code opaque}; a {@link SelfValidatingNonces self-validating nonce} bound to the realm, so nothing is
 * stored until a nonce is used.
 *
 * <p>Verification order, first failure wins:
 * <ol>
 *   <li>no header: {@link DigestFailure#NO_AUTHORIZATION}; bad syntax: {@link DigestFailure#MALFORMED};</li>
 *   <li>realm, algorithm, qop, uri (must name the request-URI's resource, {@link DigestUri}): the matching *_MISMATCH /
 *       UNSUPPORTED_* failure;</li>
 *   <li>opaque, with a nonce issued here: {@link DigestFailure#OPAQUE_MISMATCH} (with a nonce of another server the
 *       opaque of its challenge is not this one's either);</li>
 *   <li>response algorithm other than the one the nonce was issued with: {@link DigestFailure#ALGORITHM_MISMATCH}
 *       (logged at info);</li>
 *   <li>no password for the username (B-TID): {@link DigestFailure#UNKNOWN_USER};</li>
 *   <li>response digest wrong (password, method, uri or auth-int body): {@link DigestFailure#WRONG_RESPONSE};</li>
 *   <li>either of the two above with a nonce not issued here, or not in the exact base64 form issued:
 *       {@link DigestFailure#INVALID_NONCE} instead;</li>
 *   <li>a nonce not issued here (a BM-SC restarted with a new secret, another node without the shared one) or
 *       older than its lifetime: {@link DigestFailure#STALE_NONCE} — only after a correct response over it,
 *       as RFC 2617 §3.2.1 and RFC 7616 §3.3 ask, so {@code stale=true} tells the client its password is right
 *       and it repeats with the new nonce rather than bootstrapping again;</li>
 *   <li>nc accepted with this nonce before, or too far below the highest ({@link NonceCountWindow}):
 *       {@link DigestFailure#NONCE_COUNT_REPLAY}.</li>
 * </ol>
 *
 * <pre>{@code
 * DigestVerifier verifier = DigestVerifier.builder()
 *         .realms(DigestRealm.bootstrapping("bmsc.example.org"))
 *         .serverSecret(secret)                      // >= 32 bytes, the same on every BM-SC node
 *         .credentials((btid, realm) -> mrkStore.mrk(btid, realm).map(MrkDigestPassword::derive))
 *         .clock(clock)
 *         .build();
 * }</pre>
 */
public final class DigestVerifier {

    private static final Logger LOG = LoggerFactory.getLogger(DigestVerifier.class);

    private final Map<String, DigestRealm> realms;
    private final DigestRealm defaultRealm;
    private final DigestCredentials credentials;
    private final NonceAuthority nonces;
    private final NonceCounts nonceCounts;
    private final InstantSource clock;
    private final List<DigestAlgorithm> algorithms;
    private final List<Qop> qops;
    private final Optional<String> opaque;

    private DigestVerifier(Builder b, NonceAuthority nonces, Optional<String> opaque) {
        this.realms = new LinkedHashMap<>();
        for (DigestRealm r : b.realms) {
            realms.put(r.value(), r);
        }
        this.defaultRealm = b.realms.get(0);
        this.credentials = b.credentials;
        this.nonces = nonces;
        this.nonceCounts = b.nonceCounts != null ? b.nonceCounts : NonceCounts.inMemory(b.maxTrackedNonces);
        this.clock = b.clock;
        this.algorithms = Boolean.TRUE.equals(b.offerSha256)
                ? List.of(DigestAlgorithm.SHA_256, DigestAlgorithm.MD5) : List.of(DigestAlgorithm.MD5);
        this.qops = Boolean.TRUE.equals(b.allowQopAuth) ? List.of(Qop.AUTH_INT, Qop.AUTH) : List.of(Qop.AUTH_INT);
        this.opaque = opaque;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Fresh challenges for a 401 in {@code realm}, most preferred first (one {@code WWW-Authenticate}
     * header each).
     *
     * @throws IllegalArgumentException if {@code realm} is not one of this verifier's realms
     */
    public List<DigestChallenge> challenges(DigestRealm realm) {
        if (!realms.containsKey(realm.value())) {
            throw new IllegalArgumentException("realm '" + realm + "' is not protected by this verifier; use one of "
                    + realms.keySet());
        }
        return challenges(realm, false);
    }

    private List<DigestChallenge> challenges(DigestRealm realm, boolean stale) {
        List<DigestChallenge> out = new ArrayList<>(algorithms.size());
        for (DigestAlgorithm a : algorithms) {
            out.add(new DigestChallenge(realm.value(), nonces.issue(realm, a), opaque, a, qops, stale));
        }
        return out;
    }

    /**
     * Verifies one request.
     *
     * @param method        the request method, e.g. {@code POST}
     * @param requestUri    the request-target as received, e.g. {@code /keymanagement?requesttype=register};
     *                      the {@code uri} parameter must name the same resource (equal, or the same path and query
     *                      with one in the absolute form naming this BM-SC: {@link DigestUri})
     * @param body          the request body ({@link Bytes#empty()} for none); authenticated under auth-int
     * @param authorization the {@code Authorization} header value, or {@code null} if absent
     * @return never null; bad input is a {@link DigestVerification.Rejected}, never an exception. Its
     *         challenges are for the request's realm when this verifier serves it, else for the first realm
     * @throws IllegalArgumentException if {@code method} is not an HTTP token (a caller bug)
     */
    public DigestVerification verify(String method, String requestUri, Bytes body, String authorization) {
        HeaderText.requireToken("method", method);
        Objects.requireNonNull(requestUri, "requestUri");
        Objects.requireNonNull(body, "body (use Bytes.empty() for none)");
        if (authorization == null || authorization.isBlank()) {
            return reject(DigestFailure.NO_AUTHORIZATION, "the request has no Authorization header", defaultRealm);
        }
        DigestAuthorization a;
        try {
            a = DigestAuthorization.parse(authorization);
        } catch (DigestException e) {
            return reject(e.failure(), e.getMessage(), defaultRealm);
        }
        DigestRealm realm = realms.get(a.realm());
        if (realm == null) {
            return reject(DigestFailure.REALM_MISMATCH, "realm '" + a.realm() + "' is not protected here; expected one of "
                    + realms.keySet(), defaultRealm);
        }
        if (!algorithms.contains(a.algorithm())) {
            return reject(DigestFailure.UNSUPPORTED_ALGORITHM, "algorithm " + a.algorithm().token()
                    + " is not offered here; offered: " + tokens(algorithms), realm);
        }
        if (!qops.contains(a.qop())) {
            return reject(DigestFailure.UNSUPPORTED_QOP, "qop " + a.qop().token() + " is not allowed here; allowed: "
                    + qopTokens(), realm);
        }
        if (!DigestUri.sameResource(a.uri(), requestUri, realm)) {
            return reject(DigestFailure.URI_MISMATCH, "uri parameter '" + a.uri() + "' names another resource than the "
                    + "request-URI '" + requestUri + "'", realm);
        }
        NonceCheck nonce = nonces.check(a.nonce(), realm);
        // A nonce not issued here (by a BM-SC process before a restart, or another node without the shared secret)
        // is still checked for a digest that verifies over it: the credentials are then right, and RFC 2617 §3.2.1
        // answers with stale=true, so that the UE repeats with the new nonce instead of taking its B-TID for invalid
        // and bootstrapping again. Such a challenge had its own opaque too (the default derives from the secret).
        boolean foreign = nonce.verdict() == NonceCheck.Verdict.INVALID;
        if (!foreign && !a.opaque().equals(opaque)) {
            return reject(DigestFailure.OPAQUE_MISMATCH, "opaque " + (a.opaque().isPresent() ? "differs from" : "is missing; send")
                    + " the value of the challenge", realm);
        }
        if (nonce.algorithm().isPresent() && nonce.algorithm().get() != a.algorithm()) {
            return reject(DigestFailure.ALGORITHM_MISMATCH, "the response uses algorithm " + a.algorithm().token()
                    + " but its nonce was issued in a " + nonce.algorithm().get().token() + " challenge; answer "
                    + "each challenge with its own algorithm", realm);
        }
        Optional<SecretBytes> password = credentials.password(a.username(), realm);
        if (password.isEmpty()) {
            if (foreign) {
                return reject(DigestFailure.INVALID_NONCE, nonce.detail(), realm);
            }
            return reject(DigestFailure.UNKNOWN_USER, "no credentials for username '" + a.username() + "' in realm "
                    + realm + " (unknown or expired bootstrapping)", realm);
        }
        SecretBytes ha1;
        try {
            ha1 = DigestMath.ha1(a.algorithm(), a.username(), a.realm(), password.get());
        } finally {
            // HA1 is all the verifier needs from here on; the password leaves no copy behind.
            password.get().destroy();
        }
        // over the uri as signed (RFC 2617 §3.2.2.2), which may be the request-URI in another form
        String ha2 = DigestMath.ha2(a.algorithm(), method, a.uri(), a.qop(), body);
        String expected = DigestMath.response(a.algorithm(), ha1, a.nonce(), a.nc(), a.cnonce(), a.qop(), ha2);
        if (!DigestMath.sameDigest(expected, a.response())) {
            ha1.destroy();
            if (foreign) {
                return reject(DigestFailure.INVALID_NONCE, nonce.detail(), realm);
            }
            return reject(DigestFailure.WRONG_RESPONSE, "response for username '" + a.username() + "' does not verify: "
                    + "wrong password, or method, uri or (auth-int) body changed", realm);
        }
        if (foreign) {
            ha1.destroy();
            return reject(DigestFailure.STALE_NONCE, nonce.detail() + "; the response verifies over it, so the credentials "
                    + "are right: retry with the new nonce", realm);
        }
        if (nonce.verdict() == NonceCheck.Verdict.STALE) {
            ha1.destroy();
            return reject(DigestFailure.STALE_NONCE, nonce.detail() + "; retry with the new nonce", realm);
        }
        Instant now = clock.instant();
        return switch (nonceCounts.advance(a.nonce(), a.nc(), nonce.issuedAt(), nonce.expiresAt(), now)) {
            case ACCEPTED -> new DigestVerification.Accepted(a, realm, ha1, r -> nonces.issue(r, a.algorithm()));
            case REPLAYED -> {
                ha1.destroy();
                yield reject(DigestFailure.NONCE_COUNT_REPLAY, "nc " + NonceCount.format(a.nc())
                        + " was already accepted with this nonce, or is more than " + NonceCountWindow.WIDTH
                        + " below the highest: a replayed request", realm);
            }
            case FORGOTTEN -> {
                ha1.destroy();
                yield reject(DigestFailure.STALE_NONCE, "nonce is no longer tracked (replay memory full); "
                        + "retry with the new nonce", realm);
            }
        };
    }

    private DigestVerification.Rejected reject(DigestFailure failure, String detail, DigestRealm realm) {
        LOG.debug("Digest request rejected: {}: {}", failure, detail);
        return new DigestVerification.Rejected(failure, detail, challenges(realm, failure == DigestFailure.STALE_NONCE));
    }

    private static String tokens(List<DigestAlgorithm> algorithms) {
        return String.join(", ", algorithms.stream().map(DigestAlgorithm::token).toList());
    }

    private String qopTokens() {
        return String.join(", ", qops.stream().map(Qop::token).toList());
    }

    @Override
    public String toString() {
        return "DigestVerifier[realms=" + realms.keySet() + ", algorithms=" + tokens(algorithms) + ", qop=" + qopTokens()
                + "]";
    }

    /**
     * Configures a {@link DigestVerifier}. Each setting may be set once; {@link #build()} names what is
     * missing. Required: {@link #realms}, {@link #serverSecret}, {@link #credentials}.
     */
    public static final class Builder {

        private List<DigestRealm> realms;
        private SecretBytes serverSecret;
        private DigestCredentials credentials;
        private InstantSource clock;
        private RandomBytes random;
        private Duration nonceLifetime;
        private Boolean allowQopAuth;
        private Boolean offerSha256;
        private String opaque;
        private Integer maxTrackedNonces;
        private NonceCounts nonceCounts;
        private NonceAuthority nonceAuthority;

        private Builder() {
        }

        /** The realms served; the first is used when a request names none of them. */
        public Builder realms(DigestRealm first, DigestRealm... more) {
            requireUnset(realms, "realms");
            List<DigestRealm> all = new ArrayList<>();
            all.add(Objects.requireNonNull(first, "first"));
            all.addAll(Arrays.asList(more));
            if (all.stream().map(DigestRealm::value).distinct().count() != all.size()) {
                throw new IllegalArgumentException("realms lists a realm twice: " + all);
            }
            realms = List.copyOf(all);
            return this;
        }

        /**
         * The HMAC-SHA-256 key of the self-validating nonces, at least 32 bytes, shared by every BM-SC node
         * that must accept the others' nonces. The verifier keeps its own copy.
         */
        public Builder serverSecret(SecretBytes secret) {
            requireUnset(serverSecret, "serverSecret");
            if (secret.length() < 32) {
                throw new IllegalArgumentException("serverSecret must be at least 32 bytes (HMAC-SHA-256 key), got "
                        + secret.length());
            }
            serverSecret = secret.copy();
            return this;
        }

        /** Password lookup: B-TID to base64(MRK). */
        public Builder credentials(DigestCredentials credentials) {
            requireUnset(this.credentials, "credentials");
            this.credentials = Objects.requireNonNull(credentials, "credentials");
            return this;
        }

        /** Time source for nonce ages. Default {@link InstantSource#system()}. */
        public Builder clock(InstantSource clock) {
            requireUnset(this.clock, "clock");
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** Randomness in nonces. Default {@link RandomBytes#secure()}. */
        public Builder random(RandomBytes random) {
            requireUnset(this.random, "random");
            this.random = Objects.requireNonNull(random, "random");
            return this;
        }

        /** How long a nonce may be used; older ones are answered with {@code stale=true}. Default 5 minutes. */
        public Builder nonceLifetime(Duration lifetime) {
            requireUnset(nonceLifetime, "nonceLifetime");
            if (lifetime.isNegative() || lifetime.isZero()) {
                throw new IllegalArgumentException("nonceLifetime must be positive, got " + lifetime);
            }
            nonceLifetime = lifetime;
            return this;
        }

        /** Also accept qop {@code auth} (no body protection), so stock HTTP clients work. Default false. */
        public Builder allowQopAuth(boolean allow) {
            requireUnset(allowQopAuth, "allowQopAuth");
            allowQopAuth = allow;
            return this;
        }

        /**
         * Also offer (first) and accept SHA-256 (RFC 7616). Default false: MD5 only, as TS 33.246 Annex H
         * step 2; a strict RFC 2617 UE may not understand a SHA-256 challenge.
         */
        public Builder offerSha256(boolean offer) {
            requireUnset(offerSha256, "offerSha256");
            offerSha256 = offer;
            return this;
        }

        /** The {@code opaque} value sent and required back. Default: derived from the server secret. */
        public Builder opaque(String opaque) {
            requireUnset(this.opaque, "opaque");
            this.opaque = HeaderText.requireText("opaque", opaque);
            return this;
        }

        /** Upper bound on nonces whose nonce-count is remembered (replay protection). Default 100 000. */
        public Builder maxTrackedNonces(int max) {
            requireUnset(maxTrackedNonces, "maxTrackedNonces");
            if (max < 1) {
                throw new IllegalArgumentException("maxTrackedNonces must be at least 1, got " + max);
            }
            maxTrackedNonces = max;
            return this;
        }

        /**
         * Where the highest nonce-count per nonce is kept; by default this process's memory
         * ({@link NonceCounts#inMemory}, bounded by {@link #maxTrackedNonces}). BM-SC nodes behind one address
         * share one (a database) so that a request accepted on one node is a replay on every other; they must
         * share the {@link #serverSecret} too, or a node refuses the others' nonces as invalid.
         */
        public Builder nonceCounts(NonceCounts counts) {
            requireUnset(nonceCounts, "nonceCounts");
            nonceCounts = Objects.requireNonNull(counts, "counts");
            return this;
        }

        /** Test seam: replaces the self-validating nonces (the RFC examples use fixed nonces). */
        Builder nonceAuthority(NonceAuthority authority) {
            requireUnset(nonceAuthority, "nonceAuthority");
            nonceAuthority = Objects.requireNonNull(authority, "authority");
            return this;
        }

        /** @throws IllegalStateException naming the first missing required setting */
        public DigestVerifier build() {
            if (realms == null) {
                throw new IllegalStateException("no realms set; use realms(DigestRealm.bootstrapping(bmscFqdn))");
            }
            if (credentials == null) {
                throw new IllegalStateException("no credentials set; use credentials((btid, realm) -> password)");
            }
            if (serverSecret == null && nonceAuthority == null) {
                throw new IllegalStateException("no serverSecret set; use serverSecret(SecretBytes) with at least 32 "
                        + "random bytes shared by all BM-SC nodes");
            }
            if (clock == null) {
                clock = InstantSource.system();
            }
            if (random == null) {
                random = RandomBytes.secure();
            }
            if (nonceLifetime == null) {
                nonceLifetime = Duration.ofMinutes(5);
            }
            if (maxTrackedNonces == null) {
                maxTrackedNonces = 100_000;
            }
            NonceAuthority authority = nonceAuthority != null ? nonceAuthority
                    : new SelfValidatingNonces(serverSecret, clock, random, nonceLifetime);
            Optional<String> op = opaque != null ? Optional.of(opaque)
                    : Optional.ofNullable(serverSecret).map(Builder::derivedOpaque);
            return new DigestVerifier(this, authority, op);
        }

        // Derived, not random, so all nodes sharing the secret send and accept the same value.
        private static String derivedOpaque(SecretBytes secret) {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(secret.unsafeArray(), "HmacSHA256"));
                byte[] tag = mac.doFinal("mbms-keys digest opaque".getBytes(UTF_8));
                return Base64.getEncoder().encodeToString(Arrays.copyOf(tag, 12));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("HmacSHA256 unavailable", e);
            }
        }

        private static void requireUnset(Object current, String name) {
            if (current != null) {
                throw new IllegalStateException(name + " was already set to " + current);
            }
        }
    }
}
