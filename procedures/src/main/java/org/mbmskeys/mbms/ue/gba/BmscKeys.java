package org.mbmskeys.mbms.ue.gba;

import java.time.Instant;
import java.util.Objects;
import org.mbmskeys.mbms.keys.MukId;

/** The outcome of {@link UeBootstrapping#keysFor}: MUK and MRK for one BM-SC, or a bootstrapping first. */
public sealed interface BmscKeys {

    /**
     * The MUK (current MUK of IDi = the BM-SC FQDN) and the MRK for that BM-SC are in the key store.
     *
     * @param mukId     IDi ‖ IDr = BM-SC FQDN ‖ B-TID (TS 33.246 §6.1, §6.4.5.1)
     * @param expiresAt end of the key lifetime of the bootstrapping they come from
     */
    record Installed(MukId mukId, Instant expiresAt) implements BmscKeys {
        public Installed {
            Objects.requireNonNull(mukId, "mukId");
            Objects.requireNonNull(expiresAt, "expiresAt");
        }
    }

    /** No bootstrapping, or its key lifetime is over: run {@link UeBootstrapping#bootstrap()} first. */
    record BootstrapNeeded(String detail) implements BmscKeys {
        public BootstrapNeeded {
            Objects.requireNonNull(detail, "detail");
        }
    }
}
