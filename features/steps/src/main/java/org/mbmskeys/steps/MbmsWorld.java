package org.mbmskeys.steps;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.mbmskeys.adapters.http.HttpWire;
import org.mbmskeys.adapters.memory.MemoryNetwork;
import org.mbmskeys.engine.bytes.SecretBytes;
import org.mbmskeys.engine.spi.Endpoint;
import org.mbmskeys.engine.spi.Envelope;
import org.mbmskeys.engine.spi.ManualScheduler;
import org.mbmskeys.engine.spi.RandomBytes;
import org.mbmskeys.engine.testkit.TraceRecorder;
import org.mbmskeys.mbms.bmsc.Bmsc;
import org.mbmskeys.mbms.bmsc.services.KeyGroupRef;
import org.mbmskeys.mbms.gba.Fqdn;
import org.mbmskeys.mbms.gba.GbaMode;
import org.mbmskeys.mbms.gba.simulated.GbaClient;
import org.mbmskeys.mbms.gba.simulated.SimulatedBsf;
import org.mbmskeys.mbms.gba.simulated.SimulatedUsim;
import org.mbmskeys.mbms.gba.simulated.Sqn;
import org.mbmskeys.mbms.keys.KeyDomainId;
import org.mbmskeys.mbms.keys.KeyGroup;
import org.mbmskeys.mbms.keys.MskId;
import org.mbmskeys.mbms.keys.MskRef;
import org.mbmskeys.mbms.keys.ServiceType;
import org.mbmskeys.mbms.mikey.protection.SrtpAuthentication;
import org.mbmskeys.mbms.mikey.protection.StreamingSession;
import org.mbmskeys.mbms.traffic.SrtpMasterKey;
import org.mbmskeys.mbms.ue.Ue;
import org.mbmskeys.mbms.ue.UeHost;
import org.mbmskeys.mbms.ue.UeProfile;
import org.mbmskeys.mbms.ue.announcement.ServiceProtection;
import org.mbmskeys.mbms.ue.announcement.UeCapabilities;
import org.mbmskeys.mbms.ue.announcement.UserServiceDescription;
import org.mbmskeys.mbms.ue.gba.UbClient;
import org.mbmskeys.mbms.ue.keys.UeKeyStorage;
import org.mbmskeys.mbms.ue.keys.UeKeyStore;
import org.mbmskeys.mbms.ue.keys.UiccId;
import org.mbmskeys.mbms.ue.procedure.UeOutcome;

/**
 * One scenario's world: virtual time, the in-memory network, the simulated BSF, one BM-SC and the UEs
 * (one engine hosting them all, each UE on a node of its own), all seeded, on the backend the run selects.
 * Steps read and change it; nothing in it outlives the scenario.
 */
public final class MbmsWorld {

    public static final String BACKEND_PROPERTY = "mbmskeys.engine.backend";
    /** A folder of BM-SC scripts that replace shipped ones of the same file name (optional). */
    public static final String BMSC_SCRIPTS_PROPERTY = "mbmskeys.steps.bmsc.scripts";
    /** A folder of UE scripts that replace shipped ones of the same procedure name (optional). */
    public static final String UE_SCRIPTS_PROPERTY = "mbmskeys.steps.ue.scripts";
    /**
     * Which network a scenario runs over: {@code memory} (default), the in-memory network, or {@code wire}, the
     * UDP and HTTP adapters on loopback sockets ({@link WireNetwork}); the steps are the same.
     */
    public static final String NETWORK_PROPERTY = "mbmskeys.steps.network";
    private static final String K = "465b5ce8b199b49faa5f0a2ee238a6bc";   // TS 35.208 Test Set 1
    private static final String OPC = "cd63cb71954a9f4e48a5994e37a02baf";

    final ManualScheduler time = new ManualScheduler();
    final Instant start = time.now();
    final MemoryNetwork network = MemoryNetwork.builder(time).seed(33246).build();
    /** The loopback sockets, in wire mode ({@value #NETWORK_PROPERTY}{@code =wire}); null on the in-memory network. */
    final WireNetwork wire = onTheWire() ? new WireNetwork(time) : null;
    final SimulatedBsf bsf = new SimulatedBsf("bsf.example.org", time::now, seeded(1), Duration.ofDays(1));
    final TraceRecorder bmscTrace = new TraceRecorder();
    final TraceRecorder ueTrace = new TraceRecorder();
    /** The traces of BM-SCs a scenario adds beside the first, by FQDN. */
    final Map<String, TraceRecorder> otherBmscTraces = new LinkedHashMap<>();
    /** The Ub and Zn exchanges with the simulated BSF, for the ladder (they cross no network). */
    final BsfExchanges bsfExchanges = new BsfExchanges(time::now, start, () -> capture().size());
    final List<UeOutcome> ueOutcomes = new CopyOnWriteArrayList<>();
    /** What the BM-SC's traffic protection (its SRTP sender) was handed, in order; wiped when the scenario ends. */
    final List<HandedMtk> srtpSender = new CopyOnWriteArrayList<>();
    final Map<String, KeyGroupRef> services = new LinkedHashMap<>();
    final Map<String, ServiceType> serviceTypes = new LinkedHashMap<>();
    final Map<String, Ue> ues = new LinkedHashMap<>();
    final Map<String, String> impis = new LinkedHashMap<>();
    private final RandomBytes keyMaterial = seeded(2);
    Bmsc bmsc;
    KeyDomainId domain;
    UeHost ueHost;
    /** The BM-SC's override folder, when it has one: the configured folder, or the scenario's own copy. */
    Optional<Path> bmscScripts = folder(BMSC_SCRIPTS_PROPERTY);
    /** A copy made for this scenario (so steps may edit scripts), deleted when the scenario ends. */
    private Path scenarioScripts;
    /** The MSK the last rotation made, and when. */
    MskRef lastRotated;
    Instant lastRotatedAt;

    /** The virtual clock every node of the scenario runs on. */
    public ManualScheduler time() {
        return time;
    }

    /**
     * The in-memory network: faults, captures and replays.
     *
     * @throws IllegalStateException in wire mode: faults and replays need the in-memory network, so a scenario
     *                               that uses them is not tagged {@code @wire}
     */
    public MemoryNetwork network() {
        if (wire != null) {
            throw new IllegalStateException("this step injects faults, replays or sends by hand on the in-memory "
                    + "network, which a scenario on the wire (" + NETWORK_PROPERTY + "=wire) does not have: do not tag "
                    + "it @wire");
        }
        return network;
    }

    /**
     * Sends {@code envelope} from {@code node} on either network: for steps that seal a message by hand and send
     * it as the BM-SC would. On the wire it leaves from the node's own socket; its destination is named by node
     * (or a multicast group), as on the in-memory network.
     */
    public void sendFrom(String node, Envelope envelope) {
        if (wire != null) {
            wire.sendFrom(node, envelope);
        } else {
            network.node(node).send(envelope);
        }
    }

    /**
     * The host part of the address the BM-SC sees a UE's requests come from: its node name on the in-memory
     * network, its own loopback address on the wire.
     */
    public String hostOf(String ue) {
        return wire != null ? wire.addressOf(ue) : ue;
    }

    /**
     * The multicast group the BM-SC sends to for a group a scenario names: that group in memory, on the wire a
     * group of this scenario's own (other processes on the host may use the named one). Define sessions with it;
     * steps, joins and the capture keep the named group.
     */
    public String multicastGroup(String named) {
        return wire != null ? wire.group(named) : named;
    }

    /** Whether this run puts scenarios on loopback sockets ({@value #NETWORK_PROPERTY}{@code =wire}). */
    public static boolean onTheWire() {
        String value = System.getProperty(NETWORK_PROPERTY, "memory");
        if (!value.equals("memory") && !value.equals("wire")) {
            throw new IllegalStateException("system property " + NETWORK_PROPERTY + " is '" + value
                    + "'; it is 'memory' (the default) or 'wire'");
        }
        return value.equals("wire");
    }

    /** Everything the network carried so far, in sending order, one entry per recipient, on either network. */
    public List<org.mbmskeys.adapters.memory.Captured> capture() {
        return wire != null ? wire.capture() : network.capture();
    }

    /**
     * The MIKEY datagrams the BM-SC sent to {@code ue} itself (its MSK messages, not the sessions' multicast MTK
     * messages), as sent (no re-injected copies), oldest first.
     */
    public List<org.mbmskeys.adapters.memory.Captured> mskMessagesTo(String ue) {
        return capture().stream()
                .filter(c -> c.message().kind() == org.mbmskeys.adapters.memory.Message.Kind.DATAGRAM
                        && c.replayOf().isEmpty() && c.message().sender().equals(bmsc().fqdn())
                        && c.message().to().host().equals(ue))
                .toList();
    }

    /** {@code ue} receives from now on what is sent to the multicast group {@code group} (on port 2269 on the wire). */
    public void join(String ue, String group) {
        if (wire != null) {
            wire.join(ue, group);
        } else {
            network.node(ue).join(group);
        }
    }

    /** The simulated BSF the UEs bootstrap with and the BM-SC asks over Zn. */
    public SimulatedBsf bsf() {
        return bsf;
    }

    /** The BM-SC, once a step started it. */
    public Bmsc bmsc() {
        if (bmsc == null) {
            throw new IllegalStateException("no BM-SC in this scenario yet: start one with 'a BM-SC ...' first");
        }
        return bmsc;
    }

    /** Every outcome the UEs reported, in order. */
    public List<UeOutcome> ueOutcomes() {
        return ueOutcomes;
    }

    /** The backend this run executes the scripts on ({@value #BACKEND_PROPERTY}, default native). */
    public static String backend() {
        return System.getProperty(BACKEND_PROPERTY, "native");
    }

    void startBmsc(String fqdn, KeyDomainId keyDomain) {
        domain = keyDomain;
        Bmsc.Builder bmscBuilder = Bmsc.builder(fqdn).bootstrapping(bsfExchanges.zn(fqdn, bsf))
                .transport(wire != null ? wire.bmsc(fqdn) : network.node(fqdn)).httpCodec(HttpWire.codec())
                .scheduler(time).random(seeded(3)).keyMaterial(n -> SecretBytes.wrap(keyMaterial.next(n).toByteArray()))
                .membership(this::mayRegister).backend(backend()).deterministic().listener(bmscTrace)
                .trafficProtection((session, key) -> srtpSender.add(new HandedMtk(session, key, capture().size())));
        bmscScripts.ifPresent(bmscBuilder::scripts);
        bmsc = bmscBuilder.build();
        UeHost.Builder ueBuilder = UeHost.builder().httpCodec(HttpWire.codec()).scheduler(time)
                .deterministic().random(seeded(4)).backend(backend()).keyManagementPort(80)
                .keyStores(name -> new UeKeyStore(new WrongMrkStorage(UeKeyStorage.inMemory(), () -> wrongMrk.contains(name))))
                .listener(ueOutcomes::add).engineListener(ueTrace);
        ueBuilder.transport(wire != null ? wire.ueHost() : network.hosts());
        folder(UE_SCRIPTS_PROPERTY).ifPresent(ueBuilder::scripts);
        ueHost = ueBuilder.build();
    }

    /**
     * Gives the BM-SC a script folder of this scenario's own, a copy of the configured one (or empty): steps
     * may then edit its scripts and reload them without touching the project's files. Before the BM-SC starts.
     */
    public Path ownBmscScriptFolder() {
        if (bmsc != null) {
            throw new IllegalStateException("the BM-SC already runs; give it a script folder before it starts");
        }
        if (scenarioScripts == null) {
            try {
                scenarioScripts = Files.createTempDirectory("mbms-keys-bmsc-scripts");
                if (bmscScripts.isPresent()) {
                    try (Stream<Path> files = Files.list(bmscScripts.get())) {
                        for (Path f : files.filter(Files::isRegularFile).toList()) {
                            Files.copy(f, scenarioScripts.resolve(f.getFileName()));
                        }
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot make the scenario's script folder", e);
            }
            bmscScripts = Optional.of(scenarioScripts);
        }
        return scenarioScripts;
    }

    /** The BM-SC's override folder, if it has one. */
    public Optional<Path> bmscScripts() {
        return bmscScripts;
    }

    private static Optional<Path> folder(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        Path folder = Path.of(value);
        if (!Files.isDirectory(folder)) {
            throw new IllegalStateException("system property " + property + " names " + folder.toAbsolutePath()
                    + ", which is not a folder");
        }
        return Optional.of(folder);
    }

    KeyGroupRef group(String hex) {
        return KeyGroupRef.of(domain, KeyGroup.parseHex(hex));
    }

    void defineService(String service, ServiceType type, String groupHex) {
        KeyGroupRef group = group(groupHex);
        bmsc.defineService(service, type, group);
        services.put(service, group);
        serviceTypes.put(service, type);
        if (type == ServiceType.STREAMING) {
            bmsc.defineStreamingSession(service + "-live", group, Endpoint.of(multicastGroup("239.1.1." + services.size()), 5004),
                    StreamingSession.of(0x5eed0000L + services.size(), 0, 10, SrtpAuthentication.RCCM1));
        }
    }

    Ue bootstrap(String name) {
        return bootstrap(name, GbaMode.GBA_ME, UeCapabilities.usim());
    }

    /** A UE whose card runs {@code mode} and has {@code capabilities}, known to the BSF. */
    Ue bootstrap(String name, GbaMode mode, UeCapabilities capabilities) {
        int n = ues.size() + 1;
        String impi = "00101012345678" + n + "@ims.mnc001.mcc001.3gppnetwork.org";
        bsf.addSubscriber(impi, SecretBytes.ofHex(K), SecretBytes.ofHex(OPC), Sqn.of(32), mode);
        GbaClient gba = new GbaClient(new SimulatedUsim(impi, SecretBytes.ofHex(K), SecretBytes.ofHex(OPC), Sqn.of(0),
                mode), time::now);
        UeProfile profile = new UeProfile(name, UiccId.of("89494400000000000" + (10 + n)), capabilities, mode,
                bsfExchanges.ub(name, UbClient.simulated(gba, bsf)));
        Ue ue = ueHost.add(profile, wire != null ? wire.ue(name) : network.node(name));
        ues.put(name, ue);
        impis.put(name, impi);
        return ue;
    }

    void announce(String ue, String service) {
        KeyGroupRef group = services.get(service);
        MskRef current = MskRef.of(group.keyDomain(), MskId.current(group.keyGroup()));
        ues.get(ue).announce(UserServiceDescription.protectedBy(service, new ServiceProtection(
                List.of(Fqdn.of(bmsc.fqdn())), false, false, List.of(current), Optional.empty(),
                Map.of(service + "-live", current), serviceTypes.get(service))));
    }

    /** The UE a scenario named. */
    public Ue ue(String name) {
        Ue ue = ues.get(name);
        if (ue == null) {
            throw new IllegalArgumentException("no UE '" + name + "' in this scenario; UEs: " + ues.keySet());
        }
        return ue;
    }

    /** The IMPI the UE bootstrapped with. */
    public String impi(String ue) {
        return impis.get(ue);
    }

    /**
     * Lets everything that is due now happen (deliveries, steps), as a reader expects after a "When". On the
     * wire, until nothing is in flight on the sockets either (or fails the step after a time-out).
     */
    public void settle() {
        if (wire != null) {
            wire.settle();
        } else {
            time.runDue();
        }
    }

    /** Moves the virtual clock on by {@code step}; see {@link #advanceTo}. */
    public void advance(Duration step) {
        advanceTo(time.now().plus(step));
    }

    /**
     * Moves the virtual clock to {@code target}, running what falls due on the way. On the in-memory network a
     * message sent on the way arrives on the way; on the wire it crosses a socket in real time, so the clock
     * stops at each due task until the network is quiet again, and an answer is not outrun by a resend timer.
     */
    public void advanceTo(Instant target) {
        if (wire == null) {
            time.advanceTo(target);
            return;
        }
        wire.settle();
        Optional<Instant> next;
        while ((next = time.nextDue()).isPresent() && !next.get().isAfter(target)) {
            time.advanceTo(next.get());
            wire.settle();
        }
        time.advanceTo(target);
        wire.settle();
    }

    /** An MTK the BM-SC handed its SRTP sender, and how many messages had crossed the network by then. */
    record HandedMtk(String session, SrtpMasterKey key, int messagesBefore) {
    }

    void close() {
        srtpSender.forEach(h -> h.key().destroy());
        if (ueHost != null) {
            ueHost.close();
        }
        if (bmsc != null) {
            bmsc.close();
        }
        if (wire != null) {
            wire.close();
        }
        if (scenarioScripts != null) {
            try (Stream<Path> files = Files.walk(scenarioScripts)) {
                for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(f);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot delete the scenario's script folder " + scenarioScripts, e);
            }
        }
    }

    static RandomBytes seeded(long seed) {
        return RandomBytes.seeded(seed);
    }

    // --- added for h1: who may register (the BM-SC's Membership function), a UE made to use a wrong MRK
    /** Per service, the UEs (by scenario name) that alone may register to it; a service not listed admits everyone. */
    final Map<String, java.util.Set<String>> onlyMayRegister = new java.util.concurrent.ConcurrentHashMap<>();
    /** The UEs whose key store hands out a wrong MRK, so that their Digest password is wrong. */
    final java.util.Set<String> wrongMrk = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private boolean mayRegister(String impi, org.mbmskeys.mbms.bmsc.services.ServiceId service) {
        java.util.Set<String> names = onlyMayRegister.get(service.toString());
        return names == null || names.stream().anyMatch(n -> impi.equals(impis.get(n)));
    }

    /** A second GBA client on the card of {@code ue} (same IMPI, K and OPc), for steps that speak for the UE by hand. */
    GbaClient gbaClientOnTheCardOf(String ue) {
        String impi = impis.get(ue);
        return new GbaClient(new SimulatedUsim(impi, SecretBytes.ofHex(K), SecretBytes.ofHex(OPC), Sqn.of(0), GbaMode.GBA_ME),
                time::now);
    }

    // --- added for h4
    /** Streaming sessions defined with their multicast group by a step: session name to group host. */
    final Map<String, String> sessionGroups = new LinkedHashMap<>();

    /**
     * The multicast group a session's MTK messages are sent to: the one a step defined it on, else that of the
     * session {@link #defineService} made for a streaming service ({@code <service>-live}, or the service's name).
     */
    public String sessionGroup(String session) {
        String group = sessionGroups.get(session);
        if (group != null) {
            return group;
        }
        String service = session.endsWith("-live") ? session.substring(0, session.length() - "-live".length()) : session;
        int index = List.copyOf(services.keySet()).indexOf(service);
        if (index < 0 || serviceTypes.get(service) != ServiceType.STREAMING) {
            throw new IllegalArgumentException("no streaming session '" + session + "' in this scenario; sessions: "
                    + sessionGroups.keySet() + " and the '-live' session of each streaming service " + services.keySet());
        }
        return "239.1.1." + (index + 1);
    }

    // --- added for h2
    /** The partitions that took UEs offline, by UE, so that a step can bring one back. */
    final Map<String, org.mbmskeys.engine.spi.Cancellable> partitions = new LinkedHashMap<>();
    /** How many messages the network had captured when the last rotation began (-1: none yet). */
    int lastRotatedAfterCapture = -1;
}
