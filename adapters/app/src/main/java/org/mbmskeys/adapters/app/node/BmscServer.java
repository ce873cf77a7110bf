package org.mbmskeys.adapters.app.node;

import io.netty.channel.EventLoopGroup;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.mbmskeys.adapters.http.HttpServerTransport;
import org.mbmskeys.adapters.http.HttpWire;
import org.mbmskeys.adapters.udp.UdpTransport;
import org.mbmskeys.engine.bytes.Bytes;
import org.mbmskeys.engine.spi.Endpoint;
import org.mbmskeys.engine.spi.Envelope;
import org.mbmskeys.engine.spi.Transport;
import org.mbmskeys.mbms.bmsc.Bmsc;

/**
 * A BM-SC on real sockets: MIKEY on UDP (pushes, solicited pulls and MTK messages out, verification
 * messages in) and the key request function on HTTP ({@code POST /keymanagement}), both on the caller's
 * event loop group. What the {@link Bmsc} itself needs (bootstrapping, scheduler, storage, services) comes
 * from {@link Builder#bmsc}. Closing it closes the BM-SC, then its sockets; the event loops stay the caller's.
 *
 * <pre>{@code
 * BmscServer server = BmscServer.builder("bmsc.example.org", loops)
 *         .mikey(Endpoint.of("127.0.0.1", 2269)).keyManagement(Endpoint.of("127.0.0.1", 8080))
 *         .bmsc(b -> b.bootstrapping(bsf).scheduler(Scheduler.system()))
 *         .open();
 * }</pre>
 */
public final class BmscServer implements AutoCloseable {

    /** What the BM-SC calls itself in a {@link Wiretap}'s records. */
    public static final String NAME = "BM-SC";

    private final UdpTransport udp;
    /** The MIKEY socket as the BM-SC uses it: through the wiretap, if there is one. */
    private final Transport datagrams;
    private final HttpServerTransport http;
    private final Bmsc bmsc;

    private BmscServer(Builder b) {
        UdpTransport openedUdp = null;
        HttpServerTransport openedHttp = null;
        Transport datagrams;
        try {
            UdpTransport.Builder udpBuilder = UdpTransport.builder().bind(b.mikey).eventLoops(b.loops);
            b.multicastInterface.ifPresent(udpBuilder::multicastInterface);
            openedUdp = Bound.by("bmsc.mikey", udpBuilder::open);
            openedHttp = Bound.by("bmsc.keyManagement",
                    () -> HttpServerTransport.builder().bind(b.keyManagement).eventLoops(b.loops).open());
            datagrams = openedUdp;
            if (b.wiretap != null) {
                b.wiretap.name(openedUdp.localEndpoint(), NAME);
                datagrams = b.wiretap.tap(openedUdp, NAME, openedUdp.localEndpoint(), true, false);
            }
            Bmsc.Builder builder = Bmsc.builder(b.fqdn).transport(Transport.combining(datagrams, openedHttp))
                    .httpCodec(HttpWire.codec()).mikeyPort(openedUdp.localEndpoint().port());
            b.bmsc.accept(builder);
            this.bmsc = builder.build();
        } catch (RuntimeException e) {
            if (openedHttp != null) {
                openedHttp.close();
            }
            if (openedUdp != null) {
                openedUdp.close();
            }
            throw e;
        }
        this.udp = openedUdp;
        this.datagrams = datagrams;
        this.http = openedHttp;
    }

    /** A BM-SC named {@code fqdn} (its NAF FQDN) whose sockets run on {@code loops}. */
    public static Builder builder(String fqdn, EventLoopGroup loops) {
        return new Builder(fqdn, loops);
    }

    public Bmsc bmsc() {
        return bmsc;
    }

    /** The MIKEY socket (its address, counters and drops). */
    public UdpTransport udp() {
        return udp;
    }

    /**
     * Sends {@code datagram} from the BM-SC's MIKEY socket to {@code to} (through the wiretap, if any): for messages the
     * BM-SC's procedures did not make, such as another node's MTK message relayed into this node's area.
     */
    public void sendMikey(Endpoint to, Bytes datagram) {
        datagrams.send(Envelope.of(udp.localEndpoint(), to, datagram));
    }

    /** The key request function's socket (its address, counters and refusals). */
    public HttpServerTransport http() {
        return http;
    }

    @Override
    public void close() {
        try {
            bmsc.close();
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
        return "BmscServer[" + bmsc.fqdn() + ", MIKEY " + udp.localEndpoint() + ", HTTP " + http.localEndpoint() + "]";
    }

    public static final class Builder {
        private final String fqdn;
        private final EventLoopGroup loops;
        private Endpoint mikey = Endpoint.of("127.0.0.1", UdpTransport.MIKEY_PORT);
        private Endpoint keyManagement = Endpoint.of("127.0.0.1", 8080);
        private Optional<String> multicastInterface = Optional.empty();
        private Wiretap wiretap;
        private Consumer<Bmsc.Builder> bmsc = b -> { };

        private Builder(String fqdn, EventLoopGroup loops) {
            this.fqdn = Objects.requireNonNull(fqdn, "fqdn");
            this.loops = Objects.requireNonNull(loops, "loops");
        }

        /** Where MIKEY is sent from and verification messages arrive (default 127.0.0.1:2269; port 0: any). */
        public Builder mikey(Endpoint bind) {
            this.mikey = Objects.requireNonNull(bind, "bind");
            return this;
        }

        /** Where the key request function listens (default 127.0.0.1:8080; port 0: any). */
        public Builder keyManagement(Endpoint bind) {
            this.keyManagement = Objects.requireNonNull(bind, "bind");
            return this;
        }

        /** The interface MTK messages go out on (default: the one holding the MIKEY address). */
        public Builder multicastInterface(String name) {
            this.multicastInterface = Optional.of(name);
            return this;
        }

        /** Records the MIKEY datagrams the BM-SC sends and receives. */
        public Builder wiretap(Wiretap tap) {
            this.wiretap = Objects.requireNonNull(tap, "tap");
            return this;
        }

        /** Sets what the BM-SC needs beside its sockets: bootstrapping and scheduler at least. */
        public Builder bmsc(Consumer<Bmsc.Builder> settings) {
            this.bmsc = Objects.requireNonNull(settings, "settings");
            return this;
        }

        /** Binds the sockets and starts the BM-SC. */
        public BmscServer open() {
            return new BmscServer(this);
        }
    }
}
