package org.mbmskeys.mbms.bmsc.registrations;

import java.time.Instant;
import java.util.Objects;
import org.mbmskeys.mbms.gba.BTid;
import org.mbmskeys.mbms.keys.MukId;

/**
 * The last MUK the BM-SC knows for a UE, by name and age only: the key itself never enters a registration.
 * In the BM-SC a MUK is identified by the B-TID (TS 33.246 §6.1); on the wire by IDi ‖ IDr = BM-SC FQDN ‖
 * B-TID ({@link #mukId}). A solicited pull is protected with this MUK (§6.3.2.2.4), and its age decides
 * whether a BM-SC MUK lifetime shorter than the Ks_NAF lifetime has run out.
 *
 * @param derivedAt when the BM-SC derived it from the NAF keys the BSF returned
 */
public record LastMuk(BTid bTid, Instant derivedAt) {

    public LastMuk {
        Objects.requireNonNull(bTid, "bTid");
        Objects.requireNonNull(derivedAt, "derivedAt");
    }

    /** IDi ‖ IDr of the MIKEY messages protected with this MUK. */
    public MukId mukId(String bmscFqdn) {
        return MukId.of(bmscFqdn, bTid.format());
    }
}
