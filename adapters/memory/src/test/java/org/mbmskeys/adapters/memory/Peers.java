package org.mbmskeys.adapters.memory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.mbmskeys.engine.bytes.Bytes;
import org.mbmskeys.engine.spi.Endpoint;
import org.mbmskeys.engine.spi.Envelope;
import org.mbmskeys.engine.spi.ManualScheduler;

/** A network on a ManualScheduler with nodes that remember what reached them, and when. */
final class Peers {

    record Arrival(String at, java.time.Instant when, Envelope envelope) {
        String hex() {
            return envelope.payload().toHex();
        }
    }

    final ManualScheduler time = new ManualScheduler();
    final MemoryNetwork network;
    final List<Arrival> arrivals = new ArrayList<>();
    private final Map<String, Node> nodes = new TreeMap<>();

    Peers(long seed, String... names) {
        network = MemoryNetwork.builder(time).seed(seed).build();
        for (String name : names) {
            Node node = network.node(name);
            node.receive(e -> arrivals.add(new Arrival(name, time.now(), e)));
            nodes.put(name, node);
        }
    }

    Node node(String name) {
        return nodes.get(name);
    }

    static Endpoint at(String host) {
        return Endpoint.of(host, 2269);
    }

    void send(String from, String to, String hex) {
        node(from).send(Envelope.of(at(from), at(to), Bytes.ofHex(hex)));
    }

    List<String> arrivedAt(String node) {
        return arrivals.stream().filter(a -> a.at().equals(node)).map(Arrival::hex).toList();
    }
}
