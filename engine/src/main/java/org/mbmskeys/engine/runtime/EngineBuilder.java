package org.mbmskeys.engine.runtime;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.mbmskeys.engine.backend.ExecutionBackend;
import org.mbmskeys.engine.backend.interpreter.NativeBackend;
import org.mbmskeys.engine.dsl.ProcedureRepository;
import org.mbmskeys.engine.model.DefinitionCheck;
import org.mbmskeys.engine.model.DefinitionVerifier;
import org.mbmskeys.engine.model.InvalidDefinitionException;
import org.mbmskeys.engine.model.Problem;
import org.mbmskeys.engine.model.ProcedureDefinition;
import org.mbmskeys.engine.spi.Channel;
import org.mbmskeys.engine.spi.InstanceStore;
import org.mbmskeys.engine.spi.ProcedureListener;
import org.mbmskeys.engine.spi.RandomBytes;
import org.mbmskeys.engine.spi.RoutingRule;
import org.mbmskeys.engine.spi.Scheduler;
import org.mbmskeys.engine.spi.Transport;

/**
 * Configures and builds an {@link Engine}. Every setting has a default except the procedures; a setting
 * that takes one value fails fast when set twice, naming the value it already has.
 *
 * <table>
 *   <caption>Settings and defaults</caption>
 *   <tr><td>{@link #backend(String)}</td><td>the system property {@value #BACKEND_PROPERTY}, else {@code native}</td></tr>
 *   <tr><td>{@link #lanes(int)}</td><td>the number of available processors</td></tr>
 *   <tr><td>{@link #laneKey(Function)}</td><td>the whole instance key picks the lane</td></tr>
 *   <tr><td>{@link #deterministic()}</td><td>off: each lane has its own (daemon) thread</td></tr>
 *   <tr><td>{@link #scheduler(Scheduler)}</td><td>{@link Scheduler#system()}</td></tr>
 *   <tr><td>{@link #random(RandomBytes)}</td><td>{@link RandomBytes#secure()}</td></tr>
 *   <tr><td>{@link #store(InstanceStore)}</td><td>a new {@link InstanceStore#inMemory()}</td></tr>
 *   <tr><td>{@link #migration(Migration)}</td><td>none: a stored instance whose definition is not deployed fails</td></tr>
 * </table>
 *
 * <p>{@link #build()} deploys the procedures (reporting every problem of every definition together),
 * binds the transports, and takes over the records already in the store: each is bound to the deployed
 * (or {@linkplain #retired retired}) definition with its fingerprint, its timers are re-armed, and
 * deadlines that passed while no engine ran fire once, as soon as the scheduler runs the lanes' wake-ups.
 * A record whose definition is not deployed goes to the {@link #migration migration}, or fails with the
 * reason (see {@link UnboundRecordException}).
 *
 * <p>With {@link #procedures(ProcedureRepository)}, the engine deploys a repository's scripts and follows
 * its reloads: one line instead of listener glue.
 *
 * <pre>{@code
 * Engine engine = Engine.builder()
 *         .procedures(repository)                           // deploys the scripts, follows reloads
 *         .lanes(2)
 *         .store(InstanceStore.inMemory())
 *         .transport("mikey", udp)                          // outbound channel + inbound routing
 *         .route(envelope -> mikeyRoute(envelope))
 *         .channel("audit", message -> audit.add(message))
 *         .listener(metrics)
 *         .build();
 * }</pre>
 */
public final class EngineBuilder {

    /** The system property that selects the backend when {@link #backend} is not called: {@code native} or {@code spring}. */
    public static final String BACKEND_PROPERTY = "mbmskeys.engine.backend";

    final List<ProcedureDefinition> procedures = new ArrayList<>();
    final List<ProcedureDefinition> retired = new ArrayList<>();
    ProcedureRepository repository;
    Migration migration;
    ExecutionBackend backend;
    String backendName;
    int lanes;
    Function<Object, ?> laneKey;
    boolean deterministic;
    ThreadFactory threadFactory;
    Scheduler scheduler;
    RandomBytes random;
    final java.util.Map<Class<?>, Object> services = new java.util.LinkedHashMap<>();
    InstanceStore store;
    final List<ProcedureListener> listeners = new ArrayList<>();
    final Map<String, Channel> channels = new LinkedHashMap<>();
    Channel defaultChannel;
    final List<Transport> transports = new ArrayList<>();
    final Set<String> transportChannels = new HashSet<>();
    final List<RoutingRule> rules = new ArrayList<>();
    final List<DefinitionCheck> checks = new ArrayList<>();

    EngineBuilder() {
    }

    /** Adds a definition to deploy. */
    public EngineBuilder procedure(ProcedureDefinition definition) {
        procedures.add(Objects.requireNonNull(definition, "definition"));
        return this;
    }

    /** Adds definitions to deploy. */
    public EngineBuilder procedures(Collection<ProcedureDefinition> definitions) {
        definitions.forEach(this::procedure);
        return this;
    }

    /**
     * Deploys the current definitions of {@code repository} and follows its reloads while the engine runs:
     * a loaded definition is deployed (new instances use it, running ones finish on theirs), a removed
     * procedure is {@linkplain Engine#undeploy undeployed}. The engine stops following at {@link Engine#close()}.
     * The embedder still calls {@link ProcedureRepository#reloadChanged()} when it wants to reload.
     *
     * @throws IllegalStateException if a repository was already given
     */
    public EngineBuilder procedures(ProcedureRepository repository) {
        requireUnset(this.repository == null, "procedures(repository)", this.repository);
        this.repository = Objects.requireNonNull(repository, "repository");
        return this;
    }

    /**
     * Deploys {@code definition} only for stored instances that started on it (same fingerprint): new
     * instances never use it. After a restart with edited scripts, this is how instances that started on
     * the old text finish on it, e.g. from a directory where the old scripts are kept:
     * {@code .retired(ProcedureRepository.builder().directory(archive).build().definitions())}.
     * Its version number may equal a current one's: the fingerprint tells them apart.
     */
    public EngineBuilder retired(ProcedureDefinition definition) {
        retired.add(Objects.requireNonNull(definition, "definition"));
        return this;
    }

    /** {@link #retired(ProcedureDefinition)} for each of {@code definitions}. */
    public EngineBuilder retired(Collection<ProcedureDefinition> definitions) {
        definitions.forEach(this::retired);
        return this;
    }

    /**
     * What to do with a stored instance whose definition (by fingerprint) is not deployed; without a
     * migration such an instance fails (its record stays in the store, with the reason as its failure).
     *
     * @throws IllegalStateException if set twice
     */
    public EngineBuilder migration(Migration migration) {
        requireUnset(this.migration == null, "migration", this.migration);
        this.migration = Objects.requireNonNull(migration, "migration");
        return this;
    }

    /**
     * Adds a check every definition must pass when it is deployed, after the built-in ones
     * ({@link DefinitionVerifier#builtInChecks()}); checks run in the order they were added. A definition
     * that fails one is not deployed: {@link #build()} and {@link Engine#deploy} throw an
     * {@link InvalidDefinitionException} listing every problem.
     */
    public EngineBuilder check(DefinitionCheck check) {
        checks.add(Objects.requireNonNull(check, "check"));
        return this;
    }

    /**
     * Executes definitions with {@code backend}.
     *
     * @throws IllegalStateException if a backend was already chosen
     */
    public EngineBuilder backend(ExecutionBackend backend) {
        requireUnset(this.backend == null && backendName == null, "backend", this.backend != null ? this.backend : backendName);
        this.backend = Objects.requireNonNull(backend, "backend");
        return this;
    }

    /**
     * Executes definitions with the backend named {@code name} ({@code native}, or one found through
     * {@link ServiceLoader}, such as {@code spring}); resolved in {@link #build()}.
     *
     * @throws IllegalStateException if a backend was already chosen
     */
    public EngineBuilder backend(String name) {
        requireUnset(this.backend == null && backendName == null, "backend", this.backend != null ? this.backend : backendName);
        this.backendName = Objects.requireNonNull(name, "name");
        return this;
    }

    /**
     * Runs instances on {@code lanes} lanes; an instance always runs on the lane its key hashes to.
     *
     * @throws IllegalArgumentException if {@code lanes} is below 1
     * @throws IllegalStateException    if the number of lanes was already set
     */
    public EngineBuilder lanes(int lanes) {
        requireUnset(this.lanes == 0, "lanes", this.lanes);
        if (lanes < 1) {
            throw new IllegalArgumentException("an engine needs at least 1 lane, got " + lanes);
        }
        this.lanes = lanes;
        return this;
    }

    /**
     * Which part of an instance's key picks its lane (default: the whole key). Instances whose keys give equal lane
     * keys share a lane, so their steps run one after the other in the order they were submitted and never at the
     * same time; instances of different lane keys may run in parallel. A BM-SC, say, keys its instances
     * {@code "impi|..."} and gives the IMPI, so the MIKEY messages it seals for one UE, each with the next counter,
     * leave in that order. The function must be pure and cheap: it runs at every start and event, and a stored
     * instance must find the same lane after a restart.
     *
     * @throws IllegalStateException if a lane key was already set
     */
    public EngineBuilder laneKey(Function<Object, ?> laneKey) {
        requireUnset(this.laneKey == null, "laneKey", this.laneKey);
        this.laneKey = Objects.requireNonNull(laneKey, "laneKey");
        return this;
    }

    /**
     * Runs every lane on the calling thread, one task at a time, with no background thread: when a call
     * returns (or a {@link org.mbmskeys.engine.spi.ManualScheduler} finishes advancing), everything it
     * caused has been handled, in the same order on every run. For tests and simulations.
     *
     * @throws IllegalStateException if a thread factory was set
     */
    public EngineBuilder deterministic() {
        if (threadFactory != null) {
            throw new IllegalStateException("deterministic mode runs lanes on the calling thread; it cannot be combined "
                    + "with threadFactory " + threadFactory);
        }
        this.deterministic = true;
        return this;
    }

    /**
     * Creates the lanes' threads (one per lane).
     *
     * @throws IllegalStateException if set twice, or in deterministic mode
     */
    public EngineBuilder threadFactory(ThreadFactory threadFactory) {
        requireUnset(this.threadFactory == null, "threadFactory", this.threadFactory);
        if (deterministic) {
            throw new IllegalStateException("deterministic mode runs lanes on the calling thread; it cannot be combined "
                    + "with a thread factory");
        }
        this.threadFactory = Objects.requireNonNull(threadFactory, "threadFactory");
        return this;
    }

    /** @throws IllegalStateException if set twice */
    public EngineBuilder scheduler(Scheduler scheduler) {
        requireUnset(this.scheduler == null, "scheduler", this.scheduler);
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        return this;
    }

    /** @throws IllegalStateException if set twice */
    public EngineBuilder random(RandomBytes random) {
        requireUnset(this.random == null, "random", this.random);
        this.random = Objects.requireNonNull(random, "random");
        return this;
    }

    /**
     * Registers {@code service} as the role service of {@code type}, which scripts reach with
     * {@code service(Type)} (and Java actions with {@link org.mbmskeys.engine.model.ActionContext#service(Class)}).
     * Services are the embedder's: the engine only hands them out, and a service shared by every lane must be
     * safe for concurrent calls for different keys.
     *
     * @throws IllegalStateException if a service of that type was registered already
     * @throws IllegalArgumentException if {@code service} is not an instance of {@code type}
     */
    public <T> EngineBuilder service(Class<T> type, T service) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(service, "service");
        if (!type.isInstance(service)) {
            throw new IllegalArgumentException("service " + service.getClass().getName() + " is not a " + type.getName());
        }
        requireUnset(!services.containsKey(type), "service " + type.getSimpleName(), services.get(type));
        services.put(type, service);
        return this;
    }

    /** @throws IllegalStateException if set twice */
    public EngineBuilder store(InstanceStore store) {
        requireUnset(this.store == null, "store", this.store);
        this.store = Objects.requireNonNull(store, "store");
        return this;
    }

    /** Adds a listener; listeners are called in the order they were added. */
    public EngineBuilder listener(ProcedureListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
        return this;
    }

    /**
     * Binds channel {@code name} to {@code channel}.
     *
     * @throws IllegalStateException if the name is already bound
     */
    public EngineBuilder channel(String name, Channel channel) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(channel, "channel");
        requireUnset(!channels.containsKey(name), "channel '" + name + "'", channels.get(name));
        channels.put(name, channel);
        return this;
    }

    /**
     * Takes what is sent on channels that have no binding (a test kit captures everything this way);
     * without it, such a send is reported as a failed effect.
     *
     * @throws IllegalStateException if set twice
     */
    public EngineBuilder defaultChannel(Channel channel) {
        requireUnset(defaultChannel == null, "defaultChannel", defaultChannel);
        this.defaultChannel = Objects.requireNonNull(channel, "channel");
        return this;
    }

    /**
     * Binds channel {@code name} to {@code transport} (payloads sent there must be
     * {@link org.mbmskeys.engine.spi.Envelope}s) and routes what it receives through the routing rules.
     *
     * @throws IllegalStateException if the name is already bound
     */
    public EngineBuilder transport(String name, Transport transport) {
        channel(name, Channel.over(transport));
        transportChannels.add(name);
        if (!transports.contains(transport)) {
            transports.add(transport);
        }
        return this;
    }

    /** Adds a routing rule; rules are tried in the order they were added. */
    public EngineBuilder route(RoutingRule rule) {
        rules.add(Objects.requireNonNull(rule, "rule"));
        return this;
    }

    /**
     * Builds and starts the engine.
     *
     * @throws InvalidDefinitionException listing every problem of every definition (the built-in checks and
     *                                    those added with {@link #check})
     * @throws IllegalArgumentException   if two definitions have the same name and version
     * @throws IllegalStateException      if the named backend cannot be found
     */
    public Engine build() {
        int laneCount = lanes > 0 ? lanes : Runtime.getRuntime().availableProcessors();
        if (scheduler == null) {
            scheduler = Scheduler.system();
        }
        if (random == null) {
            random = RandomBytes.secure();
        }
        if (store == null) {
            store = InstanceStore.inMemory();
        }
        if (threadFactory == null && !deterministic) {
            threadFactory = laneThreads();
        }
        Registry registry = new Registry(resolveBackend(), laneCount, DefinitionVerifier.with(checks));
        List<Problem> problems = new ArrayList<>();
        for (ProcedureDefinition definition : retired) {
            try {
                registry.retain(definition);
            } catch (InvalidDefinitionException e) {
                problems.addAll(e.problems());
            }
        }
        List<ProcedureDefinition> deploy = new ArrayList<>(procedures);
        if (repository != null) {
            deploy.addAll(repository.definitions());
        }
        for (ProcedureDefinition definition : deploy) {
            try {
                registry.deploy(definition);
            } catch (InvalidDefinitionException e) {
                problems.addAll(e.problems());
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidDefinitionException(problems);
        }
        DefaultEngine engine = new DefaultEngine(this, registry, laneCount);
        for (Transport transport : transports) {
            transport.receive(engine::route);
        }
        if (repository != null) {
            engine.follow(repository);
        }
        engine.recover();
        return engine;
    }

    private ExecutionBackend resolveBackend() {
        if (backend != null) {
            return backend;
        }
        String name = backendName != null ? backendName : System.getProperty(BACKEND_PROPERTY, NativeBackend.NAME);
        if (name.equals(NativeBackend.NAME)) {
            return new NativeBackend();
        }
        TreeSet<String> available = new TreeSet<>();
        for (ExecutionBackend candidate : ServiceLoader.load(ExecutionBackend.class)) {
            if (candidate.name().equals(name)) {
                return candidate;
            }
            available.add(candidate.name());
        }
        available.add(NativeBackend.NAME);
        throw new IllegalStateException("no execution backend named '" + name + "'" + (backendName == null
                ? " (from system property " + BACKEND_PROPERTY + ")" : "") + "; available are " + available
                + ". A backend is found through META-INF/services/" + ExecutionBackend.class.getName()
                + "; is its module on the class path?");
    }

    private static ThreadFactory laneThreads() {
        AtomicInteger next = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, "mbms-keys-lane-" + next.getAndIncrement());
            thread.setDaemon(true);
            return thread;
        };
    }

    private static void requireUnset(boolean unset, String setting, Object current) {
        if (!unset) {
            throw new IllegalStateException(setting + " was already set to " + current);
        }
    }
}
