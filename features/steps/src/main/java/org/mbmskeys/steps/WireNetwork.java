package org.mbmskeys.steps;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.mbmskeys.adapters.http.HttpClientTransport;
import org.mbmskeys.adapters.http.HttpServerTransport;
import org.mbmskeys.adapters.memory.Captured;
import org.mbmskeys.adapters.memory.Message;
import org.mbmskeys.adapters.udp.DropReason;
import org.mbmskeys.adapters.udp.DroppedDatagram;
import org.mbmskeys.adapters.udp.UdpTransport;
import org.mbmskeys.engine.bytes.Bytes;
import org.mbmskeys.engine.spi.Endpoint;
import org.mbmskeys.engine.spi.Envelope;
import org.mbmskeys.engine.spi.ManualScheduler;
import org.mbmskeys.engine.spi.ReplyHandle;
import org.mbmskeys.engine.spi.Transport;

/**
 * The loopback sockets a scenario runs over when {@code mbmskeys.steps.network=wire}: the BM-SC's UDP socket
 * and HTTP server on 127.0.0.1, and per UE a loopback address of its own with its MIKEY socket on port 2269
 * (so the BM-SC sends to the source address of the registration, TS 33.246 §6.3.1, as in the in-memory
 * features) and an HTTP client connecting from that address. Each node's transport is wrapped so that
 *
 * <ul>
 *   <li>what it sends is recorded in the {@link Captured} shape of the in-memory network (addresses named by
 *       node, as there), for the steps' assertions and the living docs' ladders;</li>
 *   <li>what is in flight is counted: a datagram from its send until each recipient's handler returned (one per
 *       member for a multicast group), an HTTP request until its answer was handed to the UE (or failed).</li>
 * </ul>
 *
 * {@link #settle} runs the virtual clock's due work until nothing is in flight and nothing is due: the roles run
 * their steps on whichever thread delivers (the test's, or a Netty event loop), so this waits on a monitor that
 * every arrival notifies, with a time-out that fails the step naming what is still in flight. It never sleeps.
 */
final class WireNetwork implements AutoCloseable {

    /** How long a step waits for the network to go quiet before it fails. */
    static final Duration QUIET_WITHIN = Duration.ofSeconds(10);
    /** Distinct loopback addresses per JVM and per scenario, so concurrent runs and closing sockets never collide. */
    private static final AtomicInteger WORLDS = new AtomicInteger();
    private static final int JVM = (int) (ProcessHandle.current().pid() % 200) + 20;

    private final ManualScheduler time;
    private final int world = WORLDS.incrementAndGet() % 250 + 1;
    private final EventLoopGroup loops = new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());
    private final List<AutoCloseable> opened = new ArrayList<>();
    private final Object lock = new Object();
    /** Node names by socket address (host and port) and by host alone. */
    private final Map<Endpoint, String> byEndpoint = new LinkedHashMap<>();
    private final Map<String, String> byHost = new LinkedHashMap<>();
    private final Map<String, Set<String>> members = new LinkedHashMap<>();
    /** The scenario's multicast groups (as the feature names them) and the group each really is, both ways. */
    private final Map<String, String> groups = new LinkedHashMap<>();
    private final Map<String, String> groupNames = new LinkedHashMap<>();
    private final Map<String, UdpTransport> udps = new LinkedHashMap<>();
    /** Each node's counted transport, and each UE's loopback address, by node name. */
    private final Map<String, Counted> nodes = new LinkedHashMap<>();
    private final Map<String, String> addresses = new LinkedHashMap<>();
    private final List<HttpClientTransport> clients = new ArrayList<>();
    private final List<Captured> capture = new ArrayList<>();
    private final List<String> failures = new ArrayList<>();
    private int inFlightDatagrams;
    private int inFlightRequests;
    private int ues;
    private UdpTransport bmscUdp;
    private HttpServerTransport bmscHttp;
    private String bmscName;

    WireNetwork(ManualScheduler time) {
        this.time = time;
    }

    /** The BM-SC's transport: MIKEY on a UDP socket, key management on an HTTP server, both on 127.0.0.1. */
    Transport bmsc(String fqdn) {
        if (bmscName != null) {
            throw new IllegalStateException("wire mode runs one BM-SC per scenario; " + bmscName + " runs already");
        }
        bmscName = fqdn;
        bmscUdp = open(UdpTransport.builder().bind(Endpoint.of("127.0.0.1", 0)).eventLoops(loops).onDrop(this::dropped).open());
        bmscHttp = open(HttpServerTransport.builder().bind(Endpoint.of("127.0.0.1", 0)).eventLoops(loops).open());
        synchronized (lock) {
            byEndpoint.put(bmscUdp.localEndpoint(), fqdn);
            byEndpoint.put(bmscHttp.localEndpoint(), fqdn);
            udps.put(fqdn, bmscUdp);
            nodes.put(fqdn, new Counted(fqdn, Transport.combining(bmscUdp, bmscHttp)));
            return nodes.get(fqdn);
        }
    }

    /** A UE's transport: MIKEY on port 2269 of a loopback address of its own, HTTP from that address. */
    Transport ue(String name) {
        if (bmscHttp == null) {
            throw new IllegalStateException("start the BM-SC before the UEs: their HTTP clients connect to it");
        }
        int n;
        synchronized (lock) {
            n = ++ues;
        }
        String address = "127." + JVM + "." + world + "." + n;
        UdpTransport udp = open(UdpTransport.builder().bind(Endpoint.of(address, UdpTransport.MIKEY_PORT)).multicastInterface("lo")
                .eventLoops(loops).onDrop(this::dropped).open());
        HttpClientTransport http = open(HttpClientTransport.builder().route(bmscName, bmscHttp.localEndpoint())
                .localAddress(address).eventLoops(loops).onFailure(f -> {
                    synchronized (lock) {
                        failures.add("HTTP request of " + name + " got no answer: " + f);
                        inFlightRequests--;
                        lock.notifyAll();
                    }
                }).open());
        synchronized (lock) {
            byHost.put(address, name);
            addresses.put(name, address);
            udps.put(name, udp);
            clients.add(http);
            nodes.put(name, new Counted(name, Transport.combining(udp, http)));
            return nodes.get(name);
        }
    }

    /** The loopback address a UE's sockets are bound to (the source address the BM-SC sees). */
    String addressOf(String ue) {
        synchronized (lock) {
            String address = addresses.get(ue);
            if (address == null) {
                throw new IllegalArgumentException("no UE '" + ue + "' on the wire; UEs: " + addresses.keySet());
            }
            return address;
        }
    }

    /**
     * Sends a datagram from {@code node}'s own socket, counted and captured like the node's own sends: for steps
     * that seal a MIKEY message by hand and send it as the BM-SC would. A destination named by node goes to that
     * node's loopback address, a multicast group the scenario names to the group it really is ({@link #group}).
     */
    void sendFrom(String node, Envelope envelope) {
        Counted from;
        String address;
        synchronized (lock) {
            from = nodes.get(node);
            address = addresses.getOrDefault(envelope.to().host(), groups.get(envelope.to().host()));
        }
        if (from == null) {
            throw new IllegalArgumentException("no node '" + node + "' on the wire; nodes: " + nodes.keySet());
        }
        from.send(address == null ? envelope
                : Envelope.of(envelope.from(), Endpoint.of(address, envelope.to().port()), envelope.payload()));
    }

    /**
     * The UE host's own transport, which the UEs on the wire do not use: each has sockets of its own
     * ({@link #ue}). Sending through it is a bug, and says so.
     */
    Transport ueHost() {
        return new Transport() {
            @Override
            public void send(Envelope envelope) {
                throw new IllegalStateException("a UE on the wire sends through its own sockets, not the host's: " + envelope);
            }

            @Override
            public void receive(Consumer<Envelope> handler) {
                // nothing arrives here: every UE receives on its own sockets
            }
        };
    }

    /**
     * The multicast group the sockets really use for the group a scenario names ({@code 239.1.1.1}): one of this
     * JVM's and this scenario's own ({@code 239.<jvm>.<scenario>.<n>}). Every group on {@code lo} reaches every
     * process of the host that joined it, so a fixed group would let another build's MTK messages (a second
     * {@code mbms-wire} run, a demo) arrive at this scenario's UEs: a discard no step expects, and an arrival
     * counted against this scenario's sends, which lets {@link #settle} return early. The capture keeps the name.
     */
    String group(String named) {
        synchronized (lock) {
            String real = groups.get(named);
            if (real == null) {
                real = "239." + JVM + "." + world + "." + (groups.size() + 1);
                groups.put(named, real);
                groupNames.put(real, named);
            }
            return real;
        }
    }

    /** {@code node} receives from now on what is sent to {@code group} (as the scenario names it) on port 2269. */
    void join(String node, String group) {
        UdpTransport udp = udps.get(node);
        if (udp == null) {
            throw new IllegalArgumentException("no node '" + node + "' on the wire; nodes: " + udps.keySet());
        }
        udp.join(Endpoint.of(group(group), UdpTransport.MIKEY_PORT));
        synchronized (lock) {
            members.computeIfAbsent(group, g -> new LinkedHashSet<>()).add(node);
        }
    }

    /** Everything the nodes sent so far, in sending order, one entry per recipient. */
    List<Captured> capture() {
        synchronized (lock) {
            return List.copyOf(capture);
        }
    }

    /**
     * Runs what is due on the virtual clock until nothing is in flight on the sockets and nothing more is due.
     *
     * @throws AssertionError if the network does not go quiet within {@link #QUIET_WITHIN}, naming what is in flight
     */
    void settle() {
        long end = System.nanoTime() + QUIET_WITHIN.toNanos();
        while (true) {
            time.runDue();
            synchronized (lock) {
                if (inFlightDatagrams <= 0 && inFlightRequests <= 0) {
                    if (time.nextDue().filter(d -> !d.isAfter(time.now())).isEmpty()) {
                        return;
                    }
                    continue;   // an arrival scheduled work due now: run it
                }
                long left = end - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("the loopback network did not go quiet within " + QUIET_WITHIN.toSeconds()
                            + " s: " + inFlightDatagrams + " datagram deliveries and " + inFlightRequests
                            + " HTTP requests still in flight; failures: " + failures + "; last messages: "
                            + capture.subList(Math.max(0, capture.size() - 5), capture.size()));
                }
                try {
                    lock.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError("interrupted while waiting for the loopback network to go quiet", e);
                }
            }
        }
    }

    /**
     * That the sockets, not something else, carried the capture: the BM-SC's HTTP server answered as many
     * requests as the UEs sent, and the UDP sockets received every datagram delivery the capture holds.
     */
    void assertSocketsCarriedTheCapture() {
        List<Captured> all = capture();
        long requests = all.stream().filter(c -> c.message().kind() == Message.Kind.REQUEST).count();
        long datagrams = all.stream().filter(c -> c.message().kind() == Message.Kind.DATAGRAM
                && c.fate() == Captured.Fate.DELIVERED).count();
        long received = udps.values().stream().mapToLong(u -> u.counters().received()).sum();
        long sentByClients = clients.stream().mapToLong(c -> c.counters().requests()).sum();
        if (all.isEmpty() || bmscHttp == null) {
            throw new AssertionError("nothing crossed the loopback sockets in this scenario (" + counters() + ")");
        }
        if (bmscHttp.counters().requests() != requests || sentByClients != requests || received < datagrams) {
            throw new AssertionError("the loopback sockets did not carry this scenario's capture: " + requests
                    + " HTTP requests captured, " + sentByClients + " sent by the UEs' clients, "
                    + bmscHttp.counters().requests() + " received by the BM-SC's server; " + datagrams
                    + " datagram deliveries captured, " + received + " received by the UDP sockets");
        }
    }

    /** How many requests the BM-SC's HTTP server took and datagrams all UDP sockets received, for the reports. */
    String counters() {
        return "HTTP " + (bmscHttp == null ? "-" : bmscHttp.counters()) + ", UDP received "
                + udps.values().stream().mapToLong(u -> u.counters().received()).sum();
    }

    @Override
    public void close() {
        for (AutoCloseable c : opened) {
            try {
                c.close();
            } catch (Exception e) {
                throw new IllegalStateException("cannot close " + c, e);
            }
        }
        loops.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly();
    }

    private <T extends AutoCloseable> T open(T t) {
        opened.add(0, t);
        return t;
    }

    private void dropped(DroppedDatagram drop) {
        synchronized (lock) {
            failures.add(drop.toString());
            if (drop.reason() != DropReason.OVERSIZED && drop.reason() != DropReason.RECEIVER_FAILED) {
                inFlightDatagrams--;   // an outbound drop: it never arrives
            }
            lock.notifyAll();
        }
    }

    /** The node a socket address belongs to, if it is one of this scenario's. */
    private Optional<String> nodeAt(Endpoint e) {
        String n = byEndpoint.get(e);
        return Optional.ofNullable(n != null ? n : byHost.get(e.host()));
    }

    private void record(Message m, Captured.Fate fate) {
        Captured c = new Captured(capture.size() + 1, time.now(), m, fate,
                fate == Captured.Fate.DELIVERED ? Optional.of(time.now()) : Optional.empty(),
                fate == Captured.Fate.DELIVERED ? Optional.of(m.bytes()) : Optional.empty(), List.of(), Optional.empty());
        capture.add(c);
    }

    /** One node's transport, counted and captured. */
    private final class Counted implements Transport {
        private final String name;
        private final Transport inner;

        Counted(String name, Transport inner) {
            this.name = name;
            this.inner = inner;
        }

        @Override
        public void send(Envelope envelope) {
            Endpoint from = Endpoint.of(name, envelope.from().port());
            if (envelope.replyHandle().isPresent()) {
                ReplyHandle original = envelope.replyHandle().get();
                synchronized (lock) {
                    String to = nodeAt(envelope.to()).orElse(envelope.to().host());
                    record(new Message(from, envelope.to(), to, Message.Kind.REQUEST, envelope.payload()), Captured.Fate.DELIVERED);
                    inFlightRequests++;
                }
                inner.send(envelope.withReplyHandle(answer -> {
                    try {
                        original.reply(answer);
                    } finally {
                        synchronized (lock) {
                            inFlightRequests--;
                            lock.notifyAll();
                        }
                    }
                }));
                return;
            }
            synchronized (lock) {
                String host = envelope.to().host();
                String groupName = groupNames.getOrDefault(host, host);
                Set<String> group = members.get(groupName);
                if (group != null || host.startsWith("239.") || host.startsWith("224.")) {
                    List<String> recipients = group == null ? List.of() : group.stream().filter(m -> !m.equals(name)).toList();
                    Endpoint to = Endpoint.of(groupName, envelope.to().port());
                    for (String r : recipients) {
                        record(new Message(from, to, r, Message.Kind.DATAGRAM, envelope.payload()), Captured.Fate.DELIVERED);
                    }
                    inFlightDatagrams += recipients.size();
                } else {
                    Optional<String> to = nodeAt(envelope.to());
                    Endpoint named = Endpoint.of(to.orElse(host), envelope.to().port());
                    record(new Message(from, named, to.orElse(host), Message.Kind.DATAGRAM, envelope.payload()),
                            to.isPresent() ? Captured.Fate.DELIVERED : Captured.Fate.UNDELIVERABLE);
                    if (to.isPresent()) {
                        inFlightDatagrams++;
                    }
                }
            }
            inner.send(envelope);
        }

        @Override
        public void receive(Consumer<Envelope> handler) {
            inner.receive(envelope -> {
                if (envelope.replyHandle().isPresent()) {   // a request at the BM-SC: capture its answer when given
                    ReplyHandle original = envelope.replyHandle().get();
                    handler.accept(envelope.withReplyHandle(answer -> {
                        synchronized (lock) {
                            String client = nodeAt(envelope.from()).orElse(envelope.from().host());
                            record(new Message(Endpoint.of(name, envelope.to().port()), Endpoint.of(client, envelope.from().port()),
                                    client, Message.Kind.RESPONSE, (Bytes) answer), Captured.Fate.DELIVERED);
                        }
                        original.reply(answer);
                    }));
                    return;
                }
                try {
                    handler.accept(envelope);
                } finally {
                    synchronized (lock) {
                        inFlightDatagrams--;
                        lock.notifyAll();
                    }
                }
            });
        }

        @Override
        public void close() {
            inner.close();
        }

        @Override
        public String toString() {
            return name + " on the wire (" + inner + ")";
        }
    }
}
