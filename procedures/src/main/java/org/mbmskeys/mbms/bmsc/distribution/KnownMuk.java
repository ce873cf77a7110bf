package org.mbmskeys.mbms.bmsc.distribution;

import java.time.Instant;
import java.util.Objects;
import org.mbmskeys.mbms.bmsc.registrations.LastMuk;
import org.mbmskeys.mbms.gba.BTid;
import org.mbmskeys.mbms.gba.Impi;
import org.mbmskeys.mbms.gba.MbmsKeyManagement;
import org.mbmskeys.mbms.keys.MukId;

/**
 * What the BM-SC knows about a UE's last MUK, without the key: whose it is, its name, when it was derived
 * and when it stops being usable for MSK deliveries.
 *
 * @param mukId           IDi ‖ IDr = BM-SC FQDN ‖ B-TID, how MIKEY names it (TS 33.246 §6.1, §6.4.6.1)
 * @param nafKeysExpireAt end of the Ks_(ext/int)_NAF lifetime the BSF gave with the keys (TS 33.220)
 * @param expiresAt       end of the MUK lifetime the BM-SC uses: {@code nafKeysExpireAt}, or earlier if the
 *                        BM-SC chose a shorter MUK lifetime (§6.3.2.2.4). Usable strictly before it
 */
public record KnownMuk(String impi, BTid bTid, MukId mukId, MbmsKeyManagement keyManagement, Instant derivedAt,
                       Instant nafKeysExpireAt, Instant expiresAt) {

    public KnownMuk {
        Impi.require(impi);
        Objects.requireNonNull(bTid, "bTid");
        Objects.requireNonNull(mukId, "mukId");
        Objects.requireNonNull(keyManagement, "keyManagement");
        Objects.requireNonNull(derivedAt, "derivedAt");
        Objects.requireNonNull(nafKeysExpireAt, "nafKeysExpireAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        if (expiresAt.isAfter(nafKeysExpireAt)) {
            throw new IllegalArgumentException("MUK of " + impi + " would outlive its NAF keys (" + expiresAt + " after "
                    + nafKeysExpireAt + "); a BM-SC MUK lifetime may only be shorter (TS 33.246 §6.3.2.2.4)");
        }
    }

    /** Whether the MUK lifetime is over at {@code now} (usable strictly before {@link #expiresAt}). */
    public boolean isExpiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }

    /** The registration's record of this MUK: its B-TID and when it was derived. */
    public LastMuk asLastMuk() {
        return new LastMuk(bTid, derivedAt);
    }
}
