package org.mbmskeys.features;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mbmskeys.adapters.http.HttpWire;
import org.mbmskeys.engine.bytes.Bytes;
import org.mbmskeys.engine.bytes.SecretBytes;
import org.mbmskeys.engine.spi.HttpCodec;
import org.mbmskeys.engine.spi.HttpResponseMessage;
import org.mbmskeys.engine.spi.RandomBytes;
import org.mbmskeys.mbms.bmsc.keymanagement.KeyManagementCall;
import org.mbmskeys.mbms.bmsc.keymanagement.KeyManagementInbound;
import org.mbmskeys.mbms.bmsc.keymanagement.KeyRequestFunction;
import org.mbmskeys.mbms.digest.DigestClient;
import org.mbmskeys.mbms.digest.DigestFailure;
import org.mbmskeys.mbms.digest.DigestRealm;
import org.mbmskeys.mbms.digest.DigestVerifier;
import org.mbmskeys.mbms.digest.MrkDigestPassword;
import org.mbmskeys.mbms.keymanagement.GbaUserAgent;
import org.mbmskeys.mbms.keymanagement.ItemStatus;
import org.mbmskeys.mbms.keymanagement.xml.MskRequestBody;
import org.mbmskeys.mbms.keymanagement.xml.MskResponse;
import org.mbmskeys.mbms.keymanagement.xml.RegisterResponse;
import org.mbmskeys.mbms.keymanagement.xml.RegistrationRequest;
import org.mbmskeys.mbms.keys.KeyDomainId;
import org.mbmskeys.mbms.keys.MskId;
import org.mbmskeys.mbms.keys.MskRef;
import org.mbmskeys.mbms.ue.keymanagement.AnswerDefect;
import org.mbmskeys.mbms.ue.keymanagement.KeyManagementClient;
import org.mbmskeys.mbms.ue.keymanagement.KeyManagementExchange;
import org.mbmskeys.mbms.ue.keymanagement.KeyManagementOutcome;

/**
 * The UE's {@code KeyManagementClient} and the BM-SC's {@code KeyRequestFunction} talking through the bytes
 * Netty's HTTP/1.1 codec makes and reads ({@code HttpWire.codec()}): Annex H's challenge and answer, and the
 * attacks Digest with auth-int must stop, each done to the wire bytes.
 */
class KeyManagementOverHttpWireTest {

    private static final String BTID = "I1U8vpY3qJ0hiuZNrke/NQ==@bsf.example.org";
    private static final DigestRealm REALM = DigestRealm.bootstrapping("bmsc.home1.net");
    private static final SecretBytes MRK = SecretBytes.ofHex("c0c7aab9d1ee79b93aa08461ec060b2c948bad87211b51b8f84267c63e5dcea4");
    private static final RegistrationRequest SERVICES = RegistrationRequest.of("urn:3gpp:mbms:s1", "urn:3gpp:mbms:s2");
    private static final MskRef CURRENT_MSK = MskRef.of(KeyDomainId.parse("001-01"), MskId.of(1, 0));

    private final HttpCodec codec = HttpWire.codec();
    private Instant now = Instant.parse("2026-12-02T10:00:00Z");
    private final InstantSource clock = () -> now;
    private final KeyRequestFunction bmsc = new KeyRequestFunction(DigestVerifier.builder()
            .realms(REALM)
            .serverSecret(SecretBytes.ofHex("0f".repeat(32)))
            .credentials((user, realm) -> user.equals(BTID) ? Optional.of(MrkDigestPassword.derive(MRK)) : Optional.empty())
            .clock(clock)
            .random(RandomBytes.seeded(1))
            .build(), REALM);

    private KeyManagementClient ue(SecretBytes mrk) {
        return new KeyManagementClient("bmsc.home1.net:1234",
                new DigestClient(BTID, MrkDigestPassword.derive(mrk), REALM, RandomBytes.seeded(2)),
                GbaUserAgent.with("MBMSAgent; Release-6"), clock);
    }

    /** The BM-SC side of one exchange, bytes in, bytes out; every item it is asked about succeeds. */
    private Bytes bmscServes(Bytes requestWire) {
        KeyManagementInbound in = bmsc.receive(codec.decodeRequest(requestWire));
        if (in instanceof KeyManagementInbound.Refused refused) {
            return codec.encode(refused.response());
        }
        KeyManagementCall call = (KeyManagementCall) in;
        return codec.encode(bmsc.answer(call, java.util.Collections.nCopies(call.itemCount(), ItemStatus.OK)));
    }

    private static String ascii(Bytes wire) {
        return new String(wire.toByteArray(), US_ASCII);
    }

    @Test
    void aRegistrationGoesThroughTheChallengeAndIsAnsweredWithAuthenticatedCodes() {
        KeyManagementClient ue = ue(MRK);
        KeyManagementExchange first = ue.register(SERVICES);

        Bytes firstWire = codec.encode(first.request());
        Bytes challengeWire = bmscServes(firstWire);
        KeyManagementOutcome challenged = ue.interpret(first, codec.decodeResponse(challengeWire));
        KeyManagementExchange second = ue.resend(first);
        Bytes answerWire = bmscServes(codec.encode(second.request()));
        KeyManagementOutcome answered = ue.interpret(second, codec.decodeResponse(answerWire));

        assertThat(ascii(firstWire)).startsWith("POST /keymanagement?requesttype=register HTTP/1.1\r\n"
                + "Host: bmsc.home1.net:1234\r\nContent-Type: application/mbms-register+xml\r\n");
        assertThat(ascii(challengeWire)).startsWith("HTTP/1.1 401 Unauthorized\r\n")
                .contains("WWW-Authenticate: Digest realm=\"3GPP-bootstrapping@bmsc.home1.net\"");
        assertThat(challenged).isInstanceOf(KeyManagementOutcome.Challenged.class);
        assertThat(ascii(answerWire)).startsWith("HTTP/1.1 200 OK\r\n")
                .contains("Content-Type: application/mbms-register-response+xml\r\n", "Authentication-Info: nextnonce=");
        assertThat(answered).isInstanceOfSatisfying(KeyManagementOutcome.Answered.class, a -> {
            assertThat(a.body()).isInstanceOf(RegisterResponse.class);
            assertThat(a.body().codes()).containsExactly(ItemStatus.OK, ItemStatus.OK);
        });
    }

    @Test
    void anMskRequestAfterARegistrationUsesTheNextnonceWithoutANewChallenge() {
        KeyManagementClient ue = ue(MRK);
        KeyManagementExchange first = ue.register(SERVICES);
        ue.interpret(first, codec.decodeResponse(bmscServes(codec.encode(first.request()))));
        KeyManagementExchange second = ue.resend(first);
        ue.interpret(second, codec.decodeResponse(bmscServes(codec.encode(second.request()))));

        KeyManagementExchange msk = ue.requestMsks(MskRequestBody.of(CURRENT_MSK));
        KeyManagementOutcome outcome = ue.interpret(msk, codec.decodeResponse(bmscServes(codec.encode(msk.request()))));

        assertThat(outcome).isInstanceOfSatisfying(KeyManagementOutcome.Answered.class,
                a -> assertThat(((MskResponse) a.body()).msks().get(0).msk()).isEqualTo(CURRENT_MSK));
    }

    /** Signs a registration and returns its wire bytes (after the first, unsigned, round). */
    private Bytes signedRegistration(KeyManagementClient ue) {
        KeyManagementExchange first = ue.register(SERVICES);
        ue.interpret(first, codec.decodeResponse(bmscServes(codec.encode(first.request()))));
        return codec.encode(ue.resend(first).request());
    }

    private Optional<DigestFailure> refusal(Bytes requestWire) {
        KeyManagementInbound in = bmsc.receive(codec.decodeRequest(requestWire));
        assertThat(in).isInstanceOf(KeyManagementInbound.Refused.class);
        KeyManagementInbound.Refused refused = (KeyManagementInbound.Refused) in;
        assertThat(refused.response().status()).isEqualTo(401);
        return refused.digestFailure();
    }

    @Test
    void aResponseBodyChangedOnTheWireIsNotUsed() {
        KeyManagementClient ue = ue(MRK);
        KeyManagementExchange first = ue.register(SERVICES);
        ue.interpret(first, codec.decodeResponse(bmscServes(codec.encode(first.request()))));
        KeyManagementExchange second = ue.resend(first);
        Bytes answer = bmscServes(codec.encode(second.request()));
        int last = answer.length() - 3;   // inside the XML body, which ends the message

        KeyManagementOutcome outcome = ue.interpret(second, codec.decodeResponse(answer.withByteXored(last, 0x01)));

        assertThat(outcome).isInstanceOfSatisfying(KeyManagementOutcome.Malformed.class,
                m -> assertThat(m.defect()).isEqualTo(AnswerDefect.NOT_AUTHENTICATED));
    }

    @Test
    void aRequestBodyChangedOnTheWireIsRefused() {
        Bytes signed = signedRegistration(ue(MRK));
        String text = new String(signed.toByteArray(), UTF_8);

        Bytes changed = Bytes.wrap(text.replace("urn:3gpp:mbms:s2", "urn:3gpp:mbms:s9").getBytes(UTF_8));

        assertThat(refusal(changed)).contains(DigestFailure.WRONG_RESPONSE);
    }

    @Test
    void theSameRequestBytesSentAgainAreAReplay() {
        Bytes signed = signedRegistration(ue(MRK));
        assertThat(bmsc.receive(codec.decodeRequest(signed))).isInstanceOf(KeyManagementCall.class);

        assertThat(refusal(signed)).contains(DigestFailure.NONCE_COUNT_REPLAY);
    }

    @Test
    void aUeWithAnotherMrkIsChallengedAgainNotAnswered() {
        KeyManagementClient ue = ue(SecretBytes.ofHex("11".repeat(32)));
        Bytes signed = signedRegistration(ue);

        assertThat(refusal(signed)).contains(DigestFailure.WRONG_RESPONSE);
    }

    @Test
    void anExpiredNonceIsStaleAndTheResendWithTheNewNonceIsAnswered() {
        KeyManagementClient ue = ue(MRK);
        KeyManagementExchange first = ue.register(SERVICES);
        ue.interpret(first, codec.decodeResponse(bmscServes(codec.encode(first.request()))));
        KeyManagementExchange second = ue.resend(first);
        now = now.plus(Duration.ofMinutes(6));

        KeyManagementOutcome stale = ue.interpret(second, codec.decodeResponse(bmscServes(codec.encode(second.request()))));
        KeyManagementExchange third = ue.resend(second);
        KeyManagementOutcome answered = ue.interpret(third, codec.decodeResponse(bmscServes(codec.encode(third.request()))));

        assertThat(stale).isInstanceOf(KeyManagementOutcome.StaleNonce.class);
        assertThat(answered).isInstanceOf(KeyManagementOutcome.Answered.class);
    }

    @Test
    void aServiceUnavailableAnswerCrossesTheWireWithItsRetryAfter() {
        KeyManagementClient ue = ue(MRK);
        KeyManagementExchange first = ue.register(SERVICES);
        ue.interpret(first, codec.decodeResponse(bmscServes(codec.encode(first.request()))));
        KeyManagementExchange second = ue.resend(first);
        KeyManagementCall call = (KeyManagementCall) bmsc.receive(codec.decodeRequest(codec.encode(second.request())));

        HttpResponseMessage busy = codec.decodeResponse(codec.encode(
                bmsc.refuse(call, ItemStatus.SERVICE_UNAVAILABLE, Optional.of(Duration.ofSeconds(20)))));

        assertThat(ue.interpret(second, busy)).isEqualTo(
                new KeyManagementOutcome.Failed(503, Optional.of(Duration.ofSeconds(20)), true));
    }
}
