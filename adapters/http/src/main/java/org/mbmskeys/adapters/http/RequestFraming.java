package org.mbmskeys.adapters.http;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpRequestDecoder;
import java.util.List;

/**
 * Netty's request decoder (it finds where a request ends and checks its syntax), followed after each request by
 * a {@link Framed} with the request's bytes as the client sent them.
 */
final class RequestFraming extends HttpRequestDecoder {

    /** Longest request line: a key-management URI is short; longer is refused with 414. */
    static final int MAX_REQUEST_LINE = 4096;
    /** Most header bytes: Digest's Authorization header is a few hundred bytes; more is refused with 431. */
    static final int MAX_HEADER_BYTES = 8192;

    private final RawCapture raw;

    RequestFraming(int maxRequestBytes) {
        super(new HttpDecoderConfig().setMaxInitialLineLength(MAX_REQUEST_LINE).setMaxHeaderSize(MAX_HEADER_BYTES));
        this.raw = new RawCapture(maxRequestBytes);
    }

    private boolean endedMidRequest;

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf buffer, List<Object> out) throws Exception {
        raw.frame(buffer, out, () -> super.decode(ctx, buffer, out));
    }

    @Override
    protected void decodeLast(ChannelHandlerContext ctx, ByteBuf buffer, List<Object> out) throws Exception {
        // The client's input ended: a request begun and not finished is a malformed request, answered by
        // ServerExchange, whatever the decoder makes of the rest (it may be waiting for a header line).
        endedMidRequest = buffer.isReadable() || raw.hasPartial();
        super.decodeLast(ctx, buffer, out);
    }

    /** Whether the client's input ended inside a request. */
    boolean endedMidRequest() {
        return endedMidRequest;
    }
}
