package org.mbmskeys.mbms.bmsc.distribution;

import java.util.Objects;

/**
 * Whether the BM-SC may protect an MSK delivery to a UE with the MUK it knows ({@link UeKeys#forDelivery}).
 */
public sealed interface MukUse permits MukUse.Usable, MukUse.Expired, MukUse.Unknown {

    /** The MUK is within its lifetime; the caller owns the copy and destroys it. */
    record Usable(UeMuk muk) implements MukUse {
        public Usable {
            Objects.requireNonNull(muk, "muk");
        }
    }

    /**
     * The MUK lifetime is over. TS 33.246 §6.3.2.2.4: the BM-SC "should initiate the BM-SC solicited pull
     * procedure" (which may still use this MUK, NOTE 1) and answer the UE's next HTTP POST with a
     * Bootstrapping Renegotiation Request.
     */
    record Expired(KnownMuk muk) implements MukUse {
        public Expired {
            Objects.requireNonNull(muk, "muk");
        }
    }

    /** The BM-SC knows no MUK for this UE: it has sent no authenticated request since the BM-SC started. */
    record Unknown(String impi) implements MukUse {
        public Unknown {
            Objects.requireNonNull(impi, "impi");
        }
    }
}
