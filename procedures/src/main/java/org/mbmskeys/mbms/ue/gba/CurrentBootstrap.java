package org.mbmskeys.mbms.ue.gba;

import java.time.Instant;
import java.util.Objects;
import org.mbmskeys.mbms.gba.BTid;

/**
 * The UE's bootstrapping as it may be shown: the B-TID (the Digest username, TS 33.246 §6.2.1.3) and the
 * end of the key lifetime. Holds no key.
 */
public record CurrentBootstrap(BTid bTid, Instant expiresAt) {

    public CurrentBootstrap {
        Objects.requireNonNull(bTid, "bTid");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    /** Valid strictly before {@link #expiresAt()}, like every NAF key derived from it. */
    public boolean isExpiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }
}
