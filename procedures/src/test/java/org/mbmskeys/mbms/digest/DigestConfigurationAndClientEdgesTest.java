package org.mbmskeys.mbms.digest;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mbmskeys.mbms.digest.DigestExchangeTest.BODY;
import static org.mbmskeys.mbms.digest.DigestExchangeTest.BTID;
import static org.mbmskeys.mbms.digest.DigestExchangeTest.MRK;
import static org.mbmskeys.mbms.digest.DigestExchangeTest.REALM;
import static org.mbmskeys.mbms.digest.DigestExchangeTest.SECRET;
import static org.mbmskeys.mbms.digest.DigestExchangeTest.URI;

import java.lang.reflect.Field;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.mbmskeys.engine.bytes.Bytes;
import org.mbmskeys.engine.bytes.SecretBytes;

/**
 * The verifier's builder takes each setting once and only sensible values, fills in the defaults it
 * documents, and the UE's client keeps the first reason a challenge list is unusable, signs only with a
 * nonce and a nonce-count left, and accepts only the Authentication-Info of its own request.
 */
class DigestConfigurationAndClientEdgesTest {

    private static final DigestCredentials CREDENTIALS =
            (user, realm) -> user.equals(BTID) ? Optional.of(MrkDigestPassword.derive(MRK)) : Optional.empty();
    private final TestClock clock = new TestClock(Instant.parse("2026-11-22T10:00:00Z"));

    private DigestClient ue() {
        return new DigestClient(BTID, MrkDigestPassword.derive(MRK), REALM, new SeededRandom(2));
    }

    private static DigestVerification.Accepted accepted(DigestVerification v) {
        assertThat(v).isInstanceOf(DigestVerification.Accepted.class);
        return (DigestVerification.Accepted) v;
    }

    private static DigestVerification.Accepted exchange(DigestVerifier verifier, DigestClient client) {
        client.onChallenge(((DigestVerification.Rejected) verifier.verify("POST", URI, BODY, null)).wwwAuthenticate());
        return accepted(verifier.verify("POST", URI, BODY, client.authorize("POST", URI, BODY).toHeaderValue()));
    }

    @Test
    void everySettingMayBeGivenOnce() {
        List<Consumer<DigestVerifier.Builder>> settings = List.of(
                b -> b.realms(REALM),
                b -> b.serverSecret(SECRET),
                b -> b.credentials(CREDENTIALS),
                b -> b.clock(clock),
                b -> b.random(new SeededRandom(1)),
                b -> b.nonceLifetime(Duration.ofMinutes(1)),
                b -> b.allowQopAuth(true),
                b -> b.offerSha256(true),
                b -> b.opaque("o"),
                b -> b.maxTrackedNonces(10),
                b -> b.nonceAuthority(new AcceptOneNonce("n", clock)));
        for (Consumer<DigestVerifier.Builder> setting : settings) {
            DigestVerifier.Builder builder = DigestVerifier.builder();
            setting.accept(builder);
            assertThatThrownBy(() -> setting.accept(builder)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("was already set");
        }
    }

    @Test
    void settingsRefuseValuesThatCannotWork() {
        assertThatThrownBy(() -> DigestVerifier.builder().realms(REALM, DigestRealm.bootstrapping("bmsc.example.org")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("twice");
        assertThatThrownBy(() -> DigestVerifier.builder().nonceLifetime(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("positive");
        assertThatThrownBy(() -> DigestVerifier.builder().nonceLifetime(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("positive");
        assertThatThrownBy(() -> DigestVerifier.builder().maxTrackedNonces(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 1");
        assertThatThrownBy(() -> DigestVerifier.builder().realms(REALM).serverSecret(SECRET).build())
                .isInstanceOf(IllegalStateException.class).hasMessageStartingWith("no credentials set");
    }

    @Test
    void aVerifierTrackingOneNonceWithTheDefaultClockAndRandomnessWorks() {
        DigestVerifier verifier = DigestVerifier.builder().realms(REALM).serverSecret(SECRET).credentials(CREDENTIALS)
                .maxTrackedNonces(1).build();

        exchange(verifier, ue());
    }

    @Test
    void aNonceBoundToNoAlgorithmIsAnsweredWithTheChallengesAlgorithm() {
        DigestVerifier verifier = DigestVerifier.builder().realms(REALM).credentials(CREDENTIALS).clock(clock)
                .nonceAuthority(new AcceptOneNonce("fixed-nonce", clock)).build();

        exchange(verifier, ue());
    }

    @Test
    void verifierAndAcceptancePrintTheirSettingsAndNoSecret() {
        DigestVerifier verifier = DigestVerifier.builder().realms(REALM).serverSecret(SECRET).credentials(CREDENTIALS)
                .clock(clock).random(new SeededRandom(1)).offerSha256(true).allowQopAuth(true).build();

        assertThat(verifier).hasToString("DigestVerifier[realms=[3GPP-bootstrapping@bmsc.example.org], "
                + "algorithms=SHA-256, MD5, qop=auth-int, auth]");
        DigestVerification.Accepted ok = exchange(verifier, ue());
        assertThat(ok).hasToString("Accepted[username=" + BTID + ", realm=3GPP-bootstrapping@bmsc.example.org, "
                + "algorithm=SHA-256, qop=auth-int, nc=00000001]");
        ok.discard();
    }

    @Test
    void aRandomSourceGivingTheWrongLengthIsReported() {
        DigestVerifier verifier = DigestVerifier.builder().realms(REALM).serverSecret(SECRET).credentials(CREDENTIALS)
                .clock(clock).random(length -> Bytes.wrap(new byte[length - 1])).build();

        assertThatThrownBy(() -> verifier.challenges(REALM)).isInstanceOf(IllegalStateException.class)
                .hasMessage("RandomBytes returned 15 bytes, asked for 16");
    }

    @Test
    void theClientNeedsAPasswordAndSaysWhetherItHasANonce() {
        assertThatThrownBy(() -> new DigestClient(BTID, SecretBytes.of(), REALM, new SeededRandom(2)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("MrkDigestPassword");
        DigestClient client = ue();
        assertThat(client.hasNonce()).isFalse();
        assertThat(client).hasToString("DigestClient[username=" + BTID + ", realm=3GPP-bootstrapping@bmsc.example.org, "
                + "nonce none, nc=0]");

        client.onChallenge(List.of("Digest realm=\"3GPP-bootstrapping@bmsc.example.org\", nonce=\"n\", qop=\"auth-int\""));

        assertThat(client.hasNonce()).isTrue();
        assertThat(client.toString()).contains("nonce known");
    }

    @Test
    void theClientReportsTheFirstProblemOfItsChallenges() {
        DigestClient client = ue();

        assertThatThrownBy(() -> client.onChallenge(List.of("Digest a=\"unclosed", "Digest b=\"x\u0001\"")))
                .hasMessageContaining("not closed");
        assertThatThrownBy(() -> client.onChallenge(List.of(
                "Digest realm=\"elsewhere\", nonce=\"n\", qop=\"auth-int\", "
                        + "Digest realm=\"3GPP-bootstrapping@bmsc.example.org\", nonce=\"n\"")))
                .isInstanceOfSatisfying(DigestException.class,
                        e -> assertThat(e.failure()).isEqualTo(DigestFailure.REALM_MISMATCH));
    }

    @Test
    void theClientAnswersOnlyDigestChallengesEvenIfAnotherSchemeLooksLikeOne() {
        DigestClient client = ue();

        DigestChallenge chosen = client.onChallenge(List.of(
                "Basic realm=\"3GPP-bootstrapping@bmsc.example.org\", nonce=\"basic\", qop=\"auth-int\", "
                        + "Digest realm=\"3GPP-bootstrapping@bmsc.example.org\", nonce=\"digest\", qop=\"auth-int\""));

        assertThat(chosen.nonce()).isEqualTo("digest");
    }

    @Test
    void theClientStopsWhenTheNonceCountIsUsedUp() throws ReflectiveOperationException {
        DigestClient client = ue();
        client.onChallenge(List.of("Digest realm=\"3GPP-bootstrapping@bmsc.example.org\", nonce=\"n\", qop=\"auth-int\""));
        // 2^32 - 1 requests under one nonce cannot be sent in a test; the count is set where they would leave it.
        Field nc = DigestClient.class.getDeclaredField("nc");
        nc.setAccessible(true);
        nc.setLong(client, NonceCount.MAX - 1);

        assertThat(client.authorize("POST", URI, BODY).nc()).isEqualTo(NonceCount.MAX);
        assertThatThrownBy(() -> client.authorize("POST", URI, BODY)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("exhausted");
    }

    @Test
    void theClientRefusesAuthenticationInfoWithAnotherQopOrCnonce() {
        DigestVerifier verifier = DigestVerifier.builder().realms(REALM).serverSecret(SECRET).credentials(CREDENTIALS)
                .clock(clock).random(new SeededRandom(1)).build();
        DigestClient client = ue();
        client.onChallenge(((DigestVerification.Rejected) verifier.verify("POST", URI, BODY, null)).wwwAuthenticate());
        DigestAuthorization sent = client.authorize("POST", URI, BODY);
        String info = accepted(verifier.verify("POST", URI, BODY, sent.toHeaderValue()))
                .authenticationInfo(Bytes.wrap("ok".getBytes(UTF_8))).toHeaderValue();

        for (String other : List.of(info.replace("qop=auth-int", "qop=auth"),
                info.replace("cnonce=\"" + sent.cnonce() + "\"", "cnonce=\"other\""))) {
            assertThatThrownBy(() -> client.onAuthenticationInfo(sent, other, Bytes.wrap("ok".getBytes(UTF_8))))
                    .isInstanceOfSatisfying(DigestException.class,
                            e -> assertThat(e.failure()).isEqualTo(DigestFailure.WRONG_RSPAUTH))
                    .hasMessageContaining("answers another request");
        }
        client.onAuthenticationInfo(sent, info, Bytes.wrap("ok".getBytes(UTF_8)));
    }

    @Test
    void aMissingOpaqueIsNamedAsMissingAndAChangedOneAsDifferent() {
        DigestVerifier verifier = DigestVerifier.builder().realms(REALM).serverSecret(SECRET).credentials(CREDENTIALS)
                .clock(clock).random(new SeededRandom(1)).build();
        DigestClient client = ue();
        client.onChallenge(((DigestVerification.Rejected) verifier.verify("POST", URI, BODY, null)).wwwAuthenticate());
        DigestAuthorization a = client.authorize("POST", URI, BODY);
        DigestAuthorization without = new DigestAuthorization(a.username(), a.realm(), a.nonce(), a.uri(), a.response(),
                a.algorithm(), Optional.empty(), a.qop(), a.cnonce(), a.nc());
        DigestAuthorization changed = new DigestAuthorization(a.username(), a.realm(), a.nonce(), a.uri(), a.response(),
                a.algorithm(), Optional.of("changed"), a.qop(), a.cnonce(), a.nc());

        assertThat(((DigestVerification.Rejected) verifier.verify("POST", URI, BODY, without.toHeaderValue())).detail())
                .isEqualTo("opaque is missing; send the value of the challenge");
        assertThat(((DigestVerification.Rejected) verifier.verify("POST", URI, BODY, changed.toHeaderValue())).detail())
                .isEqualTo("opaque differs from the value of the challenge");
        assertThatThrownBy(() -> new DigestAuthorization(a.username(), a.realm(), a.nonce(), a.uri(), a.response(),
                a.algorithm(), Optional.of("o\u0001"), a.qop(), a.cnonce(), a.nc()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("opaque");
    }
}
