package org.mbmskeys.engine.runtime;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.mbmskeys.engine.dsl.ProcedureRepository;
import org.mbmskeys.engine.model.InputDefinition;
import org.mbmskeys.engine.model.ProcedureDefinition;
import org.mbmskeys.engine.model.Signal;
import org.mbmskeys.engine.spi.Channel;
import org.mbmskeys.engine.spi.Envelope;
import org.mbmskeys.engine.spi.InstanceRecord;
import org.mbmskeys.engine.spi.InstanceRef;
import org.mbmskeys.engine.spi.InstanceStore;
import org.mbmskeys.engine.spi.RandomBytes;
import org.mbmskeys.engine.spi.RejectionReason;
import org.mbmskeys.engine.spi.ReplyHandle;
import org.mbmskeys.engine.spi.Route;
import org.mbmskeys.engine.spi.RoutingRule;
import org.mbmskeys.engine.spi.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link Engine}: validates calls on the caller's thread and queues them on the lane of the instance's
 * key. Lanes are chosen by the key alone, so instances of different procedures with the same key (one
 * UE's procedures) share a lane and see each other's signals in order.
 */
final class DefaultEngine implements Engine {

    private static final Logger LOG = LoggerFactory.getLogger(DefaultEngine.class);

    final Registry registry;
    final InstanceStore store;
    final Scheduler scheduler;
    final RandomBytes random;
    final Services services;
    final Listeners listeners;
    final Migration migration;
    private final Map<String, Channel> channels;
    private final Set<String> transportChannels;
    private final Channel defaultChannel;
    private final List<RoutingRule> rules;
    private final Lane[] lanes;
    /** Picks the part of an instance key that chooses its lane ({@link EngineBuilder#laneKey}); null: the whole key. */
    private final Function<Object, ?> laneKey;
    private final List<ExecutorService> laneThreads = new ArrayList<>();
    private volatile boolean closed;
    private ProcedureRepository followedRepository;
    private RepositoryFollower follower;

    DefaultEngine(EngineBuilder b, Registry registry, int laneCount) {
        this.registry = registry;
        this.store = b.store;
        this.scheduler = b.scheduler;
        this.random = b.random;
        this.services = new Services(b.services);
        this.listeners = new Listeners(b.listeners);
        this.migration = b.migration;
        this.channels = new HashMap<>(b.channels);
        this.transportChannels = Set.copyOf(b.transportChannels);
        this.defaultChannel = b.defaultChannel;
        this.rules = List.copyOf(b.rules);
        this.lanes = new Lane[laneCount];
        this.laneKey = b.laneKey;
        Trampoline trampoline = b.deterministic ? new Trampoline() : null;
        for (int i = 0; i < laneCount; i++) {
            if (trampoline != null) {
                lanes[i] = new Lane(i, this, trampoline);
            } else {
                ExecutorService thread = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(),
                        b.threadFactory);
                laneThreads.add(thread);
                lanes[i] = new Lane(i, this, thread);
            }
        }
    }

    /** Follows the reloads of {@code repository} until {@link #close()}. */
    void follow(ProcedureRepository repository) {
        followedRepository = repository;
        follower = new RepositoryFollower(repository, this);
        repository.addListener(follower);
        follower.sync();   // whatever was reloaded between the build's snapshot and the registration
    }

    /** Re-arms the deadlines of every stored record, each on its lane. */
    void recover() {
        List<InstanceRecord> stored = new ArrayList<>();
        store.forEach(stored::add);
        for (InstanceRecord r : stored) {
            Lane lane = laneFor(r.key());
            lane.submit(() -> lane.stepper.recover(r));
        }
        if (!stored.isEmpty()) {
            LOG.info("took over {} stored instances", stored.size());
        }
    }

    @Override
    public void takeOver(InstanceRecord record) {
        ensureOpen();
        Objects.requireNonNull(record, "record");
        Lane lane = laneFor(record.key());
        lane.submit(() -> {
            if (store.load(record.procedure(), record.key()).isPresent()) {
                LOG.debug("{}[{}] is running here already; not taken over again", record.procedure(), record.key());
                return;
            }
            lane.stepper.recover(record);
            LOG.info("took over {}[{}] in state '{}'", record.procedure(), record.key(), record.state());
        });
    }

    @Override
    public void deploy(ProcedureDefinition definition) {
        ensureOpen();
        registry.deploy(definition);
    }

    @Override
    public void undeploy(String procedure) {
        ensureOpen();
        registry.undeploy(procedure);
        LOG.info("procedure '{}' undeployed: new instances are refused, running ones finish on their version", procedure);
    }

    @Override
    public Optional<ProcedureDefinition> definition(String procedure) {
        return Optional.ofNullable(registry.current(procedure)).map(d -> d.definition);
    }

    @Override
    public Set<String> procedures() {
        return registry.names();
    }

    @Override
    public InstanceRef start(String procedure, Object key, Map<String, ?> inputs) {
        ensureOpen();
        Objects.requireNonNull(key, "key");
        Deployed deployed = registry.require(procedure);
        submitStart(deployed, key, inputValues(deployed, key, inputs));
        return new InstanceRef(procedure, key);
    }

    @Override
    public InstanceRef start(String procedure, Map<String, ?> inputs) {
        Deployed deployed = registry.require(procedure);
        String correlation = deployed.definition.correlationKey().orElseThrow(() -> new IllegalArgumentException(
                "procedure '" + procedure + "' declares no correlation key; start it with start(procedure, key, inputs)"));
        Object key = inputs.get(correlation);
        if (key == null) {
            throw new IllegalArgumentException("procedure '" + procedure + "' is keyed by its input '" + correlation
                    + "', which is missing; given were " + inputs.keySet());
        }
        return start(procedure, key, inputs);
    }

    @Override
    public void send(String procedure, Object key, Object event) {
        submitChecked(procedure, key, event, null);
    }

    @Override
    public void request(String procedure, Object key, Object event, ReplyHandle replyTo) {
        submitChecked(procedure, key, event, Objects.requireNonNull(replyTo, "replyTo"));
    }

    @Override
    public void signal(String procedure, Object key, String name, Object payload) {
        submitChecked(procedure, key, new Signal(name, payload), null);
    }

    private void submitChecked(String procedure, Object key, Object event, ReplyHandle reply) {
        ensureOpen();
        registry.requireKnown(procedure);
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(event, "event");
        submitEvent(procedure, key, event, reply);
    }

    @Override
    public void route(Envelope envelope) {
        ensureOpen();
        Objects.requireNonNull(envelope, "envelope");
        for (RoutingRule rule : rules) {
            Optional<Route> route;
            try {
                route = rule.route(envelope);
            } catch (Exception | LinkageError e) {
                LOG.debug("routing rule {} threw on {}", rule, envelope, e);
                listeners.unrouted(envelope, "routing rule " + rule + " threw " + e);
                return;
            }
            if (route.isPresent()) {
                dispatch(envelope, route.get());
                return;
            }
        }
        LOG.debug("no routing rule took {}", envelope);
        listeners.unrouted(envelope, "none of the " + rules.size() + " routing rules took it");
    }

    private void dispatch(Envelope envelope, Route route) {
        ReplyHandle reply = envelope.replyHandle().orElse(null);
        boolean known = !registry.all(route.procedure()).isEmpty();
        if (known && !route.createIfAbsent()) {
            submitEvent(route.procedure(), route.key(), route.event(), reply);   // running instances finish, undeployed or not
            return;
        }
        Deployed deployed = registry.current(route.procedure());
        if (deployed == null) {
            String refusal = "a routing rule named procedure '" + route.procedure() + "', which "
                    + (known ? "was undeployed: its running instances finish, new ones are refused" : "is not deployed")
                    + "; deployed are " + registry.names();
            if (known) {
                Lane lane = laneFor(route.key());
                lane.submit(() -> lane.stepper.deliverIfRunning(route.procedure(), route.key(), route.event(), reply, refusal));
            } else {
                listeners.eventRejected(new InstanceRef(route.procedure(), route.key()), route.event(),
                        RejectionReason.UNKNOWN_PROCEDURE, refusal);
            }
            return;
        }
        Object[] inputs;
        try {
            inputs = inputValues(deployed, route.key(), route.inputs());
        } catch (IllegalArgumentException e) {
            listeners.unrouted(envelope, "the route to " + route.procedure() + "[" + route.key()
                    + "] cannot start an instance: " + e.getMessage());
            return;
        }
        Lane lane = laneFor(route.key());
        lane.submit(() -> lane.stepper.start(deployed, route.key(), inputs, route.event(), reply));
    }

    @Override
    public Optional<InstanceRecord> instance(String procedure, Object key) {
        ensureOpen();
        Objects.requireNonNull(procedure, "procedure");
        Objects.requireNonNull(key, "key");
        if (Lane.isLaneThreadOf(this)) {
            throw new IllegalStateException("instance(" + procedure + ", " + key + ") was called on a lane (from a "
                    + "listener, channel or action) and would wait for itself; use the record a listener is given instead");
        }
        CompletableFuture<Optional<InstanceRecord>> copy = new CompletableFuture<>();
        Lane lane = laneFor(key);
        lane.submit(() -> copy.complete(lane.stepper.snapshot(procedure, key)));
        return copy.join();
    }

    @Override
    public String backend() {
        return registry.backend().name();
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (followedRepository != null) {
            followedRepository.removeListener(follower);
        }
        for (Lane lane : lanes) {
            lane.submit(lane::woke);
        }
        for (ExecutorService thread : laneThreads) {
            thread.shutdown();
        }
        try {
            for (ExecutorService thread : laneThreads) {
                if (!thread.awaitTermination(30, TimeUnit.SECONDS)) {
                    LOG.warn("a lane did not finish its queued work within 30 s of close(); stopping it");
                    thread.shutdownNow();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    boolean isClosed() {
        return closed;
    }

    /**
     * Entries in the lanes' deadline heaps, live and stale. For tests of a deterministic engine (the lanes run
     * on the caller's thread there); a threaded engine's lanes may be changing them meanwhile.
     */
    int timerEntries() {
        int n = 0;
        for (Lane lane : lanes) {
            n += lane.timers.size();
        }
        return n;
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("the engine is closed; build a new one (on the same store to continue "
                    + "its instances)");
        }
    }

    void submitStart(Deployed procedure, Object key, Object[] inputs) {
        Lane lane = laneFor(key);
        lane.submit(() -> lane.stepper.start(procedure, key, inputs, null, null));
    }

    void submitEvent(String procedure, Object key, Object event, ReplyHandle reply) {
        Lane lane = laneFor(key);
        lane.submit(() -> lane.stepper.deliver(procedure, key, event, reply));
    }

    private Lane laneFor(Object key) {
        if (lanes.length == 1) {
            return lanes[0];
        }
        int h = (laneKey == null ? key : laneKey.apply(key)).hashCode();
        return lanes[Math.floorMod(h ^ (h >>> 16), lanes.length)];
    }

    Channel channel(String name) {
        Channel channel = channels.get(name);
        if (channel != null) {
            return channel;
        }
        if (defaultChannel != null) {
            return defaultChannel;
        }
        throw new IllegalStateException("no channel '" + name + "' is bound; bound are " + channels.keySet()
                + "; bind it with EngineBuilder.channel(name, handler) or transport(name, transport)");
    }

    /**
     * A transport carries {@link Envelope}s only; anything else sent on its channel fails the sending step
     * at once, naming the channel, instead of failing later as an effect while the instance waits.
     *
     * @throws IllegalArgumentException if {@code channel} is bound to a transport and {@code payload} is no Envelope
     */
    void checkSendable(String channel, Object payload) {
        if (!(payload instanceof Envelope) && transportChannels.contains(channel)) {
            throw new IllegalArgumentException("send '" + channel + "' got a " + payload.getClass().getSimpleName()
                    + ", but channel '" + channel + "' is bound to a transport, which carries Envelopes only; send "
                    + "Envelope.of(from, to, bytes) there");
        }
    }

    /**
     * The input values for a new instance of {@code procedure}, in declaration order.
     *
     * @throws IllegalArgumentException naming the input that is unknown, missing or of the wrong type
     */
    Object[] inputValues(Deployed procedure, Object key, Map<String, ?> inputs) {
        Objects.requireNonNull(inputs, "inputs");
        for (String name : inputs.keySet()) {
            Integer idx = procedure.valueIndex.get(name);
            if (idx == null || idx >= procedure.inputCount) {
                throw new IllegalArgumentException("procedure '" + procedure.name + "' has no input '" + name
                        + "'; its inputs are " + describe(procedure.inputs));
            }
        }
        Object[] values = new Object[procedure.inputCount];
        for (int i = 0; i < values.length; i++) {
            InputDefinition input = procedure.inputs[i];
            Object value = inputs.get(input.name());
            if (i == procedure.correlationInput) {
                if (value == null) {
                    value = key;
                } else if (!value.equals(key)) {
                    throw new IllegalArgumentException("input '" + input.name() + "' is the correlation key of procedure '"
                            + procedure.name + "' and must equal the instance key " + key + ", got " + value);
                }
            }
            if (value == null) {
                throw new IllegalArgumentException("procedure '" + procedure.name + "' needs input '" + input.name() + "' ("
                        + input.type().getSimpleName() + "); given were " + inputs.keySet());
            }
            if (!input.accepts(value)) {
                throw new IllegalArgumentException("input '" + input.name() + "' of procedure '" + procedure.name
                        + "' must be a " + input.type().getSimpleName() + " (declared at " + input.declaredAt() + "), got a "
                        + value.getClass().getSimpleName());
            }
            values[i] = value;
        }
        return values;
    }

    private static Map<String, String> describe(InputDefinition[] inputs) {
        Map<String, String> out = new LinkedHashMap<>();
        for (InputDefinition input : inputs) {
            out.put(input.name(), input.type().getSimpleName());
        }
        return out;
    }

    @Override
    public String toString() {
        return "engine (" + backend() + " backend, " + lanes.length + " lanes, procedures " + registry.names() + ")";
    }
}
