package org.mbmskeys.adapters.memory;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.mbmskeys.adapters.memory.Captured.Fate;
import org.mbmskeys.adapters.memory.Message.Kind;
import org.mbmskeys.adapters.memory.pcap.PcapWriter;
import org.mbmskeys.engine.bytes.Bytes;
import org.mbmskeys.engine.spi.Cancellable;
import org.mbmskeys.engine.spi.Endpoint;
import org.mbmskeys.engine.spi.Envelope;
import org.mbmskeys.engine.spi.RandomBytes;
import org.mbmskeys.engine.spi.ReplyHandle;
import org.mbmskeys.engine.spi.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A deterministic network of many nodes (one BM-SC, many UEs) on the engine's virtual time. Each node is
 * a {@link org.mbmskeys.engine.spi.Transport} ({@link #node}); a node is addressed by its host name, on
 * any port. It carries datagrams to one node or to a multicast group's members, and requests whose
 * answer travels back as a response message. It moves bytes only: what they mean is the sender's
 * business ({@code HttpWire} of the HTTP adapter makes HTTP/1.1 wire bytes).
 *
 * <p>Every delivery goes through the {@link Scheduler}, {@code latency} after the send (default zero: due
 * at once, so it arrives at the scheduler's next run, never inside the sender's call). With a
 * {@code ManualScheduler} nothing happens until the test runs it, and the same seed with the same
 * traffic gives the same capture.
 *
 * <p>Fault rules ({@link Fault}) are applied to each message, per recipient, in the order they were
 * installed; every message and what became of it is recorded in the {@link #capture()}, and any captured
 * datagram or request can be sent again ({@link #reinject}).
 *
 * <pre>{@code
 * ManualScheduler time = new ManualScheduler();
 * MemoryNetwork network = MemoryNetwork.builder(time).seed(42).build();
 * Engine bmsc = Engine.builder().deterministic().scheduler(time).transport("mikey", network.node("bmsc")).build();
 * network.node("ue-1").join("239.1.1.1");
 * network.inject(new Fault.Drop(Selector.nth(1)));
 * time.runDue();                                   // deliveries due now arrive
 * network.writePcap(Path.of("target/mikey.pcap"));
 * }</pre>
 */
public final class MemoryNetwork {

    private static final Logger LOG = LoggerFactory.getLogger(MemoryNetwork.class);

    private final Scheduler scheduler;
    private final RandomBytes random;
    private final Duration latency;
    private final Map<String, Node> nodes = new LinkedHashMap<>();
    private final Map<String, Set<String>> groups = new LinkedHashMap<>();
    private final List<Installed> faults = new ArrayList<>();
    private final List<Captured> capture = new ArrayList<>();
    /** Whether {@link #capture} and the pcap datagrams are kept ({@link Builder#recording}). */
    private final boolean recording;
    /** Messages carried so far: the next capture number, counted whether or not they are kept. */
    private int messages;
    private final List<PcapWriter.Datagram> wire = new ArrayList<>();
    private final Map<String, Integer> pcapHosts = new LinkedHashMap<>();
    /** How many nodes and groups {@link #pcapHosts} numbered: a counter each, not a scan per datagram. */
    private int pcapNodes;
    private int pcapGroups;
    private final Map<String, List<Runnable>> heldBack = new LinkedHashMap<>();

    private MemoryNetwork(Builder builder) {
        this.scheduler = builder.scheduler;
        this.random = builder.random;
        this.latency = builder.latency;
        this.recording = builder.recording;
    }

    /** A network on {@code scheduler}'s time (a {@code ManualScheduler} in tests). */
    public static Builder builder(Scheduler scheduler) {
        return new Builder(scheduler);
    }

    /** The node with host name {@code name}, created on first use; sends from and receives at {@code name:*}. */
    public synchronized Node node(String name) {
        Objects.requireNonNull(name, "name");
        if (groups.containsKey(name)) {
            throw new IllegalArgumentException("'" + name + "' is a multicast group, not a node");
        }
        return nodes.computeIfAbsent(name, n -> new Node(this, n));
    }

    /**
     * A transport for many nodes at once (one engine hosting many UEs); nodes are added to it by name.
     */
    public Hosts hosts() {
        return new Hosts(this);
    }

    /**
     * Installs a fault rule after the ones already installed; it applies to messages sent from now on.
     * Cancelling the returned handle removes it (heals a partition).
     */
    public synchronized Cancellable inject(Fault fault) {
        Installed installed = new Installed(Objects.requireNonNull(fault, "fault"));
        faults.add(installed);
        LOG.debug("fault installed: {}", fault);
        return () -> {
            synchronized (this) {
                if (faults.remove(installed)) {
                    LOG.debug("fault removed: {}", fault);
                }
            }
        };
    }

    /** Everything the network carried so far, in sending order, one entry per recipient. */
    public synchronized List<Captured> capture() {
        return List.copyOf(capture);
    }

    /**
     * Sends a captured datagram or request again, as it was sent (same sender, destination, recipient and
     * bytes), through the fault rules like any message. A re-injected request can be answered; its
     * response travels back and is captured, but no one waits for it.
     *
     * @throws IllegalArgumentException for a response: it answered one request, which is closed
     */
    public synchronized void reinject(Captured captured) {
        Message m = captured.message();
        if (m.kind() == Kind.RESPONSE) {
            throw new IllegalArgumentException("capture #" + captured.id() + " is a response; it answered one request, "
                    + "which is closed. Re-inject the request instead");
        }
        wire(m);
        Node target = nodes.get(m.recipient());
        if (target == null) {
            record(m, Fate.UNDELIVERABLE, Optional.empty(), Optional.empty(), List.of(), Optional.of(captured.id()));
            return;
        }
        String what = "replayed capture #" + captured.id();
        // the answer travels back through the network like any response (captured, faults apply); no one waits
        Consumer<Bytes> arrive = m.kind() == Kind.REQUEST ? arrival(target, m, Optional.of(answerTo(m, nobody(what))))
                : arrival(target, m, Optional.empty());
        route(m, arrive, copyOf(target, m, arrive), Optional.of(captured.id()));
    }

    /**
     * Writes the datagrams the nodes sent (what a capture at the senders would show, replays included) as
     * a pcap file Wireshark opens. Host names become addresses in order of first appearance: IPv4
     * literals stay as they are, nodes get 10.x.y.z and multicast groups 239.x.y.z.
     */
    public void writePcap(Path file) throws IOException {
        List<PcapWriter.Datagram> datagrams;
        synchronized (this) {
            datagrams = List.copyOf(wire);
        }
        try (OutputStream out = Files.newOutputStream(file)) {
            PcapWriter.write(out, datagrams);
        }
    }

    synchronized void join(String group, String node) {
        if (nodes.containsKey(group)) {
            throw new IllegalArgumentException("'" + group + "' is a node, it cannot be a multicast group");
        }
        groups.computeIfAbsent(group, g -> new LinkedHashSet<>()).add(node);
        LOG.debug("{} joined group {}", node, group);
    }

    synchronized void leave(String group, String node) {
        Set<String> members = groups.get(group);
        if (members != null) {
            members.remove(node);
        }
        LOG.debug("{} left group {}", node, group);
    }

    synchronized void send(Node sender, Envelope envelope) {
        if (!envelope.from().host().equals(sender.name())) {
            throw new IllegalArgumentException("node '" + sender.name() + "' cannot send from " + envelope.from()
                    + "; it sends from its own host name");
        }
        Kind kind = envelope.replyHandle().isPresent() ? Kind.REQUEST : Kind.DATAGRAM;
        String host = envelope.to().host();
        if (kind == Kind.REQUEST && groups.containsKey(host)) {
            // every member would answer the one handle; a request has one server
            throw new IllegalArgumentException("a request cannot go to multicast group '" + host + "': it expects one "
                    + "answer; send it to one node");
        }
        List<String> recipients = nodes.containsKey(host) ? List.of(host)
                : groups.containsKey(host) ? groups.get(host).stream().filter(n -> !n.equals(sender.name())).toList()
                : List.of();
        Message sent = new Message(envelope.from(), envelope.to(), host, kind, envelope.payload());
        wire(sent);
        if (recipients.isEmpty() && !groups.containsKey(host)) {
            record(sent, Fate.UNDELIVERABLE, Optional.empty(), Optional.empty(), List.of(), Optional.empty());
            return;
        }
        for (String recipient : recipients) {
            Message m = new Message(envelope.from(), envelope.to(), recipient, kind, envelope.payload());
            Optional<ReplyHandle> handle = envelope.replyHandle().map(original -> answerTo(m, original));
            Consumer<Bytes> arrive = arrival(nodes.get(recipient), m, handle);
            route(m, arrive, copyOf(nodes.get(recipient), m, arrive), Optional.empty());
        }
    }

    /** The handle the recipient answers with: the answer travels back as a response message. */
    private ReplyHandle answerTo(Message request, ReplyHandle original) {
        boolean[] answered = {false};
        return payload -> {
            if (!(payload instanceof Bytes bytes)) {
                throw new IllegalArgumentException("the in-memory network carries answers as Bytes only, got "
                        + (payload == null ? "nothing" : payload.getClass().getSimpleName()));
            }
            synchronized (this) {
                if (answered[0]) {
                    throw new IllegalStateException("the request " + request + " was already answered; a request "
                            + "is answered once");
                }
                answered[0] = true;
                Message response = new Message(request.to(), request.from(), request.sender(), Kind.RESPONSE, bytes);
                route(response, arrived -> original.reply(arrived),
                        copy -> LOG.debug("a copy of the answer to {} found its exchange closed", request), Optional.empty());
            }
        };
    }

    /**
     * What a {@link Fault.Duplicate duplicate} of {@code m} does on arrival. A datagram's copy arrives like the
     * original. A request's copy is an exchange of its own, as a replay is: the recipient answers it, the answer
     * travels back and is captured, and no one waits for it (the requester waits for one answer, and gets the
     * original's). A response's copy is built by {@link #answerTo}: its exchange is closed.
     */
    private Consumer<Bytes> copyOf(Node target, Message m, Consumer<Bytes> arrive) {
        if (m.kind() != Kind.REQUEST) {
            return arrive;
        }
        return bytes -> arrival(target, m, Optional.of(answerTo(m, nobody("a copy of " + m)))).accept(bytes);
    }

    private static ReplyHandle nobody(String what) {
        return payload -> LOG.debug("the answer to {} reached no one", what);
    }

    private Consumer<Bytes> arrival(Node target, Message m, Optional<ReplyHandle> handle) {
        return bytes -> target.deliver(new Envelope(m.from(), m.to(), bytes, handle));
    }

    /** Applies the fault rules to one message for one recipient, records the outcome and schedules arrival. */
    private void route(Message m, Consumer<Bytes> arrive, Consumer<Bytes> copy, Optional<Integer> replayOf) {
        List<String> effects = new ArrayList<>();
        Duration delay = latency;
        Bytes bytes = m.bytes();
        int copies = 1;
        boolean hold = false;
        for (Installed rule : List.copyOf(faults)) {
            Fault f = rule.fault;
            if (f instanceof Fault.Partition p) {
                if (p.node().equals(m.sender()) || p.node().equals(m.recipient())) {
                    effects.add("partitioned " + p.node());
                    record(m, Fate.DROPPED, Optional.empty(), Optional.empty(), effects, replayOf);
                    return;
                }
                continue;
            }
            if (!selects(rule, m)) {
                continue;
            }
            if (f instanceof Fault.Drop) {
                effects.add("dropped");
                record(m, Fate.DROPPED, Optional.empty(), Optional.empty(), effects, replayOf);
                return;
            } else if (f instanceof Fault.Duplicate) {
                copies++;
                effects.add("duplicated");
            } else if (f instanceof Fault.Delay d) {
                delay = delay.plus(d.by());
                effects.add("delayed " + d.by());
            } else if (f instanceof Fault.Reorder) {
                hold = true;
                effects.add("held back behind the next message to " + m.recipient());
            } else if (f instanceof Fault.Corrupt c) {
                if (c.index() < bytes.length()) {
                    bytes = bytes.withByteXored(c.index(), c.xor());
                    effects.add(String.format("byte %d xor 0x%02x", c.index(), c.xor()));
                }
            } else if (f instanceof Fault.CorruptFromEnd c) {
                if (c.fromEnd() <= bytes.length()) {
                    int index = bytes.length() - c.fromEnd();
                    bytes = bytes.withByteXored(index, c.xor());
                    effects.add(String.format("byte %d (%d from the end) xor 0x%02x", index, c.fromEnd(), c.xor()));
                }
            }
        }
        Bytes arriving = bytes;
        int n = copies;
        Runnable delivery = () -> {
            arrive.accept(arriving);
            for (int i = 1; i < n; i++) {
                copy.accept(arriving);
            }
        };
        if (hold) {
            heldBack.computeIfAbsent(m.recipient(), r -> new ArrayList<>()).add(delivery);
            record(m, Fate.DELIVERED, Optional.empty(), Optional.of(arriving), effects, replayOf);
            return;
        }
        Instant due = scheduler.now().plus(delay);
        record(m, Fate.DELIVERED, Optional.of(due), Optional.of(arriving), effects, replayOf);
        scheduler.schedule(delay, delivery);
        List<Runnable> overtaken = heldBack.remove(m.recipient());
        if (overtaken != null) {
            Duration sameDue = delay;
            overtaken.forEach(r -> scheduler.schedule(sameDue, r)); // same due time, queued after: arrives next
        }
    }

    private boolean selects(Installed rule, Message m) {
        Selector which = switchSelector(rule.fault);
        rule.seen++;
        if (which instanceof Selector.Every) {
            return true;
        } else if (which instanceof Selector.Nth nth) {
            return rule.seen == nth.n();
        } else if (which instanceof Selector.Matching matching) {
            return matching.pattern().test(m);
        } else {
            return nextDouble() < ((Selector.WithProbability) which).p();
        }
    }

    private static Selector switchSelector(Fault f) {
        if (f instanceof Fault.Drop d) {
            return d.which();
        } else if (f instanceof Fault.Duplicate d) {
            return d.which();
        } else if (f instanceof Fault.Delay d) {
            return d.which();
        } else if (f instanceof Fault.Reorder r) {
            return r.which();
        } else if (f instanceof Fault.CorruptFromEnd c) {
            return c.which();
        } else {
            return ((Fault.Corrupt) f).which();
        }
    }

    /** A uniform double in [0, 1) from 53 random bits of the injected source. */
    private double nextDouble() {
        Bytes b = random.next(8);
        long bits = 0;
        for (int i = 0; i < 8; i++) {
            bits = (bits << 8) | b.u8(i);
        }
        return (bits >>> 11) * 0x1.0p-53;
    }

    private void record(Message m, Fate fate, Optional<Instant> due, Optional<Bytes> delivered, List<String> effects,
                        Optional<Integer> replayOf) {
        messages++;
        if (!recording && !LOG.isDebugEnabled()) {
            return;
        }
        Captured c = new Captured(messages, scheduler.now(), m, fate, due, delivered, effects, replayOf);
        if (recording) {
            capture.add(c);
        }
        LOG.debug("{}", c); // the record names sizes and fates, never payload bytes
    }

    private void wire(Message m) {
        if (recording && m.kind() == Kind.DATAGRAM && m.bytes().length() <= PcapWriter.MAX_PAYLOAD) {
            wire.add(new PcapWriter.Datagram(scheduler.now(), pcapEndpoint(m.from()), pcapEndpoint(m.to()), m.bytes()));
        }
    }

    private PcapWriter.UdpEndpoint pcapEndpoint(Endpoint e) {
        String host = e.host();
        Optional<int[]> literal = ipv4(host);
        if (literal.isPresent()) {
            int[] a = literal.get();
            return PcapWriter.UdpEndpoint.of(a[0], a[1], a[2], a[3], e.port());
        }
        boolean group = groups.containsKey(host);
        Integer i = pcapHosts.get(host);
        if (i == null) { // the host's number among nodes, or among groups, in order of first appearance
            i = group ? ++pcapGroups : ++pcapNodes;
            pcapHosts.put(host, i);
        }
        return PcapWriter.UdpEndpoint.of(group ? 239 : 10, (i >> 16) & 0xFF, (i >> 8) & 0xFF, i & 0xFF, e.port());
    }

    private static Optional<int[]> ipv4(String host) {
        String[] parts = host.split("\\.", -1);
        if (parts.length != 4) {
            return Optional.empty();
        }
        int[] a = new int[4];
        for (int i = 0; i < 4; i++) {
            if (!parts[i].matches("\\d{1,3}") || Integer.parseInt(parts[i]) > 255) {
                return Optional.empty();
            }
            a[i] = Integer.parseInt(parts[i]);
        }
        return Optional.of(a);
    }

    /** An installed fault and how many messages it has seen (for {@link Selector.Nth}). */
    private static final class Installed {
        final Fault fault;
        int seen;

        Installed(Fault fault) {
            this.fault = fault;
        }
    }

    /** Configures a {@link MemoryNetwork}. */
    public static final class Builder {
        private final Scheduler scheduler;
        private RandomBytes random = seeded(0);
        private Duration latency = Duration.ZERO;
        private boolean recording = true;

        private Builder(Scheduler scheduler) {
            this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        }

        /** Draws for {@link Selector#withProbability} from a generator seeded with {@code seed} (default 0). */
        public Builder seed(long seed) {
            this.random = seeded(seed);
            return this;
        }

        /** Draws for {@link Selector#withProbability} from {@code random}. */
        public Builder random(RandomBytes random) {
            this.random = Objects.requireNonNull(random, "random");
            return this;
        }

        /** How long every message takes (default zero: it arrives at the scheduler's next run). */
        public Builder latency(Duration latency) {
            if (latency.isNegative()) {
                throw new IllegalArgumentException("latency cannot be negative, got " + latency);
            }
            this.latency = latency;
            return this;
        }

        /**
         * Whether the network keeps what it carries (default: yes): the {@link MemoryNetwork#capture()} and the
         * datagrams of {@link MemoryNetwork#writePcap}. A load test of many nodes turns it off, so that a run of
         * millions of messages does not keep them all; faults apply either way, and the capture stays empty.
         */
        public Builder recording(boolean recording) {
            this.recording = recording;
            return this;
        }

        public MemoryNetwork build() {
            return new MemoryNetwork(this);
        }

        private static RandomBytes seeded(long seed) {
            SplittableRandom generator = new SplittableRandom(seed);
            return length -> {
                byte[] b = new byte[length];
                synchronized (generator) {
                    for (int i = 0; i < length; i++) {
                        b[i] = (byte) generator.nextInt(256);
                    }
                }
                return Bytes.wrap(b);
            };
        }
    }
}
