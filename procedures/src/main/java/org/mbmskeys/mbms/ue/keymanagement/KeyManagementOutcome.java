package org.mbmskeys.mbms.ue.keymanagement;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.mbmskeys.mbms.digest.DigestChallenge;
import org.mbmskeys.mbms.keymanagement.ItemStatus;
import org.mbmskeys.mbms.keymanagement.xml.KeyManagementResponseBody;

/**
 * What a BM-SC answer to a key management request means for the UE (TS 33.246 §6.3.2.1A, §6.3.2.1B,
 * §6.3.2.2.1, §6.3.2.4, table G.2.4-1, Annex H). Produced by {@link KeyManagementClient#interpret}.
 *
 * <pre>{@code
 * KeyManagementOutcome outcome = client.interpret(sent, response);
 * if (outcome instanceof KeyManagementOutcome.Challenged || outcome instanceof KeyManagementOutcome.StaleNonce) {
 *     send(client.resend(sent));                                  // Annex H steps 2-4
 * } else if (outcome instanceof KeyManagementOutcome.Answered a) {
 *     use(a.body().codes());                                      // one per item
 * } else if (outcome instanceof KeyManagementOutcome.Failed f && f.repeatable()) {
 *     later(f.retryAfter());                                      // 503 (401 is Challenged)
 * }                                                               // Malformed: its defect() says why
 * }</pre>
 */
public sealed interface KeyManagementOutcome {

    /**
     * 401 with a usable Digest challenge, now adopted by the {@code DigestClient}: send the same request
     * again with credentials ({@link KeyManagementClient#resend}). The caller bounds how often: a 401 to a
     * request that already carried credentials means the BM-SC did not accept them (wrong MRK, unknown
     * B-TID, a replay).
     */
    record Challenged(DigestChallenge challenge) implements KeyManagementOutcome {
        public Challenged {
            Objects.requireNonNull(challenge, "challenge");
        }
    }

    /**
     * 401 with {@code stale=true}: the credentials were right but the nonce had expired; the new nonce is
     * adopted, send again at once.
     */
    record StaleNonce(DigestChallenge challenge) implements KeyManagementOutcome {
        public StaleNonce {
            Objects.requireNonNull(challenge, "challenge");
        }
    }

    /**
     * A 2xx whose {@code Authentication-Info} verified (the BM-SC knows the MRK and, under auth-int, the body
     * is the one it sent), with the per-item codes of its body. Items the body lacks may be asked for again
     * (§6.3.2.4).
     */
    record Answered(KeyManagementResponseBody body) implements KeyManagementOutcome {
        public Answered {
            Objects.requireNonNull(body, "body");
        }
    }

    /**
     * The request as a whole failed with {@code status} (table G.2.4-1). Not authenticated: error answers
     * carry no {@code Authentication-Info}, so this is advice, not proof.
     *
     * @param retryAfter the {@code Retry-After} wait, if the answer had a readable one
     * @param repeatable whether G.2.4 lets the UE repeat the request: only for 401 and 503
     */
    record Failed(int status, Optional<Duration> retryAfter, boolean repeatable) implements KeyManagementOutcome {
        public Failed {
            Objects.requireNonNull(retryAfter, "retryAfter");
            if (repeatable != ItemStatus.received(status).ueRetries()) {
                throw new IllegalArgumentException("status " + status + " is " + (repeatable ? "not " : "")
                        + "repeatable under TS 33.246 table G.2.4-1 (only 401 and 503 are)");
            }
        }
    }

    /** An answer the UE cannot use, with why; nothing in it was taken. */
    record Malformed(AnswerDefect defect, String detail) implements KeyManagementOutcome {
        public Malformed {
            Objects.requireNonNull(defect, "defect");
            Objects.requireNonNull(detail, "detail");
        }
    }
}
