package org.mbmskeys.mbms.bmsc.procedure;

import java.util.Objects;
import org.mbmskeys.engine.bytes.Bytes;
import org.mbmskeys.engine.spi.Endpoint;

/**
 * A MIKEY datagram from a UE at the BM-SC: the verification message that acknowledges an MSK message with
 * the V bit (TS 33.246 §6.4.5.2), routed to the push it names by its CSB ID. Nothing in it is trusted until
 * {@link KeyDelivery#acknowledges} checked it.
 */
public record MikeyArrived(Endpoint source, Bytes datagram) {

    public MikeyArrived {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(datagram, "datagram");
    }

    @Override
    public String toString() {
        return "MIKEY from " + source + " (" + datagram.length() + " bytes)";
    }
}
