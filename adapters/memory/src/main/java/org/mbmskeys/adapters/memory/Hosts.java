package org.mbmskeys.adapters.memory;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.mbmskeys.engine.spi.Envelope;
import org.mbmskeys.engine.spi.Transport;

/**
 * Many nodes of a {@link MemoryNetwork} behind one {@link Transport}: one engine that hosts many UEs (a UE
 * simulator, a load test) binds its channel to this instead of to one {@link Node}. An envelope goes out
 * from the node its {@code from} host names, which must have been {@linkplain #add(String) added}; what
 * any added node receives goes to the one receiver.
 *
 * <pre>{@code
 * Hosts ues = network.hosts();
 * ues.add("alice").join("239.1.1.1");
 * ues.add("bob");
 * Engine ueSide = Engine.builder().transport("mikey", ues)...build();
 * }</pre>
 */
public final class Hosts implements Transport {

    private final MemoryNetwork network;
    private final Map<String, Node> nodes = new ConcurrentHashMap<>();
    private volatile Consumer<Envelope> handler;

    Hosts(MemoryNetwork network) {
        this.network = network;
    }

    /**
     * Adds the node {@code name} (created on first use in the network) and returns it, to join groups.
     *
     * @throws IllegalStateException if that node already has another receiver
     */
    public Node add(String name) {
        Objects.requireNonNull(name, "name");
        return nodes.computeIfAbsent(name, n -> {
            Node node = network.node(n);
            node.receive(this::deliver);
            return node;
        });
    }

    /** Whether {@code name} was added. */
    public boolean contains(String name) {
        return nodes.containsKey(name);
    }

    /**
     * Sends {@code envelope} from the added node its {@code from} host names.
     *
     * @throws IllegalArgumentException if no added node has that name
     */
    @Override
    public void send(Envelope envelope) {
        Node node = nodes.get(envelope.from().host());
        if (node == null) {
            throw new IllegalArgumentException("no node '" + envelope.from().host() + "' was added to these hosts; "
                    + "added: " + nodes.keySet());
        }
        node.send(envelope);
    }

    @Override
    public synchronized void receive(Consumer<Envelope> handler) {
        if (this.handler != null) {
            throw new IllegalStateException("these hosts already have a receiver");
        }
        this.handler = Objects.requireNonNull(handler, "handler");
    }

    /** Closes every added node. */
    @Override
    public void close() {
        nodes.values().forEach(Node::close);
    }

    private void deliver(Envelope envelope) {
        Consumer<Envelope> h = handler;
        if (h != null) {
            h.accept(envelope);
        }
    }

    @Override
    public String toString() {
        return "hosts " + nodes.keySet();
    }
}
