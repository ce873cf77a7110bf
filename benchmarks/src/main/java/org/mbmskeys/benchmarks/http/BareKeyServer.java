package org.mbmskeys.benchmarks.http;

import static java.nio.charset.StandardCharsets.US_ASCII;

import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.DatagramPacket;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpVersion;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.LongAdder;
import org.mbmskeys.adapters.udp.UdpTransport;
import org.mbmskeys.engine.bytes.Bytes;
import org.mbmskeys.engine.bytes.SecretBytes;
import org.mbmskeys.engine.spi.Endpoint;
import org.mbmskeys.engine.spi.HttpHeaders;
import org.mbmskeys.engine.spi.HttpRequestMessage;
import org.mbmskeys.engine.spi.HttpResponseMessage;
import org.mbmskeys.engine.spi.RandomBytes;
import org.mbmskeys.mbms.bmsc.Bmsc;
import org.mbmskeys.mbms.bmsc.keymanagement.KeyManagementCall;
import org.mbmskeys.mbms.bmsc.keymanagement.KeyManagementInbound;
import org.mbmskeys.mbms.bmsc.keymanagement.KeyRequestFunction;
import org.mbmskeys.mbms.digest.DigestRealm;
import org.mbmskeys.mbms.digest.DigestVerifier;
import org.mbmskeys.mbms.gba.Bootstrapping;
import org.mbmskeys.mbms.gba.NafId;
import org.mbmskeys.mbms.keymanagement.ItemStatus;
import org.mbmskeys.mbms.keys.MskRef;
import org.mbmskeys.mbms.keys.TimestampCounter;
import org.mbmskeys.mbms.mikey.CsbId;
import org.mbmskeys.mbms.mikey.crypto.CryptoSuite;
import org.mbmskeys.mbms.mikey.protection.AckExpectation;
import org.mbmskeys.mbms.mikey.protection.InboundMikey;
import org.mbmskeys.mbms.mikey.protection.MikeyOpener;
import org.mbmskeys.mbms.mikey.protection.MikeyReader;
import org.mbmskeys.mbms.mikey.protection.MikeySealer;
import org.mbmskeys.mbms.mikey.protection.MskDelivery;
import org.mbmskeys.mbms.mikey.protection.OpenResult;
import org.mbmskeys.mbms.mikey.protection.VerificationMessage;

/**
 * The baseline of {@link MskRequestsOverHttp}: a bare Netty 4.2 server, no engine and no scripts, doing per MSK
 * request the work the BM-SC does, with the project's own Digest and MIKEY code, all on one event-loop thread.
 *
 * <p>Per request: Netty's HTTP codec and aggregator; the request as an {@link HttpRequestMessage} into the BM-SC's
 * own {@link KeyRequestFunction} (request line, {@code requesttype}, Digest with {@link DigestVerifier} built as
 * {@code Bmsc} builds it: realm {@code 3GPP-bootstrapping@<fqdn>}, self-validating nonces, nonce-count tracking,
 * auth-int, the password from the BSF over Zn per request by {@link BareZnCredentials}; then Content-Type and the
 * TS 26.346 body); the UE's MUK kept by that look-up; per MSK asked, the MSK message with the V bit (fresh CSB ID,
 * the UE's next counter, the MSK's RAND, IDi the FQDN, IDr the B-TID) sealed under the MUK and sent in a datagram
 * to the UE's registered {@code mikeyport} on 127.0.0.1; the 200 from {@link KeyRequestFunction#answer} (status
 * body, {@code Authentication-Info} with {@code rspauth} and {@code nextnonce}). The UE's verification message
 * comes back to the same datagram socket and is checked ({@link MikeyOpener#verify}) against what was sent.
 *
 * <p>What the BM-SC does and this does not: the registration look-up ({@code isAuthorizedFor}) and the key registry
 * are a map and one fixed MSK here; no delivery records, no resend timer, no procedure instances, no log lines.
 * That is the engine's and the role code's share, which is what the ratio is about.
 */
final class BareKeyServer implements AutoCloseable {

    private static final MikeySealer SEALER = new MikeySealer(CryptoSuite.jca());
    private static final MikeyOpener OPENER = new MikeyOpener(CryptoSuite.jca());

    private final KeyRequestFunction function;
    private final Map<String, SecretBytes> muks = new HashMap<>();
    private final Map<String, Integer> mikeyPorts;
    private final Map<Integer, Pending> pending = new HashMap<>();
    private final Map<String, Long> counters = new HashMap<>();
    private final MskRef msk;
    private final SecretBytes mskKey;
    private final Bytes rand;
    private final Bytes idi;
    private final String fqdn;
    private final Channel server;
    private final Channel udp;
    private final Semaphore acknowledged = new Semaphore(0);
    private final LongAdder ackRejected = new LongAdder();

    /** A push sent, waiting for its verification message. */
    private record Pending(AckExpectation expectation, SecretBytes muk) {
    }

    /**
     * @param mikeyPorts the UDP port of each UE, by B-TID (the BM-SC has it from the registration)
     * @param msk        the MSK every request asks for (its ID and key domain go into the MIKEY message)
     */
    BareKeyServer(EventLoopGroup loop, String fqdn, Bootstrapping bsf, Map<String, Integer> mikeyPorts, MskRef msk)
            throws InterruptedException {
        this.fqdn = fqdn;
        this.mikeyPorts = Map.copyOf(mikeyPorts);
        this.msk = msk;
        RandomBytes random = RandomBytes.secure();
        this.mskKey = SecretBytes.wrap(random.next(16).toByteArray());
        this.rand = random.next(16);
        this.idi = Bytes.wrap(fqdn.getBytes(US_ASCII));
        DigestRealm realm = DigestRealm.bootstrapping(fqdn);
        DigestVerifier verifier = DigestVerifier.builder()
                .realms(realm)
                .serverSecret(SecretBytes.wrap(random.next(32).toByteArray()))
                .credentials(new BareZnCredentials(bsf, NafId.forMbms(fqdn), muks))
                .random(random)
                .build();
        this.function = new KeyRequestFunction(verifier, realm);
        // The BM-SC's UdpTransport asks for the same receive buffer: ACKs queue there while the loop serves HTTP,
        // and this server, unlike the BM-SC, never resends a push whose ACK was lost.
        this.udp = new Bootstrap().group(loop).channel(NioDatagramChannel.class)
                .option(ChannelOption.SO_RCVBUF, UdpTransport.DEFAULT_RECEIVE_BUFFER_BYTES)
                .handler(new SimpleChannelInboundHandler<DatagramPacket>() {
                    @Override
                    protected void channelRead0(ChannelHandlerContext ctx, DatagramPacket packet) {
                        onDatagram(packet);
                    }
                })
                .bind(new InetSocketAddress("127.0.0.1", 0)).sync().channel();
        this.server = new ServerBootstrap().group(loop).channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast(new HttpServerCodec(), new HttpObjectAggregator(64 * 1024),
                                new SimpleChannelInboundHandler<FullHttpRequest>() {
                                    @Override
                                    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
                                        ctx.writeAndFlush(toNetty(serve(request)));
                                    }
                                });
                    }
                })
                .bind(new InetSocketAddress("127.0.0.1", 0)).sync().channel();
    }

    Endpoint localEndpoint() {
        InetSocketAddress a = (InetSocketAddress) server.localAddress();
        return Endpoint.of(a.getHostString(), a.getPort());
    }

    /** Verification messages checked and found right, one permit each. */
    Semaphore acknowledged() {
        return acknowledged;
    }

    /** Verification messages that did not check (or came from an unknown port). */
    long ackRejected() {
        return ackRejected.sum();
    }

    private HttpResponseMessage serve(FullHttpRequest request) {
        HttpHeaders headers = HttpHeaders.empty();
        for (Map.Entry<String, String> h : request.headers()) {
            headers = headers.with(h.getKey(), h.getValue());
        }
        HttpRequestMessage message = new HttpRequestMessage(request.method().name(), request.uri(), headers,
                Bytes.wrap(ByteBufUtil.getBytes(request.content())), request.protocolVersion().text());
        KeyManagementInbound inbound = function.receive(message);
        if (inbound instanceof KeyManagementInbound.Refused refused) {
            return refused.response();
        }
        if (!(inbound instanceof KeyManagementCall.MskRequest call)) {
            return function.refuse((KeyManagementCall) inbound, ItemStatus.FORBIDDEN, Optional.empty());
        }
        String bTid = call.authentication().username();
        SecretBytes muk = muks.get(bTid);
        Integer port = mikeyPorts.get(bTid);
        List<ItemStatus> statuses = new ArrayList<>();
        for (MskRef asked : call.body().msks()) {
            if (muk == null || port == null || !asked.equals(msk)) {
                statuses.add(ItemStatus.FORBIDDEN);
                continue;
            }
            statuses.add(ItemStatus.OK);
            push(bTid, muk, port);
        }
        return function.answer(call, statuses);
    }

    private void push(String bTid, SecretBytes muk, int port) {
        CsbId csbId = CsbId.of(ThreadLocalRandom.current().nextInt());
        TimestampCounter counter = TimestampCounter.of(counters.merge(bTid, 1L, Long::sum));
        Bytes sealed = SEALER.seal(MskDelivery.delivery(csbId, msk.keyDomain(), msk.mskId(), mskKey, Bmsc.DEFAULT_VALIDITY,
                counter, rand, fqdn, bTid, true), muk);
        pending.put(port, new Pending(new AckExpectation(csbId, rand, idi, Bytes.wrap(bTid.getBytes(US_ASCII)), counter),
                muk));
        udp.writeAndFlush(new DatagramPacket(Unpooled.wrappedBuffer(sealed.toByteArray()),
                new InetSocketAddress("127.0.0.1", port)));
    }

    private void onDatagram(DatagramPacket packet) {
        Pending p = pending.remove(packet.sender().getPort());
        OpenResult<InboundMikey> read = MikeyReader.read(Bytes.wrap(ByteBufUtil.getBytes(packet.content())));
        if (p != null && read.isOpened() && read.orElseThrow() instanceof VerificationMessage v
                && OPENER.verify(v, p.expectation(), p.muk()).isOpened()) {
            acknowledged.release();
        } else {
            ackRejected.increment();
        }
    }

    private static FullHttpResponse toNetty(HttpResponseMessage response) {
        FullHttpResponse out = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                new HttpResponseStatus(response.status(), response.reason()),
                Unpooled.wrappedBuffer(response.body().toByteArray()));
        for (HttpHeaders.Field f : response.headers().fields()) {
            out.headers().add(f.name(), f.value());
        }
        if (!out.headers().contains("Content-Length")) {
            out.headers().set("Content-Length", response.body().length());
        }
        return out;
    }

    @Override
    public void close() {
        server.close().awaitUninterruptibly();
        udp.close().awaitUninterruptibly();
    }
}
