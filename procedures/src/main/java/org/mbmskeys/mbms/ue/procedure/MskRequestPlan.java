package org.mbmskeys.mbms.ue.procedure;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.mbmskeys.mbms.keymanagement.MskRequestReason;
import org.mbmskeys.mbms.keys.MskRef;

/**
 * An MSK request to start (TS 33.246 §6.3.2.2.1): which instance of {@code ue.msk-request} and its inputs.
 *
 * @param key    the instance key, {@code <ue>/msk/<Key Domain ID>/<Key Group>}: one request per Key Group at a time
 * @param ue     the UE
 * @param bmsc   the key management server kept for the service (§6.3.2.1A)
 * @param msks   the Key Domain ID – MSK ID pairs to ask for
 * @param reason why: it decides the back-off
 */
public record MskRequestPlan(String key, String ue, String bmsc, List<MskRef> msks, MskRequestReason reason) {

    public MskRequestPlan {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(ue, "ue");
        Objects.requireNonNull(bmsc, "bmsc");
        Objects.requireNonNull(reason, "reason");
        msks = List.copyOf(msks);
    }

    /** The inputs of {@code ue.msk-request}. */
    public Map<String, Object> inputs() {
        return Map.of("ue", ue, "bmsc", bmsc, "msks", msks, "reason", reason);
    }
}
