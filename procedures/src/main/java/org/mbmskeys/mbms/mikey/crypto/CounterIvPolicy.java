package org.mbmskeys.mbms.mikey.crypto;

import org.mbmskeys.mbms.keys.TimestampCounter;

/**
 * How a 32-bit MIKEY COUNTER timestamp fills the 64-bit T field of the AES-CM IV (RFC 3830 §4.2.3).
 *
 * <p>RFC 3830 §4.2.3 builds the IV from a 64-bit T. MBMS messages carry TS type COUNTER (4 bytes,
 * TS 33.246 §6.4.3), and TS 33.246 does not say how it enters the IV. RFC 3830 §6.6 does, in its note under
 * Table 6.6: "COUNTER SHALL be padded (with leading zeros) to a 64-bit value". The note speaks of the default
 * PRF's input, but it is the RFC's only rule for widening a COUNTER, and minisip builds the IV so. Hence
 * T = 0x00000000 ‖ COUNTER. This is the one place that rule is applied; {@link KemacCipher} uses it for every
 * COUNTER-timestamped message.
 */
public final class CounterIvPolicy {

    private CounterIvPolicy() {
    }

    /** The 64-bit T of the IV for {@code counter}: zero-extended, the counter in the low 32 bits. */
    public static long ivTimestamp(TimestampCounter counter) {
        return counter.value();
    }
}
