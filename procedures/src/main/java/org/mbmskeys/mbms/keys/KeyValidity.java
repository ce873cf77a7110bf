package org.mbmskeys.mbms.keys;

import java.util.Objects;

/**
 * The Key Validity data of an MSK: the interval SEQl..SEQu of MTK IDs that may be used under it
 * (TS 33.246 §6.5.3). The lower limit defines SEQs. An interval with SEQl &gt; SEQu is the
 * invalidation marker the BM-SC sends at deregistration (§6.3.2.1B).
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

    /** SEQl ≤ id ≤ SEQu. */
    public boolean contains(MtkId id) {
        return !isInvalidation() && id.compareTo(seqLow) >= 0 && id.compareTo(seqHigh) <= 0;
    }

    @Override
    public String toString() {
        return "[" + seqLow + ".." + seqHigh + "]";
    }
}
