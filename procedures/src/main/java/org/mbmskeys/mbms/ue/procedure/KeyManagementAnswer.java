package org.mbmskeys.mbms.ue.procedure;

import java.util.Objects;
import org.mbmskeys.mbms.ue.keymanagement.KeyManagementExchange;
import org.mbmskeys.mbms.ue.keymanagement.KeyManagementOutcome;

/**
 * The BM-SC's answer to one key management POST, read by the UE's {@code KeyManagementClient} (Digest
 * verified, body parsed) and handed to the instance that sent it: the event that {@code ue.registration},
 * {@code ue.deregistration} and {@code ue.msk-request} wait for (TS 33.246 §6.3.2.1A, §6.3.2.1B, §6.3.2.2.1,
 * Annex H). An answer whose bytes are not HTTP never becomes one: it counts as no answer.
 *
 * @param sent    the request it answers; a script uses only the answer to the request it sent last
 * @param outcome what the answer means
 */
public record KeyManagementAnswer(KeyManagementExchange sent, KeyManagementOutcome outcome) {

    public KeyManagementAnswer {
        Objects.requireNonNull(sent, "sent");
        Objects.requireNonNull(outcome, "outcome");
    }
}
