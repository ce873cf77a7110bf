package org.mbmskeys.adapters.app.admin;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mbmskeys.adapters.http.HttpWire;
import org.mbmskeys.adapters.memory.Captured;
import org.mbmskeys.adapters.memory.MemoryNetwork;
import org.mbmskeys.adapters.memory.Message;
import org.mbmskeys.adapters.memory.Node;
import org.mbmskeys.engine.bytes.SecretBytes;
import org.mbmskeys.engine.spi.Endpoint;
import org.mbmskeys.engine.spi.HttpCodec;
import org.mbmskeys.engine.spi.ManualScheduler;
import org.mbmskeys.engine.spi.RandomBytes;
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
import org.mbmskeys.mbms.ue.Ue;
import org.mbmskeys.mbms.ue.UeHost;
import org.mbmskeys.mbms.ue.UeProfile;
import org.mbmskeys.mbms.ue.announcement.ServiceProtection;
import org.mbmskeys.mbms.ue.announcement.UserServiceDescription;
import org.mbmskeys.mbms.ue.gba.UbClient;
import org.mbmskeys.mbms.ue.keys.UiccId;

/**
 * A real BM-SC with real UEs on the in-memory network (real HTTP/1.1 and MIKEY bytes, a simulated BSF, virtual
 * time, every step on the calling thread), and its {@link AdminServer} on a real loopback socket: what the admin
 * tests drive through the JDK's HTTP client and through {@code mbms-keys admin}.
 *
 * <p>Defined: user service {@code news} (download, Key Group {@link #NEWS}) and {@code tv} (streaming, Key Group
 * {@link #LIVE}), whose streaming session {@code tv-live} sends MTKs to {@value #GROUP}. Time moves only when a
 * test calls {@link #settle()} or {@link #run}.
 */
final class AdminLab implements AutoCloseable {

    static final String BMSC = "bmsc.example.org";
    static final String TOKEN = "s3cret-admin-token-0123456789abcdef";
    static final KeyDomainId DOMAIN = KeyDomainId.parse("001-01");
    static final KeyGroupRef NEWS = KeyGroupRef.of(DOMAIN, KeyGroup.of(0x0101));
    static final KeyGroupRef LIVE = KeyGroupRef.of(DOMAIN, KeyGroup.of(0x0202));
    static final String GROUP = "239.1.1.1";
    private static final String K = "465b5ce8b199b49faa5f0a2ee238a6bc";   // TS 35.208 Test Set 1
    private static final String OPC = "cd63cb71954a9f4e48a5994e37a02baf";

    final ManualScheduler time = new ManualScheduler();
    final MemoryNetwork network = MemoryNetwork.builder(time).seed(5).build();
    final HttpCodec codec = HttpWire.codec();
    final SimulatedBsf bsf = new SimulatedBsf("bsf.example.org", time::now, seeded(1), Duration.ofDays(1));
    final Bmsc bmsc;
    final UeHost ueHost;
    final AdminServer admin;
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final RandomBytes keyMaterial = seeded(2);
    private int ues;

    AdminLab() {
        bmsc = Bmsc.builder(BMSC).bootstrapping(bsf).transport(network.node(BMSC)).httpCodec(codec).scheduler(time)
                .random(seeded(3)).keyMaterial(n -> SecretBytes.wrap(keyMaterial.next(n).toByteArray())).deterministic().build();
        ueHost = UeHost.builder().transport(network.hosts()).httpCodec(codec).scheduler(time).deterministic()
                .random(seeded(4)).keyManagementPort(80).build();
        bmsc.defineService("news", ServiceType.DOWNLOAD, NEWS);
        bmsc.defineService("tv", ServiceType.STREAMING, LIVE);
        bmsc.defineStreamingSession("tv-live", LIVE, Endpoint.of(GROUP, 5004),
                StreamingSession.of(0x5eed0001L, 0, 10, SrtpAuthentication.RCCM1));
        admin = AdminServer.builder(bmsc).token(SecretBytes.wrap(TOKEN.getBytes(StandardCharsets.US_ASCII)))
                .bind(Endpoint.of("127.0.0.1", 0)).open();
    }

    static String impi(int n) {
        return "00101012345678" + n + "@ims.mnc001.mcc001.3gppnetwork.org";
    }

    /** The admin API's base URL. */
    String url() {
        return "http://127.0.0.1:" + admin.localEndpoint().port();
    }

    /**
     * A UE (subscriber {@link #impi}{@code (n)} for the n-th UE made) that uses {@code service}, registered at
     * the BM-SC once this returns; it is a member of the multicast group {@value #GROUP}.
     */
    Ue registered(String name, String service) {
        int n = ++ues;
        String impi = impi(n);
        bsf.addSubscriber(impi, SecretBytes.ofHex(K), SecretBytes.ofHex(OPC), Sqn.of(32), GbaMode.GBA_ME);
        GbaClient gba = new GbaClient(new SimulatedUsim(impi, SecretBytes.ofHex(K), SecretBytes.ofHex(OPC), Sqn.of(0),
                GbaMode.GBA_ME), time::now);
        Node node = network.node(name);
        node.join(GROUP);
        Ue ue = ueHost.add(UeProfile.usim(name, UiccId.of("89494400000000000" + (10 + n)), UbClient.simulated(gba, bsf)), node);
        boolean streaming = service.equals("tv");
        KeyGroupRef group = streaming ? LIVE : NEWS;
        MskRef current = MskRef.of(group.keyDomain(), MskId.current(group.keyGroup()));
        ue.announce(UserServiceDescription.protectedBy(service, new ServiceProtection(List.of(Fqdn.of(BMSC)), false, false,
                List.of(current), Optional.empty(), Map.of(streaming ? "tv-live" : "news-files", current),
                streaming ? ServiceType.STREAMING : ServiceType.DOWNLOAD)));
        ue.powerOn();
        ue.use(service);
        settle();
        return ue;
    }

    /** Delivers what is on its way and runs what is due. */
    void settle() {
        run(Duration.ofMillis(1));
    }

    void run(Duration duration) {
        time.runDue();
        time.advance(duration);
        time.runDue();
    }

    /** MIKEY datagrams the BM-SC sent to the multicast group (one entry per member that got it). */
    long mtkMessagesTo(String member) {
        return network.capture().stream().filter(c -> c.message().kind() == Message.Kind.DATAGRAM
                && c.message().to().host().equals(GROUP) && c.message().recipient().equals(member)).count();
    }

    List<Captured> carried() {
        return network.capture();
    }

    // ------------------------------------------------------------------------------------ the HTTP client

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send(request(path).GET().build());
    }

    HttpResponse<String> post(String path) throws IOException, InterruptedException {
        return send(request(path).POST(HttpRequest.BodyPublishers.noBody()).build());
    }

    HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    /** A request to {@code path} with the right token. */
    HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(url() + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + TOKEN);
    }

    HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    static RandomBytes seeded(long seed) {
        return RandomBytes.seeded(seed);
    }

    @Override
    public void close() {
        admin.close();
        bmsc.close();
        ueHost.close();
    }
}
