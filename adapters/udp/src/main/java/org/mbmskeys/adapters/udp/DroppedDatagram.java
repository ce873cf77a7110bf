package org.mbmskeys.adapters.udp;

import java.util.Objects;
import org.mbmskeys.engine.spi.Endpoint;

/**
 * A datagram the UDP transport did not deliver or did not send, as its drop listener gets it. Carries the
 * addresses and the length, never the payload: a MIKEY datagram protects keys, and a drop report may end up in a
 * log or a metrics system.
 *
 * @param reason why it was dropped
 * @param from   where it came from (inbound) or the transport's own address (outbound)
 * @param to     where it was going
 * @param length its length in bytes
 * @param detail what went wrong, for a person (the limit, the exception's message)
 */
public record DroppedDatagram(DropReason reason, Endpoint from, Endpoint to, int length, String detail) {

    public DroppedDatagram {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(detail, "detail");
    }

    @Override
    public String toString() {
        return reason + ": " + from + " -> " + to + " (" + length + " bytes): " + detail;
    }
}
