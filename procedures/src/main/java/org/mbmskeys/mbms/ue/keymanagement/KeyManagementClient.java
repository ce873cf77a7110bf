package org.mbmskeys.mbms.ue.keymanagement;

import java.time.InstantSource;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.mbmskeys.engine.bytes.Bytes;
import org.mbmskeys.engine.spi.HttpHeaders;
import org.mbmskeys.engine.spi.HttpRequestMessage;
import org.mbmskeys.engine.spi.HttpResponseMessage;
import org.mbmskeys.mbms.digest.DigestAuthorization;
import org.mbmskeys.mbms.digest.DigestChallenge;
import org.mbmskeys.mbms.digest.DigestClient;
import org.mbmskeys.mbms.digest.DigestException;
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
import org.mbmskeys.mbms.keymanagement.xml.RegisterResponse;
import org.mbmskeys.mbms.keymanagement.xml.RegistrationRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The UE end of one BM-SC's HTTP key management (TS 33.246 §6.3.2.1A registration, §6.3.2.1B
 * deregistration, §6.3.2.2.1 MSK request; Annex G; the flow of Annex H), without a transport: it builds
 * each POST as an {@link HttpRequestMessage} and reads the {@link HttpResponseMessage} that came back into
 * a {@link KeyManagementOutcome}. Digest (username B-TID, password base64(MRK), qop auth-int) is the
 * {@link DigestClient}'s; one client per UE and BM-SC, as the Digest state is.
 *
 * <p>Every POST carries (Annex H step 1): {@code Host}, {@code Content-Type} of the request type,
 * {@code Content-Length}, a {@code User-Agent} with {@code 3gpp-gba}, {@code Accept} with the answer
 * type(s), and {@code Authorization} when the {@code DigestClient} has a nonce (from an earlier 401 or a
 * {@code nextnonce}), so a UE that talked to the BM-SC before needs no new challenge.
 *
 * <pre>{@code
 * var client = new KeyManagementClient("bmsc.home1.net:1234", digestClient,
 *         GbaUserAgent.with("MBMSAgent; Release-6"), clock);
 * KeyManagementExchange sent = client.requestMsks(MskRequestBody.of(msk));
 * HttpResponseMessage answer = transport.exchange(sent.request());
 * if (client.interpret(sent, answer) instanceof KeyManagementOutcome.Challenged) {
 *     sent = client.resend(sent);                                        // now with Authorization
 *     answer = transport.exchange(sent.request());
 * }
 * }</pre>
 *
 * <p>Thread-safe as far as the {@code DigestClient} is; the requests of one client should not overlap,
 * since each takes the next nonce-count.
 */
public final class KeyManagementClient {

    private static final Logger LOG = LoggerFactory.getLogger(KeyManagementClient.class);

    private final String host;
    private final DigestClient digest;
    private final String userAgent;
    private final InstantSource clock;
    private final String registrationTarget;

    /**
     * @param host      the {@code Host} value: the authority of the BM-SC key management URI, e.g.
     *                  {@code bmsc.home1.net:1234}
     * @param digest    the Digest state for this BM-SC (its realm names the BM-SC FQDN)
     * @param userAgent the {@code User-Agent}; it must carry {@code 3gpp-gba} ({@link GbaUserAgent#with})
     * @param clock     for a {@code Retry-After} given as a date
     * @throws IllegalArgumentException if the host is blank or has white space, or the User-Agent lacks {@code 3gpp-gba}
     */
    public KeyManagementClient(String host, DigestClient digest, String userAgent, InstantSource clock) {
        this(host, digest, userAgent, clock, OptionalInt.empty());
    }

    /**
     * A client whose registrations state the UDP port the UE takes MIKEY on (the project's {@code mikeyport}
     * parameter, {@link MikeyPortParameter}), when {@code mikeyPort} is present.
     */
    public KeyManagementClient(String host, DigestClient digest, String userAgent, InstantSource clock,
                               OptionalInt mikeyPort) {
        Objects.requireNonNull(host, "host");
        if (host.isBlank() || host.chars().anyMatch(c -> c <= 0x20 || c >= 0x7f)) {
            throw new IllegalArgumentException("host must be the BM-SC authority such as bmsc.home1.net:1234; got '"
                    + host + "'");
        }
        if (!GbaUserAgent.announcesGba(userAgent)) {
            throw new IllegalArgumentException("the User-Agent must carry " + GbaUserAgent.TOKEN + " (TS 33.246 Annex H "
                    + "step 1); build it with GbaUserAgent.with(product); got '" + userAgent + "'");
        }
        this.host = host;
        this.digest = Objects.requireNonNull(digest, "digest");
        this.userAgent = userAgent;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.registrationTarget = Objects.requireNonNull(mikeyPort, "mikeyPort").isPresent()
                ? MikeyPortParameter.registrationTarget(mikeyPort.getAsInt())
                : KeyManagementRequest.REGISTER.requestTarget();
    }

    /** The registration POST for these services (§6.3.2.1A, G.2.1). */
    public KeyManagementExchange register(RegistrationRequest services) {
        return post(KeyManagementRequest.REGISTER, services.toXml());
    }

    /** The deregistration POST for these services (§6.3.2.1B, G.2.2). */
    public KeyManagementExchange deregister(DeregistrationRequest services) {
        return post(KeyManagementRequest.DEREGISTER, services.toXml());
    }

    /** The MSK request POST for these MSKs (§6.3.2.2.1, G.2.3); Key Number 0 asks for the current MSK. */
    public KeyManagementExchange requestMsks(MskRequestBody msks) {
        return post(KeyManagementRequest.MSK_REQUEST, msks.toXml());
    }

    /**
     * The same request again, same body, with fresh credentials: after a {@link KeyManagementOutcome.Challenged}
     * or {@link KeyManagementOutcome.StaleNonce} (Annex H step 4: "the same POST with the same body"), or after
     * a 503 once Retry-After has passed.
     */
    public KeyManagementExchange resend(KeyManagementExchange previous) {
        return post(previous.type(), previous.body());
    }

    private KeyManagementExchange post(KeyManagementRequest type, Bytes body) {
        String target = type == KeyManagementRequest.REGISTER ? registrationTarget : type.requestTarget();
        HttpHeaders headers = HttpHeaders.of(
                "Host", host,
                "Content-Type", type.requestMediaType(),
                "Content-Length", Integer.toString(body.length()),
                "User-Agent", userAgent,
                "Accept", accept(type));
        Optional<DigestAuthorization> authorization = Optional.empty();
        if (digest.hasNonce()) {
            DigestAuthorization a = digest.authorize(KeyManagementRequest.METHOD, target, body);
            headers = headers.with("Authorization", a.toHeaderValue());
            authorization = Optional.of(a);
        }
        return new KeyManagementExchange(type, body,
                new HttpRequestMessage(KeyManagementRequest.METHOD, target, headers, body), authorization);
    }

    private static String accept(KeyManagementRequest type) {
        // Annex H step 7 answers an MSK request with application/mbms-msk+xml, so that is taken too.
        return type == KeyManagementRequest.MSK_REQUEST
                ? type.responseMediaType() + ", " + type.requestMediaType() : type.responseMediaType();
    }

    /**
     * What the BM-SC's answer to {@code sent} means. A 401 feeds its challenges to the {@code DigestClient};
     * a 2xx is used only after its {@code Authentication-Info} verifies over the exact body bytes, and only
     * then is the body read; any other status is {@link KeyManagementOutcome.Failed}.
     */
    public KeyManagementOutcome interpret(KeyManagementExchange sent, HttpResponseMessage response) {
        Objects.requireNonNull(sent, "sent");
        Objects.requireNonNull(response, "response");
        int status = response.status();
        if (status == 401) {
            return challenged(response);
        }
        if (status >= 200 && status <= 299) {
            return answered(sent, response);
        }
        Optional<java.time.Duration> retryAfter = response.header(RetryAfter.HEADER)
                .flatMap(v -> RetryAfter.parse(v, clock.instant()));
        LOG.debug("{} answered {} {}", sent.type().requestType(), status, response.reason());
        return new KeyManagementOutcome.Failed(status, retryAfter, ItemStatus.received(status).ueRetries());
    }

    private KeyManagementOutcome challenged(HttpResponseMessage response) {
        try {
            DigestChallenge challenge = digest.onChallenge(response.headers().all("WWW-Authenticate"));
            return challenge.stale() ? new KeyManagementOutcome.StaleNonce(challenge)
                    : new KeyManagementOutcome.Challenged(challenge);
        } catch (DigestException e) {
            return malformed(AnswerDefect.BAD_CHALLENGE, e.getMessage());
        }
    }

    private KeyManagementOutcome answered(KeyManagementExchange sent, HttpResponseMessage response) {
        if (sent.authorization().isEmpty()) {
            return malformed(AnswerDefect.NOT_AUTHENTICATED, "a " + response.status() + " to a request without "
                    + "credentials: the BM-SC did not authenticate the UE, nor itself");
        }
        try {
            digest.onAuthenticationInfo(sent.authorization().get(), response.header("Authentication-Info").orElse(null),
                    response.body());
        } catch (DigestException e) {
            return malformed(AnswerDefect.NOT_AUTHENTICATED, e.getMessage());
        }
        String contentType = response.header("Content-Type").orElse(null);
        if (!sent.type().acceptsResponseType(contentType)) {
            return malformed(AnswerDefect.WRONG_MEDIA_TYPE, "Content-Type '" + contentType + "' is not the answer to "
                    + sent.type().requestType() + "; expected " + sent.type().responseMediaType());
        }
        try {
            Optional<String> charset = BodyCharset.of(contentType);   // RFC 7303 §3.2, after a byte order mark
            KeyManagementResponseBody body = sent.type() == KeyManagementRequest.MSK_REQUEST
                    ? MskResponse.parse(response.body(), charset) : RegisterResponse.parse(response.body(), charset);
            return new KeyManagementOutcome.Answered(body);
        } catch (MalformedBodyException e) {
            return malformed(AnswerDefect.BAD_BODY, e.getMessage());
        }
    }

    private static KeyManagementOutcome malformed(AnswerDefect defect, String detail) {
        LOG.debug("key management answer not used: {}: {}", defect, detail);
        return new KeyManagementOutcome.Malformed(defect, detail);
    }

    @Override
    public String toString() {
        return "KeyManagementClient[host=" + host + ", " + digest + "]";
    }
}
