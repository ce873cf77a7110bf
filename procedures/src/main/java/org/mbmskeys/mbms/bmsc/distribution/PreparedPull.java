package org.mbmskeys.mbms.bmsc.distribution;

import java.util.Objects;
import org.mbmskeys.engine.bytes.Bytes;
import org.mbmskeys.engine.spi.Endpoint;
import org.mbmskeys.mbms.bmsc.services.KeyGroupRef;
import org.mbmskeys.mbms.keys.MukId;
import org.mbmskeys.mbms.keys.TimestampCounter;
import org.mbmskeys.mbms.mikey.CsbId;

/**
 * A sealed solicited-pull message for one UE (TS 33.246 §6.3.2.2.4). Nobody acknowledges it: the UE
 * answers with an HTTP MSK request for the current MSK of {@link #keyGroup}.
 *
 * @param mukExpired true if the MUK that protects it is past its lifetime (allowed for this message only,
 *                   §6.3.2.2.4 NOTE 1); the BM-SC then answers the UE's next HTTP POST with a
 *                   Bootstrapping Renegotiation Request
 */
public record PreparedPull(String impi, KeyGroupRef keyGroup, Bytes datagram, Endpoint to, CsbId csbId,
                           TimestampCounter counter, MukId mukId, boolean mukExpired) {

    public PreparedPull {
        Objects.requireNonNull(impi, "impi");
        Objects.requireNonNull(keyGroup, "keyGroup");
        Objects.requireNonNull(datagram, "datagram");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(csbId, "csbId");
        Objects.requireNonNull(counter, "counter");
        Objects.requireNonNull(mukId, "mukId");
    }
}
