package org.mbmskeys.engine.spi;

import org.mbmskeys.engine.bytes.Bytes;

/**
 * Turns {@link HttpRequestMessage}s and {@link HttpResponseMessage}s into HTTP/1.1 wire bytes and back.
 * Implemented by a transport adapter on a real HTTP library (the HTTP adapter's {@code HttpWire.codec()}, on
 * Netty, serves its sockets and the in-memory network alike), so that procedures build and read messages as values
 * and never parse HTTP themselves.
 *
 * <p>Decoding takes exactly one complete message: bytes after it are refused, as are truncated and
 * malformed messages.
 *
 * <pre>{@code
 * Bytes wire = codec.encode(request);
 * HttpRequestMessage same = codec.decodeRequest(wire);   // equal headers (same order and spelling) and body
 * }</pre>
 */
public interface HttpCodec {

    /**
     * The wire bytes of {@code request}; {@code Content-Length} is added when absent.
     *
     * @throws IllegalArgumentException if its {@code Content-Length} differs from the body length
     */
    Bytes encode(HttpRequestMessage request);

    /**
     * The wire bytes of {@code response}; {@code Content-Length} is added when absent.
     *
     * @throws IllegalArgumentException if its {@code Content-Length} differs from the body length
     */
    Bytes encode(HttpResponseMessage response);

    /**
     * The one request in {@code wire}.
     *
     * @throws MalformedHttpException if the bytes are not exactly one complete, valid request
     */
    HttpRequestMessage decodeRequest(Bytes wire);

    /**
     * The one response in {@code wire}. A response without {@code Content-Length} or chunking ends with the
     * bytes (as at connection close).
     *
     * @throws MalformedHttpException if the bytes are not exactly one complete, valid response
     */
    HttpResponseMessage decodeResponse(Bytes wire);
}
