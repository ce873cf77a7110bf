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
import org.mbmskeys.engine.spi.HttpCodec;
import org.mbmskeys.engine.spi.HttpRequestMessage;
import org.mbmskeys.engine.spi.HttpResponseMessage;
import org.mbmskeys.engine.spi.MalformedHttpException;
import org.mbmskeys.engine.spi.ManualScheduler;
import org.mbmskeys.engine.spi.ReplyHandle;
import org.mbmskeys.engine.spi.Transport;

/**
 * The smallest network the role facades run on in this module (the in-memory network of {@code adapters/memory}
 * is not a dependency of {@code procedures}): nodes by host name, multicast groups a node joins, every delivery
 * and every answer on the scheduler's next run (never inside the sender's call), and a log of what was sent.
 * Requests (envelopes with a reply handle) are answered once; the answer goes back the same way.
 */
final class TestNetwork {

    /** One message on the wire: a datagram, a request or the answer to one. */
    record Sent(String kind, String from, String to, Bytes payload, int fromPort) {
    }

    private final ManualScheduler time;
    private final Map<String, Consumer<Envelope>> nodes = new ConcurrentHashMap<>();
    private final Map<String, List<String>> groups = new ConcurrentHashMap<>();
    private final List<Sent> sent = new CopyOnWriteArrayList<>();
    private volatile boolean answersLost;

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

    /** Everything sent so far, oldest first. */
    List<Sent> sent() {
        return List.copyOf(sent);
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
        sent.add(new Sent(envelope.replyHandle().isPresent() ? "request" : "datagram", envelope.from().host(), host,
                envelope.payload(), envelope.from().port()));
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

    private ReplyHandle answerOnce(Envelope request, ReplyHandle original) {
        AtomicInteger answers = new AtomicInteger();
        return payload -> {
            if (answers.incrementAndGet() > 1) {
                throw new IllegalStateException("already answered: " + request);
            }
            sent.add(new Sent("answer", request.to().host(), request.from().host(), (Bytes) payload, request.to().port()));
            if (!answersLost) {
                time.schedule(Duration.ZERO, () -> original.reply(payload));
            }
        };
    }

    /**
     * An HTTP codec for this network: a message is carried as a token naming it, so both ends see the very
     * message the other built. Bytes that are no token of the right kind are malformed, as on a real codec.
     */
    static final class TokenCodec implements HttpCodec {
        private final Map<String, Object> messages = new ConcurrentHashMap<>();
        private final AtomicInteger next = new AtomicInteger();

        @Override
        public Bytes encode(HttpRequestMessage request) {
            return token("REQ", request);
        }

        @Override
        public Bytes encode(HttpResponseMessage response) {
            return token("RSP", response);
        }

        @Override
        public HttpRequestMessage decodeRequest(Bytes wire) {
            if (messages.get(text(wire)) instanceof HttpRequestMessage r) {
                return r;
            }
            throw new MalformedHttpException(MalformedHttpException.Reason.INVALID, "not a request: " + wire.length() + " bytes");
        }

        @Override
        public HttpResponseMessage decodeResponse(Bytes wire) {
            if (messages.get(text(wire)) instanceof HttpResponseMessage r) {
                return r;
            }
            throw new MalformedHttpException(MalformedHttpException.Reason.INVALID, "not a response: " + wire.length() + " bytes");
        }

        /** The message a token on the wire names, if it is one. */
        Optional<Object> message(Bytes wire) {
            return Optional.ofNullable(messages.get(text(wire)));
        }

        private Bytes token(String kind, Object message) {
            String token = kind + "#" + next.incrementAndGet();
            messages.put(token, message);
            return Bytes.wrap(token.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        }

        private static String text(Bytes wire) {
            return new String(wire.toByteArray(), java.nio.charset.StandardCharsets.ISO_8859_1);
        }
    }
}
