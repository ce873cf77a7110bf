package org.mbmskeys.features.wire;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mbmskeys.adapters.http.HttpClientTransport;
import org.mbmskeys.adapters.http.HttpServerTransport;
import org.mbmskeys.adapters.memory.HttpWire;
import org.mbmskeys.adapters.udp.UdpTransport;
import org.mbmskeys.engine.bytes.SecretBytes;
import org.mbmskeys.engine.spi.Endpoint;
import org.mbmskeys.engine.spi.InstanceRecord;
import org.mbmskeys.engine.spi.InstanceRef;
import org.mbmskeys.engine.spi.ProcedureListener;
import org.mbmskeys.engine.spi.Scheduler;
import org.mbmskeys.engine.spi.Transport;
import org.mbmskeys.mbms.bmsc.Bmsc;
import org.mbmskeys.mbms.bmsc.distribution.DeliveryOutcome;
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
import org.mbmskeys.mbms.ue.UeProfile;
import org.mbmskeys.mbms.ue.announcement.ServiceProtection;
import org.mbmskeys.mbms.ue.announcement.UserServiceDescription;
import org.mbmskeys.mbms.ue.gba.UbClient;
import org.mbmskeys.mbms.ue.keys.MskKey;
import org.mbmskeys.mbms.ue.keys.UiccId;
import org.mbmskeys.mbms.ue.procedure.UeOutcome;

/**
 * A BM-SC and a UE running their shipped scripts over real sockets on the loopback interface, on the system
 * clock: registration with Digest over HTTP/1.1 on TCP, the MSK push and its verification message over UDP,
 * MTK messages to a multicast group joined on {@code lo}. The bytes are the ones the in-memory features check;
 * here they cross the operating system. Waits are for the roles' own events, with a time-out.
 */
class RolesOverLoopbackSocketsTest {

    private static final String BMSC = "bmsc.example.org";
    private static final String SERVICE = "urn:3gpp:mbms:news";
    private static final KeyGroupRef NEWS = KeyGroupRef.of(KeyDomainId.parse("001-01"), KeyGroup.of(0x0101));
    private static final String IMPI = "001010123456781@ims.mnc001.mcc001.3gppnetwork.org";
    private static final String K = "465b5ce8b199b49faa5f0a2ee238a6bc";   // TS 35.208 Test Set 1
    private static final String OPC = "cd63cb71954a9f4e48a5994e37a02baf";
    private static final Endpoint RTP = Endpoint.of("239.255.22.69", 5004);
    private static final String UE_ADDRESS = "127.0.0.2";

    private final Scheduler clock = Scheduler.system();
    private final EventLoopGroup loops = new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());
    private final BlockingQueue<UeOutcome> atUe = new LinkedBlockingQueue<>();
    private final BlockingQueue<InstanceRef> bmscEnded = new LinkedBlockingQueue<>();
    private UdpTransport bmscUdp;
    private HttpServerTransport bmscHttp;
    private UdpTransport ueUdp;
    private HttpClientTransport ueHttp;
    private Bmsc bmsc;
    private Ue ue;

    @AfterEach
    void close() {
        if (ue != null) {
            ue.host().close();
        }
        if (bmsc != null) {
            bmsc.close();
        }
        for (AutoCloseable t : new AutoCloseable[] {ueHttp, ueUdp, bmscHttp, bmscUdp}) {
            try {
                if (t != null) {
                    t.close();
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        loops.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly();
    }

    @Test
    void aUeRegistersOverHttpGetsTheMskPushedOverUdpAcknowledgesItAndTakesTheSessionsMtksFromTheGroup()
            throws Exception {
        SimulatedBsf bsf = new SimulatedBsf("bsf.example.org", clock::now, org.mbmskeys.engine.spi.RandomBytes.secure(),
                Duration.ofDays(1));
        bsf.addSubscriber(IMPI, SecretBytes.ofHex(K), SecretBytes.ofHex(OPC), Sqn.of(32), GbaMode.GBA_ME);
        // The UE on a loopback address of its own: the BM-SC sends MIKEY to the address the registration came
        // from, on port 2269 (TS 33.246 §6.3.1), so the UE's HTTP client connects from there too.
        ueUdp = UdpTransport.builder().bind(Endpoint.of(UE_ADDRESS, UdpTransport.MIKEY_PORT)).multicastInterface("lo")
                .eventLoops(loops).open();
        ueUdp.join(Endpoint.of(RTP.host(), UdpTransport.MIKEY_PORT));
        bmscUdp = UdpTransport.builder().bind(Endpoint.of("127.0.0.1", 0)).eventLoops(loops).open();
        bmscHttp = HttpServerTransport.builder().bind(Endpoint.of("127.0.0.1", 0)).eventLoops(loops).open();
        ueHttp = HttpClientTransport.builder().route(BMSC, bmscHttp.localEndpoint()).localAddress(UE_ADDRESS)
                .eventLoops(loops).open();

        bmsc = Bmsc.builder(BMSC).bootstrapping(bsf).transport(Transport.combining(bmscUdp, bmscHttp))
                .httpCodec(HttpWire.codec()).scheduler(clock)
                .listener(new ProcedureListener() {
                    @Override
                    public void ended(InstanceRef instance, InstanceRecord last) {
                        bmscEnded.add(instance);
                    }
                })
                .build();
        bmsc.defineService(SERVICE, ServiceType.STREAMING, NEWS);
        bmsc.defineStreamingSession("news-live", NEWS, RTP, StreamingSession.of(0x5eed5eedL, 0, 10, SrtpAuthentication.RCCM1));
        MskRef msk = bmsc.rotate(NEWS);

        GbaClient gba = new GbaClient(new SimulatedUsim(IMPI, SecretBytes.ofHex(K), SecretBytes.ofHex(OPC), Sqn.of(0),
                GbaMode.GBA_ME), clock::now);
        ue = Ue.builder(UeProfile.usim("alice", UiccId.of("8949440000000000001"), UbClient.simulated(gba, bsf)))
                .transport(Transport.combining(ueUdp, ueHttp)).httpCodec(HttpWire.codec()).scheduler(clock)
                .keyManagementPort(80).listener(atUe::add).build();
        MskRef current = MskRef.of(NEWS.keyDomain(), MskId.current(NEWS.keyGroup()));
        ue.announce(UserServiceDescription.protectedBy(SERVICE, new ServiceProtection(List.of(Fqdn.of(BMSC)), false, false,
                List.of(current), Optional.empty(), Map.of("news-live", current), ServiceType.STREAMING)));
        ue.powerOn();
        ue.use(SERVICE);

        await(atUe, UeOutcome.ServiceRegistered.class::isInstance);
        UeOutcome pushed = await(atUe, o -> o instanceof UeOutcome.MskReceived r && r.msk().equals(msk));
        await(bmscEnded, i -> i.procedure().equals("bmsc.msk-push"));

        assertThat(((UeOutcome.MskReceived) pushed).verificationSent()).isTrue();
        assertThat(ue.msks(SERVICE)).extracting(MskKey::ref).containsExactly(msk);
        assertThat(bmsc.registration(IMPI)).hasValueSatisfying(r -> assertThat(r.source().host()).isEqualTo(UE_ADDRESS));
        assertThat(bmsc.deliveries(IMPI)).singleElement()
                .satisfies(r -> assertThat(r.outcome()).isEqualTo(DeliveryOutcome.DELIVERED));

        bmsc.startMtkDelivery("news-live");
        await(atUe, o -> o instanceof UeOutcome.MtkReceived m && m.msk().equals(msk));

        assertThat(ue.currentMtk(SERVICE, "news-live")).isPresent();
        assertThat(bmscHttp.counters().refused()).isEmpty();
        assertThat(bmscHttp.counters().requests()).isGreaterThanOrEqualTo(2);   // the challenge, then the credentials
        assertThat(ueHttp.counters().connections()).isEqualTo(1);             // one kept connection
        assertThat(bmscUdp.counters().droppedTotal()).isZero();
        assertThat(ueUdp.counters().droppedTotal()).isZero();
        assertThat(ueUdp.counters().received()).isGreaterThanOrEqualTo(2);   // the push, an MTK message
    }

    private static <T> T await(BlockingQueue<T> events, Predicate<? super T> wanted) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        List<T> passed = new java.util.ArrayList<>();
        while (true) {
            T e = events.poll(end - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (e == null) {
                throw new TimeoutException("not within 10 s; the events meanwhile: " + passed);
            }
            passed.add(e);
            if (wanted.test(e)) {
                return e;
            }
        }
    }
}
