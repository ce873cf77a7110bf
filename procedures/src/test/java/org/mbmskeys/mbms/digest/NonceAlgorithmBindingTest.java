package org.mbmskeys.mbms.digest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mbmskeys.mbms.digest.DigestExchangeTest.BODY;
import static org.mbmskeys.mbms.digest.DigestExchangeTest.REALM;
import static org.mbmskeys.mbms.digest.DigestExchangeTest.URI;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A nonce answers only the challenge it was issued in: a response computed with another algorithm (an MD5
 * answer to a SHA-256 challenge, a downgrade) is refused with its own reason and uses up nothing.
 */
class NonceAlgorithmBindingTest {

    private final DigestExchangeTest exchange = new DigestExchangeTest();
    private final DigestVerifier verifier = exchange.server().offerSha256(true).build();

    /** The UE is handed the SHA-256 challenge rewritten to say MD5, so it answers that nonce with MD5. */
    private DigestClient ueAnsweringTheSha256NonceWithMd5() {
        DigestChallenge sha256 = verifier.challenges(REALM).get(0);
        assertThat(sha256.algorithm()).isEqualTo(DigestAlgorithm.SHA_256);
        DigestClient client = exchange.ue();
        client.onChallenge(List.of(sha256.toHeaderValue().replace("algorithm=SHA-256", "algorithm=MD5")));
        return client;
    }

    @Test
    void anMd5ResponseToASha256NonceIsRefusedAsAnAlgorithmMismatch() {
        DigestClient client = ueAnsweringTheSha256NonceWithMd5();
        DigestAuthorization md5 = client.authorize("POST", URI, BODY);
        assertThat(md5.algorithm()).isEqualTo(DigestAlgorithm.MD5);

        var v = (DigestVerification.Rejected) verifier.verify("POST", URI, BODY, md5.toHeaderValue());

        assertThat(v.failure()).isEqualTo(DigestFailure.ALGORITHM_MISMATCH);
        assertThat(v.detail()).isEqualTo("the response uses algorithm MD5 but its nonce was issued in a SHA-256 "
                + "challenge; answer each challenge with its own algorithm");
    }

    @Test
    void theRefusalUsesUpNoNonceCount() {
        DigestChallenge sha256 = verifier.challenges(REALM).get(0);
        DigestClient wrong = exchange.ue();
        wrong.onChallenge(List.of(sha256.toHeaderValue().replace("algorithm=SHA-256", "algorithm=MD5")));
        verifier.verify("POST", URI, BODY, wrong.authorize("POST", URI, BODY).toHeaderValue());

        DigestClient right = exchange.ue();
        right.onChallenge(List.of(sha256.toHeaderValue()));
        var v = verifier.verify("POST", URI, BODY, right.authorize("POST", URI, BODY).toHeaderValue());

        assertThat(v).isInstanceOf(DigestVerification.Accepted.class);
    }

    @Test
    void theNextNonceIsBoundToTheAlgorithmOfTheAcceptedRequest() {
        DigestClient client = exchange.ue();
        DigestExchangeTest.challenge(verifier, client);
        DigestAuthorization first = client.authorize("POST", URI, BODY);
        var ok = DigestExchangeTest.accepted(verifier.verify("POST", URI, BODY, first.toHeaderValue()));

        String nextNonce = ok.authenticationInfo(DigestExchangeTest.RESPONSE_BODY).nextnonce().orElseThrow();

        assertThat(first.algorithm()).isEqualTo(DigestAlgorithm.SHA_256);
        DigestClient md5 = exchange.ue();
        md5.onChallenge(List.of(new DigestChallenge(REALM.value(), nextNonce, verifier.challenges(REALM).get(0).opaque(),
                DigestAlgorithm.MD5, List.of(Qop.AUTH_INT), false).toHeaderValue()));
        var v = verifier.verify("POST", URI, BODY, md5.authorize("POST", URI, BODY).toHeaderValue());
        assertThat(((DigestVerification.Rejected) v).failure()).isEqualTo(DigestFailure.ALGORITHM_MISMATCH);
    }
}
