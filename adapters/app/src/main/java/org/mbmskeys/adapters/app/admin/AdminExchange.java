package org.mbmskeys.adapters.app.admin;

import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.netty.handler.timeout.IdleStateEvent;
import java.net.InetSocketAddress;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * One admin connection: checks the bearer token, hands the request to the {@link AdminApi} on the admin
 * executor (never on the event loop, which the BM-SC's UDP and HTTP transports may share: some BM-SC calls wait
 * for an engine lane) and writes the answer. Reading pauses until the answer is written, so answers leave in the
 * order of the requests and a client cannot queue unbounded work.
 */
final class AdminExchange extends SimpleChannelInboundHandler<FullHttpRequest> {

    private final AdminServer server;
    private final Executor executor;

    AdminExchange(AdminServer server, Executor executor) {
        this.server = server;
        this.executor = executor;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
        // Everything, refusals included, goes through the one admin thread in arrival order: requests a client
        // pipelined in one packet are decoded together, and their answers must still leave in order.
        String client = client(ctx);
        var method = request.method();
        String uri = request.uri();
        boolean keepAlive = HttpUtil.isKeepAlive(request);
        Throwable malformed = request.decoderResult().isFailure() ? request.decoderResult().cause() : null;
        String authorization = request.headers().get(HttpHeaderNames.AUTHORIZATION);
        byte[] body = ByteBufUtil.getBytes(request.content());
        Optional<String> contentType = Optional.ofNullable(request.headers().get(HttpHeaderNames.CONTENT_TYPE));
        ctx.channel().config().setAutoRead(false);
        try {
            executor.execute(() -> {
                if (malformed != null) {
                    write(ctx, AdminResponse.of(malformed(method.name(), client, malformed)), false);
                } else if (!server.token().admits(authorization)) {
                    AdminRefusal refusal = AdminRefusal.unauthorized(authorization != null
                            ? "the bearer token is not the admin token of this BM-SC"
                            : "the admin API needs 'Authorization: Bearer <token>' with the BM-SC's admin token");
                    server.refused(method.name(), pathOnly(uri), client, refusal);
                    write(ctx, AdminResponse.of(refusal), keepAlive);
                } else {
                    write(ctx, server.answer(method, uri, body, contentType, client), keepAlive);
                }
            });
        } catch (RejectedExecutionException e) {
            ctx.close();   // the server is closing
        }
    }

    private AdminRefusal malformed(String method, String client, Throwable cause) {
        HttpResponseStatus status = cause instanceof TooLongHttpLineException ? HttpResponseStatus.REQUEST_URI_TOO_LONG
                : cause instanceof TooLongHttpHeaderException ? HttpResponseStatus.REQUEST_HEADER_FIELDS_TOO_LARGE
                : HttpResponseStatus.BAD_REQUEST;
        AdminRefusal refusal = new AdminRefusal(status, "bad_request", "not an HTTP/1.1 request the admin API reads: "
                + cause.getMessage());
        server.refused(method, "-", client, refusal);
        return refusal;
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
        if (event instanceof IdleStateEvent) {
            ctx.close();   // a connection idle for the idle time-out is closed
            return;
        }
        super.userEventTriggered(ctx, event);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        server.connectionFailed(client(ctx), cause);
        ctx.close();
    }

    private static void write(ChannelHandlerContext ctx, AdminResponse answer, boolean keepAlive) {
        byte[] json = AdminJson.bytes(answer.body());
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, answer.status(), Unpooled.wrappedBuffer(json));
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON);
        response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, json.length);
        response.headers().set(HttpHeaderNames.CACHE_CONTROL, HttpHeaderValues.NO_STORE);
        answer.headers().forEach(response.headers()::set);
        if (!keepAlive) {
            response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        }
        ctx.writeAndFlush(response).addListener((ChannelFutureListener) f -> {
            if (!keepAlive || !f.isSuccess()) {
                f.channel().close();
            } else {
                f.channel().config().setAutoRead(true);
                f.channel().read();
            }
        });
    }

    private static String client(ChannelHandlerContext ctx) {
        return ctx.channel().remoteAddress() instanceof InetSocketAddress a
                ? a.getAddress().getHostAddress() + ":" + a.getPort() : String.valueOf(ctx.channel().remoteAddress());
    }

    private static String pathOnly(String uri) {
        int q = uri.indexOf('?');
        return q < 0 ? uri : uri.substring(0, q);
    }
}
