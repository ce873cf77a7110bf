package org.mbmskeys.adapters.memory;

import java.util.Objects;
import org.mbmskeys.engine.bytes.Bytes;
import org.mbmskeys.engine.spi.Endpoint;

/**
 * One message on its way to one recipient node, as the fault rules see it. A multicast datagram is one
 * message per member of the group, so a rule can drop it for one UE and deliver it to the others.
 *
 * @param from the sender's endpoint
 * @param to the destination as sent (a node's endpoint, or a multicast group's)
 * @param recipient the node that would receive it
 * @param kind datagram, request or response
 * @param bytes the exact bytes on the wire
 */
public record Message(Endpoint from, Endpoint to, String recipient, Kind kind, Bytes bytes) {

    /** What a message is: the network carries the three the same way, only requests can be answered. */
    public enum Kind {
        /** A one-way datagram (MIKEY over UDP). */
        DATAGRAM,
        /** A request that the recipient can answer (HTTP request bytes). */
        REQUEST,
        /** The answer to a request (HTTP response bytes). */
        RESPONSE
    }

    public Message {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(bytes, "bytes");
    }

    /** The sender's node (the host of {@link #from}). */
    public String sender() {
        return from.host();
    }

    @Override
    public String toString() {
        return kind.name().toLowerCase(java.util.Locale.ROOT) + " " + from + " -> " + to + " at " + recipient + " ("
                + bytes.length() + " bytes)";
    }
}
