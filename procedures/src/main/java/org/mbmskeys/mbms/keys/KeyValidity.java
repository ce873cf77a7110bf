package org.mbmskeys.mbms.keys;

import java.util.Objects;

/**
 * The Key Validity data of an MSK: the interval of MTK IDs, SEQl (lower limit) and SEQu (upper limit),
 * stored with the MSK (TS 33.246 §6.4.5.1, §6.5.3). An MTK ID SEQp is admitted if SEQl &lt; SEQp ≤ SEQu
 * (§6.5.4: "If SEQp is equal to or lower than SEQl or SEQp is greater than SEQu, then the MGV-F shall
 * indicate a failure"); after a successful MTK message the MGV-F sets SEQl to SEQp
 * ({@link #withSeqLow}). An interval with SEQl &gt; SEQu is the invalidation marker the BM-SC sends at
 * deregistration (§6.3.2.1B).
 */
public record KeyValidity(MtkId seqLow, MtkId seqHigh) {

    public KeyValidity {
        Objects.requireNonNull(seqLow, "seqLow");
        Objects.requireNonNull(seqHigh, "seqHigh");
    }

    public static KeyValidity of(int seqLow, int seqHigh) {
        return new KeyValidity(MtkId.of(seqLow), MtkId.of(seqHigh));
    }

    /** The marker that invalidates an MSK: SEQl = 1 &gt; SEQu = 0. */
    public static KeyValidity invalidated() {
        return of(1, 0);
    }

    /** SEQl &gt; SEQu: the MSK is no longer valid for any MTK. */
    public boolean isInvalidation() {
        return seqLow.isAfter(seqHigh);
    }

    /** SEQl &lt; {@code seqP} ≤ SEQu (TS 33.246 §6.5.4): SEQl itself is not admitted. */
    public boolean admits(MtkId seqP) {
        return !isInvalidation() && seqP.isAfter(seqLow) && !seqP.isAfter(seqHigh);
    }

    /** The same SEQu with SEQl := {@code seqP}, as the MGV-F stores it after accepting SEQp (§6.5.4). */
    public KeyValidity withSeqLow(MtkId seqP) {
        return new KeyValidity(seqP, seqHigh);
    }

    @Override
    public String toString() {
        return "[" + seqLow + ".." + seqHigh + "]";
    }
}
