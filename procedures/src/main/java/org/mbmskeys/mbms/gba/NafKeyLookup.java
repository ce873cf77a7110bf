package org.mbmskeys.mbms.gba;

import java.time.Instant;
import java.util.Objects;

/**
 * Answer of a Zn lookup ({@link Bootstrapping#lookUp}): the NAF keys, or a typed reason why there are
 * none.
 */
public sealed interface NafKeyLookup {

    /** The BSF knows the B-TID and its keys are still valid. */
    record Found(NafKeyMaterial keys) implements NafKeyLookup {
        public Found {
            Objects.requireNonNull(keys, "keys");
        }
    }

    /** The BSF has no bootstrapping with this B-TID (never made, or replaced by a newer one). */
    record UnknownBTid(BTid bTid) implements NafKeyLookup {
        public UnknownBTid {
            Objects.requireNonNull(bTid, "bTid");
        }
    }

    /** The bootstrapping exists but its key lifetime ended at {@code expiredAt}. */
    record Expired(BTid bTid, Instant expiredAt) implements NafKeyLookup {
        public Expired {
            Objects.requireNonNull(bTid, "bTid");
            Objects.requireNonNull(expiredAt, "expiredAt");
        }
    }
}
