package org.mbmskeys.mbms.mikey.protection;

import org.mbmskeys.engine.bytes.Bytes;
import org.mbmskeys.mbms.keys.KeyDomainId;
import org.mbmskeys.mbms.keys.KeyGroup;
import org.mbmskeys.mbms.keys.TimestampCounter;
import org.mbmskeys.mbms.mikey.CsbId;
import org.mbmskeys.mbms.mikey.DecodedMikey;
import org.mbmskeys.mbms.mikey.IdPayload;

/**
 * A solicited pull (TS 33.246 §6.3.2.2.4), not yet authenticated: Key Number 0 for {@link #keyGroup()},
 * no key data. Verify it with the current MUK or, if {@link #idi()} ‖ {@link #idr()} names an older one,
 * with the last successfully used MUK.
 *
 * @param rand the RAND payload, or empty bytes if the pull has none (U13: whether it carries one is open;
 *             the PRF labels then have no RAND)
 */
public record SolicitedPullMessage(DecodedMikey decoded, CsbId csbId, KeyDomainId keyDomain, KeyGroup keyGroup,
                                   TimestampCounter counter, Bytes rand, IdPayload idi, IdPayload idr)
        implements InboundMikey {
}
