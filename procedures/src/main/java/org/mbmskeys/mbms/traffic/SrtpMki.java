package org.mbmskeys.mbms.traffic;

import java.util.Objects;
import org.mbmskeys.engine.bytes.Bytes;
import org.mbmskeys.mbms.keys.MskId;
import org.mbmskeys.mbms.keys.MtkId;

/**
 * The SRTP Master Key Identifier of an MBMS streaming service, TS 33.246 §6.6.2.1: "The form of MKI shall
 * be a concatenation of MSK ID and MTK ID, i.e. MKI = (MSK ID || MTK ID)": 4 + 2 = 6 bytes. SRTCP carries
 * the same MKI as its SRTP stream (§6.6.2.1A). The Key Domain is not in the MKI; the UE knows it from the
 * User Service Description (§6.6.2.1 NOTE 1).
 *
 * <pre>{@code
 * SrtpMki.of(MskId.parseHex("00010002"), MtkId.of(5)).toBytes();   // 000100020005
 * }</pre>
 */
public record SrtpMki(MskId mskId, MtkId mtkId) {

    /** MKI length in bytes: MSK ID (4) ‖ MTK ID (2). */
    public static final int LENGTH = 4 + MtkId.BYTES;

    public SrtpMki {
        Objects.requireNonNull(mskId, "mskId");
        Objects.requireNonNull(mtkId, "mtkId");
    }

    public static SrtpMki of(MskId mskId, MtkId mtkId) {
        return new SrtpMki(mskId, mtkId);
    }

    /**
     * Reads the MKI field of an SRTP or SRTCP packet.
     *
     * @throws IllegalArgumentException if {@code mki} is not 6 bytes
     */
    public static SrtpMki fromBytes(Bytes mki) {
        if (mki.length() != LENGTH) {
            throw new IllegalArgumentException("an MBMS SRTP MKI is " + LENGTH + " bytes (MSK ID ‖ MTK ID, TS 33.246 "
                    + "§6.6.2.1), got " + mki.length() + ": " + mki);
        }
        return new SrtpMki(MskId.fromBytes(mki.slice(0, 4)), MtkId.fromBytes(mki.slice(4, MtkId.BYTES)));
    }

    /** The 6 MKI bytes, MSK ID then MTK ID. */
    public Bytes toBytes() {
        return mskId.toBytes().concat(mtkId.toBytes());
    }

    /** The MKI in hex, e.g. {@code 000100020005}. */
    @Override
    public String toString() {
        return toBytes().toHex();
    }
}
