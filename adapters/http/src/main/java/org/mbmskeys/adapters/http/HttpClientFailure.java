package org.mbmskeys.adapters.http;

/** Why the HTTP client got no answer to a request. The request's reply handle is then never called. */
public enum HttpClientFailure {

    /** No connection to the server: refused, unreachable, a name that does not resolve, or too slow to connect. */
    CONNECT_FAILED,

    /** The connection closed (or failed) before the whole answer came. */
    CLOSED_EARLY,

    /** The answer did not come whole within the response time-out. */
    TIMED_OUT,

    /** The answer is not HTTP/1.1. */
    MALFORMED,

    /** The answer is longer than the client's limit. */
    TOO_LARGE
}
