package org.mbmskeys.mbms.ue.keymanagement;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mbmskeys.engine.bytes.Bytes;
import org.mbmskeys.engine.spi.HttpHeaders;
import org.mbmskeys.engine.spi.HttpRequestMessage;
import org.mbmskeys.engine.spi.HttpResponseMessage;
import org.mbmskeys.mbms.bmsc.keymanagement.KeyManagementCall;
import org.mbmskeys.mbms.bmsc.keymanagement.KeyManagementInbound;
import org.mbmskeys.mbms.keymanagement.GbaUserAgent;
import org.mbmskeys.mbms.keymanagement.ItemStatus;
import org.mbmskeys.mbms.keymanagement.KeyManagementPeers;
import org.mbmskeys.mbms.keymanagement.xml.DeregistrationRequest;
import org.mbmskeys.mbms.keymanagement.xml.MskRequestBody;
import org.mbmskeys.mbms.keymanagement.xml.MskResponse;
import org.mbmskeys.mbms.keymanagement.xml.MskStatus;
import org.mbmskeys.mbms.keymanagement.xml.RegistrationRequest;
import org.mbmskeys.mbms.keys.KeyDomainId;
import org.mbmskeys.mbms.keys.MskId;
import org.mbmskeys.mbms.keys.MskRef;

/**
 * The UE's key management client: the POSTs it builds (Annex H step 1) and what it makes of each answer:
 * challenges, stale nonces, authenticated 200s, G.2.4 failures, and answers it must not use.
 */
class KeyManagementClientTest {

    private static final RegistrationRequest SERVICES = RegistrationRequest.of("urn:3gpp:mbms:s1", "urn:3gpp:mbms:s2");
    private static final MskRef MSK = MskRef.of(KeyDomainId.parse("001-01"), MskId.of(1, 0));

    private final KeyManagementPeers peers = new KeyManagementPeers();

    private HttpResponseMessage bmscAnswers(KeyManagementExchange sent, List<ItemStatus> statuses) {
        KeyManagementInbound in = peers.bmsc.receive(sent.request());
        if (in instanceof KeyManagementInbound.Refused r) {
            return r.response();
        }
        return peers.bmsc.answer((KeyManagementCall) in, statuses);
    }

    /** Registration through the 401 of Annex H step 2: returns the signed second request. */
    private KeyManagementExchange challengedThenSigned(KeyManagementExchange first) {
        assertThat(peers.ue.interpret(first, bmscAnswers(first, List.of())))
                .isInstanceOf(KeyManagementOutcome.Challenged.class);
        return peers.ue.resend(first);
    }

    private static HttpResponseMessage withBody(HttpResponseMessage r, Bytes body) {
        return new HttpResponseMessage(r.status(), r.reason(), r.headers(), body);
    }

    @Test
    void aClientWithAMikeyPortStatesItInEveryRegistrationAndItsResendSignedAndNowhereElse() {
        KeyManagementClient withPort = new KeyManagementClient("bmsc.home1.net:1234", peers.ueDigest,
                GbaUserAgent.with("MBMSAgent; Release-6"), peers.clock, java.util.OptionalInt.of(40001));

        KeyManagementExchange first = withPort.register(SERVICES);
        assertThat(withPort.interpret(first, bmscAnswers(first, List.of()))).isInstanceOf(KeyManagementOutcome.Challenged.class);
        KeyManagementExchange signed = withPort.resend(first);
        KeyManagementInbound atBmsc = peers.bmsc.receive(signed.request());

        assertThat(first.request().target()).isEqualTo("/keymanagement?requesttype=register&mikeyport=40001");
        assertThat(signed.request().target()).isEqualTo(first.request().target());
        assertThat(((KeyManagementCall.Register) atBmsc).mikeyPort()).hasValue(40001);
        assertThat(withPort.deregister(DeregistrationRequest.of("urn:3gpp:mbms:s1")).request().target())
                .isEqualTo("/keymanagement?requesttype=deregister");
    }

    @Test
    void theFirstPostCarriesTheAnnexHHeadersAndNoAuthorization() {
        KeyManagementExchange sent = peers.ue.register(SERVICES);
        HttpRequestMessage post = sent.request();

        assertThat(post.method()).isEqualTo("POST");
        assertThat(post.target()).isEqualTo("/keymanagement?requesttype=register");
        assertThat(post.header("Host")).contains("bmsc.home1.net:1234");
        assertThat(post.header("Content-Type")).contains("application/mbms-register+xml");
        assertThat(post.header("Content-Length")).contains(Integer.toString(post.body().length()));
        assertThat(post.header("User-Agent")).contains("MBMSAgent; Release-6 3gpp-gba");
        assertThat(post.header("Accept")).contains("application/mbms-register-response+xml");
        assertThat(post.headers().contains("Authorization")).isFalse();
        assertThat(sent.authorization()).isEmpty();
        assertThat(RegistrationRequest.parse(post.body())).isEqualTo(SERVICES);
    }

    @Test
    void eachRequestTypeHasItsTargetAndMediaType() {
        HttpRequestMessage dereg = peers.ue.deregister(DeregistrationRequest.of("urn:3gpp:mbms:s1")).request();
        HttpRequestMessage msk = peers.ue.requestMsks(MskRequestBody.of(MSK)).request();

        assertThat(dereg.target()).isEqualTo("/keymanagement?requesttype=deregister");
        assertThat(dereg.header("Content-Type")).contains("application/mbms-deregister+xml");
        assertThat(msk.target()).isEqualTo("/keymanagement?requesttype=msk-request");
        assertThat(msk.header("Content-Type")).contains("application/mbms-msk+xml");
        assertThat(msk.header("Accept")).contains("application/mbms-msk-response+xml, application/mbms-msk+xml");
    }

    @Test
    void afterAChallengeTheSamePostIsSentWithAuthIntCredentialsForTheSameBody() {
        KeyManagementExchange first = peers.ue.register(SERVICES);

        KeyManagementExchange second = challengedThenSigned(first);

        assertThat(second.body()).isEqualTo(first.body());
        assertThat(second.authorization()).hasValueSatisfying(a -> {
            assertThat(a.username()).isEqualTo(KeyManagementPeers.BTID);
            assertThat(a.uri()).isEqualTo("/keymanagement?requesttype=register");
            assertThat(a.qop().token()).isEqualTo("auth-int");
            assertThat(a.nc()).isEqualTo(1);
        });
        assertThat(second.request().header("Authorization")).contains(second.authorization().get().toHeaderValue());
    }

    @Test
    void anAuthenticated200IsAnsweredWithItsPerItemCodes() {
        KeyManagementExchange second = challengedThenSigned(peers.ue.register(SERVICES));

        KeyManagementOutcome outcome = peers.ue.interpret(second, bmscAnswers(second,
                List.of(ItemStatus.OK, ItemStatus.FORBIDDEN)));

        assertThat(outcome).isInstanceOfSatisfying(KeyManagementOutcome.Answered.class,
                a -> assertThat(a.body().codes()).containsExactly(ItemStatus.OK, ItemStatus.FORBIDDEN));
    }

    /** RFC 9110 §15.3: a 2xx code the UE does not know is a success like 200; 299 is the last of the class. */
    @Test
    void anAuthenticatedAnswerWithAnyCodeOfThe2xxClassIsTaken() {
        KeyManagementExchange second = challengedThenSigned(peers.ue.register(SERVICES));
        HttpResponseMessage ok = bmscAnswers(second, List.of(ItemStatus.OK, ItemStatus.OK));

        KeyManagementOutcome outcome = peers.ue.interpret(second,
                new HttpResponseMessage(299, "Success", ok.headers(), ok.body()));

        assertThat(outcome).isInstanceOfSatisfying(KeyManagementOutcome.Answered.class,
                a -> assertThat(a.body().codes()).containsExactly(ItemStatus.OK, ItemStatus.OK));
    }

    /** Authenticated (auth-int covers the body) and typed right, but not the XML of a registration answer. */
    @Test
    void anAuthenticatedBodyThatIsNotTheAnswersXmlIsABadBody() {
        KeyManagementExchange second = challengedThenSigned(peers.ue.register(SERVICES));
        KeyManagementCall call = (KeyManagementCall) peers.bmsc.receive(second.request());
        Bytes notXml = Bytes.wrap("not a registration answer".getBytes(UTF_8));
        HttpResponseMessage signed = new HttpResponseMessage(200, "OK", HttpHeaders.of(
                "Content-Type", call.type().responseMediaType(),
                "Authentication-Info", call.authentication().authenticationInfo(notXml).toHeaderValue()), notXml);

        assertThat(peers.ue.interpret(second, signed)).isInstanceOfSatisfying(KeyManagementOutcome.Malformed.class,
                m -> assertThat(m.defect()).isEqualTo(AnswerDefect.BAD_BODY));
    }

    /** A log line says which BM-SC and which B-TID, never the MRK the Digest password comes from. */
    @Test
    void aLogLineNamesTheBmscAndTheBtidButNoKey() {
        assertThat(peers.ue.toString()).contains(KeyManagementPeers.HOST, KeyManagementPeers.BTID)
                .doesNotContain("c0c7aab9d1ee79b9");
    }

    @Test
    void theNextnonceLetsTheNextRequestGoWithoutAChallenge() {
        KeyManagementExchange second = challengedThenSigned(peers.ue.register(SERVICES));
        peers.ue.interpret(second, bmscAnswers(second, List.of(ItemStatus.OK, ItemStatus.OK)));

        KeyManagementExchange msk = peers.ue.requestMsks(MskRequestBody.of(MSK));

        assertThat(msk.authorization()).isPresent();
        assertThat(peers.ue.interpret(msk, bmscAnswers(msk, List.of(ItemStatus.OK))))
                .isInstanceOf(KeyManagementOutcome.Answered.class);
    }

    @Test
    void aBodyChangedOnTheWayFailsAuthIntAndIsNotUsed() {
        KeyManagementExchange second = challengedThenSigned(peers.ue.register(SERVICES));
        HttpResponseMessage ok = bmscAnswers(second, List.of(ItemStatus.OK, ItemStatus.FORBIDDEN));
        Bytes tampered = Bytes.wrap(new String(ok.body().toByteArray(), UTF_8).replace("403 Forbidden", "200 OK")
                .getBytes(UTF_8));

        KeyManagementOutcome outcome = peers.ue.interpret(second, withBody(ok, tampered));

        assertThat(outcome).isInstanceOfSatisfying(KeyManagementOutcome.Malformed.class,
                m -> assertThat(m.defect()).isEqualTo(AnswerDefect.NOT_AUTHENTICATED));
    }

    @Test
    void a200WithoutAuthenticationInfoIsNotUsed() {
        KeyManagementExchange second = challengedThenSigned(peers.ue.register(SERVICES));
        HttpResponseMessage ok = bmscAnswers(second, List.of(ItemStatus.OK, ItemStatus.OK));
        HttpResponseMessage stripped = new HttpResponseMessage(200, "OK", ok.headers().without("Authentication-Info"),
                ok.body());

        assertThat(peers.ue.interpret(second, stripped)).isInstanceOfSatisfying(KeyManagementOutcome.Malformed.class,
                m -> assertThat(m.defect()).isEqualTo(AnswerDefect.NOT_AUTHENTICATED));
    }

    @Test
    void a200ToARequestWithoutCredentialsIsNotUsed() {
        KeyManagementExchange first = peers.ue.register(SERVICES);
        HttpResponseMessage forged = new HttpResponseMessage(200, "OK", HttpHeaders.of("Content-Type",
                "application/mbms-register-response+xml"), Bytes.empty());

        assertThat(peers.ue.interpret(first, forged)).isInstanceOfSatisfying(KeyManagementOutcome.Malformed.class,
                m -> assertThat(m.defect()).isEqualTo(AnswerDefect.NOT_AUTHENTICATED));
    }

    /** RFC 7303 §3.2: the answer's charset parameter is its body's encoding; one nobody knows leaves it unread. */
    @Test
    void theAnswersCharsetParameterIsItsBodysEncoding() {
        KeyManagementExchange second = challengedThenSigned(peers.ue.register(SERVICES));
        HttpResponseMessage ok = bmscAnswers(second, List.of(ItemStatus.OK, ItemStatus.OK));
        HttpResponseMessage unknown = new HttpResponseMessage(200, "OK", ok.headers().replacing("Content-Type",
                "application/mbms-register-response+xml; charset=x-no-such"), ok.body());

        assertThat(peers.ue.interpret(second, unknown)).isInstanceOfSatisfying(KeyManagementOutcome.Malformed.class,
                m -> {
                    assertThat(m.defect()).isEqualTo(AnswerDefect.BAD_BODY);
                    assertThat(m.detail()).contains("charset 'x-no-such'");
                });
    }

    @Test
    void anAuthenticatedAnswerOfAnotherMediaTypeIsWrongMediaType() {
        KeyManagementExchange second = challengedThenSigned(peers.ue.register(SERVICES));
        HttpResponseMessage ok = bmscAnswers(second, List.of(ItemStatus.OK, ItemStatus.OK));
        HttpResponseMessage text = new HttpResponseMessage(200, "OK", ok.headers().replacing("Content-Type", "text/xml"),
                ok.body());

        assertThat(peers.ue.interpret(second, text)).isInstanceOfSatisfying(KeyManagementOutcome.Malformed.class,
                m -> assertThat(m.defect()).isEqualTo(AnswerDefect.WRONG_MEDIA_TYPE));
    }

    @Test
    void anMskAnswerTypedAsInTheAnnexHExampleIsTaken() {
        KeyManagementExchange second = challengedThenSigned(peers.ue.requestMsks(MskRequestBody.of(MSK)));
        HttpResponseMessage ok = bmscAnswers(second, List.of(ItemStatus.OK));
        HttpResponseMessage annexH = new HttpResponseMessage(200, "OK",
                ok.headers().replacing("Content-Type", "application/mbms-msk+xml"), ok.body());

        assertThat(peers.ue.interpret(second, annexH)).isInstanceOfSatisfying(KeyManagementOutcome.Answered.class,
                a -> assertThat(((MskResponse) a.body()).msks()).containsExactly(new MskStatus(MSK, ItemStatus.OK)));
    }

    @Test
    void aStaleNonceIsReportedAndTheResendSucceeds() {
        KeyManagementExchange second = challengedThenSigned(peers.ue.register(SERVICES));
        peers.clock.set(peers.clock.instant().plus(KeyManagementPeers.NONCE_LIFETIME).plusSeconds(1));

        KeyManagementOutcome outcome = peers.ue.interpret(second, bmscAnswers(second, List.of()));
        KeyManagementExchange third = peers.ue.resend(second);

        assertThat(outcome).isInstanceOf(KeyManagementOutcome.StaleNonce.class);
        assertThat(peers.ue.interpret(third, bmscAnswers(third, List.of(ItemStatus.OK, ItemStatus.OK))))
                .isInstanceOf(KeyManagementOutcome.Answered.class);
    }

    @Test
    void aChallengeForAnotherRealmIsABadChallenge() {
        KeyManagementExchange first = peers.ue.register(SERVICES);
        HttpResponseMessage other = new HttpResponseMessage(401, "Unauthorized", HttpHeaders.of("WWW-Authenticate",
                "Digest realm=\"3GPP-bootstrapping@evil.example\", nonce=\"abc\", qop=\"auth-int\", algorithm=MD5"),
                Bytes.empty());

        assertThat(peers.ue.interpret(first, other)).isInstanceOfSatisfying(KeyManagementOutcome.Malformed.class,
                m -> assertThat(m.defect()).isEqualTo(AnswerDefect.BAD_CHALLENGE));
    }

    @Test
    void a503IsRepeatableAfterItsRetryAfterAndOtherErrorsAreNot() {
        KeyManagementExchange sent = challengedThenSigned(peers.ue.register(SERVICES));
        HttpResponseMessage busy = peers.bmsc.refuse((KeyManagementCall) peers.bmsc.receive(sent.request()),
                ItemStatus.SERVICE_UNAVAILABLE, Optional.of(Duration.ofSeconds(30)));
        HttpResponseMessage dated = new HttpResponseMessage(503, "Service Unavailable",
                HttpHeaders.of("Retry-After", "Wed, 02 Dec 2026 10:01:00 GMT"), Bytes.empty());

        assertThat(peers.ue.interpret(sent, busy)).isEqualTo(
                new KeyManagementOutcome.Failed(503, Optional.of(Duration.ofSeconds(30)), true));
        assertThat(peers.ue.interpret(sent, dated)).isEqualTo(
                new KeyManagementOutcome.Failed(503, Optional.of(Duration.ofMinutes(1)), true));
        for (int status : List.of(400, 403, 404, 405, 501, 504, 505)) {
            HttpResponseMessage error = new HttpResponseMessage(status, "", HttpHeaders.empty(), Bytes.empty());
            assertThat(peers.ue.interpret(sent, error)).as("status %d", status)
                    .isEqualTo(new KeyManagementOutcome.Failed(status, Optional.empty(), false));
        }
    }

    @Test
    void aUserAgentWithoutTheGbaTokenIsACallerBug() {
        assertThatThrownBy(() -> new KeyManagementClient(KeyManagementPeers.HOST, peers.ueDigest, "MBMSAgent", peers.clock))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("3gpp-gba");
    }

    @Test
    void theHostIsPrintableAsciiWithoutSpaceAndNothingElse() {
        String ua = org.mbmskeys.mbms.keymanagement.GbaUserAgent.with("test");
        for (String bad : List.of("", "bmsc example.org", "bmsc.example.org\u007f", "bmsc\u00e9.example.org")) {
            assertThatThrownBy(() -> new KeyManagementClient(bad, peers.ueDigest, ua, peers.clock)).as("'%s'", bad)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("BM-SC authority");
        }
        for (String good : List.of("!bmsc.example.org~:80", KeyManagementPeers.HOST)) {
            assertThat(new KeyManagementClient(good, peers.ueDigest, ua, peers.clock)).as("'%s'", good).isNotNull();
        }
    }

    @Test
    void aFailedOutcomeMustAgreeWithTableG24() {
        assertThatThrownBy(() -> new KeyManagementOutcome.Failed(403, Optional.empty(), true))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("403 is not repeatable");
        assertThatThrownBy(() -> new KeyManagementOutcome.Failed(503, Optional.empty(), false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("503 is repeatable");
        assertThat(new KeyManagementOutcome.Failed(401, Optional.empty(), true).repeatable()).isTrue();
    }
}
