package org.mbmskeys.adapters.http;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import org.mbmskeys.engine.spi.Endpoint;
import org.mbmskeys.engine.spi.Envelope;
import org.mbmskeys.engine.spi.Transport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The BM-SC's HTTP server as the engine's {@link Transport}: every HTTP/1.1 request that arrives whole reaches
 * the receiver as an {@link Envelope} holding the request's bytes exactly as the client sent them, with a reply
 * handle that writes the answer's bytes back. What the request means (the key-management URI, Digest, the XML
 * bodies) is the procedures' business: this class frames requests and refuses only what is not HTTP or too big.
 *
 * <pre>{@code
 * HttpServerTransport http = HttpServerTransport.builder()
 *         .bind(Endpoint.of("0.0.0.0", 8080)).eventLoops(loops).open();
 * Bmsc bmsc = Bmsc.builder("bmsc.example.org")
 *         .transport(Transport.combining(udp, http))   // MIKEY datagrams out by UDP, requests in by HTTP
 *         .httpCodec(HttpWire.codec()) ... .build();
 * }</pre>
 *
 * <ul>
 *   <li>One request at a time per connection: reading pauses until the answer is written, so answers leave in
 *       the order of the requests (pipelining clients are served, one after the other). Keep-alive as the
 *       request asks (HTTP/1.1 by default).</li>
 *   <li>Refused here, with a plain-text reason and {@code Connection: close}: not HTTP/1.1 (400), a request
 *       line over 4,096 bytes (414), header fields over 8,192 bytes (431), a request over
 *       {@link Builder#maxRequestBytes} (413), a request not whole within {@link Builder#idleTimeout} (408).
 *       An answer the engine does not give within {@link Builder#replyTimeout} is a 503; a receiver that
 *       throws is a 500. Never a 500 for bad input.</li>
 *   <li>{@code Expect: 100-continue} is answered with 100 when the announced length is within the limit
 *       ({@code curl} sends it for bodies over 1 KiB).</li>
 *   <li>A connection idle for {@link Builder#idleTimeout} is closed.</li>
 * </ul>
 * Refusals are counted ({@link #counters()}) and logged at WARN, at most one line per kind every ten seconds.
 */
public final class HttpServerTransport implements Transport {

    private static final Logger LOG = LoggerFactory.getLogger(HttpServerTransport.class);

    private final Builder settings;
    private final EventLoopGroup loops;
    private final boolean ownLoops;
    private final Channel listener;
    private final ChannelGroup connections = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);
    private final Endpoint local;
    private final WarningLimit warnings;
    private final LongAdder requests = new LongAdder();
    private final LongAdder answered = new LongAdder();
    private final Map<Integer, LongAdder> refused = new ConcurrentHashMap<>();
    private volatile Consumer<Envelope> receiver;
    private volatile boolean closed;

    private HttpServerTransport(Builder b) {
        this.settings = b;
        this.warnings = new WarningLimit(LOG, b.clock);
        this.ownLoops = b.loops == null;
        this.loops = ownLoops ? new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory()) : b.loops;
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(loops)
                .channel(NioServerSocketChannel.class)
                .childOption(ChannelOption.ALLOW_HALF_CLOSURE, true)   // a client that shuts its output still gets its answer
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        connections.add(ch);
                        ch.pipeline().addLast(new RequestFraming(b.maxRequestBytes), new ServerExchange(HttpServerTransport.this));
                    }
                });
        ChannelFuture bound = bootstrap.bind(b.bind).awaitUninterruptibly();
        if (!bound.isSuccess()) {
            shutDownOwnLoops();
            throw new IllegalStateException("cannot listen for HTTP on " + Addresses.endpoint(b.bind) + ": "
                    + bound.cause().getMessage(), bound.cause());
        }
        this.listener = bound.channel();
        this.local = Addresses.endpoint((InetSocketAddress) listener.localAddress());
        listener.config().setAutoRead(false);   // accept connections once a receiver is registered
    }

    /** A server to configure; {@link Builder#open()} binds it. */
    public static Builder builder() {
        return new Builder();
    }

    /** The address and port the server listens on (the port the system chose when 0 was asked). */
    public Endpoint localEndpoint() {
        return local;
    }

    /**
     * Not for a server: it answers requests through their reply handles and sends nothing of its own. Combine
     * it with a datagram transport ({@link Transport#combining}) for the MIKEY datagrams a BM-SC sends.
     *
     * @throws IllegalStateException always
     */
    @Override
    public void send(Envelope envelope) {
        throw new IllegalStateException("the HTTP server " + local + " sends nothing of its own: it answers requests "
                + "through their reply handles; send " + envelope + " through a datagram transport (Transport.combining)");
    }

    @Override
    public synchronized void receive(Consumer<Envelope> handler) {
        Objects.requireNonNull(handler, "handler");
        if (receiver != null) {
            throw new IllegalStateException("the HTTP server " + local + " already has a receiver");
        }
        receiver = handler;
        listener.config().setAutoRead(true);
    }

    /** Requests handed to the receiver, answers written for them, and requests refused by status code. */
    public HttpServerCounters counters() {
        Map<Integer, Long> byStatus = new TreeMap<>();
        refused.forEach((status, n) -> byStatus.put(status, n.sum()));
        return new HttpServerCounters(requests.sum(), answered.sum(), byStatus);
    }

    /** Stops listening, closes every connection (and the event loops, when the server made its own). */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        listener.close().awaitUninterruptibly();
        connections.close().awaitUninterruptibly();
        shutDownOwnLoops();
    }

    @Override
    public String toString() {
        return "HTTP server " + local;
    }

    int maxRequestBytes() {
        return settings.maxRequestBytes;
    }

    Duration replyTimeout() {
        return settings.replyTimeout;
    }

    Duration idleTimeout() {
        return settings.idleTimeout;
    }

    Consumer<Envelope> receiver() {
        return receiver;
    }

    void counted() {
        requests.increment();
    }

    void answered() {
        answered.increment();
    }

    void refused(Refusal refusal, Endpoint client) {
        int status = refusal.status().code();
        refused.computeIfAbsent(status, s -> new LongAdder()).increment();
        warn(status, "HTTP " + local + ": refused a request from " + client + " with " + status + ": " + refusal.reason());
    }

    void warn(Object kind, String line) {
        warnings.warn(kind, line);
    }

    private void shutDownOwnLoops() {
        if (ownLoops) {
            loops.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly();
        }
    }

    /** Where to listen, and the limits; {@link #open()} binds. */
    public static final class Builder {
        private InetSocketAddress bind = new InetSocketAddress(InetAddress.getLoopbackAddress(), 8080);
        private EventLoopGroup loops;
        private int maxRequestBytes = 64 * 1024;
        private Duration replyTimeout = Duration.ofSeconds(10);
        private Duration idleTimeout = Duration.ofSeconds(30);
        private InstantSource clock = InstantSource.system();

        private Builder() {
        }

        /**
         * The address and port to listen on: an IP address literal ({@code 0.0.0.0} for every interface), port 0
         * for one the system picks. Default: the loopback address, port 8080.
         */
        public Builder bind(Endpoint endpoint) {
            Objects.requireNonNull(endpoint, "endpoint");
            byte[] raw = io.netty.util.NetUtil.createByteArrayFromIpAddressString(endpoint.host());
            if (raw == null) {
                throw new IllegalArgumentException("the address to listen on must be an IP address literal, got '"
                        + endpoint.host() + "'");
            }
            this.bind = new InetSocketAddress(io.netty.util.NetUtil.createInetAddressFromIpAddressString(endpoint.host()),
                    endpoint.port());
            return this;
        }

        /** The event loops to run on, shared with the UDP transport; the caller shuts them down. */
        public Builder eventLoops(EventLoopGroup loops) {
            this.loops = Objects.requireNonNull(loops, "loops");
            return this;
        }

        /**
         * Longest request, request line, headers and body together (default 64 KiB: a registration for many
         * services is a few KiB). Longer is refused with 413 and nothing more of it is read.
         */
        public Builder maxRequestBytes(int bytes) {
            this.maxRequestBytes = Limits.atLeastOneKiB(bytes, "request");
            return this;
        }

        /** How long the engine has to answer a request before the server answers 503 (default 10 s). */
        public Builder replyTimeout(Duration timeout) {
            this.replyTimeout = Limits.positive(timeout, "reply time-out");
            return this;
        }

        /**
         * How long a connection may wait for its next request to arrive whole (default 30 s): then an idle
         * connection is closed, a half-sent request is refused with 408.
         */
        public Builder idleTimeout(Duration timeout) {
            this.idleTimeout = Limits.positive(timeout, "idle time-out");
            return this;
        }

        /** The clock of the warning log's rate limit. */
        public Builder clock(InstantSource clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Binds the listening socket. Connections are accepted once a receiver is registered.
         *
         * @throws IllegalStateException if the address cannot be bound
         */
        public HttpServerTransport open() {
            return new HttpServerTransport(this);
        }

    }
}
