package org.mbmskeys.adapters.app.node;

import java.time.Instant;
import java.util.Objects;
import org.mbmskeys.engine.bytes.Bytes;
import org.mbmskeys.engine.spi.Endpoint;

/**
 * One message a {@link Wiretap} saw cross a socket: when, between which parties (names for people, the
 * addresses for a pcap) and its bytes as they crossed. Only what was on the wire: MIKEY is protected there,
 * and HTTP Digest carries no password, so a tapped message holds no key in clear.
 *
 * @param from        who sent it ("BM-SC", a UE's name)
 * @param to          who it was for (a UE's name, "BM-SC", or a multicast group's name)
 * @param fromAddress the sender's socket address
 * @param toAddress   the receiver's socket address (a group's for multicast)
 */
public record Tapped(Instant at, String from, String to, Endpoint fromAddress, Endpoint toAddress, Kind kind, Bytes bytes) {

    /** What crossed: a UDP datagram (MIKEY), an HTTP request or an HTTP response. */
    public enum Kind { DATAGRAM, REQUEST, RESPONSE }

    public Tapped {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(fromAddress, "fromAddress");
        Objects.requireNonNull(toAddress, "toAddress");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(bytes, "bytes");
    }
}
