package org.mbmskeys.mbms.gba;

import java.util.Objects;
import org.mbmskeys.engine.bytes.Bytes;

/**
 * NAF_Id = NAF FQDN ‖ Ua security protocol identifier (TS 33.220 §4.5.2, Annex H): the parameter P3 of
 * the Ks_NAF derivation. For MBMS the NAF is the BM-SC, named by the FQDN from the service announcement,
 * and the protocol identifier is {@link UaSecurityProtocolId#MBMS}.
 *
 * <p>The FQDN is used byte for byte (UTF-8 of an ASCII host name); it is checked but not normalised, so
 * the BM-SC and the UE must spell it the same way, letter case included.
 *
 * <pre>{@code
 * NafId.forMbms("bmsc.example.org").toBytes();   // 626d73632e6578616d706c652e6f7267 0100000001
 * }</pre>
 */
public record NafId(String fqdn, UaSecurityProtocolId uaSecurityProtocolId) {

    /**
     * @throws IllegalArgumentException if {@code fqdn} is not a host name (empty, trailing dot, characters
     *                                  other than letters, digits, hyphens and dots, over-long labels)
     */
    public NafId {
        Fqdn.require("NAF FQDN", fqdn);
        Objects.requireNonNull(uaSecurityProtocolId, "uaSecurityProtocolId");
    }

    /** The NAF_Id of a BM-SC for MBMS key management (Ua protocol 01 00 00 00 01). */
    public static NafId forMbms(String nafFqdn) {
        return new NafId(nafFqdn, UaSecurityProtocolId.MBMS);
    }

    public static NafId of(String nafFqdn, UaSecurityProtocolId uaSecurityProtocolId) {
        return new NafId(nafFqdn, uaSecurityProtocolId);
    }

    /** The octets used as KDF parameter: FQDN ‖ the 5-octet protocol identifier. */
    public Bytes toBytes() {
        return KdfInput.utf8(fqdn).concat(uaSecurityProtocolId.toBytes());
    }

    @Override
    public String toString() {
        return fqdn + "/" + uaSecurityProtocolId;
    }
}
