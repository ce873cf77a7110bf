package org.mbmskeys.adapters.udp;

/**
 * Why the UDP transport dropped a datagram. The transport knows no MIKEY: a datagram that is well-sized but
 * not a valid MIKEY message is delivered, and the procedures reject it with their own typed reason.
 */
public enum DropReason {

    /** Inbound: longer than the transport's datagram limit; not read further, not delivered. */
    OVERSIZED,

    /** Inbound: the receiver (the engine's router) threw; the datagram is lost, the transport reads on. */
    RECEIVER_FAILED,

    /** Outbound: the payload is longer than the transport's datagram limit; not sent. */
    OVERSIZED_OUTBOUND,

    /**
     * Outbound: the destination host is not an IP address literal, or of the other IP family than the
     * socket. UDP never resolves names: MIKEY goes to the source address of a registration or of a datagram,
     * or to a multicast group, which are all addresses.
     */
    UNROUTABLE,

    /** Outbound: the operating system refused the datagram (no route, interface down, ...). */
    SEND_FAILED
}
