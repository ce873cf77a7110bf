package org.mbmskeys.engine.spi;

import java.util.Objects;
import java.util.Optional;
import org.mbmskeys.engine.bytes.Bytes;

/**
 * One HTTP response as a value, independent of any HTTP library (see {@link HttpRequestMessage}).
 *
 * <pre>{@code
 * var unauthorized = new HttpResponseMessage(401, "Unauthorized",
 *         HttpHeaders.of("WWW-Authenticate", challenge), Bytes.empty());
 * }</pre>
 *
 * @param status  the status code, 100..599
 * @param reason  the reason phrase, possibly empty; never CR or LF
 * @param headers the header fields
 * @param body    the content, {@link Bytes#empty()} for none
 * @param version the protocol version, {@code HTTP/1.1} unless a test says otherwise
 */
public record HttpResponseMessage(int status, String reason, HttpHeaders headers, Bytes body, String version) {

    /** @throws IllegalArgumentException for a status outside 100..599, a reason with controls, a bad version */
    public HttpResponseMessage {
        if (status < 100 || status > 599) {
            throw new IllegalArgumentException("HTTP status must be 100..599; got " + status);
        }
        Objects.requireNonNull(reason, "reason");
        if (reason.chars().anyMatch(c -> (c < 0x20 && c != '\t') || c == 0x7f || c > 0xff)) {
            throw new IllegalArgumentException("reason phrase must be printable text without CR or LF; got '"
                    + HttpHeaders.clip(reason) + "'");
        }
        Objects.requireNonNull(headers, "headers");
        Objects.requireNonNull(body, "body (use Bytes.empty() for none)");
        HttpHeaders.requireVersion(version);
    }

    /** An HTTP/1.1 response. */
    public HttpResponseMessage(int status, String reason, HttpHeaders headers, Bytes body) {
        this(status, reason, headers, body, HttpRequestMessage.HTTP_1_1);
    }

    /** The first value of header {@code name} (any case). */
    public Optional<String> header(String name) {
        return headers.first(name);
    }

    @Override
    public String toString() {
        return version + " " + status + " " + reason + " " + headers + " (" + body.length() + " body bytes)";
    }
}
