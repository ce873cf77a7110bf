package org.mbmskeys.mbms.mikey.protection;

import org.mbmskeys.mbms.keys.TimestampCounter;
import org.mbmskeys.mbms.mikey.CsbId;
import org.mbmskeys.mbms.mikey.DecodedMikey;
import org.mbmskeys.mbms.mikey.IdPayload;

/**
 * A UE's verification message ("MIKEY ACK") answering an MSK message with the V bit, not yet
 * authenticated. Check it against the {@link AckExpectation} of the MSK message it answers.
 *
 * @param counter the counter of the MSK message it answers
 */
public record VerificationMessage(DecodedMikey decoded, CsbId csbId, TimestampCounter counter, IdPayload idr)
        implements InboundMikey {
}
