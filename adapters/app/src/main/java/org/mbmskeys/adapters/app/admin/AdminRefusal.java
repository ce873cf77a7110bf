package org.mbmskeys.adapters.app.admin;

import io.netty.handler.codec.http.HttpResponseStatus;
import java.util.Map;
import java.util.Objects;

/**
 * A request the admin API refuses: its status, a short machine-readable {@code error} and a {@code detail} for
 * the operator. Thrown before anything changed, so a refused request changes nothing. Carries no secret: the
 * detail names what was asked and what is allowed.
 */
final class AdminRefusal extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final HttpResponseStatus status;
    private final String error;
    private final transient Map<String, String> headers;

    AdminRefusal(HttpResponseStatus status, String error, String detail) {
        this(status, error, detail, Map.of());
    }

    /** A refusal whose answer carries {@code headers} too ({@code WWW-Authenticate}, {@code Allow}). */
    AdminRefusal(HttpResponseStatus status, String error, String detail, Map<String, String> headers) {
        super(Objects.requireNonNull(detail, "detail"), null, false, false);
        this.status = Objects.requireNonNull(status, "status");
        this.error = Objects.requireNonNull(error, "error");
        this.headers = Map.copyOf(headers);
    }

    static AdminRefusal badRequest(String detail) {
        return new AdminRefusal(HttpResponseStatus.BAD_REQUEST, "bad_request", detail);
    }

    static AdminRefusal notFound(String detail) {
        return new AdminRefusal(HttpResponseStatus.NOT_FOUND, "not_found", detail);
    }

    static AdminRefusal conflict(String detail) {
        return new AdminRefusal(HttpResponseStatus.CONFLICT, "conflict", detail);
    }

    static AdminRefusal methodNotAllowed(String path, String asked, String allowed) {
        return new AdminRefusal(HttpResponseStatus.METHOD_NOT_ALLOWED, "method_not_allowed",
                path + " takes " + allowed + ", not " + asked, Map.of("Allow", allowed));
    }

    static AdminRefusal unauthorized(String detail) {
        return new AdminRefusal(HttpResponseStatus.UNAUTHORIZED, "unauthorized", detail,
                Map.of("WWW-Authenticate", "Bearer realm=\"mbms-keys admin\""));
    }

    HttpResponseStatus status() {
        return status;
    }

    String error() {
        return error;
    }

    String detail() {
        return getMessage();
    }

    Map<String, String> headers() {
        return headers;
    }
}
