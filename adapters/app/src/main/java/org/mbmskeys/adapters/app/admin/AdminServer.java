package org.mbmskeys.adapters.app.admin;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.NetUtil;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.mbmskeys.adapters.app.support.TerminalText;
import org.mbmskeys.adapters.http.LingeringClose;
import org.mbmskeys.engine.bytes.SecretBytes;
import org.mbmskeys.engine.spi.Endpoint;
import org.mbmskeys.mbms.bmsc.Bmsc;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The admin API of a running BM-SC: a small HTTP/1.1 server answering JSON about one {@link Bmsc} (user services,
 * Key Groups, registrations, delivery records, streaming sessions) and taking its operator actions (rotate a Key
 * Group's MSK; start, stop or advance MTK delivery). The resources are listed in docs/admin-api.md;
 * {@code mbms-keys admin ...} is its client.
 *
 * <pre>{@code
 * AdminServer admin = AdminServer.builder(bmsc)
 *         .token(AdminToken.of(tokenChars))           // from the BM-SC's configuration
 *         .bind(Endpoint.of("127.0.0.1", 9269))       // the default
 *         .eventLoops(loops)                          // shared with the UDP and HTTP transports
 *         .open();
 * ...
 * admin.close();
 * }</pre>
 *
 * <ul>
 *   <li><b>Binding</b>: the loopback address by default. Any other address must be allowed explicitly
 *       ({@link Builder#allowNonLoopback}), else {@link Builder#open} refuses to start: the API rotates keys and
 *       lists subscribers.</li>
 *   <li><b>Authentication</b>: every request needs {@code Authorization: Bearer <token>} with the configured
 *       {@link AdminToken} (compared in constant time); otherwise 401 with {@code WWW-Authenticate: Bearer}. The
 *       token is never logged.</li>
 *   <li><b>Refusals</b>: unknown path 404, wrong method 405 (with {@code Allow}), bad parameters or body 400,
 *       unknown Key Group, session or IMPI 404, an action the state does not allow 409, a body over
 *       {@link Builder#maxBodyBytes} 413; each as {@code {"error": ..., "detail": ...}}, with one WARN log line, and
 *       nothing changed. Never a 500 for bad input.</li>
 *   <li><b>Threads</b>: requests are answered on one admin thread of the server's own, never on the event loop
 *       (some BM-SC queries wait for an engine lane), in arrival order, so pipelined requests are answered in order.</li>
 * </ul>
 */
public final class AdminServer implements AutoCloseable {

    /** The admin API's port unless configured otherwise. */
    public static final int DEFAULT_PORT = 9269;

    private static final Logger LOG = LoggerFactory.getLogger(AdminServer.class);
    /** The longest request path or detail a log line quotes; the rest is cut. */
    private static final int LOGGED_TEXT = 200;

    private final AdminApi api;
    private final AdminToken token;
    private final EventLoopGroup loops;
    private final boolean ownLoops;
    private final ExecutorService executor;
    private final Channel listener;
    private final ChannelGroup connections = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);
    private final Endpoint local;
    private volatile boolean closed;

    private AdminServer(Builder b) {
        this.api = new AdminApi(b.bmsc);
        this.token = b.token;
        InetSocketAddress bind = b.bind;
        if (!bind.getAddress().isLoopbackAddress() && !b.allowNonLoopback) {
            throw new IllegalStateException("the admin API would listen on " + bind.getAddress().getHostAddress()
                    + ", which is not a loopback address; it rotates keys and lists subscribers, so it listens on 127.0.0.1 "
                    + "unless another address is allowed explicitly (AdminServer.Builder#allowNonLoopback)");
        }
        this.ownLoops = b.loops == null;
        this.loops = ownLoops ? new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory()) : b.loops;
        this.executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "mbms-keys-admin");
            t.setDaemon(true);
            return t;
        });
        int maxBody = b.maxBodyBytes;
        long idleSeconds = Math.max(1, b.idleTimeout.toSeconds());
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(loops)
                .channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        connections.add(ch);
                        ch.pipeline().addLast(
                                new IdleStateHandler(0, 0, idleSeconds, TimeUnit.SECONDS),
                                new HttpServerCodec(new HttpDecoderConfig().setMaxInitialLineLength(4096).setMaxHeaderSize(8192)),
                                new BodyLimit(maxBody),
                                new AdminExchange(AdminServer.this, executor));
                    }
                });
        ChannelFuture bound = bootstrap.bind(bind).awaitUninterruptibly();
        if (!bound.isSuccess()) {
            shutDown();
            throw new IllegalStateException("cannot listen for the admin API on " + bind.getAddress().getHostAddress() + ":"
                    + bind.getPort() + ": " + bound.cause().getMessage(), bound.cause());
        }
        this.listener = bound.channel();
        InetSocketAddress at = (InetSocketAddress) listener.localAddress();
        this.local = Endpoint.of(at.getAddress().getHostAddress(), at.getPort());
        LOG.info("admin API listening on http://{}:{}/v1/ for {}", NetUtil.toAddressString(at.getAddress()), at.getPort(), b.bmsc);
    }

    /** An admin server for {@code bmsc}; give it a {@link Builder#token} and {@link Builder#open()} it. */
    public static Builder builder(Bmsc bmsc) {
        return new Builder(bmsc);
    }

    /** The address and port the server listens on (the port the system chose when 0 was asked). */
    public Endpoint localEndpoint() {
        return local;
    }

    /** Stops listening, closes every connection, ends the admin thread (and the event loops, when it made its own). */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        listener.close().awaitUninterruptibly();
        connections.close().awaitUninterruptibly();
        shutDown();
    }

    @Override
    public String toString() {
        return "admin API " + local;
    }

    AdminToken token() {
        return token;
    }

    /** The answer to an authenticated request; refusals are logged, and a failure is a 500 with no detail. */
    AdminResponse answer(HttpMethod method, String uri, byte[] body, Optional<String> contentType, String client) {
        String path = uri;
        try {
            AdminRequest request = AdminRequest.of(method, uri, body, contentType);
            path = request.path();
            AdminResponse response = api.handle(request, client);
            LOG.debug("admin API: {} {} from {}: {}", method, path, client, response.status().code());
            return response;
        } catch (AdminRefusal refusal) {
            refused(method.name(), path, client, refusal);
            return AdminResponse.of(refusal);
        } catch (RuntimeException e) {
            // A bug or a storage failure, never bad input (that is refused above): the details go to the log only.
            LOG.error("admin API: {} {} from {} failed", method, safe(path), client, e);
            return AdminResponse.of(new AdminRefusal(HttpResponseStatus.INTERNAL_SERVER_ERROR, "internal_error",
                    "the BM-SC could not answer; its log has the cause"));
        }
    }

    void refused(String method, String path, String client, AdminRefusal refusal) {
        LOG.warn("admin API: refused {} {} from {} with {}: {}", method, safe(path), client, refusal.status().code(),
                safe(refusal.detail()));
    }

    void connectionFailed(String client, Throwable cause) {
        LOG.debug("admin API: connection from {} closed after an error: {}", client, safe(String.valueOf(cause.getMessage())));
    }

    private static String safe(String text) {
        String cut = text.length() > LOGGED_TEXT ? text.substring(0, LOGGED_TEXT) + "…" : text;
        return TerminalText.safe(cut);
    }

    private void shutDown() {
        executor.shutdownNow();
        if (ownLoops) {
            loops.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly();
        }
    }

    /** Whole requests up to the body limit; a longer body is answered 413 in JSON and the connection closed. */
    private final class BodyLimit extends HttpObjectAggregator {
        private final int maxBody;

        BodyLimit(int maxBody) {
            super(maxBody);
            this.maxBody = maxBody;
        }

        @Override
        protected void handleOversizedMessage(ChannelHandlerContext ctx, HttpMessage oversized) {
            AdminRefusal refusal = new AdminRefusal(HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE, "payload_too_large",
                    "the body is over " + maxBody + " bytes, the admin API's limit");
            String what = oversized instanceof HttpRequest r ? r.uri() : "-";
            int q = what.indexOf('?');
            refused(oversized instanceof HttpRequest r ? r.method().name() : "-", q < 0 ? what : what.substring(0, q),
                    String.valueOf(ctx.channel().remoteAddress()), refusal);
            byte[] json = AdminJson.bytes(AdminResponse.of(refusal).body());
            FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, refusal.status(),
                    Unpooled.wrappedBuffer(json));
            response.headers().set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON);
            response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, json.length);
            response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
            LingeringClose.writeAndClose(ctx, response);   // the client may still be sending the body
        }
    }

    /** Where to listen, the token and the limits; {@link #open()} binds. */
    public static final class Builder {
        private final Bmsc bmsc;
        private AdminToken token;
        private InetSocketAddress bind = new InetSocketAddress(InetAddress.getLoopbackAddress(), DEFAULT_PORT);
        private boolean allowNonLoopback;
        private EventLoopGroup loops;
        private int maxBodyBytes = 16 * 1024;
        private Duration idleTimeout = Duration.ofSeconds(60);

        private Builder(Bmsc bmsc) {
            this.bmsc = Objects.requireNonNull(bmsc, "bmsc");
        }

        /** The bearer token every request must carry (required). */
        public Builder token(AdminToken token) {
            this.token = Objects.requireNonNull(token, "token");
            return this;
        }

        /**
         * {@link #token(AdminToken)} from secret bytes (copied; the caller may destroy them).
         *
         * @throws IllegalArgumentException if the token is too short or has characters a header cannot carry
         */
        public Builder token(SecretBytes token) {
            return token(AdminToken.of(token));
        }

        /**
         * The address and port to listen on: an IP address literal, port 0 for one the system picks. Default:
         * the loopback address, port {@value #DEFAULT_PORT}. A non-loopback address also needs
         * {@link #allowNonLoopback(boolean)}.
         */
        public Builder bind(Endpoint endpoint) {
            Objects.requireNonNull(endpoint, "endpoint");
            if (!NetUtil.isValidIpV4Address(endpoint.host()) && !NetUtil.isValidIpV6Address(endpoint.host())) {
                throw new IllegalArgumentException("the admin API listens on an IP address literal (127.0.0.1, ::1), got '"
                        + endpoint.host() + "'");
            }
            this.bind = new InetSocketAddress(NetUtil.createInetAddressFromIpAddressString(endpoint.host()), endpoint.port());
            return this;
        }

        /** Lets {@link #bind} name an address other than loopback (off by default: the API is for the host's operator). */
        public Builder allowNonLoopback(boolean allow) {
            this.allowNonLoopback = allow;
            return this;
        }

        /** The event loops to run on, shared with the BM-SC's transports; the caller shuts them down. */
        public Builder eventLoops(EventLoopGroup loops) {
            this.loops = Objects.requireNonNull(loops, "loops");
            return this;
        }

        /** Longest request body (default 16 KiB; the API's bodies are a few bytes). Longer is refused with 413. */
        public Builder maxBodyBytes(int bytes) {
            if (bytes < 64) {
                throw new IllegalArgumentException("the body limit must be at least 64 bytes, got " + bytes);
            }
            this.maxBodyBytes = bytes;
            return this;
        }

        /** How long a connection may stay idle before it is closed (default 60 s). */
        public Builder idleTimeout(Duration timeout) {
            Objects.requireNonNull(timeout, "timeout");
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("the idle time-out must be positive, got " + timeout);
            }
            this.idleTimeout = timeout;
            return this;
        }

        /**
         * Binds the listening socket and serves.
         *
         * @throws IllegalStateException if no token was given, the address is not loopback and not allowed, or it
         *                               cannot be bound
         */
        public AdminServer open() {
            if (token == null) {
                throw new IllegalStateException("the admin API needs a bearer token (AdminServer.Builder#token)");
            }
            return new AdminServer(this);
        }
    }
}
