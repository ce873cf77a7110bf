package org.mbmskeys.mbms.bmsc.distribution;

import java.time.Instant;
import java.util.Objects;
import org.mbmskeys.mbms.gba.BTid;

/** The answer of {@link UeKeys#lookUp}: the MUK is known now, or why the BSF gave no keys. */
public sealed interface MukLookup permits MukLookup.Known, MukLookup.UnknownBTid, MukLookup.BootstrappingExpired {

    /** The MUK of this B-TID is the UE's last MUK now (derived now, or already cached and still valid). */
    record Known(KnownMuk muk) implements MukLookup {
        public Known {
            Objects.requireNonNull(muk, "muk");
        }
    }

    /** The BSF has no bootstrapping with this B-TID: challenge the UE, which bootstraps again. */
    record UnknownBTid(BTid bTid) implements MukLookup {
        public UnknownBTid {
            Objects.requireNonNull(bTid, "bTid");
        }
    }

    /** The bootstrapping's key lifetime ended: challenge the UE, which bootstraps again. */
    record BootstrappingExpired(BTid bTid, Instant expiredAt) implements MukLookup {
        public BootstrappingExpired {
            Objects.requireNonNull(bTid, "bTid");
            Objects.requireNonNull(expiredAt, "expiredAt");
        }
    }
}
