package org.mbmskeys.adapters.http;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.PrematureChannelClosureException;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpRequestDecoder;
import io.netty.handler.codec.http.HttpRequestEncoder;
import io.netty.handler.codec.http.HttpResponseDecoder;
import io.netty.handler.codec.http.HttpResponseEncoder;
import io.netty.handler.codec.http.LastHttpContent;
import java.io.ByteArrayOutputStream;
import java.util.List;
import org.mbmskeys.engine.bytes.Bytes;
import org.mbmskeys.engine.spi.HttpCodec;
import org.mbmskeys.engine.spi.MalformedHttpException;

/**
 * HTTP/1.1 requests and responses as the bytes that cross a socket, made and read by Netty's HTTP codec
 * (no HTTP parsing here). The roles build and read their HTTP messages with it ({@link #codec()}), whatever
 * carries the bytes: this adapter's transports over sockets, or the in-memory network, which moves them like any
 * others, so that a test can capture, replay and tamper with an HTTP exchange.
 *
 * <pre>{@code
 * FullHttpRequest post = new DefaultFullHttpRequest(HTTP_1_1, POST, "/keymanagement", body);
 * post.headers().set(HOST, "bmsc.example").setInt(CONTENT_LENGTH, body.readableBytes());
 * Bytes wire = HttpWire.request(post);                 // consumes post
 * FullHttpRequest parsed = HttpWire.parseRequest(wire); // the caller releases it
 * }</pre>
 */
public final class HttpWire {

    /** Largest body the parsers accept, well above any key-management message. */
    public static final int MAX_CONTENT = 1 << 20;

    private HttpWire() {
    }

    /**
     * The {@link HttpCodec} on this class: {@link org.mbmskeys.engine.spi.HttpRequestMessage} and
     * {@link org.mbmskeys.engine.spi.HttpResponseMessage} values to wire bytes and back. Stateless and
     * thread-safe.
     */
    public static HttpCodec codec() {
        return NettyHttpCodec.INSTANCE;
    }

    /** The wire bytes of {@code request}; the request is consumed (released). */
    public static Bytes request(FullHttpRequest request) {
        return encode(new EmbeddedChannel(new HttpRequestEncoder()), request);
    }

    /** The wire bytes of {@code response}; the response is consumed (released). */
    public static Bytes response(FullHttpResponse response) {
        return encode(new EmbeddedChannel(new HttpResponseEncoder()), response);
    }

    /**
     * The request in {@code wire}; the caller releases it.
     *
     * @throws MalformedHttpException (an IllegalArgumentException) if the bytes are not exactly one complete
     *         HTTP/1.1 request: truncated, invalid, or followed by more bytes
     */
    public static FullHttpRequest parseRequest(Bytes wire) {
        RequestDecoder decoder = new RequestDecoder();
        return decode(new EmbeddedChannel(decoder, new HttpObjectAggregator(MAX_CONTENT)), decoder.end, wire,
                FullHttpRequest.class, "request");
    }

    /**
     * The response in {@code wire}; the caller releases it.
     *
     * @throws MalformedHttpException (an IllegalArgumentException) if the bytes are not exactly one complete
     *         HTTP/1.1 response: truncated, invalid, or followed by more bytes. A response without
     *         Content-Length or chunking ends with the bytes, as at connection close
     */
    public static FullHttpResponse parseResponse(Bytes wire) {
        ResponseDecoder decoder = new ResponseDecoder();
        return decode(new EmbeddedChannel(decoder, new HttpObjectAggregator(MAX_CONTENT)), decoder.end, wire,
                FullHttpResponse.class, "response");
    }

    /**
     * Where the first message ended in the input. Between messages Netty's decoder skips CR, LF and other
     * control characters before it looks for the next start line, so the bytes it leaves unread do not
     * show a lone CRLF after a message; the offset noted when the message's last part came out does.
     */
    private static final class MessageEnd {
        private int offset = -1;

        void note(ByteBuf buffer, List<Object> out, int before) {
            for (int i = before; offset < 0 && i < out.size(); i++) {
                if (out.get(i) instanceof LastHttpContent) {
                    offset = buffer.readerIndex();
                }
            }
        }
    }

    private static final class RequestDecoder extends HttpRequestDecoder {
        final MessageEnd end = new MessageEnd();

        @Override
        protected void decode(ChannelHandlerContext ctx, ByteBuf buffer, List<Object> out) throws Exception {
            int before = out.size();
            super.decode(ctx, buffer, out);
            end.note(buffer, out, before);
        }
    }

    private static final class ResponseDecoder extends HttpResponseDecoder {
        final MessageEnd end = new MessageEnd();

        @Override
        protected void decode(ChannelHandlerContext ctx, ByteBuf buffer, List<Object> out) throws Exception {
            int before = out.size();
            super.decode(ctx, buffer, out);
            end.note(buffer, out, before);
        }
    }

    private static Bytes encode(EmbeddedChannel channel, HttpMessage message) {
        try {
            channel.writeOutbound(message);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteBuf part;
            while ((part = channel.readOutbound()) != null) {
                try {
                    byte[] b = new byte[part.readableBytes()];
                    part.readBytes(b);
                    out.writeBytes(b);
                } finally {
                    part.release();
                }
            }
            return Bytes.wrap(out.toByteArray());
        } finally {
            channel.finishAndReleaseAll();
        }
    }

    private static <T extends HttpMessage> T decode(EmbeddedChannel channel, MessageEnd end, Bytes wire, Class<T> type,
                                                    String what) {
        // The decoder reads from this very buffer (it is the first and only one), so what it leaves
        // unread is what follows the first message.
        ByteBuf in = Unpooled.wrappedBuffer(wire.toByteArray());
        in.retain();
        try {
            channel.writeInbound(in);
            Object parsed = channel.readInbound();
            if (parsed == null && type == FullHttpResponse.class && !in.isReadable()) {
                // A response without Content-Length or chunking ends at connection close (RFC 9112 §6.3).
                try {
                    channel.finish();
                } catch (PrematureChannelClosureException e) {
                    throw new MalformedHttpException(MalformedHttpException.Reason.INCOMPLETE, "the " + wire.length()
                            + " bytes end inside an HTTP/1.1 " + what);
                }
                parsed = channel.readInbound();
            }
            if (!type.isInstance(parsed)) {
                release(parsed);
                throw new MalformedHttpException(MalformedHttpException.Reason.INCOMPLETE, "the " + wire.length()
                        + " bytes are not one complete HTTP/1.1 " + what);
            }
            T message = type.cast(parsed);
            if (message.decoderResult().isFailure()) {
                Throwable cause = message.decoderResult().cause();
                release(message);
                if (cause instanceof PrematureChannelClosureException) {
                    throw new MalformedHttpException(MalformedHttpException.Reason.INCOMPLETE, "the " + wire.length()
                            + " bytes end inside an HTTP/1.1 " + what + ": " + clip(String.valueOf(cause.getMessage())));
                }
                throw new MalformedHttpException(MalformedHttpException.Reason.INVALID, "the bytes are not a valid "
                        + "HTTP/1.1 " + what + ": " + clip(String.valueOf(cause.getMessage())));
            }
            Object next = channel.readInbound();
            int trailing = end.offset < 0 ? in.readableBytes() : wire.length() - end.offset;
            if (next != null || trailing > 0) {
                release(next);
                release(message);
                throw new MalformedHttpException(MalformedHttpException.Reason.TRAILING_BYTES, "the " + wire.length()
                        + " bytes hold one HTTP/1.1 " + what + " followed by "
                        + (next != null ? "another message" : trailing + " more bytes") + "; send one message per unit");
            }
            return message;
        } finally {
            in.release();
            try {
                channel.finishAndReleaseAll();
            } catch (RuntimeException e) {
                // Closing a channel that holds half a message makes the aggregator complain; the bytes
                // were already judged above, so there is nothing more to say.
            }
        }
    }

    private static String clip(String text) {
        return text.length() <= 80 ? text : text.substring(0, 80) + "...";
    }

    private static void release(Object o) {
        if (o instanceof io.netty.util.ReferenceCounted counted) {
            counted.release();
        }
    }
}
