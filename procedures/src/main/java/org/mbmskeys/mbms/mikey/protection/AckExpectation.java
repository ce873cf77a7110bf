package org.mbmskeys.mbms.mikey.protection;

import java.util.Objects;
import org.mbmskeys.engine.bytes.Bytes;
import org.mbmskeys.mbms.keys.TimestampCounter;
import org.mbmskeys.mbms.mikey.CsbId;

/**
 * What a BM-SC remembers of an MSK message sent with the V bit, to check the UE's verification message:
 * the CSB ID and RAND that key the verification MAC, the ID data it covers, and the counter it must echo.
 * Holds no key.
 */
public record AckExpectation(CsbId csbId, Bytes rand, Bytes idi, Bytes idr, TimestampCounter counter) {

    public AckExpectation {
        Objects.requireNonNull(csbId, "csbId");
        Objects.requireNonNull(rand, "rand");
        Objects.requireNonNull(idi, "idi");
        Objects.requireNonNull(idr, "idr");
        Objects.requireNonNull(counter, "counter");
    }
}
