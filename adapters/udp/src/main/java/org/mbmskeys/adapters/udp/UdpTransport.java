package org.mbmskeys.adapters.udp;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.FixedRecvByteBufAllocator;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.DatagramPacket;
import io.netty.channel.socket.SocketProtocolFamily;
import io.netty.channel.socket.nio.NioDatagramChannel;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.time.InstantSource;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import org.mbmskeys.engine.spi.Endpoint;
import org.mbmskeys.engine.spi.Envelope;
import org.mbmskeys.engine.spi.Transport;

/**
 * The engine's {@link Transport} over real UDP sockets (Netty, NIO): unicast MIKEY datagrams from and to one
 * bound address (port 2269 by default, TS 33.246 §6.3.1), multicast MTK delivery to and from groups joined on
 * a chosen network interface. Moves bytes and knows no MIKEY.
 *
 * <pre>{@code
 * EventLoopGroup loops = new MultiThreadIoEventLoopGroup(NioIoHandler.newFactory());   // shared with HTTP
 * UdpTransport udp = UdpTransport.builder()
 *         .bind(Endpoint.of("192.0.2.10", UdpTransport.MIKEY_PORT))
 *         .eventLoops(loops)
 *         .multicastInterface("eth0")
 *         .onDrop(drop -> metrics.count(drop.reason()))
 *         .open();
 * udp.join(Endpoint.of("239.255.22.69", UdpTransport.MIKEY_PORT));   // a UE: a session's MTK group
 * }</pre>
 *
 * <p><b>Inbound.</b> Reading starts when the engine registers its receiver ({@link #receive}); until then the
 * operating system keeps the datagrams. Each datagram is handed to the receiver on the event loop's thread, as
 * an {@link Envelope} from the sender's address to this transport's address (or to the group, for a group's
 * datagram). A datagram longer than {@link Builder#maxDatagramBytes} is dropped unread, and a receiver that
 * throws loses that datagram only: both are counted, reported to the drop listener and logged, and the
 * transport reads on.
 *
 * <p><b>Outbound.</b> {@link #send} hands the datagram to the event loop and returns. Destinations are IP
 * address literals: the transport resolves no names, so a lane never waits for a name server. A destination
 * that is not one, a payload over the limit, or a datagram the operating system refuses is dropped, counted,
 * reported and logged; {@code send} itself throws only when the transport is closed. Multicast goes out on
 * the multicast interface with loop-back on, so members on the same host receive it too.
 *
 * <p>Drops are logged at WARN, at most one line per reason every ten seconds (with a count of those not
 * shown); a drop report carries addresses and lengths, never payload bytes.
 */
public final class UdpTransport implements Transport {

    /** The MIKEY port of TS 33.246 §6.3.1 (and RFC 3830's IANA port). */
    public static final int MIKEY_PORT = 2269;
    /**
     * Default datagram limit: far above any MIKEY message of TS 33.246 (a few hundred bytes), far below
     * what would let a flood of large datagrams cost much memory.
     */
    public static final int DEFAULT_MAX_DATAGRAM_BYTES = 2048;
    /**
     * Default receive buffer asked for: 4 MiB, room for the acknowledgements of some ten thousand pushes sent at
     * once (a verification message is about 100 bytes, about 1 KiB of kernel buffer each).
     */
    public static final int DEFAULT_RECEIVE_BUFFER_BYTES = 4 * 1024 * 1024;

    private final Builder settings;
    private final Optional<NetworkInterface> multicastIf;
    private final EventLoopGroup loops;
    private final boolean ownLoops;
    private final Channel unicast;
    private final Endpoint local;
    private final Inbound inbound;
    private final Map<Endpoint, Channel> groups = new HashMap<>();
    private final LongAdder sent = new LongAdder();
    private final Map<DropReason, LongAdder> dropped = new EnumMap<>(DropReason.class);
    private final DropLog log;
    private volatile boolean closed;

    private UdpTransport(Builder b) {
        this.settings = b;
        this.multicastIf = b.multicastInterface();
        for (DropReason r : DropReason.values()) {
            dropped.put(r, new LongAdder());
        }
        this.ownLoops = b.loops == null;
        this.loops = ownLoops ? new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory()) : b.loops;
        this.inbound = new Inbound(b.maxDatagramBytes, this::drop);
        ChannelFuture bound = bootstrap(b.reuseAddress).bind(b.bind).awaitUninterruptibly();
        if (!bound.isSuccess()) {
            shutDownOwnLoops();
            throw new IllegalStateException("cannot bind UDP to " + Addresses.endpoint(b.bind) + ": "
                    + bound.cause().getMessage(), bound.cause());
        }
        this.unicast = bound.channel();
        this.local = Addresses.endpoint((InetSocketAddress) unicast.localAddress());
        this.log = new DropLog("UDP " + local, b.clock);
    }

    /** A transport to configure; {@link Builder#open()} binds it. */
    public static Builder builder() {
        return new Builder();
    }

    /** The address and port this transport is bound to (the port chosen by the system when 0 was asked). */
    public Endpoint localEndpoint() {
        return local;
    }

    @Override
    public void send(Envelope envelope) {
        Objects.requireNonNull(envelope, "envelope");
        if (closed) {
            throw new IllegalStateException("UDP transport " + local + " is closed");
        }
        int length = envelope.payload().length();
        if (length > settings.maxDatagramBytes) {
            drop(new DroppedDatagram(DropReason.OVERSIZED_OUTBOUND, local, envelope.to(), length,
                    "longer than the limit of " + settings.maxDatagramBytes + " bytes"));
            return;
        }
        Optional<InetSocketAddress> to = Addresses.literal(envelope.to());
        if (to.isEmpty() || isIpv6(to.get().getAddress()) != isIpv6(settings.bind.getAddress())) {
            drop(new DroppedDatagram(DropReason.UNROUTABLE, local, envelope.to(), length, to.isEmpty()
                    ? "the destination is not an IP address (the UDP transport resolves no names)"
                    : "the destination is of the other IP family than " + local));
            return;
        }
        DatagramPacket packet = new DatagramPacket(Unpooled.wrappedBuffer(envelope.payload().asReadOnlyBuffer()), to.get());
        unicast.writeAndFlush(packet).addListener(done -> {
            if (done.isSuccess()) {
                sent.increment();
            } else {
                drop(new DroppedDatagram(DropReason.SEND_FAILED, local, envelope.to(), length,
                        String.valueOf(done.cause())));
            }
        });
    }

    @Override
    public void receive(Consumer<Envelope> handler) {
        inbound.receiver(handler);
        synchronized (groups) {
            unicast.config().setAutoRead(true);
            groups.values().forEach(c -> c.config().setAutoRead(true));
        }
    }

    /**
     * Receives from now on the datagrams sent to multicast group {@code group} (address and port), on the
     * multicast interface. A group on this transport's own port is joined on its socket when that socket is
     * bound to the wildcard address; otherwise on a socket of its own bound to the group's address and port
     * (with address reuse, so that several transports on one host can join the same group). Joining a group
     * twice does nothing.
     *
     * <p>Waits for the socket and the membership: call it from the integrator's thread, not an event loop's.
     *
     * @throws IllegalArgumentException if {@code group} is not a multicast address literal
     * @throws IllegalStateException    if no multicast interface is known (configure one when binding to the
     *                                  wildcard address) or the system refuses the membership
     */
    public void join(Endpoint group) {
        InetSocketAddress address = requireGroup(group);
        NetworkInterface nif = multicastInterface();
        synchronized (groups) {
            if (groups.containsKey(group)) {
                return;
            }
            Channel channel = unicast;
            if (!onOwnSocket(address)) {
                ChannelFuture bound = bootstrap(true).bind(address).awaitUninterruptibly();
                if (!bound.isSuccess()) {
                    throw new IllegalStateException("cannot bind a socket to group " + group + ": "
                            + bound.cause().getMessage(), bound.cause());
                }
                channel = bound.channel();
            }
            ChannelFuture joined = ((NioDatagramChannel) channel).joinGroup(address, nif).awaitUninterruptibly();
            if (!joined.isSuccess()) {
                if (channel != unicast) {
                    channel.close().awaitUninterruptibly();
                }
                throw new IllegalStateException("cannot join " + group + " on " + nif.getName() + ": "
                        + joined.cause().getMessage(), joined.cause());
            }
            channel.config().setAutoRead(inbound.hasReceiver());
            groups.put(group, channel);
        }
    }

    /** Stops receiving what is sent to {@code group}; leaving a group not joined does nothing. */
    public void leave(Endpoint group) {
        InetSocketAddress address = requireGroup(group);
        synchronized (groups) {
            Channel channel = groups.remove(group);
            if (channel == null) {
                return;
            }
            // Closing a group's own socket ends its membership too; the shared socket leaves explicitly.
            if (channel == unicast) {
                ChannelFuture left = ((NioDatagramChannel) channel).leaveGroup(address, multicastInterface()).awaitUninterruptibly();
                if (!left.isSuccess()) {
                    throw new IllegalStateException("cannot leave " + group + ": " + left.cause().getMessage(), left.cause());
                }
            } else {
                channel.close().awaitUninterruptibly();
            }
        }
    }

    /** The receive buffer the operating system granted the unicast socket (Linux reports twice what it grants). */
    public int receiveBufferBytes() {
        return unicast.config().getOption(ChannelOption.SO_RCVBUF);
    }

    /** What this transport has carried and dropped so far. */
    public UdpCounters counters() {
        Map<DropReason, Long> now = new EnumMap<>(DropReason.class);
        dropped.forEach((r, n) -> now.put(r, n.sum()));
        return new UdpCounters(inbound.received(), sent.sum(), now);
    }

    /** Closes the sockets (and the event loops, when the transport made its own); {@link #send} then throws. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        synchronized (groups) {
            groups.values().stream().filter(c -> c != unicast).forEach(c -> c.close().awaitUninterruptibly());
            groups.clear();
        }
        unicast.close().awaitUninterruptibly();
        shutDownOwnLoops();
    }

    @Override
    public String toString() {
        return "UDP transport " + local;
    }

    private Bootstrap bootstrap(boolean reuseAddress) {
        SocketProtocolFamily family = isIpv6(settings.bind.getAddress()) ? SocketProtocolFamily.INET6 : SocketProtocolFamily.INET;
        Bootstrap b = new Bootstrap()
                .group(loops)
                .channelFactory(() -> new NioDatagramChannel(family))
                .option(ChannelOption.AUTO_READ, false)
                // One byte over the limit: a datagram that fills the buffer was longer than the limit.
                .option(ChannelOption.RCVBUF_ALLOCATOR, new FixedRecvByteBufAllocator(settings.maxDatagramBytes + 1))
                .option(ChannelOption.SO_REUSEADDR, reuseAddress)
                .option(ChannelOption.SO_RCVBUF, settings.receiveBufferBytes)
                .option(ChannelOption.IP_MULTICAST_LOOP_DISABLED, false)
                .option(ChannelOption.IP_MULTICAST_TTL, settings.multicastTtl)
                .handler(inbound);
        multicastIf.ifPresent(nif -> b.option(ChannelOption.IP_MULTICAST_IF, nif));
        return b;
    }

    private boolean onOwnSocket(InetSocketAddress group) {
        InetSocketAddress own = (InetSocketAddress) unicast.localAddress();
        return own.getAddress().isAnyLocalAddress() && own.getPort() == group.getPort();
    }

    private NetworkInterface multicastInterface() {
        return multicastIf.orElseThrow(() -> new IllegalStateException("UDP transport " + local
                + " is bound to the wildcard address, so it has no multicast interface of its own: name one with "
                + "UdpTransport.builder().multicastInterface(\"eth0\")"));
    }

    private InetSocketAddress requireGroup(Endpoint group) {
        InetSocketAddress address = Addresses.require(Objects.requireNonNull(group, "group"), "a multicast group");
        if (!address.getAddress().isMulticastAddress()) {
            throw new IllegalArgumentException(group + " is not a multicast address (IPv4 224.0.0.0/4, IPv6 ff00::/8)");
        }
        return address;
    }

    private void drop(DroppedDatagram drop) {
        dropped.get(drop.reason()).increment();
        log.dropped(drop);
        try {
            settings.onDrop.accept(drop);
        } catch (RuntimeException e) {
            org.slf4j.LoggerFactory.getLogger(UdpTransport.class).warn("the drop listener of {} threw", this, e);
        }
    }

    private void shutDownOwnLoops() {
        if (ownLoops) {
            loops.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly();
        }
    }

    private static boolean isIpv6(InetAddress address) {
        return address instanceof Inet6Address;
    }

    /** Where to bind, and how; {@link #open()} binds. */
    public static final class Builder {
        private InetSocketAddress bind = new InetSocketAddress(InetAddress.getLoopbackAddress(), MIKEY_PORT);
        private EventLoopGroup loops;
        private int maxDatagramBytes = DEFAULT_MAX_DATAGRAM_BYTES;
        private String multicastInterfaceName;
        private int multicastTtl = 1;
        private boolean reuseAddress;
        private int receiveBufferBytes = DEFAULT_RECEIVE_BUFFER_BYTES;
        private Consumer<DroppedDatagram> onDrop = d -> { };
        private InstantSource clock = InstantSource.system();

        private Builder() {
        }

        /**
         * The local address and port (an IP address literal; {@code 0.0.0.0} or {@code ::} for every
         * interface; port 0 for one the system picks). Default: the loopback address, port 2269.
         */
        public Builder bind(Endpoint endpoint) {
            this.bind = Addresses.require(Objects.requireNonNull(endpoint, "endpoint"), "the address to bind");
            return this;
        }

        /**
         * The event loops to run on, shared with the HTTP transport in a process; the caller shuts them down.
         * Default: one loop of the transport's own, shut down by {@link UdpTransport#close()}.
         */
        public Builder eventLoops(EventLoopGroup loops) {
            this.loops = Objects.requireNonNull(loops, "loops");
            return this;
        }

        /** Longest datagram sent or received (default {@value UdpTransport#DEFAULT_MAX_DATAGRAM_BYTES}); at most 65,507. */
        public Builder maxDatagramBytes(int bytes) {
            if (bytes < 1 || bytes > 65_507) {
                throw new IllegalArgumentException("a UDP datagram limit must be 1..65507 bytes, got " + bytes);
            }
            this.maxDatagramBytes = bytes;
            return this;
        }

        /**
         * The network interface multicast is joined and sent on, by name ({@code lo}, {@code eth0}). Default:
         * the interface that holds the bound address; required when binding to the wildcard address and using
         * multicast.
         */
        public Builder multicastInterface(String name) {
            this.multicastInterfaceName = Objects.requireNonNull(name, "name");
            return this;
        }

        /** Time to live of sent multicast datagrams (default 1: the local network). */
        public Builder multicastTtl(int ttl) {
            if (ttl < 0 || ttl > 255) {
                throw new IllegalArgumentException("a multicast TTL must be 0..255, got " + ttl);
            }
            this.multicastTtl = ttl;
            return this;
        }

        /**
         * The socket receive buffer asked of the operating system (SO_RCVBUF; default
         * {@value UdpTransport#DEFAULT_RECEIVE_BUFFER_BYTES} bytes). UDP has no flow control: what arrives while the
         * buffer is full is lost before the transport sees it (and then resent by the MIKEY procedures, or not at
         * all for a verification message), so a BM-SC that re-keys many UEs at once wants room for the burst of
         * their acknowledgements. Linux grants at most {@code net.core.rmem_max}; {@link #receiveBufferBytes()}
         * on the open transport tells what was granted.
         */
        public Builder receiveBufferBytes(int bytes) {
            if (bytes < 1024) {
                throw new IllegalArgumentException("a UDP receive buffer below 1,024 bytes cannot hold a datagram "
                        + "burst, got " + bytes);
            }
            this.receiveBufferBytes = bytes;
            return this;
        }

        /**
         * Lets other sockets bind the same unicast address and port (SO_REUSEADDR). Off by default: with it,
         * another process could bind the port and take unicast datagrams. Group sockets always reuse.
         */
        public Builder reuseAddress(boolean reuse) {
            this.reuseAddress = reuse;
            return this;
        }

        /** Told of every dropped datagram, on the thread that dropped it; must not block. */
        public Builder onDrop(Consumer<DroppedDatagram> listener) {
            this.onDrop = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /** The clock of the drop log's rate limit. */
        public Builder clock(InstantSource clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Binds the socket. Reading starts when a receiver is registered.
         *
         * @throws IllegalStateException    if the address cannot be bound (in use, not local)
         * @throws IllegalArgumentException if the multicast interface does not exist
         */
        public UdpTransport open() {
            multicastInterface();   // fail on a bad name before binding anything
            return new UdpTransport(this);
        }

        Optional<NetworkInterface> multicastInterface() {
            try {
                if (multicastInterfaceName != null) {
                    NetworkInterface nif = NetworkInterface.getByName(multicastInterfaceName);
                    if (nif == null) {
                        throw new IllegalArgumentException("no network interface named '" + multicastInterfaceName
                                + "' (this host has " + interfaceNames() + ")");
                    }
                    return Optional.of(nif);
                }
                return bind.getAddress().isAnyLocalAddress()
                        ? Optional.empty() : Optional.ofNullable(NetworkInterface.getByInetAddress(bind.getAddress()));
            } catch (SocketException e) {
                throw new IllegalStateException("cannot list the network interfaces: " + e.getMessage(), e);
            }
        }

        private static String interfaceNames() throws SocketException {
            return NetworkInterface.networkInterfaces().map(NetworkInterface::getName).sorted().toList().toString();
        }
    }
}
