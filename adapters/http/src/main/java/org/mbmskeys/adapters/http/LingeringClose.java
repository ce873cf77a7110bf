package org.mbmskeys.adapters.http;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.socket.SocketChannel;
import io.netty.util.ReferenceCountUtil;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Writes a last answer (a refusal such as 413) and ends the connection without destroying that answer. Closing
 * at once while the client is still sending (the rest of a body over the limit) leaves unread bytes in the
 * socket, and the kernel then answers with a reset, which can discard the answer before the client reads it. So
 * the server half-closes instead: it sends its answer and a FIN, reads and drops whatever still comes, and closes
 * when the client does, or after {@link #LINGER} at the latest.
 */
public final class LingeringClose {

    /** How long the server keeps reading after its last answer before it closes anyway. */
    public static final Duration LINGER = Duration.ofSeconds(2);

    private LingeringClose() {
    }

    /** Writes {@code answer} as the connection's last message, then half-closes as above. Call on the event loop. */
    public static void writeAndClose(ChannelHandlerContext ctx, Object answer) {
        Channel channel = ctx.channel();
        ctx.writeAndFlush(answer).addListener(written -> {
            if (!written.isSuccess() || !(channel instanceof SocketChannel socket) || !channel.isActive()) {
                channel.close();
                return;
            }
            // Nothing that arrives now is a request: the handlers go (last first, so that what a decoder still holds
            // passes to none), and whatever comes is dropped.
            ChannelPipeline pipeline = channel.pipeline();
            List<String> names = new ArrayList<>(pipeline.toMap().keySet());
            Collections.reverse(names);
            names.forEach(pipeline::remove);
            pipeline.addLast("lingering-close-discard", new Discard());
            channel.config().setAutoRead(true);
            socket.shutdownOutput();
            channel.eventLoop().schedule(() -> {
                channel.close();
            }, LINGER.toMillis(), TimeUnit.MILLISECONDS);
        });
    }

    /** Drops every byte that arrives after the last answer; the client's close closes the channel. */
    private static final class Discard extends ChannelInboundHandlerAdapter {
        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            ReferenceCountUtil.release(msg);
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close();   // a reset from the client after our answer: nothing more to do
        }
    }
}
