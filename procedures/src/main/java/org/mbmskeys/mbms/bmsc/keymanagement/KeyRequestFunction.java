package org.mbmskeys.mbms.bmsc.keymanagement;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.mbmskeys.engine.bytes.Bytes;
import org.mbmskeys.engine.spi.HttpHeaders;
import org.mbmskeys.engine.spi.HttpRequestMessage;
import org.mbmskeys.engine.spi.HttpResponseMessage;
import org.mbmskeys.mbms.digest.DigestChallenge;
import org.mbmskeys.mbms.digest.DigestFailure;
import org.mbmskeys.mbms.digest.DigestRealm;
import org.mbmskeys.mbms.digest.DigestVerification;
import org.mbmskeys.mbms.digest.DigestVerifier;
import org.mbmskeys.mbms.keymanagement.GbaUserAgent;
import org.mbmskeys.mbms.keymanagement.ItemStatus;
import org.mbmskeys.mbms.keymanagement.KeyManagementRequest;
import org.mbmskeys.mbms.keymanagement.MikeyPortParameter;
import org.mbmskeys.mbms.keymanagement.RetryAfter;
import org.mbmskeys.mbms.keymanagement.xml.BodyCharset;
import org.mbmskeys.mbms.keymanagement.xml.DeregistrationRequest;
import org.mbmskeys.mbms.keymanagement.xml.KeyManagementResponseBody;
import org.mbmskeys.mbms.keymanagement.xml.MalformedBodyException;
import org.mbmskeys.mbms.keymanagement.xml.MskRequestBody;
import org.mbmskeys.mbms.keymanagement.xml.MskResponse;
import org.mbmskeys.mbms.keymanagement.xml.MskStatus;
import org.mbmskeys.mbms.keymanagement.xml.RegisterResponse;
import org.mbmskeys.mbms.keymanagement.xml.RegistrationRequest;
import org.mbmskeys.mbms.keymanagement.xml.ServiceStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The BM-SC's Key Request Function for HTTP key management (TS 33.246 §6.3.2.1A, §6.3.2.1B,
 * §6.3.2.2.1, Annex G, Annex H steps 2, 6 and 7), without a transport: it reads one
 * {@link HttpRequestMessage} into an authenticated {@link KeyManagementCall} or a ready refusal, and
 * builds the 200 answer once the caller has decided each item. Whether a UE may register to a service or
 * receive an MSK is not decided here: the caller passes a status per item.
 *
 * <p>Checks, in order, first failure answers (table G.2.4-1):
 * <ol>
 *   <li>version other than HTTP/1.1: 505;</li>
 *   <li>Request-URI not {@code /keymanagement} with one known {@code requesttype} (other parameters are
 *       allowed, G.2): 404;</li>
 *   <li>method other than POST: 405 with {@code Allow: POST};</li>
 *   <li>no {@code Authorization}: 401 with a challenge if the User-Agent carries {@code 3gpp-gba} or
 *       {@code 3gpp-gba-uicc} (Annex H step 2), else 403; always in the realm {@code 3GPP-bootstrapping@<FQDN>},
 *       since the password is the ME-based MRK under GBA_ME and GBA_U alike (TS 24.109 §5.2.2.1);</li>
 *   <li>Digest ({@link DigestVerifier}: realm, uri, nonce, nonce-count, response over the body under
 *       auth-int): 401 with fresh challenges, {@code stale=true} after an expired nonce;</li>
 *   <li>Content-Type other than the request type's (case ignored; of its parameters only {@code charset} is read, as
 *       the body's encoding unless it starts with a byte order mark, RFC 7303 §3.2): 400. 415 would be the
 *       HTTP answer, but G.2.4 lists 406–417 as "not used by BM-SC", and 400 is its "request missing or
 *       malformed";</li>
 *   <li>body not the TS 26.346 format (see {@code keymanagement.xml}): 400.</li>
 * </ol>
 * Authentication comes before the body is read, so an unauthenticated peer never gets the XML parser's
 * attention. Refusals are logged at debug.
 *
 * <pre>{@code
 * KeyRequestFunction krf = new KeyRequestFunction(verifier, DigestRealm.bootstrapping("bmsc.home1.net"));
 * KeyManagementInbound in = krf.receive(request);
 * if (in instanceof KeyManagementInbound.Refused r) {
 *     reply(r.response());
 * } else {
 *     KeyManagementCall call = (KeyManagementCall) in;
 *     reply(krf.answer(call, decide(call)));                 // one ItemStatus per item, in request order
 * }
 * }</pre>
 */
public final class KeyRequestFunction {

    private static final Logger LOG = LoggerFactory.getLogger(KeyRequestFunction.class);

    private final DigestVerifier verifier;
    private final DigestRealm realm;

    /**
     * @param verifier Digest verification (its realms must include {@code realm})
     * @param realm    the realm challenged: {@code 3GPP-bootstrapping@<BM-SC FQDN>}
     */
    public KeyRequestFunction(DigestVerifier verifier, DigestRealm realm) {
        this.verifier = Objects.requireNonNull(verifier, "verifier");
        this.realm = Objects.requireNonNull(realm, "realm");
        verifier.challenges(realm).size(); // fails now, not at the first UE, when the verifier lacks the realm
    }

    /** Reads one request. Never throws for bad input: that is a {@link KeyManagementInbound.Refused}. */
    public KeyManagementInbound receive(HttpRequestMessage request) {
        Objects.requireNonNull(request, "request");
        if (!request.version().equals(HttpRequestMessage.HTTP_1_1)) {
            return refuse(RefusalReason.HTTP_VERSION, "version " + request.version() + "; key management is HTTP/1.1");
        }
        Optional<KeyManagementRequest> parsed = KeyManagementRequest.parse(request.target());
        if (parsed.isEmpty()) {
            return refuse(RefusalReason.NOT_FOUND, "Request-URI '" + clip(request.target()) + "' is not "
                    + KeyManagementRequest.PATH + "?" + KeyManagementRequest.REQUEST_TYPE_PARAMETER
                    + "=register|deregister|msk-request");
        }
        KeyManagementRequest type = parsed.get();
        if (!request.method().equals(KeyManagementRequest.METHOD)) {
            return refuse(RefusalReason.METHOD, "method " + clip(request.method()) + "; only POST is allowed");
        }
        Optional<String> authorization = request.header("Authorization");
        if (authorization.isEmpty()) {
            return firstContact(request);
        }
        DigestVerification verification = verifier.verify(request.method(), request.target(), request.body(),
                authorization.get());
        if (verification instanceof DigestVerification.Rejected rejected) {
            return unauthenticated(rejected.failure(), rejected.detail(), rejected.challenges());
        }
        DigestVerification.Accepted accepted = (DigestVerification.Accepted) verification;
        String contentType = request.header("Content-Type").orElse("");
        if (!mediaType(contentType).equals(type.requestMediaType())) {
            accepted.discard();
            return refuse(RefusalReason.MEDIA_TYPE, "Content-Type '" + clip(contentType) + "' for requesttype="
                    + type.requestType() + "; expected " + type.requestMediaType());
        }
        Optional<String> charset = BodyCharset.of(contentType);
        try {
            return switch (type) {
                case REGISTER -> register(request, accepted, charset);
                case DEREGISTER -> new KeyManagementCall.Deregister(DeregistrationRequest.parse(request.body(), charset),
                        accepted);
                case MSK_REQUEST -> new KeyManagementCall.MskRequest(MskRequestBody.parse(request.body(), charset), accepted);
            };
        } catch (MalformedBodyException e) {
            accepted.discard();
            return refuse(RefusalReason.BODY, e.getMessage());
        }
    }

    private KeyManagementInbound register(HttpRequestMessage request, DigestVerification.Accepted accepted,
                                          Optional<String> charset) {
        OptionalInt mikeyPort;
        try {
            mikeyPort = MikeyPortParameter.read(request.target());
        } catch (IllegalArgumentException e) {
            accepted.discard();
            return refuse(RefusalReason.MIKEY_PORT, e.getMessage());
        }
        return new KeyManagementCall.Register(RegistrationRequest.parse(request.body(), charset), accepted, mikeyPort);
    }

    private KeyManagementInbound firstContact(HttpRequestMessage request) {
        Optional<String> userAgent = request.header("User-Agent");
        if (!GbaUserAgent.announcesGba(userAgent.orElse(null))) {
            return refuse(RefusalReason.NO_GBA, "no Authorization, and the User-Agent '" + clip(userAgent.orElse(""))
                    + "' does not carry " + GbaUserAgent.TOKEN + "; key management needs GBA-based Digest");
        }
        return unauthenticated(DigestFailure.NO_AUTHORIZATION, "first request; challenged in realm " + realm,
                verifier.challenges(realm));
    }

    private static KeyManagementInbound unauthenticated(DigestFailure failure, String detail,
                                                        List<DigestChallenge> challenges) {
        HttpHeaders headers = HttpHeaders.empty();
        for (DigestChallenge c : challenges) {
            headers = headers.with("WWW-Authenticate", c.toHeaderValue());
        }
        LOG.debug("key management request refused: {} {}: {}", RefusalReason.UNAUTHENTICATED, failure, detail);
        return new KeyManagementInbound.Refused(empty(401, headers), RefusalReason.UNAUTHENTICATED,
                Optional.of(failure), failure + ": " + detail);
    }

    private static KeyManagementInbound refuse(RefusalReason reason, String detail) {
        LOG.debug("key management request refused: {}: {}", reason, detail);
        HttpHeaders headers = reason == RefusalReason.METHOD ? HttpHeaders.of("Allow", KeyManagementRequest.METHOD)
                : HttpHeaders.empty();
        return new KeyManagementInbound.Refused(empty(reason.status(), headers), reason, Optional.empty(), detail);
    }

    /**
     * The 200 answer to {@code call} (§6.3.2.4): one status per item, in the order of the request, in the
     * TS 26.346 answer body, with the answer media type and an {@code Authentication-Info} whose
     * {@code rspauth} covers that body (auth-int) and which brings a {@code nextnonce}. Wipes the call's HA1.
     *
     * @param statuses one per item, each a 2xx or an error the BM-SC may use (table G.2.4-1), e.g.
     *                 {@link ItemStatus#FORBIDDEN} for a service the UE may not register to
     * @throws IllegalArgumentException if the count differs from the items, or a code is one the BM-SC does not use
     * @throws IllegalStateException    if the call was already answered or refused
     */
    public HttpResponseMessage answer(KeyManagementCall call, List<ItemStatus> statuses) {
        Objects.requireNonNull(call, "call");
        Objects.requireNonNull(statuses, "statuses");
        if (statuses.size() != call.itemCount()) {
            throw new IllegalArgumentException("the " + call.type().requestType() + " request lists " + call.itemCount()
                    + " items; give one status each, got " + statuses.size());
        }
        for (ItemStatus s : statuses) {
            if (!s.usedByBmsc()) {
                throw new IllegalArgumentException("status " + s + " is not a BM-SC key management answer (TS 33.246 "
                        + "table G.2.4-1); use a 2xx or 400, 401, 403, 404, 405, 501, 503, 504, 505");
            }
        }
        KeyManagementResponseBody body;
        if (call instanceof KeyManagementCall.Register r) {
            body = services(r.body().serviceIds(), statuses);
        } else if (call instanceof KeyManagementCall.Deregister d) {
            body = services(d.body().serviceIds(), statuses);
        } else {
            body = msks((KeyManagementCall.MskRequest) call, statuses);
        }
        Bytes xml = body.toXml();
        String authenticationInfo = call.authentication().authenticationInfo(xml).toHeaderValue();
        HttpHeaders headers = HttpHeaders.of(
                "Content-Type", call.type().responseMediaType(),
                "Content-Length", Integer.toString(xml.length()),
                "Authentication-Info", authenticationInfo);
        return new HttpResponseMessage(200, ItemStatus.OK.reasonPhrase(), headers, xml);
    }

    private static RegisterResponse services(List<String> ids, List<ItemStatus> statuses) {
        List<ServiceStatus> out = new ArrayList<>(ids.size());
        for (int i = 0; i < ids.size(); i++) {
            out.add(new ServiceStatus(ids.get(i), statuses.get(i)));
        }
        return new RegisterResponse(out);
    }

    private static MskResponse msks(KeyManagementCall.MskRequest call, List<ItemStatus> statuses) {
        List<MskStatus> out = new ArrayList<>(statuses.size());
        for (int i = 0; i < statuses.size(); i++) {
            out.add(new MskStatus(call.body().msks().get(i), statuses.get(i)));
        }
        return new MskResponse(out);
    }

    /**
     * An error answer for the whole of an authenticated request (§6.3.2.4: the status line says whether the
     * request as a whole was processed), e.g. 503 with {@code Retry-After} when the BM-SC is overloaded, 504
     * when the BSF did not answer over Zn, 403 for unacceptable parameters, 501. No body, no
     * {@code Authentication-Info}; wipes the call's HA1.
     *
     * @param retryAfter the wait to announce; only with 503
     * @throws IllegalArgumentException for a success, 401 (challenges come from {@link #receive}), a code the
     *                                  BM-SC does not use, or a Retry-After with another code than 503
     */
    public HttpResponseMessage refuse(KeyManagementCall call, ItemStatus status, Optional<Duration> retryAfter) {
        Objects.requireNonNull(call, "call");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(retryAfter, "retryAfter");
        if (status.isSuccess() || status.code() == 401 || !status.usedByBmsc()) {
            throw new IllegalArgumentException("status " + status + " cannot refuse a whole authenticated request; use "
                    + "400, 403, 404, 405, 501, 503, 504 or 505 (TS 33.246 table G.2.4-1)");
        }
        if (retryAfter.isPresent() && status.code() != 503) {
            throw new IllegalArgumentException("Retry-After goes with 503 only (table G.2.4-1), not " + status);
        }
        call.authentication().discard();
        HttpHeaders headers = retryAfter.map(d -> HttpHeaders.of(RetryAfter.HEADER, RetryAfter.format(d)))
                .orElse(HttpHeaders.empty());
        LOG.debug("key management {} of {} refused as a whole: {}", call.type().requestType(), call.btid(), status);
        return empty(status.code(), headers);
    }

    /**
     * The Bootstrapping Renegotiation Request answering an authenticated request whose bootstrapped key the BM-SC
     * no longer takes (TS 33.246 §6.3.2.2.4: the BM-SC's MUK lifetime ran out; TS 33.220 §4.5.3): 401 with fresh
     * Digest challenges in the realm the UE authenticated in, as the first challenge of Annex H step 2, so that
     * the UE runs GBA again and sends the request once more under its new B-TID. Nothing of the request is
     * processed; wipes the call's HA1.
     *
     * @throws IllegalStateException if the call was already answered or refused
     */
    public HttpResponseMessage renegotiate(KeyManagementCall call) {
        Objects.requireNonNull(call, "call");
        DigestRealm realm = call.authentication().realm();
        call.authentication().discard();
        HttpHeaders headers = HttpHeaders.empty();
        for (DigestChallenge c : verifier.challenges(realm)) {
            headers = headers.with("WWW-Authenticate", c.toHeaderValue());
        }
        LOG.debug("key management {} of {}: bootstrapping renegotiation requested", call.type().requestType(), call.btid());
        return empty(401, headers);
    }

    private static HttpResponseMessage empty(int status, HttpHeaders headers) {
        return new HttpResponseMessage(status, ItemStatus.received(status).reasonPhrase(),
                headers.with("Content-Length", "0"), Bytes.empty());
    }

    private static String mediaType(String contentType) {
        return contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
    }

    private static String clip(String text) {
        return text.length() <= 48 ? text : text.substring(0, 48) + "...";
    }

    @Override
    public String toString() {
        return "KeyRequestFunction[" + realm + ", " + verifier + "]";
    }
}
