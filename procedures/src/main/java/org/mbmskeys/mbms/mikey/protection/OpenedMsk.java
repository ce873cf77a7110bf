package org.mbmskeys.mbms.mikey.protection;

import java.util.Optional;
import org.mbmskeys.engine.bytes.Bytes;
import org.mbmskeys.engine.bytes.SecretBytes;
import org.mbmskeys.mbms.keys.KeyDomainId;
import org.mbmskeys.mbms.keys.KeyValidity;
import org.mbmskeys.mbms.keys.MskId;
import org.mbmskeys.mbms.keys.TimestampCounter;

/**
 * An authenticated MSK message: the MSK (absent for a validity-only update or an invalidation) and its key
 * validity. {@code toString} shows IDs, never the key.
 */
public record OpenedMsk(MskMessage message, Optional<SecretBytes> msk, KeyValidity validity) {

    public KeyDomainId keyDomain() {
        return message.keyDomain();
    }

    public MskId mskId() {
        return message.mskId();
    }

    public TimestampCounter counter() {
        return message.counter();
    }

    /**
     * The MSK's MIKEY-RAND: keep it with the MSK, the MTK messages under it are opened with it
     * (TS 33.246 §6.5.4).
     */
    public Bytes rand() {
        return message.rand();
    }

    /** No key: only the key validity of a stored MSK changes (TS 33.246 §6.5.3). */
    public boolean isValidityOnly() {
        return msk.isEmpty();
    }

    /** SEQl &gt; SEQu: the MSK is invalidated (TS 33.246 §6.3.2.1B). */
    public boolean isInvalidation() {
        return validity.isInvalidation();
    }

    @Override
    public String toString() {
        return "OpenedMsk[" + keyDomain() + "/" + mskId() + ", counter " + counter() + ", validity " + validity
                + (msk.isPresent() ? ", key " + msk.get() : ", no key") + "]";
    }
}
