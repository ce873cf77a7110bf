package org.mbmskeys.mbms.bmsc.keys;

import java.util.Objects;
import java.util.Optional;
import org.mbmskeys.engine.bytes.Bytes;
import org.mbmskeys.engine.bytes.SecretBytes;
import org.mbmskeys.mbms.keys.KeyValidity;
import org.mbmskeys.mbms.keys.MskRef;
import org.mbmskeys.mbms.keys.MtkId;
import org.mbmskeys.mbms.keys.ServiceType;

/**
 * An MSK in the BM-SC key registry: identity, key, key validity (SEQl..SEQu of MTK IDs, TS 33.246
 * §6.5.3), its MIKEY-RAND, the service type of its Key Group and the last MTK ID handed out under it.
 * Keys returned by {@link KeyRegistry} are copies.
 *
 * <p>{@code rand} is the one MIKEY-RAND of this MSK: "For a specific MSK (identified by the MSK ID including
 * the Key Number part) [...] the same MIKEY-RAND shall be used in MSK delivery messages for all UEs"
 * (§6.4.5.1), because every UE derives the keys of the MTK messages from it (§6.5.4). It travels in clear
 * in every MSK message, so it is not secret.
 */
public record RegisteredMsk(MskRef ref, SecretBytes key, KeyValidity validity, Bytes rand, ServiceType serviceType,
                            Optional<MtkId> lastMtk) {

    public RegisteredMsk {
        Objects.requireNonNull(ref, "ref");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(validity, "validity");
        Objects.requireNonNull(rand, "rand");
        Objects.requireNonNull(serviceType, "serviceType");
        Objects.requireNonNull(lastMtk, "lastMtk");
        if (ref.mskId().isCurrentMarker()) {
            throw new IllegalArgumentException("MSK " + ref + " has Key Number 0, which means 'current' and names no key");
        }
        if (validity.isInvalidation()) {
            throw new IllegalArgumentException("MSK " + ref + " has key validity " + validity
                    + " with SEQl > SEQu; an invalidated MSK is removed from the registry, not stored");
        }
        if (rand.isEmpty()) {
            throw new IllegalArgumentException("MSK " + ref + " has an empty MIKEY-RAND; every MSK message carries "
                    + "one (TS 33.246 §6.4.5.1)");
        }
    }

    RegisteredMsk withLastMtk(MtkId mtkId) {
        return new RegisteredMsk(ref, key, validity, rand, serviceType, Optional.of(mtkId));
    }

    RegisteredMsk withValidity(KeyValidity newValidity) {
        return new RegisteredMsk(ref, key, newValidity, rand, serviceType, lastMtk);
    }

    RegisteredMsk withKeyCopy() {
        return new RegisteredMsk(ref, key.copy(), validity, rand, serviceType, lastMtk);
    }
}
