package org.mbmskeys.mbms.mikey.protection;

import org.mbmskeys.mbms.keys.TimestampCounter;
import org.mbmskeys.mbms.mikey.CsbId;
import org.mbmskeys.mbms.mikey.DecodedMikey;

/**
 * An inbound MBMS MIKEY message, decoded and classified by {@link MikeyReader} but NOT yet authenticated.
 * Its identities and counter tell the receiver which key to use and whether the counter is fresh; only
 * {@link MikeyOpener} vouches for the content.
 */
public sealed interface InboundMikey permits MskMessage, SolicitedPullMessage, MtkMessage, VerificationMessage {

    /** The message as decoded, with the exact received bytes. */
    DecodedMikey decoded();

    CsbId csbId();

    /** The COUNTER timestamp (replay protection per protecting key). */
    TimestampCounter counter();
}
