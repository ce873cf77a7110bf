package org.mbmskeys.mbms.mikey.protection;

import org.mbmskeys.engine.bytes.Bytes;
import org.mbmskeys.mbms.keys.KeyDomainId;
import org.mbmskeys.mbms.keys.MskId;
import org.mbmskeys.mbms.keys.TimestampCounter;
import org.mbmskeys.mbms.mikey.CsbId;
import org.mbmskeys.mbms.mikey.DecodedMikey;
import org.mbmskeys.mbms.mikey.IdPayload;

/**
 * An MSK message (delivery, validity update or invalidation), not yet authenticated. Open it with the MUK
 * named by {@link #idi()} ‖ {@link #idr()} (TS 33.246 §6.4.6.1).
 */
public record MskMessage(DecodedMikey decoded, CsbId csbId, KeyDomainId keyDomain, MskId mskId,
                         TimestampCounter counter, Bytes rand, IdPayload idi, IdPayload idr,
                         boolean askForVerification) implements InboundMikey {
}
