package org.mbmskeys.mbms.keys;

import java.util.Objects;
import java.util.Optional;

/**
 * The result of an accepted MSK message: what happened to which MSK, and which older MSK of the same Key
 * Domain ID and Key Group was deleted to keep at most two (TS 33.246 §6.3.2.1), if any.
 */
public record MskUpdate(MskChange change, MskRef msk, Optional<MskRef> evicted) {

    public MskUpdate {
        Objects.requireNonNull(change, "change");
        Objects.requireNonNull(msk, "msk");
        Objects.requireNonNull(evicted, "evicted");
    }
}
