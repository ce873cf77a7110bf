package org.mbmskeys.mbms.mikey.crypto;

import org.mbmskeys.mbms.keys.TimestampCounter;
import org.mbmskeys.mbms.profile.Unconfirmed;

/**
 * How a 32-bit MIKEY COUNTER timestamp fills the 64-bit T field of the AES-CM IV (RFC 3830 §4.2.3).
 *
 * <p>RFC 3830 defines the IV for a 64-bit T (NTP). MBMS messages carry TS type COUNTER (4 bytes,
 * TS 33.246 §6.4.3), and no text says how it enters the IV. The choice here: the counter is
 * zero-extended, i.e. T = 0x00000000 ‖ COUNTER. This is the one place that
 * choice is made; {@link KemacCipher} uses it for every COUNTER-timestamped message.
 */
@Unconfirmed("U6: AES-CM IV with the 32-bit COUNTER zero-extended; RFC 3830 §4.2.3 defines T as 64 bits and "
        + "TS 33.246 does not say how a 32-bit counter fills it")
public final class CounterIvPolicy {

    private CounterIvPolicy() {
    }

    /** The 64-bit T of the IV for {@code counter}: zero-extended, the counter in the low 32 bits. */
    public static long ivTimestamp(TimestampCounter counter) {
        return counter.value();
    }
}
