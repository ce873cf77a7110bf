package org.mbmskeys.adapters.app.run;

import com.github.benmanes.caffeine.cache.Ticker;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import java.io.IOException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.mbmskeys.adapters.app.admin.AdminServer;
import org.mbmskeys.adapters.app.admin.AdminToken;
import org.mbmskeys.adapters.app.config.BmscConfig;
import org.mbmskeys.adapters.app.config.GbaKeys;
import org.mbmskeys.adapters.app.config.ServiceConfig;
import org.mbmskeys.adapters.app.config.StorageConfig;
import org.mbmskeys.adapters.app.node.BmscServer;
import org.mbmskeys.adapters.app.node.Bound;
import org.mbmskeys.adapters.app.node.PcapFile;
import org.mbmskeys.adapters.app.node.Wiretap;
import org.mbmskeys.adapters.app.ub.BsfServer;
import org.mbmskeys.adapters.jdbc.CachedRegistrationStorage;
import org.mbmskeys.adapters.jdbc.Database;
import org.mbmskeys.adapters.jdbc.InstanceValues;
import org.mbmskeys.adapters.jdbc.JdbcDeliveryRecords;
import org.mbmskeys.adapters.jdbc.JdbcInstanceStore;
import org.mbmskeys.adapters.jdbc.JdbcKeyRegistryStorage;
import org.mbmskeys.adapters.jdbc.JdbcNonceCounts;
import org.mbmskeys.adapters.jdbc.JdbcRegistrationStorage;
import org.mbmskeys.adapters.jdbc.JdbcUserServiceStorage;
import org.mbmskeys.adapters.jdbc.KeyEncryptionKey;
import org.mbmskeys.adapters.jdbc.KeyRewrap;
import org.mbmskeys.adapters.jdbc.MtkSessionClaims;
import org.mbmskeys.engine.bytes.SecretBytes;
import org.mbmskeys.engine.spi.Endpoint;
import org.mbmskeys.engine.spi.InstanceRecord;
import org.mbmskeys.engine.spi.InstanceRef;
import org.mbmskeys.engine.spi.ProcedureListener;
import org.mbmskeys.engine.spi.RandomBytes;
import org.mbmskeys.engine.spi.Scheduler;
import org.mbmskeys.mbms.bmsc.Bmsc;
import org.mbmskeys.mbms.bmsc.distribution.DeliveryRecord;
import org.mbmskeys.mbms.bmsc.services.KeyGroupRef;
import org.mbmskeys.mbms.gba.Bootstrapping;
import org.mbmskeys.mbms.gba.GbaMode;
import org.mbmskeys.mbms.gba.NafKeyLookup;
import org.mbmskeys.mbms.gba.StaticBootstrapping;
import org.mbmskeys.mbms.gba.simulated.SimulatedBsf;
import org.mbmskeys.mbms.gba.simulated.Sqn;
import org.mbmskeys.mbms.keys.MskRef;
import org.mbmskeys.mbms.keys.ServiceType;
import org.mbmskeys.mbms.mikey.protection.StreamingSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A BM-SC as {@code mbms-keys bmsc} runs it, from its configuration: the sockets, the static Zn source, the
 * user services and their sessions, a first MSK per Key Group, and MTK delivery started for every streaming
 * session (with durable storage, for every session this node claims: one node delivers each). Closing it stops
 * MTK delivery, the BM-SC, its sockets and its event loops.
 */
final class BmscProcess implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger("mbms-keys.bmsc");
    /** How long a registration read from the database may be served from the cache (docs/storage.md, "The cache"). */
    private static final Duration REGISTRATION_CACHE_TTL = Duration.ofSeconds(2);

    private final EventLoopGroup loops = new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());
    private final BmscServer server;
    private final Set<String> streaming = new LinkedHashSet<>();
    private final PcapFile pcap;
    private final AdminServer admin;
    private final BsfServer bsfServer;
    private final Database database;
    private KeyEncryptionKey kek;
    /** With durable storage: this node's lease on its running procedures. */
    private LeaseKeeper leases;
    /** With durable storage: which node delivers each streaming session's MTKs. */
    private MtkSessionClaims mtkSessions;
    /** With durable storage: deletes the delivery records past their retention. */
    private DeliveryRecordPurge purge;
    /** With durable storage: shares this node's MTK messages; with {@code storage.mtkRelay}, sends the others' too. */
    private MtkRelay relay;

    BmscProcess(BmscConfig config, Scheduler clock) {
        this(config, clock, null);
    }

    /** With {@code pcap} non-null, every MIKEY datagram the BM-SC sends or receives is appended to it. */
    BmscProcess(BmscConfig config, Scheduler clock, PcapFile pcap) {
        this.pcap = pcap;
        StaticBootstrapping staticZn = new StaticBootstrapping(clock::now);
        for (GbaKeys keys : config.bootstrappings()) {
            if (keys.ck().isPresent()) {
                staticZn.add(keys.context());
            } else {
                staticZn.addNafKey(keys.bTid(), keys.impi(), keys.expiresAt(), keys.ksNaf().orElseThrow());
            }
        }
        Bootstrapping zn = staticZn;
        if (config.simulatedBsf().isPresent()) {
            BmscConfig.SimulatedBsfConfig c = config.simulatedBsf().get();
            SimulatedBsf simulated = new SimulatedBsf(c.domain(), clock::now, RandomBytes.secure(), c.keyLifetime());
            for (BmscConfig.Subscriber s : c.subscribers()) {
                simulated.addSubscriber(s.impi(), s.k(), s.opc(), Sqn.of(s.sqn()), GbaMode.GBA_ME);
            }
            try {
                bsfServer = Bound.by("bootstrapping.simulatedBsf.bind", () -> new BsfServer(simulated, c.bind(), loops));
            } catch (RuntimeException e) {
                loops.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly();
                throw e;
            }
            LOG.info(EventLine.of("bsf-ready", "domain", c.domain(), "ub", bsfServer.localEndpoint(), "subscribers",
                    c.subscribers().size()));
            // The static list first (labs pin B-TIDs there), then the simulated BSF's own bootstrappings.
            zn = (bTid, nafId) -> {
                NafKeyLookup known = staticZn.lookUp(bTid, nafId);
                return known instanceof NafKeyLookup.UnknownBTid ? simulated.lookUp(bTid, nafId) : known;
            };
        } else {
            bsfServer = null;
        }
        Bootstrapping bootstrapping = zn;
        try {
            database = config.storage().map(BmscProcess::open).orElse(null);
        } catch (RuntimeException e) {
            if (bsfServer != null) {
                bsfServer.close();
            }
            loops.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly();
            throw e;
        }
        try {
            BmscServer.Builder builder = BmscServer.builder(config.fqdn(), loops).mikey(config.mikey())
                    .keyManagement(config.keyManagement())
                    .bmsc(b -> {
                        b.bootstrapping(bootstrapping).scheduler(clock).rekeying(config.rekeying()).allowQopAuth(config.allowQopAuth())
                                .backend(config.backend()).listener(new Failures());
                        config.mukLifetime().ifPresent(b::mukLifetime);
                        config.storage().ifPresent(st -> durable(b, st, clock));
                        config.scripts().ifPresent(b::scripts);
                    });
            config.multicastInterface().ifPresent(builder::multicastInterface);
            if (pcap != null) {
                builder.wiretap(Wiretap.streaming(clock::now, pcap::write));
            }
            server = builder.open();
        } catch (RuntimeException e) {
            if (bsfServer != null) {
                bsfServer.close();
            }
            if (database != null) {
                database.close();
            }
            loops.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly();
            throw e;
        }
        Bmsc bmsc = server.bmsc();
        Set<KeyGroupRef> groups = new LinkedHashSet<>();
        for (ServiceConfig s : config.services()) {
            bmsc.defineService(s.id(), s.type(), s.keyGroup());
            groups.add(s.keyGroup());
            for (ServiceConfig.Session session : s.sessions()) {
                if (s.type() == ServiceType.STREAMING) {
                    bmsc.defineStreamingSession(session.id(), s.keyGroup(), session.rtp(),
                            StreamingSession.of(session.ssrc(), session.roc(), session.rocRate(), session.authentication()));
                    streaming.add(session.id());
                } else {
                    bmsc.defineDownloadSession(session.id(), s.keyGroup());
                }
            }
        }
        // Stored services are offered whether or not this node's configuration has them (another node's may): say so.
        Set<String> configured = new LinkedHashSet<>();
        config.services().forEach(sc -> configured.add(sc.id()));
        bmsc.services().stream().map(us -> us.serviceId().value()).filter(id -> !configured.contains(id))
                .forEach(id -> LOG.warn(EventLine.of("service-stored-not-configured", "service", id)));
        for (KeyGroupRef group : groups) {
            // A durable BM-SC that restarts keeps the current MSKs: a new one only where a Key Group has none.
            Optional<MskRef> kept = bmsc.currentMsk(group);
            if (kept.isPresent()) {
                LOG.info(EventLine.of("msk-kept", "keyGroup", group, "msk", kept.get()));
            } else {
                LOG.info(EventLine.of("msk-rotated", "keyGroup", group, "msk", bmsc.rotate(group)));
            }
        }
        List<String> delivering = new ArrayList<>();
        List<String> elsewhere = new ArrayList<>();
        for (String session : streaming) {
            // With a database, nodes share it: one node delivers each session's MTKs (TS 33.246 §6.3.4.5).
            MtkSessionClaims.Claim claim = mtkSessions == null ? null : mtkSessions.claim(session, clock.now());
            if (claim == null || claim.mine()) {
                bmsc.startMtkDelivery(session);
                delivering.add(session);
                LOG.info(EventLine.of("mtk-delivery-started", "session", session));
            } else {
                elsewhere.add(session);
                LOG.info(EventLine.of("mtk-delivery-elsewhere", "session", session, "node", claim.owner()));
            }
        }
        if (purge != null) {
            purge.start();
        }
        if (leases != null) {
            leases.start(bmsc, delivering, elsewhere);   // also takes over, now, what nodes whose lease lapsed left
        }
        admin = config.admin().map(a -> openAdmin(a, bmsc)).orElse(null);
        LOG.info(EventLine.of("ready", "fqdn", config.fqdn(), "mikey", server.udp().localEndpoint(), "keyManagement",
                server.http().localEndpoint(), "admin", admin == null ? "off" : admin.localEndpoint(),
                "services", config.services().size(), "bootstrappings", staticZn.size()));
        if (mtkSessions != null && !streaming.isEmpty()) {   // after "ready": its first relayed message is logged after it
            relay = new MtkRelay(server, mtkSessions, clock, mtkDestinations(config), config.storage().orElseThrow().mtkRelay());
            relay.start();
        }
    }

    /** Each streaming session's MTK destination: its group on the MIKEY port. */
    private static Map<String, Endpoint> mtkDestinations(BmscConfig config) {
        Map<String, Endpoint> destinations = new LinkedHashMap<>();
        for (ServiceConfig s : config.services()) {
            if (s.type() == ServiceType.STREAMING) {
                s.sessions().forEach(session -> destinations.put(session.id(), session.mtkGroup()));
            }
        }
        return destinations;
    }

    private static Database open(StorageConfig storage) {
        Database db = storage.h2().map(Database::h2File).orElseGet(() -> Database.postgres(storage.postgresUrl().orElseThrow(),
                storage.postgresUser().orElseThrow(), storage.postgresPassword()));
        LOG.info(EventLine.of("storage-open", "database", storage.h2().map(p -> "h2 " + p).orElse("postgresql")));
        return db;
    }

    /**
     * User services, registrations, Key Groups with their wrapped MSKs, counters, Digest nonce-counts, delivery records
     * and the running procedures in the database. The MTK deliveries are left out of the latter: the process starts
     * them from its configuration each time it starts, after defining their sessions, which a taken-over instance could
     * otherwise outrun.
     */
    private void durable(Bmsc.Builder b, StorageConfig storage, Scheduler clock) {
        SecretBytes key = storage.keyEncryptionKey();
        try {
            kek = new KeyEncryptionKey(key, new SecureRandom());
        } finally {
            key.destroy();
        }
        // Before anything is written: a node given another KEK than its database's would wrap new MSKs under it,
        // and then no single KEK would open every stored key (rewrap-keys included).
        LOG.info(EventLine.of("stored-keys-opened", "keys", KeyRewrap.checkOpens(database, kek)));
        JdbcInstanceStore instances = JdbcInstanceStore.builder(database, storage.node()).values(InstanceValues.bmsc())
                .durable(procedure -> !procedure.equals(Bmsc.MTK_DELIVERY)).build();
        mtkSessions = new MtkSessionClaims(database, storage.node());
        leases = new LeaseKeeper(instances, mtkSessions, clock, storage.lease());
        leases.claim();
        JdbcDeliveryRecords deliveries = new JdbcDeliveryRecords(database, storage.deliveryRetention(), clock::now);
        purge = new DeliveryRecordPurge(deliveries, clock);
        b.registrationStorage(new CachedRegistrationStorage(new JdbcRegistrationStorage(database), REGISTRATION_CACHE_TTL,
                        100_000, Ticker.systemTicker()))
                .keyStorage(new JdbcKeyRegistryStorage(database, kek))
                .nonceCounts(new JdbcNonceCounts(database))
                .instanceStore(instances)
                .deliveryRecords(deliveries)
                .userServiceStorage(new JdbcUserServiceStorage(database));
        storage.digestSecret().ifPresent(secret -> {
            b.digestSecret(secret);
            secret.destroy();
        });
    }

    BmscServer server() {
        return server;
    }

    /** The admin API on the process's event loops, with the token of the configured file. */
    private AdminServer openAdmin(BmscConfig.Admin a, Bmsc bmsc) {
        AdminToken token;
        try {
            token = AdminToken.read(a.tokenFile());
        } catch (IOException e) {
            close();
            throw new IllegalStateException("cannot read the admin token file " + a.tokenFile() + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {   // changed since the configuration was read
            close();
            throw e;
        }
        try {
            return Bound.by("admin.bind", () -> AdminServer.builder(bmsc).token(token).bind(a.bind())
                    .allowNonLoopback(a.allowNonLoopback()).eventLoops(loops).open());
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    @Override
    public void close() {
        try {
            if (purge != null) {
                purge.close();
            }
            if (relay != null) {
                relay.close();
            }
            if (leases != null) {
                leases.close();   // the lease then lapses: another node takes over what this one leaves running
            }
            if (admin != null) {
                admin.close();
            }
            for (String session : streaming) {
                if (server.bmsc().mtkDeliveryRunning(session)) {   // the operator may have stopped it (admin API)
                    server.bmsc().stopMtkDelivery(session);
                }
            }
            server.close();
            if (mtkSessions != null) {
                mtkSessions.releaseAll();   // another node delivers them from its next lease renewal
            }
            if (bsfServer != null) {
                bsfServer.close();
            }
        } finally {
            if (database != null) {
                database.close();
            }
            loops.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly();
            if (pcap != null) {
                pcap.close();
            }
        }
    }

    /** A procedure that failed is a bug (bad input is rejected, never a failure): it is logged as an error. */
    private static final class Failures implements ProcedureListener {
        @Override
        public void failed(InstanceRef instance, String state, Throwable cause) {
            LOG.error(EventLine.of("procedure-failed", "instance", instance, "state", state, "cause", cause));
        }

        @Override
        public void effectFailed(InstanceRef instance, String effect, Throwable cause) {
            LOG.error(EventLine.of("effect-failed", "instance", instance, "effect", effect, "cause", cause));
        }

        /** Each MSK message's end (delivered, given up, invalidated), as operators count deliveries. */
        @Override
        public void outcome(InstanceRef instance, Object outcome) {
            if (outcome instanceof DeliveryRecord r) {
                LOG.info(EventLine.of("msk-delivery", "ue", r.impi(), "msk", r.msk(), "outcome", r.outcome(), "attempts",
                        r.attempts(), "counter", r.counter().value()));
            }
        }

        @Override
        public void ended(InstanceRef instance, InstanceRecord last) {
            LOG.debug(EventLine.of("procedure-ended", "instance", instance, "state", last.state()));
        }
    }
}
