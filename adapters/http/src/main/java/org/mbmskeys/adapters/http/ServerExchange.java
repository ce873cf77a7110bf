package org.mbmskeys.adapters.http;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.ChannelInputShutdownEvent;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.util.ReferenceCountUtil;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.mbmskeys.engine.bytes.Bytes;
import org.mbmskeys.engine.spi.Endpoint;
import org.mbmskeys.engine.spi.Envelope;
import org.mbmskeys.engine.spi.ReplyHandle;

/**
 * One connection of the HTTP server: each complete request goes to the receiver as an envelope with a reply
 * handle, one at a time (reading pauses until the answer is written, so answers leave in the order of the
 * requests). Bad requests are answered here, without the receiver, and end the connection.
 */
final class ServerExchange extends ChannelInboundHandlerAdapter {

    private static final byte[] CONTINUE = "HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

    private final HttpServerTransport server;
    private Endpoint client;
    private boolean started;        // a request's start line and headers have arrived
    private boolean keepAlive = true;
    private boolean pending;        // a request is with the receiver, not answered yet
    private boolean inputEnded;     // the client shut its output: answer what is pending, then close
    private ScheduledFuture<?> deadline;
    private boolean refused;        // answered by the server itself: the connection is closing, nothing more is read
    // What one read brought beyond the request in hand (pipelining); at most what the decoder had of that read.
    private final ArrayDeque<Object> later = new ArrayDeque<>();

    ServerExchange(HttpServerTransport server) {
        this.server = server;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        client = Addresses.endpoint((InetSocketAddress) ctx.channel().remoteAddress());
        awaitRequest(ctx);
        ctx.fireChannelActive();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        try {
            // A body's parts need no handling: the Framed after them holds every byte.
            boolean kept = msg instanceof Framed || msg instanceof HttpRequest
                    || msg instanceof HttpObject o && o.decoderResult().isFailure();
            if (!kept) {
                return;
            }
            if (pending || !later.isEmpty()) {
                // Pipelined: the decoder hands on what one read brought, even while reading is paused.
                later.add(msg instanceof Framed ? msg : ReferenceCountUtil.retain(msg));
            } else {
                handle(ctx, msg);
            }
        } finally {
            ReferenceCountUtil.release(msg);
        }
    }

    private void handle(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof Framed framed) {
            onRequest(ctx, framed);
        } else if (msg instanceof HttpRequest request) {
            onStart(ctx, request);
        } else if (msg instanceof HttpObject o) {
            refuse(ctx, Refusal.of(o.decoderResult().cause()));
        }
    }

    /** Handles what came while a request was pending, until one is pending again. */
    private void handleLater(ChannelHandlerContext ctx) {
        Object next;
        while (!pending && ctx.channel().isActive() && (next = later.poll()) != null) {
            try {
                handle(ctx, next);
            } finally {
                ReferenceCountUtil.release(next);
            }
        }
    }

    private void onStart(ChannelHandlerContext ctx, HttpRequest request) {
        if (request.decoderResult().isFailure()) {
            refuse(ctx, Refusal.of(request.decoderResult().cause()));
            return;
        }
        started = true;
        keepAlive = HttpUtil.isKeepAlive(request);
        if (HttpUtil.getContentLength(request, -1L) > server.maxRequestBytes()) {
            refuse(ctx, Refusal.tooLarge(server.maxRequestBytes()));
        } else if (HttpUtil.is100ContinueExpected(request)) {
            ctx.writeAndFlush(Unpooled.wrappedBuffer(CONTINUE));
        }
    }

    private void onRequest(ChannelHandlerContext ctx, Framed framed) {
        if (!ctx.channel().isActive() || pending) {
            return;   // refused already
        }
        if (framed.tooLarge()) {
            refuse(ctx, Refusal.tooLarge(server.maxRequestBytes()));
            return;
        }
        cancelDeadline();
        pending = true;
        started = false;
        ctx.channel().config().setAutoRead(false);
        Answer answer = new Answer(ctx, keepAlive);
        Envelope request = Envelope.of(client, server.localEndpoint(), framed.bytes()).withReplyHandle(answer);
        deadline = ctx.executor().schedule(answer::timedOut, server.replyTimeout().toMillis(), TimeUnit.MILLISECONDS);
        server.counted();
        try {
            server.receiver().accept(request);
        } catch (RuntimeException e) {
            if (answer.claim()) {
                server.warn("receiver-failed", "HTTP " + server.localEndpoint() + ": the receiver threw on a request from "
                        + client + ", answered 500: " + e);
                respond(ctx, new Refusal(HttpResponseStatus.INTERNAL_SERVER_ERROR,
                        "the server failed on this request").wire(), false);
            }
        }
    }

    private void refuse(ChannelHandlerContext ctx, Refusal refusal) {
        if (!ctx.channel().isActive() || refused) {
            return;
        }
        refused = true;
        cancelDeadline();
        server.refused(refusal, client);
        ctx.channel().config().setAutoRead(false);
        LingeringClose.writeAndClose(ctx, Unpooled.wrappedBuffer(refusal.wire().asReadOnlyBuffer()));
    }

    /** Writes {@code response}; then reads the next request, or closes. Runs on the event loop. */
    private void respond(ChannelHandlerContext ctx, Bytes response, boolean thenKeepAlive) {
        cancelDeadline();
        ctx.writeAndFlush(Unpooled.wrappedBuffer(response.asReadOnlyBuffer())).addListener(written -> {
            pending = false;
            if (!thenKeepAlive || !written.isSuccess()) {
                ctx.close();
                return;
            }
            handleLater(ctx);
            if (pending || !ctx.channel().isActive()) {
                return;
            }
            if (inputEnded) {
                endOfInput(ctx);
            } else {
                awaitRequest(ctx);
                ctx.channel().config().setAutoRead(true);
                ctx.read();
            }
        });
    }

    /** A connection with no request in hand has {@code idleTimeout} to complete the next one, or is closed. */
    private void awaitRequest(ChannelHandlerContext ctx) {
        cancelDeadline();
        deadline = ctx.executor().schedule(() -> {
            if (pending) {
                return;
            }
            if (started) {
                refuse(ctx, new Refusal(HttpResponseStatus.REQUEST_TIMEOUT,
                        "the request did not arrive whole within " + server.idleTimeout().toMillis() + " ms"));
            } else {
                ctx.close();
            }
        }, server.idleTimeout().toMillis(), TimeUnit.MILLISECONDS);
    }

    private void cancelDeadline() {
        if (deadline != null) {
            deadline.cancel(false);
            deadline = null;
        }
    }

    /**
     * The client shut its output (half-close): a request it had finished is still answered, then the connection
     * closes; one it had not finished is refused with 400; with none, the connection closes.
     */
    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
        if (event instanceof ChannelInputShutdownEvent) {
            inputEnded = true;
            if (!pending && ctx.channel().isActive() && later.isEmpty()) {
                endOfInput(ctx);
            }   // else the answers in progress, then endOfInput, close the connection; refusals close already
            return;
        }
        ctx.fireUserEventTriggered(event);
    }

    /** Nothing pending and the client's input ended: 400 for a request it left unfinished, else just close. */
    private void endOfInput(ChannelHandlerContext ctx) {
        if (ctx.pipeline().get(RequestFraming.class).endedMidRequest()) {
            refuse(ctx, Refusal.endedEarly());
        } else {
            ctx.close();
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        cancelDeadline();
        later.forEach(ReferenceCountUtil::release);
        later.clear();
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        server.warn("connection-error", "HTTP " + server.localEndpoint() + ": connection from " + client + " closed: " + cause);
        ctx.close();
    }

    /** The reply handle of one request; the first answer wins, the engine's or the time-out's. */
    private final class Answer implements ReplyHandle {
        private final ChannelHandlerContext ctx;
        private final boolean keepAlive;
        private final AtomicBoolean answered = new AtomicBoolean();
        private volatile boolean timedOut;

        Answer(ChannelHandlerContext ctx, boolean keepAlive) {
            this.ctx = ctx;
            this.keepAlive = keepAlive;
        }

        @Override
        public void reply(Object payload) {
            if (!(payload instanceof Bytes response)) {
                throw new IllegalArgumentException("the HTTP transport answers with Bytes (the wire bytes of an "
                        + "HTTP/1.1 response), got " + (payload == null ? "null" : payload.getClass().getName()));
            }
            if (!claim()) {
                if (timedOut) {
                    server.warn("late-answer", "HTTP " + server.localEndpoint() + ": an answer to " + client
                            + " came after the reply time-out, which had answered 503; dropped");
                    return;
                }
                throw new IllegalStateException("this request from " + client + " was answered already");
            }
            server.answered();
            ctx.executor().execute(() -> respond(ctx, response, keepAlive));
        }

        boolean claim() {
            return answered.compareAndSet(false, true);
        }

        void timedOut() {
            if (claim()) {
                timedOut = true;
                Refusal late = new Refusal(HttpResponseStatus.SERVICE_UNAVAILABLE,
                        "no answer within " + server.replyTimeout().toMillis() + " ms");
                server.refused(late, client);
                respond(ctx, late.wire(), false);
            }
        }
    }
}
