package org.mbmskeys.adapters.http;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static java.nio.charset.StandardCharsets.UTF_8;

import io.netty.handler.codec.PrematureChannelClosureException;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import org.mbmskeys.engine.bytes.Bytes;

/**
 * An answer the HTTP server gives by itself, without the engine: the request was malformed or too large, or
 * the engine did not answer in time. Plain text saying why, and {@code Connection: close}: after such a
 * request the server cannot trust where the next one starts.
 *
 * @param status the status code
 * @param reason what was wrong, for the person reading the client's output
 */
record Refusal(HttpResponseStatus status, String reason) {

    static Refusal of(Throwable decoderFailure) {
        if (decoderFailure instanceof TooLongHttpLineException) {
            return new Refusal(HttpResponseStatus.REQUEST_URI_TOO_LONG,
                    "the request line is longer than " + RequestFraming.MAX_REQUEST_LINE + " bytes");
        }
        if (decoderFailure instanceof TooLongHttpHeaderException) {
            return new Refusal(HttpResponseStatus.REQUEST_HEADER_FIELDS_TOO_LARGE,
                    "the header fields are longer than " + RequestFraming.MAX_HEADER_BYTES + " bytes");
        }
        if (decoderFailure instanceof PrematureChannelClosureException) {
            return endedEarly();
        }
        return new Refusal(HttpResponseStatus.BAD_REQUEST, "not an HTTP/1.1 request: " + decoderFailure.getMessage());
    }

    /** The client's input ended inside a request. */
    static Refusal endedEarly() {
        return new Refusal(HttpResponseStatus.BAD_REQUEST, "the request ended before it was whole");
    }

    static Refusal tooLarge(int limit) {
        return new Refusal(HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE, "the request is longer than " + limit + " bytes");
    }

    /** The response's bytes. */
    Bytes wire() {
        byte[] body = (reason + "\n").getBytes(UTF_8);
        String head = "HTTP/1.1 " + status.code() + " " + status.reasonPhrase() + "\r\n"
                + "Content-Type: text/plain; charset=utf-8\r\n"
                + "Content-Length: " + body.length + "\r\n"
                + "Connection: close\r\n\r\n";
        return Bytes.wrap(head.getBytes(US_ASCII)).concat(Bytes.wrap(body));
    }
}
