package org.mbmskeys.mbms.mikey;

import java.util.Objects;
import java.util.Optional;
import org.mbmskeys.engine.bytes.Bytes;
import org.mbmskeys.mbms.keys.KeyValidity;
import org.mbmskeys.mbms.keys.MtkId;
import org.mbmskeys.mbms.profile.Unconfirmed;

/**
 * KV = Interval (RFC 3830 §6.14): VF len (1) | VF (Valid From) | VT len (1) | VT (Valid
 * To). TS 33.246 §6.4.5.1 carries an MSK's Key Validity in it: VF = SEQl, VT = SEQu, as MTK IDs
 * ({@link #of(KeyValidity)}, {@link #keyValidity()}).
 */
public record KvInterval(Bytes validFrom, Bytes validTo) implements KeyValidityData {

    /**
     * @throws IllegalArgumentException if a bound is longer than 255 bytes
     */
    public KvInterval {
        Objects.requireNonNull(validFrom, "validFrom");
        Objects.requireNonNull(validTo, "validTo");
        if (validFrom.length() > 255 || validTo.length() > 255) {
            throw new IllegalArgumentException("KV Interval bounds are at most 255 bytes each (1-byte lengths), got "
                    + validFrom.length() + " and " + validTo.length());
        }
    }

    /** SEQl and SEQu as the two bounds. */
    @Unconfirmed("U4: VF = SEQl and VT = SEQu as 2-byte MTK IDs; TS 33.246 §6.4.5.1 says KV Interval with SEQl "
            + "and SEQu but not the width of VF and VT")
    public static KvInterval of(KeyValidity validity) {
        return new KvInterval(validity.seqLow().toBytes(), validity.seqHigh().toBytes());
    }

    /**
     * The bounds read as SEQl..SEQu: each an unsigned big-endian number of 1 to 8 bytes (RFC 3830 §6.14 gives VF
     * and VT their own lengths, and suggests 6 bytes for SRTP) whose value fits an MTK ID (0..65535); empty
     * otherwise. This side writes 2 bytes ({@link #of}); a peer that pads its bounds wider is still understood.
     */
    @Unconfirmed("U4: VF = SEQl and VT = SEQu as 2-byte MTK IDs; TS 33.246 §6.4.5.1 says KV Interval with SEQl "
            + "and SEQu but not the width of VF and VT")
    public Optional<KeyValidity> keyValidity() {
        long from = mtkIdValue(validFrom);
        long to = mtkIdValue(validTo);
        if (from < 0 || to < 0) {
            return Optional.empty();
        }
        return Optional.of(new KeyValidity(MtkId.of((int) from), MtkId.of((int) to)));
    }

    /** The bound as a number, or -1 if it is empty, longer than 8 bytes or above the largest MTK ID. */
    private static long mtkIdValue(Bytes bound) {
        if (bound.length() < 1 || bound.length() > Long.BYTES) {
            return -1;
        }
        long value = 0;
        for (int i = 0; i < bound.length(); i++) {
            if ((value >>> 56) != 0) {
                return -1;
            }
            value = (value << 8) | bound.u8(i);
        }
        return value >= 0 && value <= 0xFFFF ? value : -1;
    }

    @Override
    public KvType kvType() {
        return KvType.INTERVAL;
    }
}
