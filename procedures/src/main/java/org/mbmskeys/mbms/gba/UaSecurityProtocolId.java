package org.mbmskeys.mbms.gba;

import java.util.Map;
import java.util.Objects;
import org.mbmskeys.engine.bytes.Bytes;
import org.mbmskeys.mbms.profile.Unconfirmed;

/**
 * Ua security protocol identifier (TS 33.220 Annex H): five octets, an organisation octet followed by a
 * 4-byte protocol number. It is the last part of the NAF_Id, so the same NAF FQDN yields a different
 * Ks_NAF for each Ua protocol.
 *
 * <p>An open code space: any five octets are accepted and kept; the constants below are the ones the
 * project knows, from AOSP {@code UaSecurityProtocolIdentifier}, which cites TS 33.220 Annex H.
 *
 * <pre>{@code
 * UaSecurityProtocolId.MBMS.toBytes();   // 0100000001
 * }</pre>
 */
public record UaSecurityProtocolId(Bytes octets) {

    /** Length in octets. */
    public static final int LENGTH = 5;

    /**
     * MBMS security (TS 33.246): 01 00 00 00 01. TS 33.246 §6.1 only says the value "is defined in
     * TS 33.220"; the project took it from AOSP, not from TS 33.220 itself.
     */
    @Unconfirmed("U14: MBMS Ua security protocol id 01 00 00 00 01, value from TS 33.220 Annex H via AOSP; "
            + "TS 33.246 §6.1 defers to TS 33.220, which the project has not read")
    public static final UaSecurityProtocolId MBMS = new UaSecurityProtocolId(Bytes.ofHex("0100000001"));

    /** HTTP Digest authentication per TS 24.109: 01 00 00 00 02. */
    public static final UaSecurityProtocolId HTTP_DIGEST = new UaSecurityProtocolId(Bytes.ofHex("0100000002"));

    /** HTTP-based MBMS security (TS 26.237): 01 00 00 00 03. */
    public static final UaSecurityProtocolId MBMS_HTTP = new UaSecurityProtocolId(Bytes.ofHex("0100000003"));

    /** SIP-based MBMS security (TS 26.237): 01 00 00 00 04. */
    public static final UaSecurityProtocolId MBMS_SIP = new UaSecurityProtocolId(Bytes.ofHex("0100000004"));

    private static final Map<Bytes, String> NAMES = Map.of(
            MBMS.octets, "MBMS",
            HTTP_DIGEST.octets, "HTTP_DIGEST",
            MBMS_HTTP.octets, "MBMS_HTTP",
            MBMS_SIP.octets, "MBMS_SIP");

    /**
     * @throws IllegalArgumentException if {@code octets} is not exactly 5 bytes
     */
    public UaSecurityProtocolId {
        Objects.requireNonNull(octets, "octets");
        if (octets.length() != LENGTH) {
            throw new IllegalArgumentException("Ua security protocol identifier is " + LENGTH
                    + " octets (organisation octet ‖ 4-byte protocol), got " + octets.length() + ": " + octets);
        }
    }

    /** The identifier with these five octets (known or not). */
    public static UaSecurityProtocolId of(Bytes octets) {
        return new UaSecurityProtocolId(octets);
    }

    /** The organisation octet (0x01 for 3GPP). */
    public int organisation() {
        return octets.u8(0);
    }

    /** The 4-byte protocol number within the organisation. */
    public long protocol() {
        long value = 0;
        for (int i = 1; i < LENGTH; i++) {
            value = (value << 8) | octets.u8(i);
        }
        return value;
    }

    public Bytes toBytes() {
        return octets;
    }

    @Override
    public String toString() {
        return NAMES.getOrDefault(octets, "UNKNOWN") + "(" + octets.toHex() + ")";
    }
}
