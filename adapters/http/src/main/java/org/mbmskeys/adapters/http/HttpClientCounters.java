package org.mbmskeys.adapters.http;

import java.util.EnumMap;
import java.util.Map;

/**
 * What an HTTP client has done since it opened. A snapshot; the client keeps counting.
 *
 * @param requests    requests it was asked to send
 * @param answered    answers handed to the requests' reply handles
 * @param connections connections it opened (fewer than requests when connections are reused)
 * @param failed      requests that got no answer, by reason (every reason present, zero when none)
 */
public record HttpClientCounters(long requests, long answered, long connections, Map<HttpClientFailure, Long> failed) {

    public HttpClientCounters {
        EnumMap<HttpClientFailure, Long> all = new EnumMap<>(HttpClientFailure.class);
        for (HttpClientFailure f : HttpClientFailure.values()) {
            all.put(f, failed.getOrDefault(f, 0L));
        }
        failed = Map.copyOf(all);
    }

    /** Requests that failed for {@code reason}. */
    public long failed(HttpClientFailure reason) {
        return failed.get(reason);
    }
}
