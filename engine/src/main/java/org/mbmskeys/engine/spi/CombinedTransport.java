package org.mbmskeys.engine.spi;

import java.util.Objects;
import java.util.function.Consumer;

/** {@link Transport#combining}: requests one way, datagrams the other, one receiver for both. */
final class CombinedTransport implements Transport {

    private final Transport datagrams;
    private final Transport requests;

    CombinedTransport(Transport datagrams, Transport requests) {
        this.datagrams = Objects.requireNonNull(datagrams, "datagrams");
        this.requests = Objects.requireNonNull(requests, "requests");
        if (datagrams == requests) {
            throw new IllegalArgumentException("combining a transport with itself: bind " + datagrams + " alone");
        }
    }

    @Override
    public void send(Envelope envelope) {
        (envelope.replyHandle().isPresent() ? requests : datagrams).send(envelope);
    }

    @Override
    public void receive(Consumer<Envelope> handler) {
        datagrams.receive(handler);
        requests.receive(handler);
    }

    @Override
    public void close() {
        try {
            requests.close();
        } finally {
            datagrams.close();
        }
    }

    @Override
    public String toString() {
        return datagrams + " + " + requests;
    }
}
