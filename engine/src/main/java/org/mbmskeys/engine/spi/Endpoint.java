package org.mbmskeys.engine.spi;

import java.util.Objects;

/**
 * A transport address: a host name or literal and a port. Transports map it to their own addressing (a
 * socket address, an in-memory node). Prints as {@code host:port}.
 *
 * <pre>{@code
 * Endpoint bmsc = Endpoint.of("bmsc.example", 2269);
 * }</pre>
 */
public record Endpoint(String host, int port) {

    public Endpoint {
        Objects.requireNonNull(host, "host");
        if (host.isBlank()) {
            throw new IllegalArgumentException("an endpoint needs a host name or address, got '" + host + "'");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port of " + host + " must be 0..65535, got " + port);
        }
    }

    public static Endpoint of(String host, int port) {
        return new Endpoint(host, port);
    }

    @Override
    public String toString() {
        return host + ":" + port;
    }
}
