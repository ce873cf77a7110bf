package org.mbmskeys.mbms.mikey.protection;

import java.util.Optional;
import org.mbmskeys.engine.bytes.Bytes;
import org.mbmskeys.mbms.keys.KeyDomainId;
import org.mbmskeys.mbms.keys.MskId;
import org.mbmskeys.mbms.keys.ServiceType;
import org.mbmskeys.mbms.keys.TimestampCounter;
import org.mbmskeys.mbms.mikey.CsbId;
import org.mbmskeys.mbms.mikey.DecodedMikey;
import org.mbmskeys.mbms.mikey.IdPayload;
import org.mbmskeys.mbms.mikey.SecurityPolicyPayload;
import org.mbmskeys.mbms.mikey.SrtpCsEntry;

/**
 * An MSK message (delivery, validity update or invalidation), not yet authenticated. Open it with the MUK
 * named by {@link #idi()} ‖ {@link #idr()} (TS 33.246 §6.4.6.1).
 *
 * @param serviceType           streaming (SRTP-ID map, #CS 1) or download (Empty map, #CS 0), from the header
 * @param srtpCsEntry           the SRTP-ID map entry of a streaming message
 * @param pendingSecurityPolicy the SP, unverified: TS 33.246 §6.4.6.1 keeps it aside until the MAC verifies;
 *                              {@link OpenedMsk#securityPolicy()} is the adopted one
 */
public record MskMessage(DecodedMikey decoded, CsbId csbId, KeyDomainId keyDomain, MskId mskId,
                         TimestampCounter counter, Bytes rand, IdPayload idi, IdPayload idr,
                         boolean askForVerification, ServiceType serviceType, Optional<SrtpCsEntry> srtpCsEntry,
                         Optional<SecurityPolicyPayload> pendingSecurityPolicy) implements InboundMikey {
}
