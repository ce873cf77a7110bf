package org.mbmskeys.adapters.memory;

import java.util.Objects;
import java.util.function.Consumer;
import org.mbmskeys.engine.spi.Envelope;
import org.mbmskeys.engine.spi.Transport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One node of a {@link MemoryNetwork} (a BM-SC, a UE) as the engine's {@link Transport}: it sends from
 * its host name and receives what is addressed to its host name or to a group it joined. An envelope
 * with a reply handle travels as a request; the recipient's {@code reply(Bytes)} sends the response back
 * (a second reply is refused with an {@link IllegalStateException}; answers other than Bytes with an
 * {@link IllegalArgumentException}).
 */
public final class Node implements Transport {

    private static final Logger LOG = LoggerFactory.getLogger(Node.class);

    private final MemoryNetwork network;
    private final String name;
    private volatile Consumer<Envelope> handler;
    private volatile boolean closed;

    Node(MemoryNetwork network, String name) {
        this.network = network;
        this.name = name;
    }

    /** The node's host name. */
    public String name() {
        return name;
    }

    /** Receives from now on what is sent to the multicast group {@code group} (a host name). */
    public Node join(String group) {
        network.join(Objects.requireNonNull(group, "group"), name);
        return this;
    }

    /** Stops receiving what is sent to {@code group}; messages already on their way still arrive. */
    public Node leave(String group) {
        network.leave(Objects.requireNonNull(group, "group"), name);
        return this;
    }

    @Override
    public void send(Envelope envelope) {
        if (closed) {
            throw new IllegalStateException("node '" + name + "' is closed");
        }
        network.send(this, Objects.requireNonNull(envelope, "envelope"));
    }

    @Override
    public synchronized void receive(Consumer<Envelope> handler) {
        if (this.handler != null) {
            throw new IllegalStateException("node '" + name + "' already has a receiver");
        }
        this.handler = Objects.requireNonNull(handler, "handler");
    }

    /** Stops receiving: what arrives later is discarded (logged at debug). */
    @Override
    public void close() {
        closed = true;
    }

    void deliver(Envelope envelope) {
        Consumer<Envelope> h = handler;
        if (closed || h == null) {
            LOG.debug("{} arrived at node '{}', which {}; discarded", envelope, name, closed ? "is closed" : "has no receiver");
            return;
        }
        h.accept(envelope);
    }

    @Override
    public String toString() {
        return "node " + name;
    }
}
