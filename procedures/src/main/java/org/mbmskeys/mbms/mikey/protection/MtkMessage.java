package org.mbmskeys.mbms.mikey.protection;

import org.mbmskeys.engine.bytes.Bytes;
import org.mbmskeys.mbms.keys.KeyDomainId;
import org.mbmskeys.mbms.keys.MskId;
import org.mbmskeys.mbms.keys.MtkId;
import org.mbmskeys.mbms.keys.TimestampCounter;
import org.mbmskeys.mbms.mikey.CsbId;
import org.mbmskeys.mbms.mikey.DecodedMikey;

/**
 * An MTK message, not yet authenticated (TS 33.246 §6.4.6.2). Open it with the MSK named by
 * {@link #keyDomain()} and {@link #mskId()}.
 *
 * @param rand the RAND payload, or empty bytes if the message has none (the PRF label then has no RAND)
 */
public record MtkMessage(DecodedMikey decoded, CsbId csbId, KeyDomainId keyDomain, MskId mskId, MtkId mtkId,
                         TimestampCounter counter, Bytes rand) implements InboundMikey {
}
