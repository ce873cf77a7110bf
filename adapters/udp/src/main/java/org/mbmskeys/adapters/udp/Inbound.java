package org.mbmskeys.adapters.udp;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.DatagramPacket;
import java.util.Objects;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import org.mbmskeys.engine.bytes.Bytes;
import org.mbmskeys.engine.spi.Endpoint;
import org.mbmskeys.engine.spi.Envelope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns each datagram read into an {@link Envelope} for the receiver; shared by the transport's unicast and
 * group sockets. Netty releases the datagram's buffer after {@link #channelRead0}.
 */
@ChannelHandler.Sharable
final class Inbound extends SimpleChannelInboundHandler<DatagramPacket> {

    private static final Logger LOG = LoggerFactory.getLogger(UdpTransport.class);

    private final int maxDatagramBytes;
    private final Consumer<DroppedDatagram> drops;
    private final LongAdder received = new LongAdder();
    private volatile Consumer<Envelope> receiver;

    Inbound(int maxDatagramBytes, Consumer<DroppedDatagram> drops) {
        this.maxDatagramBytes = maxDatagramBytes;
        this.drops = drops;
    }

    synchronized void receiver(Consumer<Envelope> handler) {
        Objects.requireNonNull(handler, "handler");
        if (receiver != null) {
            throw new IllegalStateException("this UDP transport already has a receiver");
        }
        receiver = handler;
    }

    boolean hasReceiver() {
        return receiver != null;
    }

    long received() {
        return received.sum();
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, DatagramPacket packet) {
        Endpoint from = Addresses.endpoint(packet.sender());
        Endpoint to = Addresses.endpoint(packet.recipient());
        int length = packet.content().readableBytes();
        if (length > maxDatagramBytes) {
            // The buffer holds one byte more than the limit, so the datagram was at least that long.
            drops.accept(new DroppedDatagram(DropReason.OVERSIZED, from, to, length,
                    "longer than the limit of " + maxDatagramBytes + " bytes"));
            return;
        }
        byte[] payload = new byte[length];
        packet.content().readBytes(payload);
        received.increment();
        try {
            receiver.accept(Envelope.of(from, to, Bytes.wrap(payload)));
        } catch (RuntimeException e) {
            drops.accept(new DroppedDatagram(DropReason.RECEIVER_FAILED, from, to, length, e.toString()));
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        // A read error on a datagram socket (an ICMP error reported late, say) ends nothing: keep reading.
        LOG.warn("UDP socket {}: {}", ctx.channel().localAddress(), cause.toString());
    }
}
