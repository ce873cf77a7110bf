package org.mbmskeys.adapters.http;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.HttpResponseDecoder;
import java.util.List;

/**
 * Netty's response decoder, followed after each response by a {@link Framed} with the response's bytes as the
 * server sent them.
 */
final class ResponseFraming extends HttpResponseDecoder {

    private final RawCapture raw;

    ResponseFraming(int maxResponseBytes) {
        this.raw = new RawCapture(maxResponseBytes);
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf buffer, List<Object> out) throws Exception {
        raw.frame(buffer, out, () -> super.decode(ctx, buffer, out));
    }
}
