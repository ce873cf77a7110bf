package org.mbmskeys.mbms.keys;

import java.util.Objects;
import java.util.Optional;
import org.mbmskeys.engine.bytes.SecretBytes;

/**
 * An MSK in the BM-SC key registry: identity, key, key validity (SEQl..SEQu of MTK IDs, TS 33.246
 * §6.5.3) and the last MTK ID handed out under it. Keys returned by {@link KeyRegistry} are copies.
 */
public record RegisteredMsk(MskRef ref, SecretBytes key, KeyValidity validity, Optional<MtkId> lastMtk) {

    public RegisteredMsk {
        Objects.requireNonNull(ref, "ref");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(validity, "validity");
        Objects.requireNonNull(lastMtk, "lastMtk");
        if (ref.mskId().isCurrentMarker()) {
            throw new IllegalArgumentException("MSK " + ref + " has Key Number 0, which means 'current' and names no key");
        }
        if (validity.isInvalidation()) {
            throw new IllegalArgumentException("MSK " + ref + " has key validity " + validity
                    + " with SEQl > SEQu; an invalidated MSK is removed from the registry, not stored");
        }
    }

    RegisteredMsk withLastMtk(MtkId mtkId) {
        return new RegisteredMsk(ref, key, validity, Optional.of(mtkId));
    }

    RegisteredMsk withValidity(KeyValidity newValidity) {
        return new RegisteredMsk(ref, key, newValidity, lastMtk);
    }

    RegisteredMsk withKeyCopy() {
        return new RegisteredMsk(ref, Secrets.copy(key), validity, lastMtk);
    }
}
