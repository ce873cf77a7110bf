package org.mbmskeys.mbms.ue.keys;

import java.util.Objects;
import org.mbmskeys.engine.bytes.Bytes;
import org.mbmskeys.engine.bytes.SecretBytes;
import org.mbmskeys.mbms.keys.KeyValidity;
import org.mbmskeys.mbms.keys.MskRef;
import org.mbmskeys.mbms.keys.ServiceType;

/**
 * An MSK as the UE holds it: identity, key, key validity (SEQl..SEQu of MTK IDs, TS 33.246 §6.5.3), the
 * MIKEY-RAND stored with it and the service type of its Key Group. An MTK message carries no RAND: its
 * keys come from the PRF with "the MIKEY-RAND stored together with the MSK" (§6.5.4), and its key data
 * has the shape of the service type (§6.4.5.3). The key is the caller's copy: destroy it after use.
 */
public record MskKey(MskRef ref, SecretBytes key, KeyValidity validity, Bytes rand, ServiceType serviceType) {

    public MskKey {
        Objects.requireNonNull(ref, "ref");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(validity, "validity");
        Objects.requireNonNull(rand, "rand");
        Objects.requireNonNull(serviceType, "serviceType");
    }
}
