package org.mbmskeys.adapters.http;

import io.netty.util.NetUtil;
import java.net.InetSocketAddress;
import org.mbmskeys.engine.spi.Endpoint;

/** Socket addresses as endpoints: the host is the address literal (IPv6 without brackets). */
final class Addresses {

    private Addresses() {
    }

    static Endpoint endpoint(InetSocketAddress address) {
        return address.isUnresolved()
                ? Endpoint.of(address.getHostString(), address.getPort())
                : Endpoint.of(NetUtil.toAddressString(address.getAddress()), address.getPort());
    }
}
