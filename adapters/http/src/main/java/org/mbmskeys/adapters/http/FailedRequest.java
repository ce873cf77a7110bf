package org.mbmskeys.adapters.http;

import java.util.Objects;
import org.mbmskeys.engine.spi.Endpoint;

/**
 * A request the HTTP client got no answer to, as its failure listener gets it: where it went, how long it was,
 * why it failed. Never the request's bytes: they carry Digest credentials.
 *
 * @param failure why
 * @param to      the destination the request named
 * @param length  the request's length in bytes
 * @param detail  what went wrong, for a person
 */
public record FailedRequest(HttpClientFailure failure, Endpoint to, int length, String detail) {

    public FailedRequest {
        Objects.requireNonNull(failure, "failure");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(detail, "detail");
    }
}
