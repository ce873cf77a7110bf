package org.mbmskeys.adapters.memory;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpRequestDecoder;
import io.netty.handler.codec.http.HttpRequestEncoder;
import io.netty.handler.codec.http.HttpResponseDecoder;
import io.netty.handler.codec.http.HttpResponseEncoder;
import java.io.ByteArrayOutputStream;
import org.mbmskeys.engine.bytes.Bytes;

/**
 * HTTP/1.1 requests and responses as the bytes that cross a socket, made and read by Netty's HTTP codec
 * (no HTTP parsing here). The network moves these bytes like any others, so a test can capture, replay
 * and tamper with an HTTP exchange.
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
     * @throws IllegalArgumentException if the bytes are not one complete HTTP/1.1 request
     */
    public static FullHttpRequest parseRequest(Bytes wire) {
        return decode(new EmbeddedChannel(new HttpRequestDecoder(), new HttpObjectAggregator(MAX_CONTENT)), wire,
                FullHttpRequest.class, "request");
    }

    /**
     * The response in {@code wire}; the caller releases it.
     *
     * @throws IllegalArgumentException if the bytes are not one complete HTTP/1.1 response
     */
    public static FullHttpResponse parseResponse(Bytes wire) {
        return decode(new EmbeddedChannel(new HttpResponseDecoder(), new HttpObjectAggregator(MAX_CONTENT)), wire,
                FullHttpResponse.class, "response");
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

    private static <T extends HttpMessage> T decode(EmbeddedChannel channel, Bytes wire, Class<T> type, String what) {
        try {
            channel.writeInbound(Unpooled.wrappedBuffer(wire.toByteArray()));
            Object parsed = channel.readInbound();
            if (!type.isInstance(parsed)) {
                release(parsed);
                throw new IllegalArgumentException("the " + wire.length() + " bytes are not one complete HTTP/1.1 " + what);
            }
            T message = type.cast(parsed);
            if (message.decoderResult().isFailure()) {
                String cause = String.valueOf(message.decoderResult().cause().getMessage());
                release(message);
                throw new IllegalArgumentException("the bytes are not a valid HTTP/1.1 " + what + ": " + cause);
            }
            return message;
        } finally {
            channel.finishAndReleaseAll();
        }
    }

    private static void release(Object o) {
        if (o instanceof io.netty.util.ReferenceCounted counted) {
            counted.release();
        }
    }
}
