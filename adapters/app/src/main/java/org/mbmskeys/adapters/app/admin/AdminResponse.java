package org.mbmskeys.adapters.app.admin;

import com.fasterxml.jackson.databind.JsonNode;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.util.Map;
import java.util.Objects;

/** What the admin API answers: a status, a JSON body and any header beyond the usual ones. */
record AdminResponse(HttpResponseStatus status, JsonNode body, Map<String, String> headers) {

    AdminResponse {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(body, "body");
        headers = Map.copyOf(headers);
    }

    static AdminResponse ok(JsonNode body) {
        return new AdminResponse(HttpResponseStatus.OK, body, Map.of());
    }

    /** {@code {"error": ..., "detail": ...}} with the refusal's status and headers. */
    static AdminResponse of(AdminRefusal refusal) {
        return new AdminResponse(refusal.status(), AdminJson.error(refusal.error(), refusal.detail()), refusal.headers());
    }
}
