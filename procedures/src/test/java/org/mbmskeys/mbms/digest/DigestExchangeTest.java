package org.mbmskeys.mbms.digest;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mbmskeys.engine.bytes.Bytes;
import org.mbmskeys.engine.bytes.SecretBytes;

/**
 * UE {@link DigestClient} against BM-SC {@link DigestVerifier}, header strings in between, as on the Key
 * Request interface (TS 33.246 §6.3.2, Annex H; RFC 2617). The B-TID and the 256-bit key standing in for
 * the MRK are the [SELF] values of {@code vectors/gba.json}.
 */
class DigestExchangeTest {

    static final String BTID = "I1U8vpY3qJ0hiuZNrke/NQ==@bsf.example.org";
    static final SecretBytes MRK = SecretBytes.ofHex("ac989d60aad1969639e2073bf7ff93c1c652ea91b627a95a1c1e3ab1a836c48c");
    static final String PASSWORD_TEXT = "rJidYKrRlpY54gc79/+TwcZS6pG2J6laHB46sag2xIw=";
    static final DigestRealm REALM = DigestRealm.bootstrapping("bmsc.example.org");
    static final SecretBytes SECRET = SecretBytes.ofHex("0f0e0d0c0b0a09080706050403020100f0e0d0c0b0a090807060504030201000");
    static final String URI = "/keymanagement?requesttype=register";
    static final Bytes BODY = Bytes.wrap("<register><serviceId>urn:svc:1</serviceId></register>".getBytes(UTF_8));
    static final Bytes RESPONSE_BODY = Bytes.wrap("<registerResponse status=\"200\"/>".getBytes(UTF_8));
    static final Duration LIFETIME = Duration.ofMinutes(5);

    final TestClock clock = new TestClock(Instant.parse("2026-11-22T10:00:00Z"));
    final DigestCredentials credentials = (user, realm) ->
            user.equals(BTID) && realm.equals(REALM) ? Optional.of(MrkDigestPassword.derive(MRK)) : Optional.empty();

    DigestVerifier.Builder server() {
        return DigestVerifier.builder().realms(REALM).serverSecret(SECRET).credentials(credentials).clock(clock)
                .random(new SeededRandom(1)).nonceLifetime(LIFETIME);
    }

    DigestClient ue() {
        return ue(MrkDigestPassword.derive(MRK), REALM);
    }

    DigestClient ue(SecretBytes password, DigestRealm realm) {
        return new DigestClient(BTID, password, realm, new SeededRandom(2));
    }

    /** First request without credentials: the 401's challenges, fed to the UE. */
    static DigestVerification.Rejected challenge(DigestVerifier verifier, DigestClient client) {
        var first = (DigestVerification.Rejected) verifier.verify("POST", URI, BODY, null);
        client.onChallenge(first.wwwAuthenticate());
        return first;
    }

    static DigestVerification.Accepted accepted(DigestVerification v) {
        assertThat(v).isInstanceOf(DigestVerification.Accepted.class);
        return (DigestVerification.Accepted) v;
    }

    static DigestFailure failureOf(DigestVerification v) {
        assertThat(v).isInstanceOf(DigestVerification.Rejected.class);
        return ((DigestVerification.Rejected) v).failure();
    }

    // ---- happy paths ------------------------------------------------------------------------------------

    @ParameterizedTest(name = "server offers SHA-256: {0}, allows auth: {1} -> {2} {3}")
    @CsvSource({
        "false, false, MD5,     AUTH_INT",
        "true,  false, SHA_256, AUTH_INT",
        "false, true,  MD5,     AUTH_INT",
        "true,  true,  SHA_256, AUTH_INT",
    })
    void ueAuthenticatesAndVerifiesRspauth(boolean sha256, boolean allowAuth, DigestAlgorithm algorithm, Qop qop) {
        DigestVerifier verifier = server().offerSha256(sha256).allowQopAuth(allowAuth).build();
        DigestClient client = ue();
        challenge(verifier, client);

        DigestAuthorization auth = client.authorize("POST", URI, BODY);
        var ok = accepted(verifier.verify("POST", URI, BODY, auth.toHeaderValue()));
        AuthenticationInfo info = ok.authenticationInfo(RESPONSE_BODY);
        client.onAuthenticationInfo(auth, info.toHeaderValue(), RESPONSE_BODY);

        assertThat(auth.algorithm()).isEqualTo(algorithm);
        assertThat(auth.qop()).isEqualTo(qop);
        assertThat(ok.username()).isEqualTo(BTID);
        assertThat(ok.realm()).isEqualTo(REALM);
        assertThat(ok.algorithm()).isEqualTo(algorithm);
        assertThat(info.cnonce()).isEqualTo(auth.cnonce());
        assertThat(info.nc()).isEqualTo(1);
        assertThat(info.qop()).isEqualTo(qop);
        assertThat(info.nextnonce()).isPresent();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"MD5", "SHA-256"})
    void stockClientUsingQopAuthIsAcceptedWhenTheOperatorAllowsIt(String algorithm) {
        DigestVerifier verifier = server().offerSha256(true).allowQopAuth(true).build();
        DigestClient client = ue();
        var first = (DigestVerification.Rejected) verifier.verify("POST", URI, BODY, null);
        // A client that chooses auth: it sees only the auth option of the challenge with this algorithm.
        String challenge = first.wwwAuthenticate().stream().filter(h -> h.contains("algorithm=" + algorithm + ","))
                .findFirst().orElseThrow().replace("qop=\"auth-int, auth\"", "qop=\"auth\"");
        client.onChallenge(List.of(challenge));

        DigestAuthorization auth = client.authorize("POST", URI, BODY);
        var ok = accepted(verifier.verify("POST", URI, BODY, auth.toHeaderValue()));
        client.onAuthenticationInfo(auth, ok.authenticationInfo(RESPONSE_BODY).toHeaderValue(), RESPONSE_BODY);

        assertThat(auth.qop()).isEqualTo(Qop.AUTH);
        assertThat(ok.qop()).isEqualTo(Qop.AUTH);
        assertThat(auth.algorithm().token()).isEqualTo(algorithm);
    }

    @Test
    void challengesOfferSha256FirstThenMd5WithAuthIntAndOpaque() {
        DigestVerifier verifier = server().offerSha256(true).build();

        var rejected = (DigestVerification.Rejected) verifier.verify("POST", URI, BODY, null);

        assertThat(rejected.failure()).isEqualTo(DigestFailure.NO_AUTHORIZATION);
        assertThat(rejected.challenges()).extracting(DigestChallenge::algorithm)
                .containsExactly(DigestAlgorithm.SHA_256, DigestAlgorithm.MD5);
        assertThat(rejected.challenges()).allSatisfy(c -> {
            assertThat(c.realm()).isEqualTo("3GPP-bootstrapping@bmsc.example.org");
            assertThat(c.qopOptions()).containsExactly(Qop.AUTH_INT);
            assertThat(c.opaque()).isPresent();
            assertThat(c.stale()).isFalse();
        });
        assertThat(rejected.wwwAuthenticate().get(1)).startsWith(
                "Digest realm=\"3GPP-bootstrapping@bmsc.example.org\", qop=\"auth-int\", algorithm=MD5, nonce=\"");
    }

    /**
     * TS 33.246 Annex H step 2: the 401 carries {@code realm="3GPP-bootstrapping@bmsc.home1.net"},
     * {@code algorithm=MD5}, and "The options for the quality of protection (qop) attribute is by default
     * "auth-int""; §6.2.1.3 makes RFC 2617 (MD5) the Digest reference. A verifier built without options
     * offers exactly that: one challenge, MD5, qop auth-int, the Annex H realm.
     */
    @Test
    void aDefaultVerifierOffersExactlyMd5WithAuthIntInTheBootstrappingRealm() {
        DigestVerifier verifier = DigestVerifier.builder().realms(DigestRealm.bootstrapping("bmsc.home1.net"))
                .serverSecret(SECRET).credentials(credentials).clock(clock).random(new SeededRandom(1)).build();

        var rejected = (DigestVerification.Rejected) verifier.verify("POST", URI, BODY, null);

        assertThat(rejected.challenges()).hasSize(1);
        DigestChallenge only = rejected.challenges().get(0);
        assertThat(only.algorithm()).isEqualTo(DigestAlgorithm.MD5);
        assertThat(only.qopOptions()).containsExactly(Qop.AUTH_INT);
        assertThat(only.realm()).isEqualTo("3GPP-bootstrapping@bmsc.home1.net");
        assertThat(rejected.wwwAuthenticate()).singleElement().asString().startsWith(
                "Digest realm=\"3GPP-bootstrapping@bmsc.home1.net\", qop=\"auth-int\", algorithm=MD5, nonce=\"");
    }

    @Test
    void nextRequestUsesTheNextnonceWithoutAnother401() {
        DigestVerifier verifier = server().build();
        DigestClient client = ue();
        challenge(verifier, client);
        DigestAuthorization first = client.authorize("POST", URI, BODY);
        var ok = accepted(verifier.verify("POST", URI, BODY, first.toHeaderValue()));
        AuthenticationInfo info = ok.authenticationInfo(RESPONSE_BODY);
        client.onAuthenticationInfo(first, info.toHeaderValue(), RESPONSE_BODY);

        DigestAuthorization second = client.authorize("POST", "/keymanagement?requesttype=msk-request", BODY);

        assertThat(second.nonce()).isEqualTo(info.nextnonce().orElseThrow()).isNotEqualTo(first.nonce());
        assertThat(second.nc()).isEqualTo(1);
        accepted(verifier.verify("POST", "/keymanagement?requesttype=msk-request", BODY, second.toHeaderValue()));
    }

    @Test
    void requestsUnderOneNonceCountUpAndAreAllAccepted() {
        DigestVerifier verifier = server().build();
        DigestClient client = ue();
        challenge(verifier, client);

        for (long nc = 1; nc <= 3; nc++) {
            DigestAuthorization auth = client.authorize("POST", URI, BODY);
            assertThat(auth.nc()).isEqualTo(nc);
            accepted(verifier.verify("POST", URI, BODY, auth.toHeaderValue()));
        }
    }

    @Test
    void nonceIssuedByAnotherBmscNodeWithTheSameSecretIsAccepted() {
        DigestVerifier nodeA = server().build();
        DigestVerifier nodeB = DigestVerifier.builder().realms(REALM).serverSecret(SECRET).credentials(credentials)
                .clock(clock).random(new SeededRandom(42)).build();
        DigestClient client = ue();
        challenge(nodeA, client);

        accepted(nodeB.verify("POST", URI, BODY, client.authorize("POST", URI, BODY).toHeaderValue()));
    }

    // ---- unhappy paths at the BM-SC ---------------------------------------------------------------------

    @Test
    void wrongPasswordIsRejectedAsWrongResponse() {
        DigestVerifier verifier = server().build();
        DigestClient client = ue(SecretBytes.wrap("wrong".getBytes(UTF_8)), REALM);
        challenge(verifier, client);

        var v = verifier.verify("POST", URI, BODY, client.authorize("POST", URI, BODY).toHeaderValue());

        assertThat(failureOf(v)).isEqualTo(DigestFailure.WRONG_RESPONSE);
        assertThat(((DigestVerification.Rejected) v).challenges()).noneMatch(DigestChallenge::stale);
    }

    @Test
    void bodyChangedAfterSigningUnderAuthIntIsRejectedAsWrongResponse() {
        DigestVerifier verifier = server().build();
        DigestClient client = ue();
        challenge(verifier, client);
        DigestAuthorization auth = client.authorize("POST", URI, BODY);

        var v = verifier.verify("POST", URI, BODY.withByteXored(BODY.length() - 2, 0x01), auth.toHeaderValue());

        assertThat(failureOf(v)).isEqualTo(DigestFailure.WRONG_RESPONSE);
    }

    @Test
    void underQopAuthTheBodyIsNotCoveredWhichIsWhyTheProfileUsesAuthInt() {
        DigestVerifier verifier = server().allowQopAuth(true).build();
        DigestClient client = ue();
        client.onChallenge(List.of(verifier.challenges(REALM).get(0).toHeaderValue()
                .replace("qop=\"auth-int, auth\"", "qop=\"auth\"")));
        DigestAuthorization auth = client.authorize("POST", URI, BODY);

        accepted(verifier.verify("POST", URI, BODY.withByteXored(0, 0x01), auth.toHeaderValue()));
    }

    @Test
    void methodChangedAfterSigningIsRejectedAsWrongResponse() {
        DigestVerifier verifier = server().build();
        DigestClient client = ue();
        challenge(verifier, client);

        var v = verifier.verify("PUT", URI, BODY, client.authorize("POST", URI, BODY).toHeaderValue());

        assertThat(failureOf(v)).isEqualTo(DigestFailure.WRONG_RESPONSE);
    }

    @Test
    void flippedResponseDigitIsRejectedAsWrongResponse() {
        DigestVerifier verifier = server().build();
        DigestClient client = ue();
        challenge(verifier, client);
        DigestAuthorization auth = client.authorize("POST", URI, BODY);
        char last = auth.response().charAt(31);
        String flipped = auth.response().substring(0, 31) + (last == '0' ? '1' : '0');
        String header = auth.toHeaderValue().replace(auth.response(), flipped);

        assertThat(failureOf(verifier.verify("POST", URI, BODY, header))).isEqualTo(DigestFailure.WRONG_RESPONSE);
    }

    @Test
    void replayedRequestIsRejectedAsNonceCountReplay() {
        DigestVerifier verifier = server().build();
        DigestClient client = ue();
        challenge(verifier, client);
        String header = client.authorize("POST", URI, BODY).toHeaderValue();
        accepted(verifier.verify("POST", URI, BODY, header));

        var replay = verifier.verify("POST", URI, BODY, header);

        assertThat(failureOf(replay)).isEqualTo(DigestFailure.NONCE_COUNT_REPLAY);
    }

    /**
     * Two requests under one nonce on two connections may arrive in either order: RFC 2617 §3.2.2 calls a request a
     * replay when "the same nc-value is seen twice", so the older one is accepted, once.
     */
    @Test
    void olderRequestArrivingAfterANewerOneIsAcceptedOnce() {
        DigestVerifier verifier = server().build();
        DigestClient client = ue();
        challenge(verifier, client);
        String nc1 = client.authorize("POST", URI, BODY).toHeaderValue();
        String nc2 = client.authorize("POST", URI, BODY).toHeaderValue();
        accepted(verifier.verify("POST", URI, BODY, nc2));

        accepted(verifier.verify("POST", URI, BODY, nc1));
        assertThat(failureOf(verifier.verify("POST", URI, BODY, nc1))).isEqualTo(DigestFailure.NONCE_COUNT_REPLAY);
    }

    @Test
    void expiredNonceIsStaleAndTheNewChallengeSaysStaleTrueSoTheUeRetries() {
        DigestVerifier verifier = server().build();
        DigestClient client = ue();
        challenge(verifier, client);
        clock.advance(LIFETIME.plusSeconds(1));

        var stale = (DigestVerification.Rejected) verifier.verify("POST", URI, BODY,
                client.authorize("POST", URI, BODY).toHeaderValue());

        assertThat(stale.failure()).isEqualTo(DigestFailure.STALE_NONCE);
        assertThat(stale.challenges()).allMatch(DigestChallenge::stale);
        assertThat(stale.wwwAuthenticate()).allMatch(h -> h.endsWith(", stale=true"));
        assertThat(client.onChallenge(stale.wwwAuthenticate()).stale()).isTrue();
        accepted(verifier.verify("POST", URI, BODY, client.authorize("POST", URI, BODY).toHeaderValue()));
    }

    @Test
    void expiredNonceWithAWrongPasswordIsWrongResponseNotStale() {
        DigestVerifier verifier = server().build();
        DigestClient client = ue(SecretBytes.wrap("wrong".getBytes(UTF_8)), REALM);
        challenge(verifier, client);
        clock.advance(LIFETIME.plusSeconds(1));

        var v = verifier.verify("POST", URI, BODY, client.authorize("POST", URI, BODY).toHeaderValue());

        assertThat(failureOf(v)).isEqualTo(DigestFailure.WRONG_RESPONSE);
    }

    /**
     * The client knows the password and answered the nonce it was given; only the nonce is not this server's. RFC 2617
     * §3.2.1 sets stale for exactly that ("the nonce is invalid but with a valid digest for that nonce"), so the client
     * repeats with the fresh nonce instead of taking its credentials for wrong.
     */
    @Test
    void modifiedNonceWithAMatchingResponseIsStale() {
        DigestVerifier verifier = server().build();
        DigestChallenge real = verifier.challenges(REALM).get(0);
        char c = real.nonce().charAt(10);
        String forgedNonce = real.nonce().substring(0, 10) + (c == 'A' ? 'B' : 'A') + real.nonce().substring(11);
        DigestClient client = ue();
        client.onChallenge(List.of(real.toHeaderValue().replace(real.nonce(), forgedNonce)));

        var v = (DigestVerification.Rejected) verifier.verify("POST", URI, BODY,
                client.authorize("POST", URI, BODY).toHeaderValue());

        assertThat(v.failure()).isEqualTo(DigestFailure.STALE_NONCE);
        assertThat(v.challenges()).allMatch(DigestChallenge::stale);
    }

    @Test
    void modifiedNonceWithAWrongResponseIsInvalidAndNotStale() {
        DigestVerifier verifier = server().build();
        DigestChallenge real = verifier.challenges(REALM).get(0);
        char c = real.nonce().charAt(10);
        String forgedNonce = real.nonce().substring(0, 10) + (c == 'A' ? 'B' : 'A') + real.nonce().substring(11);
        DigestClient client = ue(SecretBytes.ofHex("00112233445566778899aabbccddeeff"), REALM);
        client.onChallenge(List.of(real.toHeaderValue().replace(real.nonce(), forgedNonce)));

        var v = (DigestVerification.Rejected) verifier.verify("POST", URI, BODY,
                client.authorize("POST", URI, BODY).toHeaderValue());

        assertThat(v.failure()).isEqualTo(DigestFailure.INVALID_NONCE);
        assertThat(v.challenges()).noneMatch(DigestChallenge::stale);
    }

    @Test
    void foreignNonceOfAnUnknownUserIsInvalidAndNotStale() {
        DigestVerifier other = DigestVerifier.builder().realms(REALM).credentials(credentials).clock(clock)
                .serverSecret(SecretBytes.wrap(new SeededRandom(9).next(32).toByteArray())).opaque("same").build();
        DigestVerifier verifier = server().opaque("same").build();
        DigestClient stranger = new DigestClient("someone@bsf.example.org", MrkDigestPassword.derive(MRK), REALM,
                new SeededRandom(2));
        challenge(other, stranger);

        var v = (DigestVerification.Rejected) verifier.verify("POST", URI, BODY,
                stranger.authorize("POST", URI, BODY).toHeaderValue());

        assertThat(v.failure()).isEqualTo(DigestFailure.INVALID_NONCE);
        assertThat(v.challenges()).noneMatch(DigestChallenge::stale);
    }

    /**
     * A BM-SC restarted with a new nonce secret (the default) meets UEs holding its old nextnonce, and the opaque of
     * its old challenges (derived from the secret by default): stale, not invalid.
     */
    @Test
    void nonceOfAServerWithAnotherSecretAndAMatchingResponseIsStale() {
        DigestVerifier other = DigestVerifier.builder().realms(REALM).credentials(credentials).clock(clock)
                .serverSecret(SecretBytes.wrap(new SeededRandom(9).next(32).toByteArray())).build();
        DigestVerifier verifier = server().build();
        DigestClient client = ue();
        challenge(other, client);

        var v = verifier.verify("POST", URI, BODY, client.authorize("POST", URI, BODY).toHeaderValue());

        assertThat(failureOf(v)).isEqualTo(DigestFailure.STALE_NONCE);
        assertThat(((DigestVerification.Rejected) v).challenges()).allMatch(DigestChallenge::stale);
    }

    @Test
    void nonceIssuedForAnotherRealmOfTheServerIsNotAcceptedInThisOne() {
        DigestRealm uicc = DigestRealm.of("3GPP-bootstrapping-uicc@bmsc.example.org");
        DigestVerifier bothRealms = DigestVerifier.builder().realms(REALM, uicc).serverSecret(SECRET)
                .credentials(credentials).clock(clock).build();
        DigestChallenge forUicc = bothRealms.challenges(uicc).get(0);
        DigestClient client = ue();
        client.onChallenge(List.of(forUicc.toHeaderValue().replace(uicc.value(), REALM.value())));

        var v = bothRealms.verify("POST", URI, BODY, client.authorize("POST", URI, BODY).toHeaderValue());

        // not valid in this realm; the digest verifies (the client holds the password), so: stale
        assertThat(failureOf(v)).isEqualTo(DigestFailure.STALE_NONCE);
    }

    @Test
    void uriOtherThanTheRequestUriIsRejectedAsUriMismatch() {
        DigestVerifier verifier = server().build();
        DigestClient client = ue();
        challenge(verifier, client);
        DigestAuthorization auth = client.authorize("POST", URI, BODY);

        var v = (DigestVerification.Rejected) verifier.verify("POST", "/keymanagement?requesttype=deregister", BODY,
                auth.toHeaderValue());

        assertThat(v.failure()).isEqualTo(DigestFailure.URI_MISMATCH);
        assertThat(v.detail()).isEqualTo("uri parameter '/keymanagement?requesttype=register' names another resource "
                + "than the request-URI '/keymanagement?requesttype=deregister'");
    }

    /**
     * RFC 2617 §3.2.2.5: uri and request-line name the same resource, and may differ in form because a proxy rewrote
     * the request-line. Both directions, the BM-SC's FQDN in any letter case and with a port; the response and rspauth
     * are over the uri as signed.
     */
    @ParameterizedTest(name = "signed {0}, request-line {1}")
    @CsvSource({
        "http://bmsc.example.org:1234/keymanagement?requesttype=register, /keymanagement?requesttype=register",
        "/keymanagement?requesttype=register, http://BMSC.example.org/keymanagement?requesttype=register",
        "http://bmsc.example.org/keymanagement?requesttype=register, HTTP://bmsc.example.org/keymanagement?requesttype=register",
        "http://bmsc.example.org, /",
        "http://bmsc.example.org:8080?requesttype=register, /?requesttype=register",
    })
    void theSameResourceInTheAbsoluteAndTheOriginFormIsAccepted(String signed, String requestLine) {
        DigestVerifier verifier = server().build();
        DigestClient client = ue();
        challenge(verifier, client);
        DigestAuthorization auth = client.authorize("POST", signed, BODY);

        var ok = accepted(verifier.verify("POST", requestLine, BODY, auth.toHeaderValue()));

        client.onAuthenticationInfo(auth, ok.authenticationInfo(RESPONSE_BODY).toHeaderValue(), RESPONSE_BODY);
    }

    @ParameterizedTest(name = "signed {0}, request-line {1}")
    @CsvSource({
        "http://elsewhere.example.org/keymanagement?requesttype=register, /keymanagement?requesttype=register",
        "/keymanagement?requesttype=register, http://elsewhere.example.org/keymanagement?requesttype=register",
        "http://bmsc.example.org/keymanagement?requesttype=register, /keymanagement?requesttype=deregister",
        "http://bmsc.example.org:80/keymanagement?requesttype=register, http://bmsc.example.org:81/keymanagement?requesttype=register",
        "ftp://bmsc.example.org/keymanagement?requesttype=register, /keymanagement?requesttype=register",
        "/bmsc.example.org/keymanagement?requesttype=register, /keymanagement?requesttype=register",
    })
    void anotherHostPortSchemeOrPathIsAUriMismatch(String signed, String requestLine) {
        DigestVerifier verifier = server().build();
        DigestClient client = ue();
        challenge(verifier, client);

        var v = verifier.verify("POST", requestLine, BODY, client.authorize("POST", signed, BODY).toHeaderValue());

        assertThat(failureOf(v)).isEqualTo(DigestFailure.URI_MISMATCH);
    }

    @Test
    void realmTheServerDoesNotProtectIsRejectedAsRealmMismatch() {
        DigestRealm otherRealm = DigestRealm.bootstrapping("other.example.org");
        DigestVerifier other = DigestVerifier.builder().realms(otherRealm).serverSecret(SECRET)
                .credentials((u, r) -> Optional.of(MrkDigestPassword.derive(MRK))).clock(clock).build();
        DigestClient client = ue(MrkDigestPassword.derive(MRK), otherRealm);
        challenge(other, client);

        var v = (DigestVerification.Rejected) server().build()
                .verify("POST", URI, BODY, client.authorize("POST", URI, BODY).toHeaderValue());

        assertThat(v.failure()).isEqualTo(DigestFailure.REALM_MISMATCH);
        assertThat(v.challenges()).allMatch(c -> c.realm().equals(REALM.value()));
    }

    @Test
    void unknownBtidIsRejectedAsUnknownUser() {
        DigestVerifier verifier = server().build();
        DigestClient client = new DigestClient("unknown@bsf.example.org", MrkDigestPassword.derive(MRK), REALM,
                new SeededRandom(3));
        challenge(verifier, client);

        var v = verifier.verify("POST", URI, BODY, client.authorize("POST", URI, BODY).toHeaderValue());

        assertThat(failureOf(v)).isEqualTo(DigestFailure.UNKNOWN_USER);
    }

    @Test
    void changedOpaqueIsRejectedAsOpaqueMismatch() {
        DigestVerifier verifier = server().build();
        DigestChallenge real = verifier.challenges(REALM).get(0);
        DigestClient client = ue();
        client.onChallenge(List.of(real.toHeaderValue().replace(real.opaque().orElseThrow(), "other")));

        var v = verifier.verify("POST", URI, BODY, client.authorize("POST", URI, BODY).toHeaderValue());

        assertThat(failureOf(v)).isEqualTo(DigestFailure.OPAQUE_MISMATCH);
    }

    @Test
    void sha256AtAServerThatOffersOnlyMd5IsRejectedAsUnsupportedAlgorithm() {
        DigestVerifier offersSha = server().offerSha256(true).opaque("o").build();
        DigestVerifier md5Only = server().opaque("o").build();
        DigestClient client = ue();
        challenge(offersSha, client);

        var v = md5Only.verify("POST", URI, BODY, client.authorize("POST", URI, BODY).toHeaderValue());

        assertThat(failureOf(v)).isEqualTo(DigestFailure.UNSUPPORTED_ALGORITHM);
    }

    @Test
    void qopAuthAtAServerThatRequiresAuthIntIsRejectedAsUnsupportedQop() {
        DigestVerifier verifier = server().build();
        DigestClient client = ue();
        client.onChallenge(List.of(verifier.challenges(REALM).get(0).toHeaderValue()
                .replace("qop=\"auth-int\"", "qop=\"auth\"")));

        var v = (DigestVerification.Rejected) verifier.verify("POST", URI, BODY,
                client.authorize("POST", URI, BODY).toHeaderValue());

        assertThat(v.failure()).isEqualTo(DigestFailure.UNSUPPORTED_QOP);
        assertThat(v.detail()).isEqualTo("qop auth is not allowed here; allowed: auth-int");
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', textBlock = """
        # broken Authorization header                                                             | failure
        Digest                                                                                    | MALFORMED
        Basic SW5JTFU4dnBZM3FKMGhpdVpOcmtlL05RPT06eA==                                            | MALFORMED
        Digest username="u", realm="3GPP-bootstrapping@bmsc.example.org", nonce="n", uri="/       | MALFORMED
        Digest username="u", username="v", realm="r", nonce="n", uri="/", qop=auth-int            | MALFORMED
        Digest username="u" realm="r"                                                             | MALFORMED
        Digest username="u", realm="r", nonce="n", uri="/", qop=auth-int, nc=1, cnonce="c", response="00" | MALFORMED
        Digest username="u", realm="r", nonce="n", uri="/", qop=auth-int, algorithm=MD5-sess      | UNSUPPORTED_ALGORITHM
        Digest username="u", realm="r", nonce="n", uri="/", response="0123456789abcdef0123456789abcdef" | UNSUPPORTED_QOP
        """)
    void brokenAuthorizationHeadersAreRejectedWithTheirReason(String header, DigestFailure failure) {
        DigestVerifier verifier = server().build();

        var v = (DigestVerification.Rejected) verifier.verify("POST", URI, BODY, header);

        assertThat(v.failure()).isEqualTo(failure);
        assertThat(v.challenges()).isNotEmpty();
    }

    @Test
    void authorizationHeaderOver8KiBIsMalformed() {
        String huge = "Digest username=\"" + "u".repeat(9000) + "\"";

        assertThat(failureOf(server().build().verify("POST", URI, BODY, huge))).isEqualTo(DigestFailure.MALFORMED);
    }

    @Test
    void blankAuthorizationHeaderIsTreatedAsAbsent() {
        assertThat(failureOf(server().build().verify("POST", URI, BODY, "  "))).isEqualTo(DigestFailure.NO_AUTHORIZATION);
    }

    // ---- unhappy paths at the UE ------------------------------------------------------------------------

    /** One accepted exchange up to the Authentication-Info the BM-SC would send. */
    record Signed(DigestClient client, DigestAuthorization auth, AuthenticationInfo info) {
    }

    Signed signedExchange() {
        DigestVerifier verifier = server().build();
        DigestClient client = ue();
        challenge(verifier, client);
        DigestAuthorization auth = client.authorize("POST", URI, BODY);
        var ok = accepted(verifier.verify("POST", URI, BODY, auth.toHeaderValue()));
        return new Signed(client, auth, ok.authenticationInfo(RESPONSE_BODY));
    }

    @Test
    void flippedRspauthDigitIsRejectedByTheUeAndTheNextnonceIsNotAdopted() {
        Signed s = signedExchange();
        String rspauth = s.info().rspauth();
        String flipped = rspauth.substring(0, 31) + (rspauth.charAt(31) == 'f' ? 'e' : 'f');
        String header = s.info().toHeaderValue().replace(rspauth, flipped);

        assertThatThrownBy(() -> s.client().onAuthenticationInfo(s.auth(), header, RESPONSE_BODY))
                .isInstanceOfSatisfying(DigestException.class, e -> assertThat(e.failure()).isEqualTo(DigestFailure.WRONG_RSPAUTH));
        assertThat(s.client().authorize("POST", URI, BODY).nonce()).isEqualTo(s.auth().nonce());
    }

    @Test
    void responseBodyChangedInTransitIsRejectedByTheUeUnderAuthInt() {
        Signed s = signedExchange();

        assertThatThrownBy(() -> s.client().onAuthenticationInfo(s.auth(), s.info().toHeaderValue(),
                RESPONSE_BODY.withByteXored(3, 0x20)))
                .isInstanceOfSatisfying(DigestException.class, e -> assertThat(e.failure()).isEqualTo(DigestFailure.WRONG_RSPAUTH));
    }

    @Test
    void missingAuthenticationInfoIsRejectedByTheUe() {
        Signed s = signedExchange();

        assertThatThrownBy(() -> s.client().onAuthenticationInfo(s.auth(), null, RESPONSE_BODY))
                .isInstanceOfSatisfying(DigestException.class, e -> assertThat(e.failure()).isEqualTo(DigestFailure.WRONG_RSPAUTH))
                .hasMessage("WRONG_RSPAUTH: the response has no Authentication-Info, so the server did not prove it "
                        + "knows the password");
    }

    @Test
    void authenticationInfoForAnotherRequestIsRejectedByTheUe() {
        Signed s = signedExchange();
        String header = s.info().toHeaderValue().replace("nc=00000001", "nc=00000002");

        assertThatThrownBy(() -> s.client().onAuthenticationInfo(s.auth(), header, RESPONSE_BODY))
                .isInstanceOfSatisfying(DigestException.class, e -> assertThat(e.failure()).isEqualTo(DigestFailure.WRONG_RSPAUTH));
    }

    @Test
    void rspauthFromAServerWithoutThePasswordIsRejectedByTheUe() {
        DigestCredentials impostor = (u, r) -> Optional.of(SecretBytes.wrap("guess".getBytes(UTF_8)));
        DigestVerifier fake = DigestVerifier.builder().realms(REALM).serverSecret(SECRET).credentials(impostor)
                .clock(clock).build();
        DigestClient client = ue();
        challenge(fake, client);
        DigestAuthorization auth = client.authorize("POST", URI, BODY);
        // The impostor cannot verify the request, but answers anyway with an rspauth from its own guess.
        SecretBytes guessHa1 = DigestMath.ha1(auth.algorithm(), BTID, REALM.value(), SecretBytes.wrap("guess".getBytes(UTF_8)));
        String ha2 = DigestMath.ha2(auth.algorithm(), "", URI, auth.qop(), RESPONSE_BODY);
        String forged = DigestMath.response(auth.algorithm(), guessHa1, auth.nonce(), auth.nc(), auth.cnonce(), auth.qop(), ha2);
        String header = new AuthenticationInfo(auth.qop(), forged, auth.cnonce(), auth.nc(), Optional.empty()).toHeaderValue();

        assertThatThrownBy(() -> client.onAuthenticationInfo(auth, header, RESPONSE_BODY))
                .isInstanceOfSatisfying(DigestException.class, e -> assertThat(e.failure()).isEqualTo(DigestFailure.WRONG_RSPAUTH));
    }

    @Test
    void malformedAuthenticationInfoIsMalformedAtTheUe() {
        Signed s = signedExchange();

        assertThatThrownBy(() -> s.client().onAuthenticationInfo(s.auth(), "rspauth=\"abc", RESPONSE_BODY))
                .isInstanceOfSatisfying(DigestException.class, e -> assertThat(e.failure()).isEqualTo(DigestFailure.MALFORMED));
    }

    /**
     * RFC 2617 §3.2.3 and RFC 7616 §3.5: the server SHOULD repeat the request's qop, and cnonce and nc are the
     * request's; a server that leaves them out (sending rspauth and nextnonce only) is read with the request's.
     */
    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', textBlock = """
        # parameters the server sent besides rspauth and nextnonce
        qop, cnonce and nc
        none
        cnonce and nc
        qop only
        """)
    void authenticationInfoWithoutQopCnonceOrNcIsReadWithTheRequestsValues(String sent) {
        Signed s = signedExchange();
        String nextnonce = s.info().nextnonce().orElseThrow();
        StringBuilder header = new StringBuilder("nextnonce=\"" + nextnonce + "\", rspauth=\"" + s.info().rspauth() + "\"");
        if (sent.contains("qop")) {
            header.append(", qop=").append(s.auth().qop().token());
        }
        if (sent.contains("cnonce") || sent.startsWith("qop,")) {
            header.append(", cnonce=\"").append(s.auth().cnonce()).append("\", nc=").append(NonceCount.format(s.auth().nc()));
        }

        s.client().onAuthenticationInfo(s.auth(), header.toString(), RESPONSE_BODY);

        assertThat(s.client().authorize("POST", URI, BODY).nonce()).isEqualTo(nextnonce);
    }

    @Test
    void authenticationInfoWithoutQopStillCoversTheResponseBodyUnderAuthInt() {
        Signed s = signedExchange();
        String header = "rspauth=\"" + s.info().rspauth() + "\"";

        assertThatThrownBy(() -> s.client().onAuthenticationInfo(s.auth(), header, RESPONSE_BODY.withByteXored(3, 0x20)))
                .isInstanceOfSatisfying(DigestException.class, e -> assertThat(e.failure()).isEqualTo(DigestFailure.WRONG_RSPAUTH));
    }

    @Test
    void authenticationInfoWithAnotherQopThanTheRequestIsRejectedByTheUe() {
        Signed s = signedExchange();   // the request used auth-int: an answer under auth would not cover the body
        String header = s.info().toHeaderValue().replace("qop=auth-int", "qop=auth");

        assertThatThrownBy(() -> s.client().onAuthenticationInfo(s.auth(), header, RESPONSE_BODY))
                .isInstanceOfSatisfying(DigestException.class, e -> assertThat(e.failure()).isEqualTo(DigestFailure.WRONG_RSPAUTH));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', textBlock = """
        # Authentication-Info                     | failure
        nextnonce="n", qop=auth-int                | MALFORMED
        rspauth="ab", cnonce=""                    | MALFORMED
        rspauth="ab", nc=xyz                       | MALFORMED
        rspauth="ab", qop=other                    | UNSUPPORTED_QOP
        """)
    void authenticationInfoTheUeCannotRead(String header, DigestFailure failure) {
        Signed s = signedExchange();

        assertThatThrownBy(() -> s.client().onAuthenticationInfo(s.auth(), header, RESPONSE_BODY))
                .isInstanceOfSatisfying(DigestException.class, e -> assertThat(e.failure()).isEqualTo(failure));
    }

    @ParameterizedTest(name = "[{index}] {1}")
    @CsvSource(delimiter = '|', textBlock = """
        # WWW-Authenticate value(s), ';;' separates headers                                                                  | failure
        Digest realm="3GPP-bootstrapping@other.example.org", nonce="n", qop="auth-int"                                         | REALM_MISMATCH
        Digest realm="3GPP-Bootstrapping@bmsc.example.org", nonce="n", qop="auth-int"                                         | REALM_MISMATCH
        Digest realm="3GPP-bootstrapping-uicc@bmsc.example.org", nonce="n", qop="auth-int"                                    | REALM_MISMATCH
        Digest realm="3GPP-bootstrapping@bmsc.example.org.evil.example", nonce="n", qop="auth-int"                            | REALM_MISMATCH
        Digest realm="3GPP-bootstrapping@bmsc.example.org", nonce="n", qop="auth-int", algorithm=SHA-512-256                  | UNSUPPORTED_ALGORITHM
        Digest realm="3GPP-bootstrapping@bmsc.example.org", nonce="n"                                                          | UNSUPPORTED_QOP
        Digest realm="3GPP-bootstrapping@bmsc.example.org", nonce="n", qop="auth-conf"                                         | UNSUPPORTED_QOP
        Basic realm="3GPP-bootstrapping@bmsc.example.org"                                                                      | MALFORMED
        Digest realm="3GPP-bootstrapping@bmsc.example.org", nonce="n, qop="auth-int"                                          | MALFORMED
        Digest realm="3GPP-bootstrapping@bmsc.example.org", qop="auth-int"                                                     | MALFORMED
        Digest realm="3GPP-bootstrapping@bmsc.example.org", nonce="n", qop="auth-int", algorithm=MD5-sess;;Basic realm="x"    | UNSUPPORTED_ALGORITHM
        """)
    void unusableChallengesAreRefusedByTheUeWithTheFirstReason(String headers, DigestFailure failure) {
        DigestClient client = ue();

        assertThatThrownBy(() -> client.onChallenge(List.of(headers.split(";;"))))
                .isInstanceOfSatisfying(DigestException.class, e -> assertThat(e.failure()).isEqualTo(failure));
        assertThat(client.hasNonce()).isFalse();
    }

    @Test
    void ueSkipsAnUnusableChallengeAndTakesTheNextUsableOne() {
        DigestClient client = ue();

        DigestChallenge chosen = client.onChallenge(List.of(
                "Digest realm=\"3GPP-bootstrapping@bmsc.example.org\", nonce=\"a\", qop=\"auth-int\", algorithm=SHA-512-256",
                "Basic realm=\"x\", Digest realm=\"3GPP-bootstrapping@bmsc.example.org\", nonce=\"b\", qop=\"auth, auth-int\""));

        assertThat(chosen.nonce()).isEqualTo("b");
        assertThat(client.authorize("POST", URI, BODY).qop()).isEqualTo(Qop.AUTH_INT);
    }

    /** TS 24.109 §5.2.2.1 compares the realm's second part with the FQDN, and DNS names ignore case (RFC 4343). */
    @Test
    void ueTakesItsBmscFqdnInAnotherCaseAndSignsInTheRealmAsSent() {
        DigestClient client = ue();

        client.onChallenge(List.of("Digest realm=\"3GPP-bootstrapping@BMSC.Example.org\", nonce=\"n\", qop=\"auth-int\""));

        assertThat(client.authorize("POST", URI, BODY).realm()).isEqualTo("3GPP-bootstrapping@BMSC.Example.org");
    }

    @Test
    void ueCannotSignBeforeAChallenge() {
        assertThatThrownBy(() -> ue().authorize("POST", URI, BODY))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("no nonce yet; pass the WWW-Authenticate values of a 401 to onChallenge first");
    }

    // ---- the password never shows ------------------------------------------------------------------------

    @Test
    void passwordAndHa1NeverAppearInToStringsDetailsOrExceptionMessages() {
        String ha1 = DigestMath.ha1(DigestAlgorithm.MD5, BTID, REALM.value(), MrkDigestPassword.derive(MRK)).revealHex();
        String ha1Text = new String(Bytes.ofHex(ha1).toByteArray(), UTF_8);
        DigestVerifier verifier = server().build();
        DigestClient client = ue();
        DigestVerification.Rejected first = challenge(verifier, client);
        DigestAuthorization auth = client.authorize("POST", URI, BODY);
        var ok = accepted(verifier.verify("POST", URI, BODY, auth.toHeaderValue()));
        var replay = (DigestVerification.Rejected) verifier.verify("POST", URI, BODY, auth.toHeaderValue());
        DigestClient wrong = ue(SecretBytes.wrap("wrong".getBytes(UTF_8)), REALM);
        challenge(verifier, wrong);
        var wrongResponse = (DigestVerification.Rejected) verifier.verify("POST", URI, BODY,
                wrong.authorize("POST", URI, BODY).toHeaderValue());
        Throwable rspauthFailure = org.assertj.core.api.Assertions.catchThrowable(() ->
                client.onAuthenticationInfo(auth, ok.authenticationInfo(Bytes.empty()).toHeaderValue(), RESPONSE_BODY));
        Throwable builderFailure = org.assertj.core.api.Assertions.catchThrowable(() ->
                DigestVerifier.builder().serverSecret(SECRET).serverSecret(SECRET));

        List<String> printed = List.of(verifier.toString(), client.toString(), ok.toString(), first.toString(),
                replay.toString(), wrongResponse.toString(), rspauthFailure.getMessage(), builderFailure.getMessage(),
                auth.toString(), MrkDigestPassword.derive(MRK).toString());

        assertThat(rspauthFailure).isInstanceOf(DigestException.class);
        assertThat(printed).allSatisfy(text -> assertThat(text)
                .doesNotContain(PASSWORD_TEXT)
                .doesNotContain(MRK.revealHex())
                .doesNotContain(ha1Text)
                .doesNotContain(SECRET.revealHex()));
        assertThat(builderFailure).hasMessage("serverSecret was already set to SecretBytes[32 bytes]");
    }

    // ---- configuration -----------------------------------------------------------------------------------

    @Test
    void builderNamesTheMissingSetting() {
        assertThatThrownBy(() -> DigestVerifier.builder().credentials(credentials).serverSecret(SECRET).build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("no realms set; use realms(DigestRealm.bootstrapping(bmscFqdn))");
        assertThatThrownBy(() -> DigestVerifier.builder().realms(REALM).credentials(credentials).build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("no serverSecret set; use serverSecret(SecretBytes) with at least 32");
    }

    @Test
    void builderRefusesAShortSecretAndAChallengeForAForeignRealm() {
        assertThatThrownBy(() -> DigestVerifier.builder().serverSecret(SecretBytes.of(new byte[16])))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("serverSecret must be at least 32 bytes (HMAC-SHA-256 key), got 16");
        assertThatThrownBy(() -> server().build().challenges(DigestRealm.of("3GPP-bootstrapping-uicc@bmsc.example.org")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("realm '3GPP-bootstrapping-uicc@bmsc.example.org' is not protected by this verifier; "
                        + "use one of [3GPP-bootstrapping@bmsc.example.org]");
    }

    @Test
    void verifierKeepsItsOwnCopyOfTheSecret() {
        SecretBytes secret = SECRET.copy();
        DigestVerifier verifier = DigestVerifier.builder().realms(REALM).serverSecret(secret).credentials(credentials)
                .clock(clock).build();
        DigestClient client = ue();
        challenge(verifier, client);
        secret.destroy();

        accepted(verifier.verify("POST", URI, BODY, client.authorize("POST", URI, BODY).toHeaderValue()));
    }

    @Test
    void credentialsLookupSeesTheBtidAndTheRealm() {
        var seen = new java.util.ArrayList<Map.Entry<String, DigestRealm>>();
        DigestVerifier verifier = DigestVerifier.builder().realms(REALM).serverSecret(SECRET).clock(clock)
                .credentials((u, r) -> {
                    seen.add(Map.entry(u, r));
                    return credentials.password(u, r);
                }).build();
        DigestClient client = ue();
        challenge(verifier, client);

        accepted(verifier.verify("POST", URI, BODY, client.authorize("POST", URI, BODY).toHeaderValue()));

        assertThat(seen).containsExactly(Map.entry(BTID, REALM));
    }
}
