package org.mbmskeys.benchmarks.http;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpVersion;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.mbmskeys.engine.bytes.Bytes;
import org.mbmskeys.engine.spi.Endpoint;
import org.mbmskeys.mbms.digest.DigestClient;
import org.mbmskeys.mbms.keymanagement.KeyManagementRequest;

/**
 * The client of {@link MskRequestsOverHttp}: C keep-alive connections (Netty, on the event loops given) to one
 * server, each in a closed loop: one MSK request in flight, the next sent when the answer is in. A pass gives every
 * UE one request, UE {@code i} on connection {@code i mod C}. Each UE signs with its own {@link DigestClient}
 * (auth-int, nc one higher each request, fresh cnonce); the first request of a UE goes without Authorization and
 * takes the 401's challenge, as does a 401 with {@code stale=true}; both are counted, and the request is sent again
 * signed. The 200's {@code Authentication-Info} is not checked (its {@code rspauth} is the UE's work, not the
 * server's), so the nonce stays and only nc moves.
 */
final class KeyRequestLoad implements AutoCloseable {

    private static final String URI = KeyManagementRequest.MSK_REQUEST.requestTarget();
    private static final String MEDIA_TYPE = KeyManagementRequest.MSK_REQUEST.requestMediaType();

    private final DigestClient[] digest;
    private final Bytes body;
    private final String host;
    private final Connection[] connections;
    private final Map<Integer, LongAdder> statuses = new ConcurrentHashMap<>();
    private final LongAdder challenged = new LongAdder();
    private volatile CountDownLatch passDone;

    /**
     * @param digest one Digest client per UE, for this server (nonces are the server's)
     * @param body   the MSK request body every UE sends
     */
    KeyRequestLoad(EventLoopGroup loops, Endpoint server, String host, int connections, DigestClient[] digest, Bytes body)
            throws InterruptedException {
        this.digest = digest.clone();
        this.body = body;
        this.host = host;
        this.connections = new Connection[connections];
        Bootstrap bootstrap = new Bootstrap().group(loops).channel(NioSocketChannel.class);
        for (int c = 0; c < connections; c++) {
            Connection connection = new Connection();
            this.connections[c] = connection;
            connection.channel = bootstrap.handler(new ChannelInitializer<SocketChannel>() {
                @Override
                protected void initChannel(SocketChannel ch) {
                    ch.pipeline().addLast(new HttpClientCodec(), new HttpObjectAggregator(64 * 1024), connection);
                }
            }).connect(new InetSocketAddress(server.host(), server.port())).sync().channel();
        }
    }

    /** One pass: every UE {@code 0..ues-1} one MSK request; returns when all are answered (fails after 120 s). */
    void pass(int ues) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(connections.length);
        passDone = done;
        for (int c = 0; c < connections.length; c++) {
            Connection connection = connections[c];
            int first = c;
            connection.channel.eventLoop().execute(() -> connection.start(first, ues));
        }
        if (!done.await(120, TimeUnit.SECONDS)) {
            throw new IllegalStateException("a pass of " + ues + " MSK requests did not end within 120 s; statuses so far "
                    + statuses());
        }
    }

    /** Status codes of the answers so far (401s included). */
    Map<Integer, Long> statuses() {
        Map<Integer, Long> out = new TreeMap<>();
        statuses.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }

    /** 401s with a challenge taken (first contact, stale nonce). */
    long challenged() {
        return challenged.sum();
    }

    @Override
    public void close() {
        for (Connection c : connections) {
            c.channel.close().awaitUninterruptibly();
        }
    }

    /** One connection's closed loop; runs on its channel's event loop. */
    private final class Connection extends SimpleChannelInboundHandler<FullHttpResponse> {
        Channel channel;
        private int ue;
        private int end;
        private int challenges;   // of the UE in hand: a third 401 in a row gives that UE up for this pass

        void start(int first, int ues) {
            ue = first;
            end = ues;
            sendOrFinish();
        }

        private void sendOrFinish() {
            if (ue >= end) {
                passDone.countDown();
                return;
            }
            FullHttpRequest request = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.POST, URI,
                    Unpooled.wrappedBuffer(body.toByteArray()));
            request.headers().set("Host", host).set("User-Agent", "mbms-keys-bench 3gpp-gba")
                    .set("Content-Type", MEDIA_TYPE).set("Content-Length", body.length());
            if (digest[ue].hasNonce()) {
                request.headers().set("Authorization", digest[ue].authorize("POST", URI, body).toHeaderValue());
            }
            channel.writeAndFlush(request);
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, FullHttpResponse response) {
            int status = response.status().code();
            statuses.computeIfAbsent(status, s -> new LongAdder()).increment();
            if (status == 401 && challenges++ < 2) {
                challenged.increment();
                digest[ue].onChallenge(response.headers().getAll("WWW-Authenticate"));
            } else {
                challenges = 0;
                ue += connections.length;
            }
            sendOrFinish();
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            statuses.computeIfAbsent(-1, s -> new LongAdder()).increment();
            ctx.close();
        }
    }
}
