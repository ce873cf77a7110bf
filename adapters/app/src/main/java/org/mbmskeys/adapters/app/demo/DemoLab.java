package org.mbmskeys.adapters.app.demo;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.mbmskeys.adapters.app.node.BmscServer;
import org.mbmskeys.adapters.app.node.UeStation;
import org.mbmskeys.adapters.app.node.Wiretap;
import org.mbmskeys.adapters.jdbc.Database;
import org.mbmskeys.adapters.jdbc.JdbcKeyRegistryStorage;
import org.mbmskeys.adapters.jdbc.JdbcNonceCounts;
import org.mbmskeys.adapters.jdbc.JdbcRegistrationStorage;
import org.mbmskeys.adapters.jdbc.JdbcUeKeyStorage;
import org.mbmskeys.adapters.jdbc.KeyEncryptionKey;
import org.mbmskeys.adapters.udp.UdpTransport;
import org.mbmskeys.engine.bytes.SecretBytes;
import org.mbmskeys.engine.spi.Endpoint;
import org.mbmskeys.engine.spi.InstanceRecord;
import org.mbmskeys.engine.spi.InstanceRef;
import org.mbmskeys.engine.spi.ProcedureListener;
import org.mbmskeys.engine.spi.RandomBytes;
import org.mbmskeys.engine.spi.Scheduler;
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
import org.mbmskeys.mbms.ue.UeProfile;
import org.mbmskeys.mbms.ue.announcement.ServiceProtection;
import org.mbmskeys.mbms.ue.announcement.UserServiceDescription;
import org.mbmskeys.mbms.ue.gba.UbClient;
import org.mbmskeys.mbms.ue.keys.UeKeyStore;
import org.mbmskeys.mbms.ue.keys.UiccId;
import org.mbmskeys.mbms.ue.procedure.UeOutcome;

/**
 * What the demo runs on: one BM-SC and a few UEs in this process, on loopback sockets (MIKEY over UDP with
 * multicast MTK delivery on {@code lo}, key management over HTTP, every port chosen by the system), a
 * simulated BSF with MILENAGE subscribers, the system clock, a wiretap on every socket, and the BM-SC's and the
 * UEs' state in H2 files in a temporary folder.
 */
final class DemoLab implements AutoCloseable {

    static final String BMSC = "bmsc.example.org";
    static final String SERVICE = "urn:3gpp:mbms:news";
    static final String SESSION = "news-live";
    static final KeyGroupRef NEWS = KeyGroupRef.of(KeyDomainId.parse("001-01"), KeyGroup.of(0x0101));
    static final Endpoint RTP = Endpoint.of("239.255.22.69", 5004);
    /** MTK messages of the session go to its group on the MIKEY port. */
    static final Endpoint MTK_GROUP = Endpoint.of(RTP.host(), 2269);
    private static final String K = "465b5ce8b199b49faa5f0a2ee238a6bc";   // TS 35.208 Test Set 1
    private static final String OPC = "cd63cb71954a9f4e48a5994e37a02baf";

    final Scheduler clock = Scheduler.system();
    final EventLoopGroup loops = new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());
    final Wiretap tap = new Wiretap(clock::now);
    final SimulatedBsf bsf = new SimulatedBsf("bsf.example.org", clock::now, RandomBytes.secure(), Duration.ofHours(1));
    final EventLog<UeOutcome> atUes = new EventLog<>(clock::now);
    final EventLog<String> bmscEnded = new EventLog<>(clock::now);
    final List<String> bmscFailures = new java.util.concurrent.CopyOnWriteArrayList<>();
    /** The BM-SC's SRTP sender as the demo plays it: the master keys it was handed (§6.6.1), wiped at the end. */
    final List<SrtpMasterKey> srtpSender = new java.util.concurrent.CopyOnWriteArrayList<>();
    final BmscServer bmsc;
    final Map<String, UeStation> ues = new LinkedHashMap<>();
    final Map<String, String> impis = new LinkedHashMap<>();
    private final List<AutoCloseable> opened = new ArrayList<>();

    /** The demo's databases: H2 files in a temporary folder, deleted at the end; keys wrapped under a random KEK. */
    final Path stateFolder;
    private final Database bmscState;
    private final Database ueState;
    private final KeyEncryptionKey kek;

    DemoLab() {
        try {
            stateFolder = Files.createTempDirectory("mbms-keys-demo-state");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make a temporary folder for the demo's databases", e);
        }
        byte[] key = new byte[32];
        SecureRandom random = new SecureRandom();
        random.nextBytes(key);
        kek = new KeyEncryptionKey(SecretBytes.wrap(key), random);
        bmscState = Database.h2File(stateFolder.resolve("bmsc"));
        ueState = Database.h2File(stateFolder.resolve("ue"));
        bmsc = openBmsc(UdpTransport.MIKEY_PORT);

        opened.add(bmsc);
        tap.name(MTK_GROUP, SESSION + " group");
        Bmsc b = bmsc.bmsc();
        b.defineService(SERVICE, ServiceType.STREAMING, NEWS);
        b.defineStreamingSession(SESSION, NEWS, RTP, StreamingSession.of(0x5eed5eedL, 0, 10, SrtpAuthentication.RCCM1));
    }

    /**
     * The BM-SC, its MIKEY on port 2269 if that is free (Wireshark then names the datagrams MIKEY by itself),
     * else on a port the system picks; its HTTP always on a free port.
     */
    private BmscServer openBmsc(int mikeyPort) {
        try {
            return BmscServer.builder(BMSC, loops).mikey(Endpoint.of("127.0.0.1", mikeyPort))
                    .keyManagement(Endpoint.of("127.0.0.1", 0)).multicastInterface("lo").wiretap(tap)
                    .bmsc(b -> b.bootstrapping(bsf).scheduler(clock).listener(new BmscWatch())
                            .trafficProtection((session, key) -> srtpSender.add(key))
                            .registrationStorage(new JdbcRegistrationStorage(bmscState))
                            .keyStorage(new JdbcKeyRegistryStorage(bmscState, kek))
                            .nonceCounts(new JdbcNonceCounts(bmscState)))
                    .open();
        } catch (IllegalStateException e) {
            if (mikeyPort == 0) {
                throw e;
            }
            return openBmsc(0);
        }
    }

    /** Adds UE number {@code n}: a BSF subscriber with a USIM, on 127.0.0.1 with a MIKEY port of its own. */
    UeStation addUe(String name, int n) {
        String impi = "00101012345678" + n + "@ims.mnc001.mcc001.3gppnetwork.org";
        SecretBytes k = SecretBytes.ofHex(K.substring(0, 30) + String.format("%02x", n));
        bsf.addSubscriber(impi, k, SecretBytes.ofHex(OPC), Sqn.of(32), GbaMode.GBA_ME);
        GbaClient gba = new GbaClient(new SimulatedUsim(impi, k, SecretBytes.ofHex(OPC), Sqn.of(0), GbaMode.GBA_ME), clock::now);
        UeProfile profile = UeProfile.usim(name, uicc(n, 0), UbClient.simulated(gba, bsf));
        UeStation station = UeStation.open(profile, loops, "127.0.0.1", 0, "lo", BMSC, bmsc.http().localEndpoint(), tap,
                b -> b.scheduler(clock).listener(atUes::add)
                        .keyStores(ue -> new UeKeyStore(new JdbcUeKeyStorage(ueState, kek, ue))));
        opened.add(0, station);
        ues.put(name, station);
        impis.put(name, impi);
        Ue ue = station.ue();
        MskRef current = MskRef.of(NEWS.keyDomain(), MskId.current(NEWS.keyGroup()));
        ue.announce(UserServiceDescription.protectedBy(SERVICE, new ServiceProtection(List.of(Fqdn.of(BMSC)), false, false,
                List.of(current), Optional.empty(), Map.of(SESSION, current), ServiceType.STREAMING)));
        return station;
    }

    /** The ICCID of UE {@code n}'s card number {@code card} (0: the first). */
    static UiccId uicc(int n, int card) {
        return UiccId.of("8949440000000" + card + "0000" + n);
    }

    Ue ue(String name) {
        return ues.get(name).ue();
    }

    /** How many GBA runs {@code name}'s subscriber made with the BSF. */
    int gbaRuns(String name) {
        return bsf.bootstrappings(impis.get(name)).size();
    }

    @Override
    public void close() throws Exception {
        for (AutoCloseable c : opened) {
            c.close();
        }
        srtpSender.forEach(SrtpMasterKey::destroy);
        loops.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly();
        bmscState.close();
        ueState.close();
        try (Stream<Path> files = Files.walk(stateFolder)) {
            for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(f);
            }
        }
    }

    /** The BM-SC's ends of procedures (to wait for pushes to be acknowledged) and its failures (bugs). */
    private final class BmscWatch implements ProcedureListener {
        @Override
        public void ended(InstanceRef instance, InstanceRecord last) {
            bmscEnded.add(instance.procedure() + " " + instance.key() + " in " + last.state());
        }

        @Override
        public void failed(InstanceRef instance, String state, Throwable cause) {
            bmscFailures.add(instance + " in " + state + ": " + cause);
        }

        @Override
        public void effectFailed(InstanceRef instance, String effect, Throwable cause) {
            bmscFailures.add(instance + " effect " + effect + ": " + cause);
        }
    }
}
