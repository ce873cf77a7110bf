package org.mbmskeys.mbms.mikey.protection;

import java.util.Objects;
import org.mbmskeys.engine.bytes.Bytes;
import org.mbmskeys.mbms.keys.KeyDomainId;
import org.mbmskeys.mbms.keys.KeyGroup;
import org.mbmskeys.mbms.keys.TimestampCounter;
import org.mbmskeys.mbms.mikey.CsbId;

/**
 * The BM-SC solicited pull (TS 33.246 §6.3.2.2.4): an MSK message for a Key Group with Key Number 0 and
 * a KEMAC without key data, the V bit never set, protected with the last MUK the BM-SC knows for the UE.
 * The UE answers with a Basic MSK request over HTTP for the current MSK of that group.
 *
 * @param csbId any value; TS 33.246 §6.4.2 recommends a random one per message ({@link CsbIds})
 */
public record SolicitedPull(CsbId csbId, KeyDomainId keyDomain, KeyGroup keyGroup, TimestampCounter counter,
                            Bytes rand, String idi, String idr) {

    /**
     * @throws IllegalArgumentException if the Key Group is 0 (reserved) or RAND is empty or longer than 255
     *                                  bytes
     */
    public SolicitedPull {
        Objects.requireNonNull(csbId, "csbId");
        Objects.requireNonNull(keyDomain, "keyDomain");
        Objects.requireNonNull(keyGroup, "keyGroup");
        Objects.requireNonNull(counter, "counter");
        Objects.requireNonNull(rand, "rand");
        Objects.requireNonNull(idi, "idi");
        Objects.requireNonNull(idr, "idr");
        KeyGroups.requireNotReserved(keyGroup);
        Rands.check(rand);
    }
}
