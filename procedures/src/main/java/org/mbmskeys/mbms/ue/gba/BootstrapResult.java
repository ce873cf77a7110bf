package org.mbmskeys.mbms.ue.gba;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.mbmskeys.mbms.gba.BTid;
import org.mbmskeys.mbms.gba.simulated.BootstrappingFailure;
import org.mbmskeys.mbms.keys.MukId;

/** The outcome of {@link UeBootstrapping#bootstrap()}. */
public sealed interface BootstrapResult {

    /**
     * A new bootstrapping is in use.
     *
     * @param installed the MUK IDs (BM-SC FQDN ‖ new B-TID) installed as current MUKs, one per BM-SC in use
     */
    record Bootstrapped(BTid bTid, Instant expiresAt, List<MukId> installed) implements BootstrapResult {
        public Bootstrapped {
            Objects.requireNonNull(bTid, "bTid");
            Objects.requireNonNull(expiresAt, "expiresAt");
            installed = List.copyOf(installed);
        }
    }

    /** The run failed; the previous bootstrapping, if any, stays. */
    record Failed(BootstrappingFailure reason, String detail) implements BootstrapResult {
        public Failed {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(detail, "detail");
        }
    }
}
