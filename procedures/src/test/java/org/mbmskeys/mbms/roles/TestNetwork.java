package org.mbmskeys.mbms.roles;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.mbmskeys.engine.bytes.Bytes;
import org.mbmskeys.engine.spi.Envelope;
import org.mbmskeys.engine.spi.ManualScheduler;
import org.mbmskeys.engine.spi.ReplyHandle;
import org.mbmskeys.engine.spi.Transport;

/**
 * The transport the role tests of this module run the facades on: nodes by host name, multicast groups a node
 * joins, every delivery and every answer on the scheduler's next run (never inside the sender's call), and a log
 * of what was sent. Requests (envelopes with a reply handle) are answered once; the answer goes back the same way.
 * It carries whatever bytes the nodes send; {@link RolesWorld} gives both roles the in-memory network's HTTP/1.1
 * codec ({@code HttpWire}), so requests and answers are real HTTP bytes. Faults, captures and replays are the
 * features' business ({@code MemoryNetwork}); these tests need only {@link #sent()} and lost answers.
 */
final class TestNetwork {

    /** One message on the wire: a datagram, a request or the answer to one. */
    record Sent(String kind, String from, String to, Bytes payload, int fromPort) {
    }

    /** A message and when (virtual time) it was sent. */
    record Timed(Sent sent, java.time.Instant at) {
    }

    private final ManualScheduler time;
    private final Map<String, Consumer<Envelope>> nodes = new ConcurrentHashMap<>();
    private final Map<String, List<String>> groups = new ConcurrentHashMap<>();
    private final List<Sent> sent = new CopyOnWriteArrayList<>();
    /** The same log with the virtual time of each send. */
    private final List<Timed> sentAt = new CopyOnWriteArrayList<>();
    private volatile boolean answersLost;
    /** Hosts whose datagrams are lost on the way (a UE whose verification messages never arrive). */
    private final java.util.Set<String> datagramsLostFrom = ConcurrentHashMap.newKeySet();
    /** Hosts that datagrams do not reach. */
    private final java.util.Set<String> datagramsLostTo = ConcurrentHashMap.newKeySet();

    TestNetwork(ManualScheduler time) {
        this.time = time;
    }

    /** A node named {@code host}: it receives what is sent to that host (any port) and to the groups it joins. */
    Transport node(String host, String... joins) {
        for (String group : joins) {
            groups.computeIfAbsent(group, g -> new CopyOnWriteArrayList<>()).add(host);
        }
        return new Transport() {
            @Override
            public void send(Envelope envelope) {
                TestNetwork.this.send(envelope);
            }

            @Override
            public void receive(Consumer<Envelope> handler) {
                if (nodes.putIfAbsent(host, handler) != null) {
                    throw new IllegalStateException(host + " already receives");
                }
            }
        };
    }

    /** What is sent to {@code name} also reaches the node {@code node} (a host that serves many names). */
    void alias(String name, String node) {
        groups.computeIfAbsent(name, g -> new CopyOnWriteArrayList<>()).add(node);
    }

    /** From now on the answers to requests are lost (a UE sees no answer). */
    void loseAnswers() {
        answersLost = true;
    }

    /** From now on the datagrams {@code host} sends are lost (logged as sent, delivered to no one). */
    void loseDatagramsFrom(String host) {
        datagramsLostFrom.add(host);
    }

    /** From now on the datagrams sent to {@code host} are lost (a UE out of coverage). */
    void loseDatagramsTo(String host) {
        datagramsLostTo.add(host);
    }

    /** The datagrams {@code host} sends, and those sent to it, arrive again. */
    void deliverDatagramsOf(String host) {
        datagramsLostFrom.remove(host);
        datagramsLostTo.remove(host);
    }

    /** Everything sent so far, oldest first. */
    List<Sent> sent() {
        return List.copyOf(sent);
    }

    /** Everything sent so far with its virtual time, oldest first. */
    List<Timed> sentAt() {
        return List.copyOf(sentAt);
    }

    /** The datagrams (not requests, not answers) sent to {@code host}. */
    List<Bytes> datagramsTo(String host) {
        List<Bytes> out = new ArrayList<>();
        sent.stream().filter(s -> s.kind().equals("datagram") && s.to().equals(host)).forEach(s -> out.add(s.payload()));
        return out;
    }

    /** Runs everything due now, deliveries included. */
    void settle() {
        time.runDue();
    }

    void inject(Envelope envelope) {
        send(envelope);
    }

    private void send(Envelope envelope) {
        String host = envelope.to().host();
        log(new Sent(envelope.replyHandle().isPresent() ? "request" : "datagram", envelope.from().host(), host,
                envelope.payload(), envelope.from().port()));
        if (envelope.replyHandle().isEmpty()
                && (datagramsLostFrom.contains(envelope.from().host()) || datagramsLostTo.contains(host))) {
            return;
        }
        List<String> recipients = groups.getOrDefault(host, List.of(host));
        for (String recipient : recipients) {
            Consumer<Envelope> handler = nodes.get(recipient);
            if (handler == null) {
                continue;
            }
            Optional<ReplyHandle> reply = envelope.replyHandle().map(original -> answerOnce(envelope, original));
            Envelope arriving = new Envelope(envelope.from(), envelope.to(), envelope.payload(), reply);
            time.schedule(Duration.ZERO, () -> handler.accept(arriving));
        }
    }

    private void log(Sent message) {
        sent.add(message);
        sentAt.add(new Timed(message, time.now()));
    }

    private ReplyHandle answerOnce(Envelope request, ReplyHandle original) {
        AtomicInteger answers = new AtomicInteger();
        return payload -> {
            if (answers.incrementAndGet() > 1) {
                throw new IllegalStateException("already answered: " + request);
            }
            log(new Sent("answer", request.to().host(), request.from().host(), (Bytes) payload, request.to().port()));
            if (!answersLost) {
                time.schedule(Duration.ZERO, () -> original.reply(payload));
            }
        };
    }

}
