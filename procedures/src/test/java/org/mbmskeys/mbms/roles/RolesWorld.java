package org.mbmskeys.mbms.roles;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;
import org.mbmskeys.adapters.http.HttpWire;
import org.mbmskeys.adapters.memory.Captured;
import org.mbmskeys.adapters.memory.Hosts;
import org.mbmskeys.adapters.memory.MemoryNetwork;
import org.mbmskeys.adapters.memory.Message;
import org.mbmskeys.adapters.memory.Node;
import org.mbmskeys.engine.bytes.Bytes;
import org.mbmskeys.engine.bytes.SecretBytes;
import org.mbmskeys.engine.spi.Endpoint;
import org.mbmskeys.engine.spi.HttpCodec;
import org.mbmskeys.engine.spi.HttpRequestMessage;
import org.mbmskeys.engine.spi.ManualScheduler;
import org.mbmskeys.engine.spi.RandomBytes;
import org.mbmskeys.mbms.bmsc.Bmsc;
import org.mbmskeys.mbms.bmsc.registrations.Registration;
import org.mbmskeys.mbms.bmsc.registrations.RegistrationStorage;
import org.mbmskeys.mbms.bmsc.services.KeyGroupRef;
import org.mbmskeys.mbms.bmsc.services.ServiceId;
import org.mbmskeys.mbms.gba.BTid;
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
import org.mbmskeys.mbms.ue.Ue;
import org.mbmskeys.mbms.ue.UeHost;
import org.mbmskeys.mbms.ue.UeProfile;
import org.mbmskeys.mbms.ue.announcement.ServiceProtection;
import org.mbmskeys.mbms.ue.announcement.UserServiceDescription;
import org.mbmskeys.mbms.ue.gba.UbClient;
import org.mbmskeys.mbms.ue.keys.UiccId;
import org.mbmskeys.mbms.ue.procedure.UeOutcome;

/**
 * A BM-SC and UEs on the real facades ({@link Bmsc}, {@link UeHost}, {@link Ue}), a simulated BSF, virtual time
 * and the in-memory network of {@code adapters/memory} carrying real HTTP/1.1 bytes ({@link HttpWire}), all
 * seeded: what the role tests of this module drive end to end, wired the way the step library's world is.
 */
final class RolesWorld {

    static final String BMSC = "bmsc.example.org";
    static final KeyDomainId DOMAIN = KeyDomainId.parse("001-01");
    static final KeyGroupRef NEWS = KeyGroupRef.of(DOMAIN, KeyGroup.of(0x0101));
    static final KeyGroupRef LIVE = KeyGroupRef.of(DOMAIN, KeyGroup.of(0x0202));
    private static final String K = "465b5ce8b199b49faa5f0a2ee238a6bc";   // TS 35.208 Test Set 1
    private static final String OPC = "cd63cb71954a9f4e48a5994e37a02baf";

    final ManualScheduler time = new ManualScheduler();
    final MemoryNetwork network = MemoryNetwork.builder(time).seed(5).build();
    final HttpCodec codec = HttpWire.codec();
    /** The UE host's shared transport: a UE added without a transport of its own sends and receives here. */
    final Hosts hosts = network.hosts();
    final SimulatedBsf bsf = new SimulatedBsf("bsf.example.org", time::now, seeded(1), Duration.ofDays(1));
    final List<UeOutcome> outcomes = new CopyOnWriteArrayList<>();
    final Bmsc bmsc;
    final UeHost ueHost;
    private final RandomBytes keyMaterial = seeded(2);
    private int ues;

    RolesWorld() {
        this(b -> b);
    }

    RolesWorld(UnaryOperator<Bmsc.Builder> bmscSettings) {
        bmsc = bmscSettings.apply(Bmsc.builder(BMSC).bootstrapping(bsf).transport(network.node(BMSC)).httpCodec(codec)
                .scheduler(time).random(seeded(3)).keyMaterial(n -> SecretBytes.wrap(keyMaterial.next(n).toByteArray()))
                .deterministic()).build();
        ueHost = UeHost.builder().transport(hosts).httpCodec(codec).scheduler(time).deterministic()
                .random(seeded(4)).keyManagementPort(80).listener(outcomes::add).build();
    }

    static String impi(int n) {
        return "00101012345678" + n + "@ims.mnc001.mcc001.3gppnetwork.org";
    }

    /** The Ub client of subscriber {@code n} ({@link #impi}), whom the BSF now knows: for UEs built outside {@link #ue}. */
    UbClient subscriber(int n) {
        bsf.addSubscriber(impi(n), SecretBytes.ofHex(K), SecretBytes.ofHex(OPC), Sqn.of(32), GbaMode.GBA_ME);
        return UbClient.simulated(new GbaClient(new SimulatedUsim(impi(n), SecretBytes.ofHex(K), SecretBytes.ofHex(OPC),
                Sqn.of(0), GbaMode.GBA_ME), time::now), bsf);
    }

    /** A UE known to the BSF, on a node of its own that also receives the multicast groups {@code joins}. */
    Ue ue(String name, String... joins) {
        int n = ++ues;
        String impi = impi(n);
        bsf.addSubscriber(impi, SecretBytes.ofHex(K), SecretBytes.ofHex(OPC), Sqn.of(32), GbaMode.GBA_ME);
        GbaClient gba = new GbaClient(new SimulatedUsim(impi, SecretBytes.ofHex(K), SecretBytes.ofHex(OPC), Sqn.of(0),
                GbaMode.GBA_ME), time::now);
        return ueHost.add(UeProfile.usim(name, UiccId.of("89494400000000000" + (10 + n)), UbClient.simulated(gba, bsf)),
                node(name, joins));
    }

    /** The node {@code name} of the network, member of the multicast groups {@code joins}. */
    Node node(String name, String... joins) {
        Node node = network.node(name);
        for (String group : joins) {
            node.join(group);
        }
        return node;
    }

    /** Puts the node {@code name} on the UE host's shared transport (for a UE added without a transport). */
    Node onSharedTransport(String name) {
        return hosts.add(name);
    }

    /** What the network carried so far, one entry per recipient, oldest first. */
    List<Captured> sent() {
        return network.capture();
    }

    /** The HTTP requests carried so far, decoded from the bytes on the wire. */
    List<HttpRequestMessage> requests() {
        List<HttpRequestMessage> out = new ArrayList<>();
        sent().stream().filter(c -> c.message().kind() == Message.Kind.REQUEST)
                .forEach(c -> out.add(codec.decodeRequest(c.message().bytes())));
        return out;
    }

    /** The announcement of {@code service} protected by the current MSK of {@code group}, session {@code session}. */
    static UserServiceDescription announcement(String service, KeyGroupRef group, String session, ServiceType type) {
        MskRef current = MskRef.of(group.keyDomain(), MskId.current(group.keyGroup()));
        return UserServiceDescription.protectedBy(service, new ServiceProtection(List.of(Fqdn.of(BMSC)), false, false,
                List.of(current), Optional.empty(), Map.of(session, current), type));
    }

    /** Runs what is due, then advances virtual time in small steps until {@code duration} has passed. */
    void run(Duration duration) {
        time.runDue();
        time.advance(duration);
        time.runDue();
    }

    void settle() {
        run(Duration.ofMillis(1));
    }

    <T extends UeOutcome> List<T> outcomes(Class<T> type) {
        List<T> out = new ArrayList<>();
        outcomes.stream().filter(type::isInstance).map(type::cast).forEach(out::add);
        return out;
    }

    /**
     * Defines the streaming service "tv" of Key Group {@link #LIVE} and its session "tv-live" (RTP to 239.1.1.1:5004,
     * SSRC 0x5eed0001, ROC 0, a ROC every 10 packets, {@code authentication}); answers the session's policy.
     */
    StreamingSession defineTvLive(SrtpAuthentication authentication) {
        StreamingSession session = StreamingSession.of(0x5eed0001L, 0, 10, authentication);
        bmsc.defineService("tv", ServiceType.STREAMING, LIVE);
        bmsc.defineStreamingSession("tv-live", LIVE, Endpoint.of("239.1.1.1", 5004), session);
        return session;
    }

    static RandomBytes seeded(long seed) {
        return RandomBytes.seeded(seed);
    }

    /**
     * {@code count} UEs registered to "news" ({@link #NEWS}) whose MUK the BM-SC never learnt: a push to one ends at
     * once, refused for want of a MUK. For tests of how a BM-SC runs many pushes, not of what they deliver.
     */
    static RegistrationStorage registrationsWithoutMuk(int count) {
        RegistrationStorage storage = RegistrationStorage.inMemory();
        for (int i = 0; i < count; i++) {
            storage.insert(new Registration(String.format("user%04d@ims.example.org", i),
                    BTid.of(Bytes.wrap(new byte[16]), "bsf.example.org"), Endpoint.of("ue" + i, 2269),
                    Set.of(ServiceId.of("news")), Optional.empty()));
        }
        return storage;
    }

    /** A BM-SC whose lanes run on their own threads, as outside tests, with {@code registrations}. */
    static Bmsc.Builder onLaneThreads(ManualScheduler time, RegistrationStorage registrations) {
        return Bmsc.builder(BMSC)
                .bootstrapping(new SimulatedBsf("bsf.example.org", time::now, seeded(1), Duration.ofDays(1)))
                .transport(MemoryNetwork.builder(time).seed(5).build().node(BMSC)).httpCodec(HttpWire.codec())
                .scheduler(time).random(seeded(3)).keyMaterial(n -> SecretBytes.wrap(new byte[n]))
                .registrationStorage(registrations);
    }
}
