package org.mbmskeys.mbms.traffic;

import java.util.Base64;
import java.util.Objects;
import org.mbmskeys.engine.bytes.Bytes;
import org.mbmskeys.mbms.keys.KeyDomainId;
import org.mbmskeys.mbms.keys.MskId;
import org.mbmskeys.mbms.keys.MtkId;

/**
 * The KeyID that names the MTK of an MBMS download object in the OMA BCAST {@code obki} box of its OMA DRM
 * DCF, TS 33.246 §6.6.3.2: "KeyIDType set to 0x02 (reserved by OMA BCAST for 3GPP MBMS ...)" and "KeyID is
 * the base64 encoded concatenation (Key Domain ID || MSK ID || MTK ID)": base64 of 3 + 4 + 2 = 9 bytes, so
 * 12 characters without padding. The FDT of a protected FLUTE session is named the same way.
 *
 * <p>The Key Domain ID octets are {@link KeyDomainId#plmnOctets()}: their packing is the project's choice
 * (TS 33.246 §6.3.2.1 says only "MCC || MNC and is 3 bytes long"), so this value depends on it too.
 *
 * <pre>{@code
 * DcfKeyId.of(KeyDomainId.parse("001-01"), MskId.parseHex("00010002"), MtkId.of(5)).value();   // APEQAAEAAgAF
 * }</pre>
 */
public record DcfKeyId(KeyDomainId keyDomainId, MskId mskId, MtkId mtkId) {

    /** The {@code obki} KeyIDType of MBMS (§6.6.3.2). */
    public static final int KEY_ID_TYPE = 0x02;

    /** Octets before base64: Key Domain ID (3) ‖ MSK ID (4) ‖ MTK ID (2). */
    public static final int OCTETS = 3 + 4 + MtkId.BYTES;

    public DcfKeyId {
        Objects.requireNonNull(keyDomainId, "keyDomainId");
        Objects.requireNonNull(mskId, "mskId");
        Objects.requireNonNull(mtkId, "mtkId");
    }

    public static DcfKeyId of(KeyDomainId keyDomainId, MskId mskId, MtkId mtkId) {
        return new DcfKeyId(keyDomainId, mskId, mtkId);
    }

    /**
     * Reads the KeyID text of an {@code obki} box whose KeyIDType is {@link #KEY_ID_TYPE}.
     *
     * @throws IllegalArgumentException if {@code keyId} is not base64 of 9 bytes; the first 3 are the Key Domain
     *                                  ID as they are ({@link KeyDomainId#fromOctets})
     */
    public static DcfKeyId parse(String keyId) {
        Objects.requireNonNull(keyId, "keyId");
        byte[] octets;
        try {
            octets = Base64.getDecoder().decode(keyId);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("an MBMS DCF KeyID is base64 (TS 33.246 §6.6.3.2); '" + keyId
                    + "' is not: " + e.getMessage(), e);
        }
        if (octets.length != OCTETS) {
            throw new IllegalArgumentException("an MBMS DCF KeyID holds " + OCTETS + " bytes (Key Domain ID ‖ MSK ID ‖ "
                    + "MTK ID, TS 33.246 §6.6.3.2); '" + keyId + "' holds " + octets.length);
        }
        Bytes all = Bytes.wrap(octets);
        return new DcfKeyId(KeyDomainId.fromOctets(all.slice(0, 3)), MskId.fromBytes(all.slice(3, 4)),
                MtkId.fromBytes(all.slice(7, MtkId.BYTES)));
    }

    /** The 9 octets before base64 encoding. */
    public Bytes octets() {
        return keyDomainId.plmnOctets().concat(mskId.toBytes()).concat(mtkId.toBytes());
    }

    /** The KeyID as written in the {@code obki} box: base64 (RFC 4648 §4) of {@link #octets()}. */
    public String value() {
        return Base64.getEncoder().encodeToString(octets().toByteArray());
    }

    @Override
    public String toString() {
        return value();
    }
}
