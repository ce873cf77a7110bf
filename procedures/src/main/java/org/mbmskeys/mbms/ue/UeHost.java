package org.mbmskeys.mbms.ue;

import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.mbmskeys.engine.model.ProcedureDefinition;
import org.mbmskeys.engine.runtime.Engine;
import org.mbmskeys.engine.runtime.EngineBuilder;
import org.mbmskeys.engine.spi.Channel;
import org.mbmskeys.engine.spi.Envelope;
import org.mbmskeys.engine.spi.InstanceRef;
import org.mbmskeys.engine.spi.ProcedureListener;
import org.mbmskeys.engine.spi.RandomBytes;
import org.mbmskeys.engine.spi.Route;
import org.mbmskeys.engine.spi.Scheduler;
import org.mbmskeys.engine.spi.Transport;
import org.mbmskeys.mbms.mikey.crypto.CryptoSuite;
import org.mbmskeys.mbms.ue.procedure.MikeyDatagram;
import org.mbmskeys.mbms.ue.procedure.UeKeyManagement;
import org.mbmskeys.mbms.ue.procedure.UeLifecycle;
import org.mbmskeys.mbms.ue.procedure.UeMikey;
import org.mbmskeys.mbms.ue.procedure.UeOutcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One UE engine for many UEs (a simulator, a load test; a handset hosts one, see {@link Ue}): it loads the
 * {@code ue.*} scripts ({@link UeProcedures}), registers the UE role services, binds the transports and runs,
 * per UE, a {@code ue.mikey-reception} and a {@code ue.service} instance keyed by the UE's name, which is also
 * its host name. TS 33.246 §6.3.2 (key management), §6.4.6 (reception).
 *
 * <pre>{@code
 * Hosts hosts = network.hosts();                        // one Hosts: each call makes a new one
 * UeHost ues = UeHost.builder()
 *         .scheduler(time).deterministic()
 *         .transport(hosts)                            // or per UE: ues.add(profile, network.node("alice"))
 *         .httpCodec(HttpWire.codec())
 *         .listener(outcome -> log.info("{}", outcome))
 *         .build();
 * hosts.add("alice");
 * Ue alice = ues.add(UeProfile.usim("alice", uicc, UbClient.simulated(gbaClient, bsf)));
 * alice.announce(description);
 * alice.powerOn();
 * alice.use("urn:3gpp:mbms:news");
 * }</pre>
 */
public final class UeHost implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(UeHost.class);

    static final String RECEPTION = "ue.mikey-reception";
    static final String SERVICE = "ue.service";
    static final String MSK_REQUEST = "ue.msk-request";

    private final Engine engine;
    private final UeRoleServices role;
    private final Builder settings;
    private final InstantSource clock;
    private final Map<String, Transport> own = new ConcurrentHashMap<>();
    private final Map<String, Ue> ues = new ConcurrentHashMap<>();

    private UeHost(Builder b) {
        if (b.transport == null && !b.ownTransportsOnly) {
            throw new IllegalStateException("a UE engine needs a transport for MIKEY and key management: "
                    + "builder.transport(...) (network.hosts() on the memory network)");
        }
        if (b.codec == null) {
            throw new IllegalStateException("a UE engine needs the HTTP codec: builder.httpCodec(...) (HttpWire.codec() "
                    + "of the HTTP adapter)");
        }
        this.settings = b;
        Scheduler scheduler = b.scheduler != null ? b.scheduler : Scheduler.system();
        this.clock = b.clock != null ? b.clock : scheduler::now;
        if (b.random == null) {
            b.random = RandomBytes.secure();
        }
        if (b.suite == null) {
            b.suite = CryptoSuite.jca();
        }
        this.role = new UeRoleServices(b.codec, b.keyManagementPort);
        List<ProcedureDefinition> scripts = UeProcedures.load(b.scripts);
        Channel out = message -> transportFor(((Envelope) message.payload()).from().host()).send(
                (Envelope) message.payload());
        EngineBuilder engineBuilder = Engine.builder()
                .procedures(scripts)
                .scheduler(scheduler)
                .random(b.random)
                .service(UeMikey.class, role)
                .service(UeKeyManagement.class, role)
                .service(UeLifecycle.class, role)
                .channel("mikey", out)
                .channel("http", out)
                .route(this::route)
                .listener(new Outcomes(b.outcomeListeners));
        b.engineListeners.forEach(engineBuilder::listener);
        if (b.backend != null) {
            engineBuilder.backend(b.backend);
        }
        if (b.lanes > 0) {
            engineBuilder.lanes(b.lanes);
        }
        if (b.deterministic) {
            engineBuilder.deterministic();
        }
        this.engine = engineBuilder.build();
        role.bind(engine::send);
        if (b.transport != null) {
            b.transport.receive(engine::route);
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Adds a UE that uses the host's transport: it receives what is sent to its name.
     *
     * @throws IllegalStateException on the host of a UE built with {@link Ue#builder(UeProfile)}, which shares no transport
     */
    public Ue add(UeProfile profile) {
        return add(profile, Optional.empty());
    }

    /**
     * Adds a UE with a transport of its own (a memory network node, a socket bound to its address): everything it
     * receives there is its own, multicast MTK messages included.
     */
    public Ue add(UeProfile profile, Transport transport) {
        return add(profile, Optional.of(transport));
    }

    /**
     * Adds a UE with a transport of its own that receives MIKEY on UDP port {@code mikeyPort}, which its
     * registrations state (the project's {@code mikeyport} parameter: several UEs behind one address, each on a
     * port of its own; see {@link org.mbmskeys.mbms.keymanagement.MikeyPortParameter}).
     */
    public Ue add(UeProfile profile, Transport transport, int mikeyPort) {
        if (mikeyPort < 1 || mikeyPort > 65535) {
            throw new IllegalArgumentException("a MIKEY port must be 1..65535, got " + mikeyPort);
        }
        return add(profile, Optional.of(transport), OptionalInt.of(mikeyPort));
    }

    private Ue add(UeProfile profile, Optional<Transport> transport) {
        return add(profile, transport, settings.mikeyPort);
    }

    private Ue add(UeProfile profile, Optional<Transport> transport, OptionalInt mikeyPort) {
        Objects.requireNonNull(profile, "profile");
        if (transport.isEmpty() && settings.transport == null) {
            throw new IllegalStateException("this host belongs to a UE built with Ue.builder(), whose transport is that "
                    + "UE's own: a UE added here needs a transport of its own, add(profile, transport)");
        }
        String name = profile.name();
        UeNode node = new UeNode(profile, settings.keyStores.apply(name), settings.suite, settings.random, clock,
                settings.userAgent, settings.keyManagementPort, mikeyPort);
        role.add(node);
        transport.ifPresent(t -> {
            own.put(name, t);
            int port = mikeyPort.orElse(UeRoleServices.MIKEY_PORT);
            t.receive(envelope -> route(envelope, name, port).ifPresentOrElse(
                    r -> engine.send(r.procedure(), r.key(), r.event()),
                    () -> LOG.debug("{}: not a MIKEY datagram, dropped: {}", name, envelope)));
        });
        engine.start(RECEPTION, name, Map.of("ue", name));
        engine.start(SERVICE, name, Map.of("ue", name));
        Ue ue = new Ue(name, node, engine, this);
        ues.put(name, ue);
        return ue;
    }

    /** The UE called {@code name}. */
    public Optional<Ue> ue(String name) {
        return Optional.ofNullable(ues.get(name));
    }

    /** The engine that runs the UE procedures (for listeners, instance queries, diagrams). */
    public Engine engine() {
        return engine;
    }

    /** Stops the engine; the transports are the caller's. */
    @Override
    public void close() {
        engine.close();
    }

    private Transport transportFor(String ue) {
        return own.getOrDefault(ue, settings.transport);
    }

    /** The host's transport: a datagram to port 2269 of a hosted UE without a transport of its own. */
    private Optional<Route> route(Envelope envelope) {
        String host = envelope.to().host();
        if (!role.hosts(host) || own.containsKey(host)) {
            return Optional.empty();
        }
        return route(envelope, host, settings.mikeyPort.orElse(UeRoleServices.MIKEY_PORT));
    }

    private static Optional<Route> route(Envelope envelope, String ue, int mikeyPort) {
        int port = envelope.to().port();
        if (envelope.replyHandle().isPresent() || port != UeRoleServices.MIKEY_PORT && port != mikeyPort) {
            // A UE serves no requests. MIKEY is on UDP 2269 (MTK messages to a group always), or for a UE that
            // stated a port in its registrations, on that port too.
            return Optional.empty();
        }
        return Optional.of(Route.to(RECEPTION, ue, new MikeyDatagram(ue, envelope.from(), envelope.payload())));
    }

    /** Passes the UE outcomes the scripts emit to the listeners. */
    private record Outcomes(List<Consumer<UeOutcome>> listeners) implements ProcedureListener {
        Outcomes {
            listeners = List.copyOf(listeners);
        }

        @Override
        public void outcome(InstanceRef instance, Object outcome) {
            if (outcome instanceof UeOutcome o) {
                listeners.forEach(l -> l.accept(o));
            }
        }
    }

    /** Builds a {@link UeHost}; see {@link UeSettings} for the settings. */
    public static final class Builder extends UeSettings<Builder> {

        /** Set by {@link Ue.Builder}: the host has no shared transport, each UE added brings its own. */
        boolean ownTransportsOnly;

        private Builder() {
        }

        /** Loads and checks the scripts, builds the engine and binds the transport. */
        public UeHost build() {
            return new UeHost(this);
        }
    }
}
