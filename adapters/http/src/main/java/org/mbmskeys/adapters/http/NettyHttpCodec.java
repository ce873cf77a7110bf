package org.mbmskeys.adapters.http;

import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpMessage;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.mbmskeys.engine.bytes.Bytes;
import org.mbmskeys.engine.spi.HttpCodec;
import org.mbmskeys.engine.spi.HttpHeaders;
import org.mbmskeys.engine.spi.HttpRequestMessage;
import org.mbmskeys.engine.spi.HttpResponseMessage;
import org.mbmskeys.engine.spi.MalformedHttpException;

/** {@link HttpCodec} on Netty's HTTP/1.1 codec, through {@link HttpWire}; no HTTP parsing of its own. */
final class NettyHttpCodec implements HttpCodec {

    static final NettyHttpCodec INSTANCE = new NettyHttpCodec();

    private NettyHttpCodec() {
    }

    @Override
    public Bytes encode(HttpRequestMessage request) {
        FullHttpRequest netty = new DefaultFullHttpRequest(HttpVersion.valueOf(request.version()),
                HttpMethod.valueOf(request.method()), request.target(),
                Unpooled.wrappedBuffer(request.body().toByteArray()));
        copyHeaders(request.headers(), request.body(), netty);
        return HttpWire.request(netty);
    }

    @Override
    public Bytes encode(HttpResponseMessage response) {
        FullHttpResponse netty = new DefaultFullHttpResponse(HttpVersion.valueOf(response.version()),
                new HttpResponseStatus(response.status(), response.reason()),
                Unpooled.wrappedBuffer(response.body().toByteArray()));
        copyHeaders(response.headers(), response.body(), netty);
        return HttpWire.response(netty);
    }

    private static void copyHeaders(HttpHeaders from, Bytes body, FullHttpMessage to) {
        try {
            for (HttpHeaders.Field f : from.fields()) {
                to.headers().add(f.name(), f.value());
            }
            List<String> lengths = from.all(HttpHeaderNames.CONTENT_LENGTH.toString());
            if (lengths.isEmpty() && !from.contains(HttpHeaderNames.TRANSFER_ENCODING.toString())) {
                to.headers().add(HttpHeaderNames.CONTENT_LENGTH, body.length());
            }
            for (String length : lengths) {
                if (!length.strip().equals(Integer.toString(body.length()))) {
                    throw new IllegalArgumentException("Content-Length " + length + " differs from the body length "
                            + body.length() + "; leave Content-Length out and the codec adds it");
                }
            }
        } catch (RuntimeException e) {
            to.release();
            throw e;
        }
    }

    @Override
    public HttpRequestMessage decodeRequest(Bytes wire) {
        FullHttpRequest netty = HttpWire.parseRequest(wire);
        try {
            return new HttpRequestMessage(netty.method().name(), netty.uri(), headers(netty.headers()),
                    content(netty), netty.protocolVersion().text());
        } catch (MalformedHttpException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            // Netty reads more than HTTP/1.1 allows (a request-target with bytes over 0x7e, say); the message
            // values refuse it, and that is bad input like any other, not a bug.
            throw invalid(e);
        } finally {
            netty.release();
        }
    }

    @Override
    public HttpResponseMessage decodeResponse(Bytes wire) {
        FullHttpResponse netty = HttpWire.parseResponse(wire);
        try {
            return new HttpResponseMessage(netty.status().code(), netty.status().reasonPhrase(),
                    headers(netty.headers()), content(netty), netty.protocolVersion().text());
        } catch (MalformedHttpException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw invalid(e);
        } finally {
            netty.release();
        }
    }

    /** A message value's refusal as the codec's, clipped: a refusal never carries much of the input. */
    private static MalformedHttpException invalid(IllegalArgumentException e) {
        String why = String.valueOf(e.getMessage());
        return new MalformedHttpException(MalformedHttpException.Reason.INVALID,
                why.length() > 120 ? why.substring(0, 120) + "…" : why);
    }

    private static HttpHeaders headers(io.netty.handler.codec.http.HttpHeaders netty) {
        List<HttpHeaders.Field> fields = new ArrayList<>(netty.size());
        // iteratorAsString keeps wire order and spelling, repeated names included
        var it = netty.iteratorAsString();
        while (it.hasNext()) {
            Map.Entry<String, String> e = it.next();
            fields.add(new HttpHeaders.Field(e.getKey(), e.getValue()));
        }
        return new HttpHeaders(fields);
    }

    private static Bytes content(FullHttpMessage netty) {
        byte[] b = new byte[netty.content().readableBytes()];
        netty.content().getBytes(netty.content().readerIndex(), b);
        return Bytes.wrap(b);
    }
}
