package org.mbmskeys.mbms.bmsc.keymanagement;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mbmskeys.engine.bytes.Bytes;
import org.mbmskeys.engine.spi.HttpRequestMessage;
import org.mbmskeys.engine.spi.HttpResponseMessage;
import org.mbmskeys.mbms.digest.DigestChallenge;
import org.mbmskeys.mbms.digest.DigestFailure;
import org.mbmskeys.mbms.keymanagement.ItemStatus;
import org.mbmskeys.mbms.keymanagement.KeyManagementPeers;
import org.mbmskeys.mbms.keymanagement.MikeyPortParameter;
import org.mbmskeys.mbms.keymanagement.xml.BodyFailure;
import org.mbmskeys.mbms.keymanagement.xml.DeregistrationRequest;
import org.mbmskeys.mbms.keymanagement.xml.MskRequestBody;
import org.mbmskeys.mbms.keymanagement.xml.MskResponse;
import org.mbmskeys.mbms.keymanagement.xml.RegisterResponse;
import org.mbmskeys.mbms.keymanagement.xml.RegistrationRequest;
import org.mbmskeys.mbms.keys.KeyDomainId;
import org.mbmskeys.mbms.keys.MskId;
import org.mbmskeys.mbms.keys.MskRef;
import org.mbmskeys.mbms.ue.keymanagement.KeyManagementExchange;

/**
 * The BM-SC's Key Request Function: each code of table G.2.4-1 it produces, the Digest cases of Annex H
 * (challenge, wrong password, replay, stale nonce, changed body) and the 200 answer the UE verifies.
 */
class KeyRequestFunctionTest {

    private static final RegistrationRequest TWO_SERVICES = RegistrationRequest.of("urn:3gpp:mbms:s1", "urn:3gpp:mbms:s2");
    private static final MskRef MSK = MskRef.of(KeyDomainId.parse("001-01"), MskId.of(1, 0));

    private final KeyManagementPeers peers = new KeyManagementPeers();

    /** A registration POST the UE signed: the first one draws the challenge, the second carries credentials. */
    private KeyManagementExchange authorizedRegistration() {
        KeyManagementExchange first = peers.ue.register(TWO_SERVICES);
        peers.ue.interpret(first, refused(first.request()).response());
        return peers.ue.resend(first);
    }

    private KeyManagementInbound.Refused refused(HttpRequestMessage request) {
        KeyManagementInbound in = peers.bmsc.receive(request);
        assertThat(in).isInstanceOf(KeyManagementInbound.Refused.class);
        return (KeyManagementInbound.Refused) in;
    }

    private KeyManagementCall call(HttpRequestMessage request) {
        KeyManagementInbound in = peers.bmsc.receive(request);
        assertThat(in).isInstanceOf(KeyManagementCall.class);
        return (KeyManagementCall) in;
    }

    private static HttpRequestMessage with(HttpRequestMessage r, String method, String target, String version) {
        return new HttpRequestMessage(method, target, r.headers(), r.body(), version);
    }

    @Test
    void aFirstRequestWithTheGbaTokenIsChallengedWithMd5AuthIntInTheGbaMeRealm() {
        KeyManagementInbound.Refused r = refused(peers.ue.register(TWO_SERVICES).request());

        assertThat(r.reason()).isEqualTo(RefusalReason.UNAUTHENTICATED);
        assertThat(r.digestFailure()).contains(DigestFailure.NO_AUTHORIZATION);
        assertThat(r.response().status()).isEqualTo(401);
        assertThat(r.response().reason()).isEqualTo("Unauthorized");
        List<String> challenges = r.response().headers().all("WWW-Authenticate");
        assertThat(challenges).hasSize(1);
        DigestChallenge c = DigestChallenge.parseAll(challenges.get(0)).get(0);
        assertThat(c.realm()).isEqualTo("3GPP-bootstrapping@bmsc.home1.net");
        assertThat(c.algorithm().token()).isEqualTo("MD5");
        assertThat(c.qopOptions()).extracting(q -> q.token()).containsExactly("auth-int");
        assertThat(r.response().header("Content-Length")).contains("0");
    }

    /** TS 24.109 §5.2.2.1: the MRK is ME-based under GBA_U too, so a UICC-based client gets the same realm. */
    @Test
    void aUeAnnouncingAUiccClientIsChallengedInTheBootstrappingRealm() {
        HttpRequestMessage post = peers.ue.register(TWO_SERVICES).request();
        HttpRequestMessage uicc = new HttpRequestMessage(post.method(), post.target(),
                post.headers().replacing("User-Agent", "MBMSAgent; Release-6 3gpp-gba-uicc"), post.body());

        String challenge = refused(uicc).response().header("WWW-Authenticate").orElseThrow();

        assertThat(DigestChallenge.parseAll(challenge).get(0).realm()).isEqualTo("3GPP-bootstrapping@bmsc.home1.net");
    }

    @Test
    void aFirstRequestWithoutTheGbaTokenIsForbidden() {
        HttpRequestMessage post = peers.ue.register(TWO_SERVICES).request();
        HttpRequestMessage noGba = new HttpRequestMessage(post.method(), post.target(),
                post.headers().replacing("User-Agent", "curl/8.0"), post.body());

        KeyManagementInbound.Refused r = refused(noGba);

        assertThat(r.reason()).isEqualTo(RefusalReason.NO_GBA);
        assertThat(r.response().status()).isEqualTo(403);
        assertThat(r.response().headers().contains("WWW-Authenticate")).isFalse();
    }

    @Test
    void anotherHttpVersionIs505() {
        HttpRequestMessage post = authorizedRegistration().request();

        KeyManagementInbound.Refused r = refused(with(post, "POST", post.target(), "HTTP/1.0"));

        assertThat(r.reason()).isEqualTo(RefusalReason.HTTP_VERSION);
        assertThat(r.response().status()).isEqualTo(505);
        assertThat(r.response().reason()).isEqualTo("HTTP Version Not Supported");
    }

    @Test
    void aMalformedRequestUriIs404() {
        HttpRequestMessage post = authorizedRegistration().request();

        for (String target : List.of("/keymanagement", "/keymanagement?requesttype=push", "/other?requesttype=register",
                "/keymanagement?requesttype=register&requesttype=deregister")) {
            KeyManagementInbound.Refused r = refused(with(post, "POST", target, "HTTP/1.1"));
            assertThat(r.reason()).as(target).isEqualTo(RefusalReason.NOT_FOUND);
            assertThat(r.response().status()).as(target).isEqualTo(404);
        }
    }

    /** What the UE sent is quoted in the refusal's log line, clipped after 48 characters. */
    @Test
    void whatTheUeSentIsClippedToFortyEightCharactersInTheRefusalDetail() {
        HttpRequestMessage post = authorizedRegistration().request();
        String fortyEight = "P".repeat(48);

        assertThat(refused(with(post, fortyEight, post.target(), "HTTP/1.1")).detail())
                .contains("method " + fortyEight + ";").doesNotContain("...");
        assertThat(refused(with(post, fortyEight + "Q", post.target(), "HTTP/1.1")).detail())
                .contains("method " + fortyEight + "...;").doesNotContain("Q");
    }

    /**
     * The BM-SC logs a refusal at INFO unless it is a step of every Digest exchange: the challenge of a first request
     * and of a stale nonce. Wrong credentials and malformed requests are what an operator watches for.
     */
    @Test
    void onlyTheChallengeOfAFirstRequestAndOfAStaleNonceAreRoutineRefusals() {
        HttpResponseMessage challenge = new HttpResponseMessage(401, "Unauthorized", org.mbmskeys.engine.spi.HttpHeaders.empty(),
                Bytes.empty(), "HTTP/1.1");
        for (DigestFailure failure : DigestFailure.values()) {
            KeyManagementInbound.Refused r = new KeyManagementInbound.Refused(challenge, RefusalReason.UNAUTHENTICATED,
                    Optional.of(failure), "detail");
            assertThat(r.isRoutine()).as(failure.name())
                    .isEqualTo(failure == DigestFailure.NO_AUTHORIZATION || failure == DigestFailure.STALE_NONCE);
        }
        HttpRequestMessage post = authorizedRegistration().request();
        assertThat(refused(with(post, "GET", post.target(), "HTTP/1.1")).isRoutine()).isFalse();
        assertThat(refused(with(post, "POST", post.target(), "HTTP/1.0")).isRoutine()).isFalse();
    }

    /** The function names the realm it challenges in and its Digest settings, and no password. */
    @Test
    void itsDescriptionNamesItsRealm() {
        assertThat(peers.bmsc.toString()).startsWith("KeyRequestFunction[" + KeyManagementPeers.ME_REALM
                        + ", DigestVerifier[")
                .doesNotContainIgnoringCase("00112233445566778899aabbccddeeff");   // the verifier's server secret
    }

    @Test
    void anotherMethodIs405WithAllowPost() {
        HttpRequestMessage post = authorizedRegistration().request();

        KeyManagementInbound.Refused r = refused(with(post, "PUT", post.target(), "HTTP/1.1"));

        assertThat(r.response().status()).isEqualTo(405);
        assertThat(r.response().header("Allow")).contains("POST");
    }

    @Test
    void extraQueryParametersAreAllowed() {
        KeyManagementExchange first = peers.ue.register(TWO_SERVICES);
        HttpRequestMessage extra = with(first.request(), "POST", first.request().target() + "&lang=en", "HTTP/1.1");

        assertThat(refused(extra).reason()).isEqualTo(RefusalReason.UNAUTHENTICATED);
    }

    @Test
    void anAuthenticatedRegistrationBecomesACallWithTheBtidAndTheServices() {
        KeyManagementCall call = call(authorizedRegistration().request());

        assertThat(call).isInstanceOf(KeyManagementCall.Register.class);
        assertThat(call.btid()).isEqualTo(KeyManagementPeers.BTID);
        assertThat(((KeyManagementCall.Register) call).body()).isEqualTo(TWO_SERVICES);
        assertThat(call.itemCount()).isEqualTo(2);
    }

    @Test
    void theAnswerCarriesOneStatusPerServiceAndAnAuthenticationInfoTheUeVerifies() {
        KeyManagementExchange sent = authorizedRegistration();
        KeyManagementCall call = call(sent.request());

        HttpResponseMessage ok = peers.bmsc.answer(call, List.of(ItemStatus.OK, ItemStatus.FORBIDDEN));

        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.header("Content-Type")).contains("application/mbms-register-response+xml");
        assertThat(ok.header("Authentication-Info").orElseThrow()).contains("qop=auth-int", "rspauth=", "nextnonce=");
        assertThat(RegisterResponse.parse(ok.body()).codes()).containsExactly(ItemStatus.OK, ItemStatus.FORBIDDEN);
        assertThat(peers.ue.interpret(sent, ok)).isInstanceOf(
                org.mbmskeys.mbms.ue.keymanagement.KeyManagementOutcome.Answered.class);
    }

    /** §6.3.2.1B: a deregistration is answered like a registration, one status per service in request order. */
    @Test
    void aDeregistrationIsAnsweredWithOneStatusPerServiceInRequestOrder() {
        KeyManagementExchange first = peers.ue.deregister(DeregistrationRequest.of("urn:3gpp:mbms:s1", "urn:3gpp:mbms:s2"));
        peers.ue.interpret(first, refused(first.request()).response());
        KeyManagementExchange sent = peers.ue.resend(first);
        KeyManagementCall call = call(sent.request());

        HttpResponseMessage ok = peers.bmsc.answer(call, List.of(ItemStatus.NOT_IMPLEMENTED, ItemStatus.OK));

        assertThat(call).isInstanceOf(KeyManagementCall.Deregister.class);
        assertThat(call.itemCount()).isEqualTo(2);
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.header("Content-Type")).contains("application/mbms-register-response+xml");
        assertThat(RegisterResponse.parse(ok.body()).codes()).containsExactly(ItemStatus.NOT_IMPLEMENTED, ItemStatus.OK);
        assertThat(RegisterResponse.parse(ok.body()).services()).extracting(s -> s.serviceId())
                .containsExactly("urn:3gpp:mbms:s1", "urn:3gpp:mbms:s2");
        assertThat(peers.ue.interpret(sent, ok)).isInstanceOf(
                org.mbmskeys.mbms.ue.keymanagement.KeyManagementOutcome.Answered.class);
    }

    @Test
    void anMskRequestIsAnsweredWithTheMskResponseType() {
        KeyManagementExchange first = peers.ue.requestMsks(MskRequestBody.of(MSK));
        peers.ue.interpret(first, refused(first.request()).response());
        KeyManagementCall call = call(peers.ue.resend(first).request());

        HttpResponseMessage ok = peers.bmsc.answer(call, List.of(ItemStatus.OK));

        assertThat(call).isInstanceOf(KeyManagementCall.MskRequest.class);
        assertThat(ok.header("Content-Type")).contains("application/mbms-msk-response+xml");
        assertThat(MskResponse.parse(ok.body()).msks().get(0).msk()).isEqualTo(MSK);
    }

    @Test
    void aWrongPasswordIs401WithAFreshChallenge() {
        KeyManagementPeers wrongMrk = new KeyManagementPeers(
                org.mbmskeys.engine.bytes.SecretBytes.ofHex("00".repeat(32)));
        KeyManagementExchange first = wrongMrk.ue.register(TWO_SERVICES);
        wrongMrk.ue.interpret(first, ((KeyManagementInbound.Refused) wrongMrk.bmsc.receive(first.request())).response());

        KeyManagementInbound in = wrongMrk.bmsc.receive(wrongMrk.ue.resend(first).request());

        assertThat(in).isInstanceOfSatisfying(KeyManagementInbound.Refused.class, r -> {
            assertThat(r.digestFailure()).contains(DigestFailure.WRONG_RESPONSE);
            assertThat(r.response().status()).isEqualTo(401);
            assertThat(r.response().headers().all("WWW-Authenticate")).hasSize(1);
        });
    }

    @Test
    void aReplayedRequestIs401() {
        HttpRequestMessage post = authorizedRegistration().request();
        KeyManagementCall call = call(post);
        peers.bmsc.answer(call, List.of(ItemStatus.OK, ItemStatus.OK));

        KeyManagementInbound.Refused r = refused(post);

        assertThat(r.digestFailure()).contains(DigestFailure.NONCE_COUNT_REPLAY);
        assertThat(r.response().status()).isEqualTo(401);
    }

    @Test
    void aRequestBodyChangedAfterSigningIs401() {
        HttpRequestMessage post = authorizedRegistration().request();
        Bytes changed = Bytes.wrap(new String(post.body().toByteArray(), UTF_8).replace("s2", "s3").getBytes(UTF_8));

        KeyManagementInbound.Refused r = refused(new HttpRequestMessage(post.method(), post.target(), post.headers(), changed));

        assertThat(r.digestFailure()).contains(DigestFailure.WRONG_RESPONSE);
    }

    @Test
    void anExpiredNonceIs401WithStaleTrue() {
        HttpRequestMessage post = authorizedRegistration().request();
        peers.clock.set(peers.clock.instant().plus(KeyManagementPeers.NONCE_LIFETIME).plusSeconds(1));

        KeyManagementInbound.Refused r = refused(post);

        assertThat(r.digestFailure()).contains(DigestFailure.STALE_NONCE);
        assertThat(DigestChallenge.parseAll(r.response().header("WWW-Authenticate").orElseThrow()).get(0).stale()).isTrue();
    }

    @Test
    void anAuthenticatedRequestWithAnotherContentTypeIs400() {
        KeyManagementExchange first = peers.ue.register(TWO_SERVICES);
        peers.ue.interpret(first, refused(first.request()).response());
        HttpRequestMessage post = peers.ue.resend(first).request();
        HttpRequestMessage xml = new HttpRequestMessage(post.method(), post.target(),
                post.headers().replacing("Content-Type", "application/xml"), post.body());

        KeyManagementInbound.Refused r = refused(xml);

        assertThat(r.reason()).isEqualTo(RefusalReason.MEDIA_TYPE);
        assertThat(r.response().status()).isEqualTo(400);
    }

    @Test
    void aContentTypeIsComparedWithoutCaseAndParameters() {
        KeyManagementExchange first = peers.ue.register(TWO_SERVICES);
        peers.ue.interpret(first, refused(first.request()).response());
        HttpRequestMessage post = peers.ue.resend(first).request();
        HttpRequestMessage upper = new HttpRequestMessage(post.method(), post.target(),
                post.headers().replacing("Content-Type", "Application/MBMS-Register+XML; charset=utf-8"), post.body());

        assertThat(peers.bmsc.receive(upper)).isInstanceOf(KeyManagementCall.Register.class);
    }

    /** RFC 7303 §3.2: a body without a byte order mark is in the Content-Type's charset, whatever it declares. */
    @Test
    void theContentTypesCharsetIsTheBodysEncodingAndAnUnknownOneIs400() {
        KeyManagementExchange first = peers.ue.register(TWO_SERVICES);
        peers.ue.interpret(first, refused(first.request()).response());
        String xml = new String(RegistrationRequest.of("urn:caf\u00e9").toXml().toByteArray(), UTF_8);
        Bytes latin1 = Bytes.wrap(xml.substring(xml.indexOf("?>") + 2).getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        HttpRequestMessage post = signed(first.request().target(), first, latin1);
        HttpRequestMessage declared = new HttpRequestMessage("POST", post.target(),
                post.headers().replacing("Content-Type", "application/mbms-register+xml; charset=ISO-8859-1"), latin1);
        HttpRequestMessage again = signed(first.request().target(), first, latin1);   // the next nonce count
        HttpRequestMessage unknown = new HttpRequestMessage("POST", again.target(),
                again.headers().replacing("Content-Type", "application/mbms-register+xml; charset=x-no-such"), latin1);

        assertThat(((KeyManagementCall.Register) call(declared)).body()).isEqualTo(RegistrationRequest.of("urn:caf\u00e9"));
        assertThat(refused(unknown).detail()).startsWith(BodyFailure.NOT_XML.name()).contains("charset 'x-no-such'");
    }

    @Test
    void anAuthenticatedRequestWithABadBodyIs400NamingTheBodyFailure() {
        KeyManagementExchange first = peers.ue.register(TWO_SERVICES);
        peers.ue.interpret(first, refused(first.request()).response());
        // The UE signs whatever body it sends; a DOCTYPE body is authenticated, then refused.
        Bytes doctype = Bytes.wrap("<!DOCTYPE x><x/>".getBytes(UTF_8));
        org.mbmskeys.mbms.digest.DigestAuthorization a = peers.ueDigest.authorize("POST", first.request().target(), doctype);
        HttpRequestMessage post = new HttpRequestMessage("POST", first.request().target(), first.request().headers()
                .replacing("Content-Length", Integer.toString(doctype.length()))
                .with("Authorization", a.toHeaderValue()), doctype);

        KeyManagementInbound.Refused r = refused(post);

        assertThat(r.reason()).isEqualTo(RefusalReason.BODY);
        assertThat(r.response().status()).isEqualTo(400);
        assertThat(r.detail()).startsWith(BodyFailure.DOCTYPE.name());
    }

    @Test
    void aRegistrationMayStateItsMikeyPortInTheDigestProtectedUriAndABadOneIs400() {
        KeyManagementExchange first = peers.ue.register(TWO_SERVICES);
        peers.ue.interpret(first, refused(first.request()).response());
        Bytes body = first.request().body();

        KeyManagementCall stated = call(signed(MikeyPortParameter.registrationTarget(40001), first, body));
        KeyManagementCall none = call(signed(first.request().target(), first, body));
        KeyManagementInbound.Refused bad = refused(signed(first.request().target() + "&mikeyport=70000", first, body));
        KeyManagementInbound.Refused twice = refused(signed(MikeyPortParameter.registrationTarget(40001)
                + "&mikeyport=40002", first, body));

        assertThat(((KeyManagementCall.Register) stated).mikeyPort()).hasValue(40001);
        assertThat(((KeyManagementCall.Register) none).mikeyPort()).isEmpty();
        assertThat(bad.reason()).isEqualTo(RefusalReason.MIKEY_PORT);
        assertThat(bad.response().status()).isEqualTo(400);
        assertThat(bad.detail()).contains("must be a UDP port 1..65535, got '70000'");
        assertThat(twice.reason()).isEqualTo(RefusalReason.MIKEY_PORT);
        assertThat(twice.detail()).contains("given 2 times");
    }

    @Test
    void aMikeyPortChangedOnTheWayFailsDigestBecauseTheUriIsSigned() {
        KeyManagementExchange first = peers.ue.register(TWO_SERVICES);
        peers.ue.interpret(first, refused(first.request()).response());
        HttpRequestMessage signedFor40001 = signed(MikeyPortParameter.registrationTarget(40001), first, first.request().body());
        HttpRequestMessage redirected = new HttpRequestMessage("POST", MikeyPortParameter.registrationTarget(40002),
                signedFor40001.headers(), signedFor40001.body());

        assertThat(refused(redirected).reason()).isEqualTo(RefusalReason.UNAUTHENTICATED);
    }

    private HttpRequestMessage signed(String target, KeyManagementExchange first, Bytes body) {
        org.mbmskeys.mbms.digest.DigestAuthorization a = peers.ueDigest.authorize("POST", target, body);
        return new HttpRequestMessage("POST", target, first.request().headers()
                .replacing("Content-Length", Integer.toString(body.length()))
                .with("Authorization", a.toHeaderValue()), body);
    }

    @Test
    void aWholeRequestCanBeRefusedWith503AndRetryAfterOr504Or501Or403() {
        HttpResponseMessage busy = peers.bmsc.refuse(call(authorizedRegistration().request()),
                ItemStatus.SERVICE_UNAVAILABLE, Optional.of(Duration.ofMillis(29_500)));
        HttpResponseMessage zn = peers.bmsc.refuse(call(peers.ue.resend(peers.ue.register(TWO_SERVICES)).request()),
                ItemStatus.GATEWAY_TIMEOUT, Optional.empty());

        assertThat(busy.status()).isEqualTo(503);
        assertThat(busy.header("Retry-After")).contains("30");
        assertThat(busy.headers().contains("Authentication-Info")).isFalse();
        assertThat(zn.status()).isEqualTo(504);
        assertThat(zn.reason()).isEqualTo("Gateway Timeout");
        for (ItemStatus s : List.of(ItemStatus.NOT_IMPLEMENTED, ItemStatus.FORBIDDEN)) {
            assertThat(peers.bmsc.refuse(call(peers.ue.resend(peers.ue.register(TWO_SERVICES)).request()), s,
                    Optional.empty()).status()).isEqualTo(s.code());
        }
    }

    @Test
    void codesTheBmscDoesNotUseAreRefusedAsCallerBugs() {
        KeyManagementCall call = call(authorizedRegistration().request());

        assertThatThrownBy(() -> peers.bmsc.answer(call, List.of(ItemStatus.OK, ItemStatus.received(500))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("500");
        assertThatThrownBy(() -> peers.bmsc.answer(call, List.of(ItemStatus.OK)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("lists 2 items");
        assertThatThrownBy(() -> peers.bmsc.refuse(call, ItemStatus.UNAUTHORIZED, Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> peers.bmsc.refuse(call, ItemStatus.OK, Optional.empty()))
                .as("a success refuses nothing").isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> peers.bmsc.refuse(call, ItemStatus.received(500), Optional.empty()))
                .as("neither a success nor 401, but no code of table G.2.4-1")
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cannot refuse");
        assertThatThrownBy(() -> peers.bmsc.refuse(call, ItemStatus.FORBIDDEN, Optional.of(Duration.ofSeconds(1))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("503 only");
    }

    @Test
    void aCallIsAnsweredOnlyOnce() {
        KeyManagementCall call = call(authorizedRegistration().request());
        peers.bmsc.answer(call, List.of(ItemStatus.OK, ItemStatus.OK));

        assertThatThrownBy(() -> peers.bmsc.answer(call, List.of(ItemStatus.OK, ItemStatus.OK)))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void refusalsNeverEchoMuchOfTheRequest() {
        HttpRequestMessage post = authorizedRegistration().request();
        String longTarget = "/keymanagement?requesttype=" + "x".repeat(500);

        KeyManagementInbound.Refused r = refused(with(post, "POST", longTarget, "HTTP/1.1"));

        assertThat(r.detail()).doesNotContain("x".repeat(60));
    }
}
