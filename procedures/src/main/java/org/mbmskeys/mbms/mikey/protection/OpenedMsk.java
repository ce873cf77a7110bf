package org.mbmskeys.mbms.mikey.protection;

import java.util.Optional;
import org.mbmskeys.engine.bytes.Bytes;
import org.mbmskeys.engine.bytes.SecretBytes;
import org.mbmskeys.mbms.keys.KeyDomainId;
import org.mbmskeys.mbms.keys.KeyValidity;
import org.mbmskeys.mbms.keys.MskId;
import org.mbmskeys.mbms.keys.ServiceType;
import org.mbmskeys.mbms.keys.TimestampCounter;
import org.mbmskeys.mbms.mikey.SecurityPolicyPayload;
import org.mbmskeys.mbms.mikey.SrtpCsEntry;

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

    /** Streaming or download, as the authenticated header says (TS 33.246 §6.4.5.1). */
    public ServiceType serviceType() {
        return message.serviceType();
    }

    /** The SRTP-ID map entry (Policy_no, SSRC, ROC) of a streaming MSK message. */
    public Optional<SrtpCsEntry> srtpCsEntry() {
        return message.srtpCsEntry();
    }

    /**
     * The security policy, adopted: it exists only here, after the MAC verified (TS 33.246 §6.4.6.1 steps 3
     * and 5: kept aside while the message is checked, adopted when it validates).
     */
    public Optional<SecurityPolicyPayload> securityPolicy() {
        return message.pendingSecurityPolicy();
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
