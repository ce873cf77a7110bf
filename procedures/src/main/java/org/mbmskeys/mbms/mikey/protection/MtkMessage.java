package org.mbmskeys.mbms.mikey.protection;

import org.mbmskeys.mbms.keys.KeyDomainId;
import org.mbmskeys.mbms.keys.MskId;
import org.mbmskeys.mbms.keys.MtkId;
import org.mbmskeys.mbms.keys.TimestampCounter;
import org.mbmskeys.mbms.mikey.CsbId;
import org.mbmskeys.mbms.mikey.DecodedMikey;

/**
 * An MTK message, not yet authenticated (TS 33.246 §6.4.6.2). Open it with the MSK named by
 * {@link #keyDomain()} and {@link #mskId()}, and with the MIKEY-RAND stored with that MSK: an MTK message
 * carries no RAND of its own (§6.4.5.3 NOTE, §6.5.4).
 */
public record MtkMessage(DecodedMikey decoded, CsbId csbId, KeyDomainId keyDomain, MskId mskId, MtkId mtkId,
                         TimestampCounter counter) implements InboundMikey {
}
