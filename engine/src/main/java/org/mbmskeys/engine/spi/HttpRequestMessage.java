package org.mbmskeys.engine.spi;

import java.util.Objects;
import java.util.Optional;
import org.mbmskeys.engine.bytes.Bytes;

/**
 * One HTTP request as a value, independent of any HTTP library: what an {@link HttpCodec} turns into wire
 * bytes and reads back. The headers are exactly those on the wire; the codec adds {@code Content-Length}
 * when it is missing.
 *
 * <pre>{@code
 * var post = new HttpRequestMessage("POST", "/keymanagement?requesttype=register",
 *         HttpHeaders.of("Host", "bmsc.example.org", "Content-Type", "application/mbms-register+xml"), body);
 * }</pre>
 *
 * @param method  an RFC 9110 token such as {@code POST}
 * @param target  the request-target as sent, e.g. {@code /keymanagement?requesttype=register}
 * @param headers the header fields
 * @param body    the content, {@link Bytes#empty()} for none
 * @param version the protocol version, {@code HTTP/1.1} unless a test says otherwise
 */
public record HttpRequestMessage(String method, String target, HttpHeaders headers, Bytes body, String version) {

    /** The version every request of this project uses. */
    public static final String HTTP_1_1 = "HTTP/1.1";

    /** @throws IllegalArgumentException for a method that is not a token, a target with spaces or controls, a bad version */
    public HttpRequestMessage {
        HttpHeaders.requireToken("method", method);
        Objects.requireNonNull(target, "target");
        if (target.isEmpty() || target.chars().anyMatch(c -> c <= 0x20 || c >= 0x7f)) {
            throw new IllegalArgumentException("request-target must be non-empty visible ASCII without spaces; got '"
                    + HttpHeaders.clip(target) + "'");
        }
        Objects.requireNonNull(headers, "headers");
        Objects.requireNonNull(body, "body (use Bytes.empty() for none)");
        HttpHeaders.requireVersion(version);
    }

    /** An HTTP/1.1 request. */
    public HttpRequestMessage(String method, String target, HttpHeaders headers, Bytes body) {
        this(method, target, headers, body, HTTP_1_1);
    }

    /** The first value of header {@code name} (any case). */
    public Optional<String> header(String name) {
        return headers.first(name);
    }

    @Override
    public String toString() {
        return method + " " + target + " " + version + " " + headers + " (" + body.length() + " body bytes)";
    }
}
