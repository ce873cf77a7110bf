package org.mbmskeys.adapters.app.node;

import io.netty.channel.EventLoopGroup;
import java.util.Objects;
import java.util.function.Consumer;
import org.mbmskeys.adapters.http.HttpClientTransport;
import org.mbmskeys.adapters.http.HttpWire;
import org.mbmskeys.adapters.udp.UdpTransport;
import org.mbmskeys.engine.spi.Endpoint;
import org.mbmskeys.engine.spi.Transport;
import org.mbmskeys.mbms.ue.Ue;
import org.mbmskeys.mbms.ue.UeProfile;

/**
 * One UE on real sockets: its MIKEY socket (unicast from the BM-SC on its own port, multicast groups it
 * joins) and its HTTP client to the BM-SC. When the MIKEY port is not 2269, the UE states it in its
 * registrations (the {@code mikeyport} extension of docs/wire-profile.md), so many UEs can share one address.
 * Closing it closes the UE, then its sockets.
 */
public final class UeStation implements AutoCloseable {

    private final Ue ue;
    private final UdpTransport udp;
    private final HttpClientTransport http;

    private UeStation(Ue ue, UdpTransport udp, HttpClientTransport http) {
        this.ue = ue;
        this.udp = udp;
        this.http = http;
    }

    /**
     * Opens the sockets of {@code profile}'s UE on {@code address} (MIKEY on {@code mikeyPort}, 0: any free
     * port), its HTTP requests for {@code bmscFqdn} going to {@code bmscHttp}; {@code settings} sets the rest
     * (scheduler, listener, key storage). Multicast groups are joined on {@code multicastInterface}.
     */
    public static UeStation open(UeProfile profile, EventLoopGroup loops, String address, int mikeyPort,
                                 String multicastInterface, String bmscFqdn, Endpoint bmscHttp, Wiretap tap,
                                 Consumer<Ue.Builder> settings) {
        Objects.requireNonNull(profile, "profile");
        UdpTransport udp = Bound.by("mikeyPort of UE " + profile.name(), () -> UdpTransport.builder()
                .bind(Endpoint.of(address, mikeyPort)).multicastInterface(multicastInterface).eventLoops(loops).open());
        HttpClientTransport http = null;
        try {
            http = HttpClientTransport.builder().route(bmscFqdn, bmscHttp).localAddress(address).eventLoops(loops).open();
            Endpoint self = udp.localEndpoint();
            Transport requests = http;
            if (tap != null) {
                tap.name(self, profile.name());
                tap.name(Endpoint.of(bmscFqdn, 80), BmscServer.NAME);
                requests = tap.tap(http, profile.name(), self, false, true);
            }
            Ue.Builder builder = Ue.builder(profile).transport(Transport.combining(udp, requests)).httpCodec(HttpWire.codec())
                    .keyManagementPort(80);
            if (self.port() != UdpTransport.MIKEY_PORT) {
                builder.mikeyPort(self.port());
            }
            settings.accept(builder);
            return new UeStation(builder.build(), udp, http);
        } catch (RuntimeException e) {
            if (http != null) {
                http.close();
            }
            udp.close();
            throw e;
        }
    }

    public Ue ue() {
        return ue;
    }

    /** The UE's MIKEY socket: join a session's group on it with {@code udp().join(group)}. */
    public UdpTransport udp() {
        return udp;
    }

    public HttpClientTransport http() {
        return http;
    }

    @Override
    public void close() {
        try {
            ue.host().close();
        } finally {
            try {
                http.close();
            } finally {
                udp.close();
            }
        }
    }

    @Override
    public String toString() {
        return "UeStation[" + ue.name() + ", MIKEY " + udp.localEndpoint() + "]";
    }
}
