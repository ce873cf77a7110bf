package org.mbmskeys.adapters.udp;

import io.netty.util.NetUtil;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import org.mbmskeys.engine.spi.Endpoint;

/** Endpoints as socket addresses, for IP address literals only: nothing here asks a name server. */
final class Addresses {

    private Addresses() {
    }

    /** {@code endpoint} as a socket address, or empty when its host is not an IP address literal. */
    static Optional<InetSocketAddress> literal(Endpoint endpoint) {
        byte[] raw = NetUtil.createByteArrayFromIpAddressString(endpoint.host());
        if (raw == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(new InetSocketAddress(InetAddress.getByAddress(raw), endpoint.port()));
        } catch (UnknownHostException e) {
            throw new AssertionError("an address of " + raw.length + " bytes", e);   // 4 or 16: never thrown
        }
    }

    /** {@code endpoint} as a socket address; an {@link IllegalArgumentException} naming {@code what} otherwise. */
    static InetSocketAddress require(Endpoint endpoint, String what) {
        return literal(endpoint).orElseThrow(() -> new IllegalArgumentException(what + " must be an IP address "
                + "literal (the UDP transport resolves no names), got '" + endpoint.host() + "'"));
    }

    /** {@code address} as an endpoint; the host is its address literal (IPv6 without brackets). */
    static Endpoint endpoint(InetSocketAddress address) {
        return Endpoint.of(NetUtil.toAddressString(address.getAddress()), address.getPort());
    }
}
