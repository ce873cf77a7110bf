package org.mbmskeys.adapters.app.admin;

import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One admin request as the API reads it: method, path segments (each percent-decoded on its own, so an encoded
 * {@code /} stays inside its segment), query parameters, the body and its media type.
 */
record AdminRequest(HttpMethod method, List<String> segments, Map<String, List<String>> query, byte[] body,
                    Optional<String> contentType) {

    /** @throws AdminRefusal 400 for a path or query that does not decode */
    static AdminRequest of(HttpMethod method, String uri, byte[] body, Optional<String> contentType) {
        QueryStringDecoder decoder;
        List<String> segments = new ArrayList<>();
        try {
            decoder = new QueryStringDecoder(uri);
            for (String raw : decoder.rawPath().split("/", -1)) {
                segments.add(QueryStringDecoder.decodeComponent(raw));
            }
            decoder.parameters();   // decodes the query now, so a bad escape is refused here
        } catch (IllegalArgumentException e) {
            throw AdminRefusal.badRequest("the request URI does not decode: " + e.getMessage());
        }
        // "/v1/services" splits into "", "v1", "services"; a trailing slash leaves one more "".
        if (!segments.isEmpty() && segments.get(0).isEmpty()) {
            segments.remove(0);
        }
        if (!segments.isEmpty() && segments.get(segments.size() - 1).isEmpty()) {
            segments.remove(segments.size() - 1);
        }
        return new AdminRequest(method, List.copyOf(segments), decoder.parameters(), body, contentType);
    }

    /** The path as asked, for log lines and error details. */
    String path() {
        return "/" + String.join("/", segments);
    }

    /**
     * The value of query parameter {@code name}, if given.
     *
     * @throws AdminRefusal 400 if it is given more than once
     */
    Optional<String> parameter(String name) {
        List<String> values = query.get(name);
        if (values == null || values.isEmpty()) {
            return Optional.empty();
        }
        if (values.size() > 1) {
            throw AdminRefusal.badRequest("query parameter '" + name + "' is given " + values.size() + " times; give it once");
        }
        return Optional.of(values.get(0));
    }

    /** @throws AdminRefusal 400 naming the allowed parameters if the query has any other */
    void allowOnly(Set<String> names) {
        for (String name : query.keySet()) {
            if (!names.contains(name)) {
                throw AdminRefusal.badRequest("unknown query parameter '" + name + "'; " + (names.isEmpty()
                        ? path() + " takes none" : path() + " takes " + String.join(", ", names.stream().sorted().toList())));
            }
        }
    }
}
