package org.mbmskeys.adapters.http;

import io.netty.bootstrap.Bootstrap;
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
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.util.NetUtil;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import org.mbmskeys.engine.bytes.Bytes;
import org.mbmskeys.engine.spi.Endpoint;
import org.mbmskeys.engine.spi.Envelope;
import org.mbmskeys.engine.spi.Transport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The UE's HTTP client as the engine's {@link Transport}: an envelope with a reply handle is sent as the bytes of
 * an HTTP/1.1 request (made by the procedures' codec) to its destination, and the answer's bytes, exactly as the
 * server sent them, go to the reply handle. Connections are kept and reused per destination while the server
 * keeps them alive.
 *
 * <pre>{@code
 * HttpClientTransport http = HttpClientTransport.builder()
 *         .route("bmsc.example.org", Endpoint.of("127.0.0.1", 8080))   // a lab without DNS
 *         .eventLoops(loops).open();
 * Ue ue = Ue.builder(profile).transport(Transport.combining(udp, http)).httpCodec(HttpWire.codec()) ... .build();
 * }</pre>
 *
 * <p>Destinations: a host given a {@link Builder#route} goes to that address; an IP address literal is used as
 * is; any other name is resolved by the JDK's resolver on the event loop when a connection opens. A request that
 * gets no answer (no connection, closed early, too slow, a malformed or oversized answer) is counted, told to the
 * {@link Builder#onFailure} listener, logged at WARN (at most one line per kind every ten seconds), and its reply
 * handle is never called: the procedure's own
 * timer decides, as when a network loses a request.
 */
public final class HttpClientTransport implements Transport {

    private static final Logger LOG = LoggerFactory.getLogger(HttpClientTransport.class);

    private final Builder settings;
    private final EventLoopGroup loops;
    private final boolean ownLoops;
    private final Bootstrap bootstrap;
    private final ChannelGroup open = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);
    private final Map<Endpoint, Deque<Channel>> idle = new ConcurrentHashMap<>();
    private final WarningLimit warnings;
    private final LongAdder requests = new LongAdder();
    private final LongAdder answered = new LongAdder();
    private final LongAdder connections = new LongAdder();
    private final Map<HttpClientFailure, LongAdder> failed = new EnumMap<>(HttpClientFailure.class);
    private volatile boolean closed;

    private HttpClientTransport(Builder b) {
        this.settings = b;
        for (HttpClientFailure f : HttpClientFailure.values()) {
            failed.put(f, new LongAdder());
        }
        this.warnings = new WarningLimit(LOG, b.clock);
        this.ownLoops = b.loops == null;
        this.loops = ownLoops ? new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory()) : b.loops;
        this.bootstrap = new Bootstrap()
                .group(loops)
                .channel(NioSocketChannel.class)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) b.connectTimeout.toMillis())
                .localAddress(b.localAddress)
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        open.add(ch);
                        ch.pipeline().addLast(new ResponseFraming(b.maxResponseBytes), new ClientExchange(HttpClientTransport.this));
                    }
                });
    }

    /** A client to configure; {@link Builder#open()} makes it. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Sends {@code request} (the bytes of an HTTP/1.1 request) to its destination; the answer goes to its
     * reply handle, on an event loop thread.
     *
     * @throws IllegalStateException if the envelope has no reply handle (HTTP carries requests, not datagrams)
     *                               or the client is closed
     */
    @Override
    public void send(Envelope request) {
        Objects.requireNonNull(request, "request");
        if (closed) {
            throw new IllegalStateException("the HTTP client is closed");
        }
        if (request.replyHandle().isEmpty()) {
            throw new IllegalStateException("the HTTP client sends requests, which have a reply handle; send "
                    + request + " through a datagram transport (Transport.combining)");
        }
        requests.increment();
        Channel reused = reusable(request.to());
        if (reused != null) {
            reused.eventLoop().execute(() -> reused.pipeline().get(ClientExchange.class).send(reused, request));
            return;
        }
        connections.increment();
        bootstrap.connect(address(request.to())).addListener((ChannelFuture connected) -> {
            if (connected.isSuccess()) {
                connected.channel().pipeline().get(ClientExchange.class).send(connected.channel(), request);
            } else {
                failed(request, HttpClientFailure.CONNECT_FAILED, String.valueOf(connected.cause()));
            }
        });
    }

    /** A client receives nothing unasked: answers go to the requests' reply handles. Registering is allowed. */
    @Override
    public void receive(Consumer<Envelope> handler) {
        Objects.requireNonNull(handler, "handler");
    }

    /** Requests sent, answers handed on, connections opened, and requests that got no answer, by reason. */
    public HttpClientCounters counters() {
        Map<HttpClientFailure, Long> now = new EnumMap<>(HttpClientFailure.class);
        failed.forEach((f, n) -> now.put(f, n.sum()));
        return new HttpClientCounters(requests.sum(), answered.sum(), connections.sum(), now);
    }

    /** Closes every connection (and the event loops, when the client made its own). */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        open.close().awaitUninterruptibly();
        idle.clear();
        if (ownLoops) {
            loops.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly();
        }
    }

    @Override
    public String toString() {
        return "HTTP client";
    }

    Duration responseTimeout() {
        return settings.responseTimeout;
    }

    int maxResponseBytes() {
        return settings.maxResponseBytes;
    }

    /** {@code channel} answered and stays open: the next request to {@code destination} may use it. */
    void release(Endpoint destination, Channel channel) {
        if (closed) {
            channel.close();
            return;
        }
        Deque<Channel> pool = idle.computeIfAbsent(destination, d -> new ConcurrentLinkedDeque<>());
        pool.push(channel);
        channel.closeFuture().addListener(gone -> pool.remove(channel));
    }

    void answered(Envelope request, Bytes answer) {
        answered.increment();
        try {
            request.replyHandle().orElseThrow().reply(answer);
        } catch (RuntimeException e) {
            warnings.warn("handle-failed", "HTTP client: the reply handle of a request to " + request.to() + " threw: " + e);
        }
    }

    void failed(Envelope request, HttpClientFailure failure, String detail) {
        failed.get(failure).increment();
        warnings.warn(failure, "HTTP client: no answer from " + request.to() + " to a request of "
                + request.payload().length() + " bytes: " + failure + ": " + detail);
        try {
            settings.onFailure.accept(new FailedRequest(failure, request.to(), request.payload().length(), detail));
        } catch (RuntimeException e) {
            LOG.warn("the failure listener of the HTTP client threw", e);
        }
    }

    private Channel reusable(Endpoint destination) {
        Deque<Channel> pool = idle.get(destination);
        if (pool == null) {
            return null;
        }
        Channel c;
        while ((c = pool.poll()) != null) {
            if (c.isActive()) {
                return c;
            }
        }
        return null;
    }

    private InetSocketAddress address(Endpoint destination) {
        Endpoint to = settings.routes.getOrDefault(destination.host(), destination);
        return NetUtil.isValidIpV4Address(to.host()) || NetUtil.isValidIpV6Address(to.host())
                ? new InetSocketAddress(NetUtil.createInetAddressFromIpAddressString(to.host()), to.port())
                : InetSocketAddress.createUnresolved(to.host(), to.port());
    }

    /** Time-outs, limits and routes; {@link #open()} makes the client. */
    public static final class Builder {
        private EventLoopGroup loops;
        private Duration connectTimeout = Duration.ofSeconds(5);
        private Duration responseTimeout = Duration.ofSeconds(30);
        private int maxResponseBytes = 256 * 1024;
        private final Map<String, Endpoint> routes = new HashMap<>();
        private InstantSource clock = InstantSource.system();
        private Consumer<FailedRequest> onFailure = f -> { };
        private InetSocketAddress localAddress;

        private Builder() {
        }

        /** Told of every request that got no answer, on an event loop thread; must not block. */
        public Builder onFailure(Consumer<FailedRequest> listener) {
            this.onFailure = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /** The event loops to run on, shared with the UDP transport; the caller shuts them down. */
        public Builder eventLoops(EventLoopGroup loops) {
            this.loops = Objects.requireNonNull(loops, "loops");
            return this;
        }

        /**
         * The address connections are made from (an IP address literal; the port is the system's choice). A BM-SC
         * sends MIKEY to the address a registration came from, so in a lab with many UEs on one host each UE can
         * take a loopback address of its own ({@code 127.0.0.2}, {@code 127.0.0.3}, ...: Linux routes all of
         * 127.0.0.0/8 to {@code lo}) and bind its UDP transport there on port 2269. Default: the system's choice.
         */
        public Builder localAddress(String address) {
            Objects.requireNonNull(address, "address");
            if (!NetUtil.isValidIpV4Address(address) && !NetUtil.isValidIpV6Address(address)) {
                throw new IllegalArgumentException("the address to connect from must be an IP address literal, got '"
                        + address + "'");
            }
            this.localAddress = new InetSocketAddress(NetUtil.createInetAddressFromIpAddressString(address), 0);
            return this;
        }

        /** Requests for {@code host}, whatever port they name, go to {@code address} (a lab without DNS). */
        public Builder route(String host, Endpoint address) {
            routes.put(Objects.requireNonNull(host, "host"), Objects.requireNonNull(address, "address"));
            return this;
        }

        /** How long opening a connection may take (default 5 s). */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = Limits.positive(timeout, "connect time-out");
            return this;
        }

        /** How long a request may wait for its whole answer once sent (default 30 s). */
        public Builder responseTimeout(Duration timeout) {
            this.responseTimeout = Limits.positive(timeout, "response time-out");
            return this;
        }

        /** Longest answer read (default 256 KiB); a longer one fails the request. */
        public Builder maxResponseBytes(int bytes) {
            this.maxResponseBytes = Limits.atLeastOneKiB(bytes, "answer");
            return this;
        }

        /** The clock of the warning log's rate limit. */
        public Builder clock(InstantSource clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        public HttpClientTransport open() {
            return new HttpClientTransport(this);
        }

    }
}
