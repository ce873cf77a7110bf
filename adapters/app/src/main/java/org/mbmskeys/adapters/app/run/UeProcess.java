package org.mbmskeys.adapters.app.run;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.mbmskeys.adapters.app.config.GbaKeys;
import org.mbmskeys.adapters.app.config.ServiceConfig;
import org.mbmskeys.adapters.app.config.UeConfig;
import org.mbmskeys.adapters.app.node.UeStation;
import org.mbmskeys.adapters.app.ub.UbHttpClient;
import org.mbmskeys.adapters.jdbc.Database;
import org.mbmskeys.adapters.jdbc.JdbcUeKeyStorage;
import org.mbmskeys.adapters.jdbc.KeyEncryptionKey;
import org.mbmskeys.engine.bytes.SecretBytes;
import org.mbmskeys.engine.spi.Scheduler;
import org.mbmskeys.mbms.bmsc.services.KeyGroupRef;
import org.mbmskeys.mbms.gba.Fqdn;
import org.mbmskeys.mbms.gba.GbaMode;
import org.mbmskeys.mbms.gba.simulated.SimulatedUsim;
import org.mbmskeys.mbms.gba.simulated.Sqn;
import org.mbmskeys.mbms.keys.MskId;
import org.mbmskeys.mbms.keys.MskRef;
import org.mbmskeys.mbms.ue.Ue;
import org.mbmskeys.mbms.ue.UeProfile;
import org.mbmskeys.mbms.ue.announcement.ServiceProtection;
import org.mbmskeys.mbms.ue.announcement.UserServiceDescription;
import org.mbmskeys.mbms.ue.gba.UbClient;
import org.mbmskeys.mbms.ue.keys.MskChange;
import org.mbmskeys.mbms.ue.keys.MskKey;
import org.mbmskeys.mbms.ue.keys.UeKeyStore;
import org.mbmskeys.mbms.ue.keys.UiccId;
import org.mbmskeys.mbms.ue.procedure.UeOutcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The UEs of {@code mbms-keys ue}, from their configuration: each on its own MIKEY socket on the configured
 * address, announced the configured services, powered on, using its services and joined to their sessions'
 * MTK groups. Every outcome is logged as one structured line. Closing it powers them down and closes them.
 */
final class UeProcess implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger("mbms-keys.ue");
    /**
     * How long a stopping process waits for the BM-SC to answer its UEs' deregistrations and to invalidate the MSKs
     * of those services (both together).
     */
    static final Duration DEREGISTRATION_WAIT = Duration.ofSeconds(5);

    private final EventLoopGroup loops = new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());
    private final List<UeStation> stations = new ArrayList<>();
    private final Database database;
    private final Map<String, ServiceConfig> services = new LinkedHashMap<>();
    /** Counts the invalidations the UEs received, to wake a stopping process up (guarded by {@link #registered}). */
    private long invalidations;
    /** "ue service" of every registration the BM-SC confirmed and no deregistration answered yet. */
    private final Set<String> registered = new HashSet<>();

    UeProcess(UeConfig config, Scheduler clock) {
        database = config.storage().map(st -> st.h2().map(Database::h2File).orElseThrow()).orElse(null);
        KeyEncryptionKey kek = null;
        if (database != null) {
            SecretBytes key = config.storage().orElseThrow().keyEncryptionKey();
            try {
                kek = new KeyEncryptionKey(key, new SecureRandom());
            } finally {
                key.destroy();
            }
        }
        KeyEncryptionKey wrapping = kek;
        config.services().forEach(s -> services.put(s.id(), s));
        try {
            for (UeConfig.UeEntry entry : config.ues()) {
                UeProfile profile = UeProfile.usim(entry.name(), UiccId.of(entry.uicc()), ub(entry, config));
                UeStation station = UeStation.open(profile, loops, config.address(), entry.mikeyPort(),
                        config.multicastInterface(), config.bmscFqdn(), config.bmscKeyManagement(), null,
                        b -> {
                            b.scheduler(clock).listener(this::outcome);
                            if (database != null) {
                                // The ME's non-volatile memory: MUK, last MUK, MSKs, MTKs, counters, UICC identity.
                                b.keyStores(name -> new UeKeyStore(new JdbcUeKeyStorage(database, wrapping, name)));
                            }
                        });
                stations.add(station);
                Ue ue = station.ue();
                for (ServiceConfig s : services.values()) {
                    ue.announce(announcement(config.bmscFqdn(), s));
                }
                ue.powerOn();
                for (String id : entry.use()) {
                    for (ServiceConfig.Session session : services.get(id).sessions()) {
                        if (session.mtkGroup() != null) {
                            station.udp().join(session.mtkGroup());
                        }
                    }
                    ue.use(id);
                }
                LOG.info(EventLine.of("ue-started", "ue", entry.name(), "mikey", station.udp().localEndpoint(),
                        "gba", entry.gba().map(g -> "static B-TID " + g.bTid()).orElse("USIM over Ub"),
                        "uses", String.join(",", entry.use())));
            }
        } catch (RuntimeException e) {
            close();
            throw e;
        }
        LOG.info(EventLine.of("ready", "ues", stations.size(), "bmsc", config.bmscFqdn(), "keyManagement",
                config.bmscKeyManagement()));
    }

    /**
     * How the UE runs GBA: with keys made elsewhere, "running GBA" hands out a fresh copy of them; with a USIM, it
     * bootstraps with the configured BSF over Ub (HTTP Digest AKA).
     */
    private static UbClient ub(UeConfig.UeEntry entry, UeConfig config) {
        if (entry.gba().isPresent()) {
            GbaKeys keys = entry.gba().get();
            return keys::context;
        }
        UeConfig.Usim usim = entry.usim().orElseThrow();
        UeConfig.Bsf bsf = config.bsf().orElseThrow();
        return new UbHttpClient(new SimulatedUsim(usim.impi(), usim.k(), usim.opc(), Sqn.of(0), GbaMode.GBA_ME),
                URI.create("http://" + bsf.address().host() + ":" + bsf.address().port() + "/"), bsf.domain());
    }

    /** The service announcement (USD) of {@code s}: its BM-SC, its Key Group's current MSK, its sessions. */
    private static UserServiceDescription announcement(String bmsc, ServiceConfig s) {
        MskRef current = MskRef.of(s.keyGroup().keyDomain(), MskId.current(s.keyGroup().keyGroup()));
        Map<String, MskRef> sessions = new LinkedHashMap<>();
        s.sessions().forEach(session -> sessions.put(session.id(), current));
        return UserServiceDescription.protectedBy(s.id(), new ServiceProtection(List.of(Fqdn.of(bmsc)), false, false,
                List.of(current), Optional.empty(), sessions, s.type()));
    }

    private void outcome(UeOutcome outcome) {
        synchronized (registered) {
            if (outcome instanceof UeOutcome.ServiceRegistered r) {
                registered.add(r.ue() + " " + r.serviceId());
            } else if (outcome instanceof UeOutcome.ServiceDeregistered d) {
                registered.remove(d.ue() + " " + d.serviceId());
                registered.notifyAll();
            } else if (outcome instanceof UeOutcome.MskReceived m && m.change() == MskChange.INVALIDATED) {
                invalidations++;
                registered.notifyAll();
            }
        }
        log(outcome);
    }

    private static void log(UeOutcome outcome) {
        String line = EventLine.of(EventLine.kebab(outcome.getClass().getSimpleName()), (Record) outcome);
        if (outcome instanceof UeOutcome.DatagramDiscarded || outcome instanceof UeOutcome.KeyManagementFailed
                || outcome instanceof UeOutcome.AnswerUnusable || outcome instanceof UeOutcome.ServiceRefused) {
            LOG.warn(line);
        } else {
            LOG.info(line);
        }
    }

    /** True once every deregistration was answered; false when {@code end} came first. */
    private boolean awaitDeregistrations(long end) {
        synchronized (registered) {
            while (!registered.isEmpty()) {
                long left = end - System.nanoTime();
                if (left <= 0) {
                    LOG.warn(EventLine.of("deregistration-unanswered", "registrations", String.join(",", registered)));
                    return false;
                }
                if (!waitOn(left)) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * The MSKs each UE holds of the Key Groups of the services it is registered to: the ones the BM-SC invalidates
     * once those deregistrations are done (§6.3.2.1B). Only their identities: the keys' copies are wiped here.
     */
    private Map<Ue, List<MskRef>> mskIdsToBeInvalidated() {
        Set<String> now;
        synchronized (registered) {
            now = Set.copyOf(registered);
        }
        Map<Ue, List<MskRef>> held = new LinkedHashMap<>();
        for (UeStation s : stations) {
            Ue ue = s.ue();
            Set<KeyGroupRef> groups = new HashSet<>();
            for (ServiceConfig service : services.values()) {
                if (now.contains(ue.name() + " " + service.id())) {
                    groups.add(service.keyGroup());
                }
            }
            if (groups.isEmpty()) {
                continue;
            }
            List<MskRef> refs = new ArrayList<>();
            for (MskKey msk : ue.keyStore().msks()) {
                msk.key().destroy();
                if (groups.contains(KeyGroupRef.of(msk.ref()))) {
                    refs.add(msk.ref());
                }
            }
            held.put(ue, refs);
        }
        return held;
    }

    /**
     * Waits until {@code end} for the BM-SC's invalidations of the MSKs of the services just left, so the UEs take
     * and acknowledge them before their sockets close (else the BM-SC resends them until it gives up). On a real
     * network a powered-down handset may never see them; then this is logged and the process goes on stopping.
     */
    private void awaitInvalidations(Map<Ue, List<MskRef>> held, long end) {
        while (true) {
            long seen;
            synchronized (registered) {
                seen = invalidations;
            }
            // Asked outside the lock: the key store has locks of its own, and outcomes arrive under ours.
            List<String> missing = new ArrayList<>();
            held.forEach((ue, refs) -> refs.stream().filter(ref -> !ue.keyStore().isInvalidated(ref))
                    .forEach(ref -> missing.add(ue.name() + " " + ref)));
            if (missing.isEmpty()) {
                return;
            }
            synchronized (registered) {
                long left = end - System.nanoTime();
                if (left <= 0) {
                    LOG.info(EventLine.of("invalidation-not-received", "msks", String.join(",", missing)));
                    return;
                }
                if (invalidations == seen && !waitOn(left)) {
                    return;
                }
            }
        }
    }

    /** Waits on {@link #registered} (held) for at most {@code nanos}; false if interrupted. */
    private boolean waitOn(long nanos) {
        try {
            registered.wait(Math.max(1, nanos / 1_000_000));
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    List<UeStation> stations() {
        return List.copyOf(stations);
    }

    /**
     * Powers every UE down (each deregisters from its services, §6.3.2.1B), waits up to {@link #DEREGISTRATION_WAIT}
     * for the BM-SC's answers and its invalidations of those services' MSKs, then closes the UEs and their sockets.
     */
    @Override
    public void close() {
        try {
            long end = System.nanoTime() + DEREGISTRATION_WAIT.toNanos();
            Map<Ue, List<MskRef>> toBeInvalidated = mskIdsToBeInvalidated();
            for (UeStation s : stations) {
                s.ue().powerDown();
            }
            if (awaitDeregistrations(end)) {
                awaitInvalidations(toBeInvalidated, end);
            }
            for (UeStation s : stations) {
                s.close();
            }
        } finally {
            if (database != null) {
                database.close();
            }
            loops.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly();
        }
    }
}
