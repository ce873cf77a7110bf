package org.mbmskeys.adapters.http;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpStatusClass;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.util.ReferenceCountUtil;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.mbmskeys.engine.spi.Envelope;

/**
 * One connection of the HTTP client: one request at a time, its answer's bytes to the request's reply handle.
 * Interim (1xx) answers are skipped. A connection that cannot answer (closed early, too slow, a malformed or
 * oversized answer) fails the request: the client reports it and gives the handle nothing, as when a network
 * loses a request, and the procedure's own timer decides what next.
 */
final class ClientExchange extends ChannelInboundHandlerAdapter {

    private final HttpClientTransport client;
    private Envelope pending;
    private ScheduledFuture<?> timer;
    private boolean interim;
    private boolean keepAlive;

    ClientExchange(HttpClientTransport client) {
        this.client = client;
    }

    /** Sends {@code request} on {@code channel}, whose exchange this is. Runs on the channel's event loop. */
    void send(Channel channel, Envelope request) {
        pending = request;
        timer = channel.eventLoop().schedule(() -> fail(channel, HttpClientFailure.TIMED_OUT,
                "no answer within " + client.responseTimeout().toMillis() + " ms"),
                client.responseTimeout().toMillis(), TimeUnit.MILLISECONDS);
        channel.writeAndFlush(Unpooled.wrappedBuffer(request.payload().asReadOnlyBuffer())).addListener(written -> {
            if (!written.isSuccess()) {
                fail(channel, HttpClientFailure.CLOSED_EARLY, "the request could not be written: " + written.cause());
            }
        });
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        try {
            if (pending == null) {
                ctx.close();   // nothing asked: bytes a server should not have sent; the connection is not reused
                return;
            }
            if (msg instanceof HttpResponse response) {
                if (response.decoderResult().isFailure()) {
                    fail(ctx.channel(), HttpClientFailure.MALFORMED, "not an HTTP/1.1 answer: "
                            + response.decoderResult().cause().getMessage());
                    return;
                }
                interim = response.status().codeClass() == HttpStatusClass.INFORMATIONAL;
                keepAlive = HttpUtil.isKeepAlive(response);
            } else if (msg instanceof Framed framed) {
                if (framed.tooLarge()) {
                    fail(ctx.channel(), HttpClientFailure.TOO_LARGE, "an answer longer than "
                            + client.maxResponseBytes() + " bytes");
                } else if (!interim) {
                    complete(ctx.channel(), framed);
                }
            }
        } finally {
            ReferenceCountUtil.release(msg);
        }
    }

    private void complete(Channel channel, Framed answer) {
        Envelope request = pending;
        pending = null;
        timer.cancel(false);
        if (keepAlive) {
            client.release(request.to(), channel);
        } else {
            channel.close();
        }
        client.answered(request, answer.bytes());
    }

    private void fail(Channel channel, HttpClientFailure failure, String detail) {
        Envelope request = pending;
        if (request == null) {
            return;
        }
        pending = null;
        timer.cancel(false);
        channel.close();
        client.failed(request, failure, detail);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        fail(ctx.channel(), HttpClientFailure.CLOSED_EARLY, "the server closed the connection before answering");
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        fail(ctx.channel(), HttpClientFailure.CLOSED_EARLY, "connection error: " + cause);
        ctx.close();
    }
}
