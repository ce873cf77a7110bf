package org.mbmskeys.mbms.ue.reception;

import java.time.Instant;
import java.util.Optional;
import org.mbmskeys.mbms.keys.MukId;

/**
 * When the GBA key a MUK was derived from stops being valid (TS 33.246 §6.1: "NAF keys live as long as GBA
 * says"; TS 33.220 key lifetime). The UE's bootstrapping ({@code org.mbmskeys.mbms.ue.gba.UeBootstrapping})
 * knows it; {@link #UNKNOWN} is for a UE that does not check.
 */
@FunctionalInterface
public interface MukLifetime {

    /** No MUK has a known end: no MSK message is refused for its MUK's age. */
    MukLifetime UNKNOWN = id -> Optional.empty();

    /** The end of the key lifetime of the MUK with this ID (valid strictly before it), if known. */
    Optional<Instant> expiresAt(MukId id);
}
