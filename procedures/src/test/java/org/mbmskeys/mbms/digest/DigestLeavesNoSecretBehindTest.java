package org.mbmskeys.mbms.digest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mbmskeys.mbms.digest.DigestExchangeTest.BODY;
import static org.mbmskeys.mbms.digest.DigestExchangeTest.BTID;
import static org.mbmskeys.mbms.digest.DigestExchangeTest.LIFETIME;
import static org.mbmskeys.mbms.digest.DigestExchangeTest.MRK;
import static org.mbmskeys.mbms.digest.DigestExchangeTest.REALM;
import static org.mbmskeys.mbms.digest.DigestExchangeTest.RESPONSE_BODY;
import static org.mbmskeys.mbms.digest.DigestExchangeTest.SECRET;
import static org.mbmskeys.mbms.digest.DigestExchangeTest.URI;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mbmskeys.engine.bytes.SecretAudit;
import org.mbmskeys.engine.bytes.SecretBytes;

/**
 * HA1 and the Digest password are computed per request and wiped before the call returns, on every path:
 * the client's signing and its check of {@code Authentication-Info}, and every way the verifier refuses a
 * response. Only an acceptance holds HA1, until it signs its {@code Authentication-Info}. Seen with
 * {@link SecretAudit}: these copies never leave the method, so nothing else could tell a wipe was dropped.
 */
class DigestLeavesNoSecretBehindTest {

    private final TestClock clock = new TestClock(Instant.parse("2026-11-22T10:00:00Z"));
    private DigestVerifier verifier = verifier(100);

    private DigestVerifier verifier(int maxTrackedNonces) {
        return DigestVerifier.builder().realms(REALM).serverSecret(SECRET)
                .credentials((user, realm) -> Optional.of(MrkDigestPassword.derive(MRK)))
                .clock(clock).random(new SeededRandom(1)).nonceLifetime(LIFETIME).maxTrackedNonces(maxTrackedNonces)
                .build();
    }

    private DigestClient challenged(SecretBytes mrk, long seed) {
        DigestClient client = new DigestClient(BTID, MrkDigestPassword.derive(mrk), REALM, new SeededRandom(seed));
        client.onChallenge(((DigestVerification.Rejected) verifier.verify("POST", URI, BODY, null)).wwwAuthenticate());
        return client;
    }

    private DigestFailure refusedUnderAudit(String authorization) {
        try (SecretAudit audit = SecretAudit.begin()) {
            DigestVerification v = verifier.verify("POST", URI, BODY, authorization);

            assertThat(v).isInstanceOf(DigestVerification.Rejected.class);
            assertThat(audit.createdCount()).as("the password and HA1 were computed").isGreaterThanOrEqualTo(2);
            assertThat(audit.undestroyed()).as("secrets left alive by the refusal").isEmpty();
            return ((DigestVerification.Rejected) v).failure();
        }
    }

    @Test
    void signingARequestLeavesNoHa1Behind() {
        DigestClient client = challenged(MRK, 2);

        try (SecretAudit audit = SecretAudit.begin()) {
            client.authorize("POST", URI, BODY);

            assertThat(audit.createdCount()).as("a copy of the password, and HA1").isEqualTo(2);
            assertThat(audit.undestroyed()).isEmpty();
        }
    }

    @Test
    void checkingAuthenticationInfoLeavesNoHa1Behind() {
        DigestClient client = challenged(MRK, 2);
        DigestAuthorization sent = client.authorize("POST", URI, BODY);
        DigestVerification.Accepted ok = (DigestVerification.Accepted) verifier.verify("POST", URI, BODY,
                sent.toHeaderValue());
        String authenticationInfo = ok.authenticationInfo(RESPONSE_BODY).toHeaderValue();

        try (SecretAudit audit = SecretAudit.begin()) {
            client.onAuthenticationInfo(sent, authenticationInfo, RESPONSE_BODY);

            assertThat(audit.createdCount()).as("a copy of the password, and HA1").isEqualTo(2);
            assertThat(audit.undestroyed()).isEmpty();
        }
    }

    @Test
    void anAcceptanceHoldsOnlyHa1AndOnlyUntilItSignsTheAnswer() {
        String authorization = challenged(MRK, 2).authorize("POST", URI, BODY).toHeaderValue();

        try (SecretAudit audit = SecretAudit.begin()) {
            DigestVerification.Accepted ok = (DigestVerification.Accepted) verifier.verify("POST", URI, BODY,
                    authorization);
            assertThat(audit.undestroyed()).as("HA1, held by the acceptance").hasSize(1);

            ok.authenticationInfo(RESPONSE_BODY);
            assertThat(audit.undestroyed()).isEmpty();
        }
    }

    @Test
    void aWrongResponseLeavesNoHa1Behind() {
        SecretBytes wrongMrk = SecretBytes.ofHex("00".repeat(32));

        assertThat(refusedUnderAudit(challenged(wrongMrk, 2).authorize("POST", URI, BODY).toHeaderValue()))
                .isEqualTo(DigestFailure.WRONG_RESPONSE);
    }

    @Test
    void aStaleNonceLeavesNoHa1Behind() {
        DigestClient client = challenged(MRK, 2);
        clock.advance(LIFETIME.plusSeconds(1));

        assertThat(refusedUnderAudit(client.authorize("POST", URI, BODY).toHeaderValue()))
                .isEqualTo(DigestFailure.STALE_NONCE);
    }

    @Test
    void aCorrectResponseOverAnotherServersNonceLeavesNoHa1Behind() {
        DigestVerifier restarted = verifier;
        verifier = DigestVerifier.builder().realms(REALM).serverSecret(SecretBytes.ofHex("11".repeat(32)))
                .credentials((user, realm) -> Optional.of(MrkDigestPassword.derive(MRK))).clock(clock).build();
        DigestClient client = challenged(MRK, 2);   // by the server before its restart, with another secret
        verifier = restarted;

        assertThat(refusedUnderAudit(client.authorize("POST", URI, BODY).toHeaderValue()))
                .isEqualTo(DigestFailure.STALE_NONCE);
    }

    @Test
    void aReplayedRequestLeavesNoHa1Behind() {
        String authorization = challenged(MRK, 2).authorize("POST", URI, BODY).toHeaderValue();
        ((DigestVerification.Accepted) verifier.verify("POST", URI, BODY, authorization)).discard();

        assertThat(refusedUnderAudit(authorization)).isEqualTo(DigestFailure.NONCE_COUNT_REPLAY);
    }

    @Test
    void aNonceTheReplayMemoryForgotLeavesNoHa1Behind() {
        verifier = verifier(1);
        DigestClient early = challenged(MRK, 2);
        clock.advance(Duration.ofMinutes(1));
        DigestClient late = challenged(MRK, 3);
        ((DigestVerification.Accepted) verifier.verify("POST", URI, BODY,
                late.authorize("POST", URI, BODY).toHeaderValue())).discard();

        // The memory holds one nonce: the early one, issued before the late one it would evict, is forgotten.
        assertThat(refusedUnderAudit(early.authorize("POST", URI, BODY).toHeaderValue()))
                .isEqualTo(DigestFailure.STALE_NONCE);
    }
}
