package org.mbmskeys.mbms.mikey.protection;

import java.util.Optional;
import org.mbmskeys.engine.bytes.Bytes;
import org.mbmskeys.mbms.keys.KeyDomainId;
import org.mbmskeys.mbms.mikey.CsbId;
import org.mbmskeys.mbms.profile.Unconfirmed;

/**
 * What the CSB ID of an MBMS MIKEY message carries: the Key Domain ID (3 bytes, MCC/MNC packed like a
 * PLMN identity) followed by 0x00. A UE learns the Key Domain of an MTK message, which carries no ID
 * payloads, from here.
 */
@Unconfirmed("CSB ID content and Key Domain ID packing for MBMS; PROFILE.md §3.1, §9 item 4, §10 'CSB ID'")
public final class CsbIdPolicy {

    private CsbIdPolicy() {
    }

    /** CSB ID = Key Domain ID ‖ 0x00. */
    public static CsbId forKeyDomain(KeyDomainId keyDomain) {
        Bytes plmn = keyDomain.plmnOctets();
        return CsbId.of((plmn.u8(0) << 24) | (plmn.u8(1) << 16) | (plmn.u8(2) << 8));
    }

    /** The Key Domain ID a CSB ID names, or empty if it does not follow this policy. */
    public static Optional<KeyDomainId> keyDomainOf(CsbId csbId) {
        Bytes octets = csbId.toBytes();
        if (octets.u8(3) != 0) {
            return Optional.empty();
        }
        try {
            return Optional.of(KeyDomainId.fromPlmnOctets(octets.slice(0, 3)));
        } catch (IllegalArgumentException notBcd) {
            return Optional.empty();
        }
    }
}
