package org.mbmskeys.mbms.gba.simulated;

import java.time.Instant;
import java.util.Objects;
import org.mbmskeys.mbms.gba.BTid;
import org.mbmskeys.mbms.gba.BootstrappingContext;

/**
 * The BSF's answer to a correct RES (TS 33.220 §4.5.2 step 8): the B-TID it assigned and the end of the
 * key lifetime. The UE combines it with its own CK, IK and RAND into a {@link BootstrappingContext}.
 */
public record BootstrapConfirmation(BTid bTid, Instant expiresAt) {

    public BootstrapConfirmation {
        Objects.requireNonNull(bTid, "bTid");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }
}
