package org.mbmskeys.engine.testkit;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.function.Consumer;
import org.mbmskeys.engine.bytes.Bytes;
import org.mbmskeys.engine.model.ProcedureDefinition;
import org.mbmskeys.engine.runtime.Engine;
import org.mbmskeys.engine.runtime.EngineBuilder;
import org.mbmskeys.engine.spi.ChannelMessage;
import org.mbmskeys.engine.spi.InstanceRecord;
import org.mbmskeys.engine.spi.InstanceRef;
import org.mbmskeys.engine.spi.ManualScheduler;
import org.mbmskeys.engine.spi.ProcedureListener;
import org.mbmskeys.engine.spi.RejectionReason;

/**
 * Drives one procedure definition in a deterministic engine with virtual time, and checks what it did.
 * Everything runs on the test's thread: when a call returns, the instance has handled it. Sends on any
 * channel are captured, requests capture their replies, random bytes come from a fixed seed, and every
 * step is traced. The {@code expect*} methods throw {@link AssertionError} with the instance's trace.
 *
 * <pre>{@code
 * ProcedureTestKit kit = ProcedureTestKit.of(definition);
 * kit.start(Map.of("ue", "ue-1"))                    // keyed by the correlation input
 *    .expectState("waiting")
 *    .expectSent("mikey", 1)
 *    .advance(Duration.ofSeconds(5))
 *    .expectState("waiting")                          // retried: sent again
 *    .expectSent("mikey", 2)
 *    .send(new Verified())
 *    .expectEnded("done")
 *    .expectOutcome("delivered");
 * }</pre>
 *
 * <p>Other procedures the script starts or signals must be deployed too; add them, or pick a backend,
 * through {@link #of(ProcedureDefinition, Consumer)}.
 */
public final class ProcedureTestKit {

    /** The key used when the procedure has no correlation key input and none is given. */
    public static final String DEFAULT_KEY = "test";

    private final ProcedureDefinition definition;
    private final ManualScheduler time = new ManualScheduler();
    private final TraceRecorder traces = new TraceRecorder();
    private final List<ChannelMessage> sent = new ArrayList<>();
    private final List<Object> replies = new ArrayList<>();
    private final List<Object> outcomes = new ArrayList<>();
    private final List<Rejection> rejections = new ArrayList<>();
    private final Engine engine;
    private Object key = DEFAULT_KEY;
    private InstanceRecord last;
    private Throwable failure;

    /** An event the instance did not act on, and why. */
    public record Rejection(Object event, RejectionReason reason, String detail) {
    }

    private ProcedureTestKit(ProcedureDefinition definition, Consumer<EngineBuilder> customize) {
        this.definition = Objects.requireNonNull(definition, "definition");
        Random seeded = new Random(0x6d626d73L);
        EngineBuilder builder = Engine.builder()
                .procedure(definition)
                .deterministic()
                .lanes(1)
                .scheduler(time)
                .random(length -> {
                    byte[] out = new byte[length];
                    seeded.nextBytes(out);
                    return Bytes.wrap(out);
                })
                .defaultChannel(sent::add)
                .listener(traces)
                .listener(new Recorder());
        customize.accept(builder);
        this.engine = builder.build();
    }

    /**
     * A kit for {@code definition} on the backend the system property
     * {@value org.mbmskeys.engine.runtime.EngineBuilder#BACKEND_PROPERTY} names ({@code native} when it is not
     * set), as for any engine; so {@code -Dmbmskeys.engine.backend=spring} runs a suite of kit tests on the
     * other backend. To pin one, use {@code of(definition, b -> b.backend("spring"))}.
     */
    public static ProcedureTestKit of(ProcedureDefinition definition) {
        return new ProcedureTestKit(definition, b -> { });
    }

    /**
     * A kit for {@code definition}, with more settings: other procedures, a backend, channel handlers
     * (channels without one are captured), listeners. Deterministic mode, the scheduler, lanes, random
     * bytes and the default channel are the kit's.
     */
    public static ProcedureTestKit of(ProcedureDefinition definition, Consumer<EngineBuilder> customize) {
        return new ProcedureTestKit(definition, customize);
    }

    // --- driving ---

    /** Starts the instance; its key is the correlation input's value if the procedure has one, else {@value #DEFAULT_KEY}. */
    public ProcedureTestKit start(Map<String, ?> inputs) {
        Object k = definition.correlationKey().map(inputs::get).orElse(null);
        return start(k != null ? k : DEFAULT_KEY, inputs);
    }

    /** Starts the instance with key {@code key}; later calls address this instance. */
    public ProcedureTestKit start(Object key, Map<String, ?> inputs) {
        this.key = Objects.requireNonNull(key, "key");
        this.last = null;
        this.failure = null;
        engine.start(definition.name(), key, inputs);
        return this;
    }

    /** Starts the instance without inputs. */
    public ProcedureTestKit start() {
        return start(Map.of());
    }

    /** Sends an event to the instance. */
    public ProcedureTestKit send(Object event) {
        engine.send(definition.name(), key, event);
        return this;
    }

    /** Sends an event as a request; the replies are captured ({@link #replies()}). */
    public ProcedureTestKit request(Object event) {
        engine.request(definition.name(), key, event, replies::add);
        return this;
    }

    /** Sends a signal without payload. */
    public ProcedureTestKit signal(String name) {
        return signal(name, null);
    }

    public ProcedureTestKit signal(String name, Object payload) {
        engine.signal(definition.name(), key, name, payload);
        return this;
    }

    /** Moves virtual time; due timers fire on the way. */
    public ProcedureTestKit advance(Duration step) {
        time.advance(step);
        return this;
    }

    // --- what happened ---

    /** The instance's state now, or the state it ended in. */
    public String state() {
        return record().map(InstanceRecord::state).orElseThrow(() -> new AssertionError(
                ref() + " was never started; call start(...) first"));
    }

    /** The instance's record now, or its last record if it ended; empty if it never started. */
    public Optional<InstanceRecord> record() {
        Optional<InstanceRecord> live = engine.instance(definition.name(), key);
        return live.isPresent() ? live : Optional.ofNullable(last);
    }

    /** A variable's value now (or when the instance ended). */
    public Object variable(String name) {
        InstanceRecord r = record().orElseThrow(() -> new AssertionError(ref() + " was never started"));
        if (!r.variables().containsKey(name)) {
            throw new AssertionError(ref() + " has no variable '" + name + "'; variables are " + r.variables().keySet());
        }
        return r.variables().get(name);
    }

    /** Whether the instance ended (reached a top-level final or error state). */
    public boolean ended() {
        return last != null && engine.instance(definition.name(), key).isEmpty();
    }

    /** The exception that failed the instance, if it failed. */
    public Optional<Throwable> failure() {
        return Optional.ofNullable(failure);
    }

    /** Payloads sent on {@code channel}, in order. */
    public List<Object> sent(String channel) {
        return sent.stream().filter(m -> m.channel().equals(channel)).map(ChannelMessage::payload).toList();
    }

    /** Everything sent, on any channel, in order. */
    public List<ChannelMessage> sent() {
        return List.copyOf(sent);
    }

    public List<Object> replies() {
        return List.copyOf(replies);
    }

    public List<Object> outcomes() {
        return List.copyOf(outcomes);
    }

    public List<Rejection> rejections() {
        return List.copyOf(rejections);
    }

    /** The instance's steps so far. */
    public TransitionTrace trace() {
        return traces.trace(ref());
    }

    /** Steps of any instance the kit's engine ran (for procedures the script started). */
    public TransitionTrace trace(String procedure, Object key) {
        return traces.trace(new InstanceRef(procedure, key));
    }

    public Instant now() {
        return time.now();
    }

    /** The engine under test, for anything the kit does not cover. */
    public Engine engine() {
        return engine;
    }

    public ManualScheduler scheduler() {
        return time;
    }

    // --- assertions ---

    public ProcedureTestKit expectState(String expected) {
        String actual = state();
        if (!actual.equals(expected)) {
            throw failed("expected " + ref() + " in state '" + expected + "' but it is in '" + actual + "'"
                    + (ended() ? " (it ended there)" : ""));
        }
        return this;
    }

    /** Expects the instance to have ended in {@code finalState}. */
    public ProcedureTestKit expectEnded(String finalState) {
        if (!ended()) {
            throw failed("expected " + ref() + " to have ended in '" + finalState + "' but it is still running in '"
                    + state() + "'");
        }
        return expectState(finalState);
    }

    /** Expects exactly {@code count} payloads on {@code channel} so far. */
    public ProcedureTestKit expectSent(String channel, int count) {
        List<Object> payloads = sent(channel);
        if (payloads.size() != count) {
            throw failed("expected " + count + " sent on '" + channel + "' but there were " + payloads.size() + ": "
                    + payloads);
        }
        return this;
    }

    /** Expects the last payload sent on {@code channel} to equal {@code payload}. */
    public ProcedureTestKit expectSent(String channel, Object payload) {
        List<Object> payloads = sent(channel);
        if (payloads.isEmpty() || !payloads.get(payloads.size() - 1).equals(payload)) {
            throw failed("expected " + payload + " as the last payload sent on '" + channel + "', sent were " + payloads);
        }
        return this;
    }

    /** Expects {@code outcome} among the outcomes emitted so far. */
    public ProcedureTestKit expectOutcome(Object outcome) {
        if (!outcomes.contains(outcome)) {
            throw failed("expected outcome " + outcome + "; emitted were " + outcomes);
        }
        return this;
    }

    /** Expects the last rejected event to have been rejected for {@code reason}. */
    public ProcedureTestKit expectRejected(RejectionReason reason) {
        if (rejections.isEmpty() || rejections.get(rejections.size() - 1).reason() != reason) {
            throw failed("expected the last event to be rejected as " + reason + "; rejections were " + rejections);
        }
        return this;
    }

    /** Expects the instance to have failed with an exception of {@code type}. */
    public ProcedureTestKit expectFailed(Class<? extends Throwable> type) {
        if (failure == null || !type.isInstance(failure)) {
            throw failed("expected " + ref() + " to fail with " + type.getSimpleName() + " but "
                    + (failure == null ? "it did not fail" : "it failed with " + failure));
        }
        return this;
    }

    private AssertionError failed(String message) {
        return new AssertionError(message + "\ntrace of " + ref() + ":\n" + trace());
    }

    private InstanceRef ref() {
        return new InstanceRef(definition.name(), key);
    }

    /** Collects what the kit exposes; the deterministic engine calls it on the test's thread. */
    private final class Recorder implements ProcedureListener {

        private boolean mine(InstanceRef instance) {
            return instance.procedure().equals(definition.name()) && instance.key().equals(key);
        }

        @Override
        public void eventRejected(InstanceRef instance, Object event, RejectionReason reason, String detail) {
            if (mine(instance)) {
                rejections.add(new Rejection(event, reason, detail));
            }
        }

        @Override
        public void outcome(InstanceRef instance, Object outcome) {
            if (mine(instance)) {
                outcomes.add(outcome);
            }
        }

        @Override
        public void failed(InstanceRef instance, String state, Throwable cause) {
            if (mine(instance)) {
                failure = cause;
            }
        }

        @Override
        public void ended(InstanceRef instance, InstanceRecord record) {
            if (mine(instance)) {
                last = record;
            }
        }
    }

    @Override
    public String toString() {
        return "test kit for " + ref() + " at " + time.now();
    }
}
