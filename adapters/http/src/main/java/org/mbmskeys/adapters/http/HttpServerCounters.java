package org.mbmskeys.adapters.http;

import java.util.Map;

/**
 * What an HTTP server has done since it opened. A snapshot; the server keeps counting.
 *
 * @param requests requests handed to the receiver
 * @param answered answers the receiver gave that were written
 * @param refused  requests the server answered by itself, by status code (400, 408, 413, 414, 431, 500, 503)
 */
public record HttpServerCounters(long requests, long answered, Map<Integer, Long> refused) {

    public HttpServerCounters {
        refused = Map.copyOf(refused);
    }

    /** Requests refused with {@code status}. */
    public long refused(int status) {
        return refused.getOrDefault(status, 0L);
    }
}
