package org.mbmskeys.features.wire;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.mbmskeys.adapters.http.HttpClientTransport;
import org.mbmskeys.adapters.http.HttpServerTransport;
import org.mbmskeys.adapters.http.HttpWire;
import org.mbmskeys.adapters.udp.UdpTransport;
import org.mbmskeys.engine.bytes.SecretBytes;
import org.mbmskeys.engine.spi.Endpoint;
import org.mbmskeys.engine.spi.Envelope;
import org.mbmskeys.engine.spi.InstanceRecord;
import org.mbmskeys.engine.spi.InstanceRef;
import org.mbmskeys.engine.spi.ProcedureListener;
import org.mbmskeys.engine.spi.RandomBytes;
import org.mbmskeys.engine.spi.Scheduler;
import org.mbmskeys.engine.spi.Transport;
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
import org.mbmskeys.mbms.ue.Ue;
import org.mbmskeys.mbms.ue.UeProfile;
import org.mbmskeys.mbms.ue.announcement.ServiceProtection;
import org.mbmskeys.mbms.ue.announcement.UserServiceDescription;
import org.mbmskeys.mbms.ue.gba.UbClient;
import org.mbmskeys.mbms.ue.keys.UiccId;
import org.mbmskeys.mbms.ue.procedure.UeOutcome;

/**
 * A BM-SC on loopback sockets (MIKEY on UDP, key management on HTTP, a simulated BSF, the system clock) and the
 * UEs a test adds, each with its own UDP socket and HTTP client. Everything it opened closes with it.
 */
final class LoopbackLab implements AutoCloseable {

    static final String BMSC = "bmsc.example.org";
    static final String SERVICE = "urn:3gpp:mbms:news";
    static final KeyGroupRef NEWS = KeyGroupRef.of(KeyDomainId.parse("001-01"), KeyGroup.of(0x0101));
    private static final String K = "465b5ce8b199b49faa5f0a2ee238a6bc";   // TS 35.208 Test Set 1
    private static final String OPC = "cd63cb71954a9f4e48a5994e37a02baf";

    final Scheduler clock = Scheduler.system();
    final EventLoopGroup loops = new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());
    final SimulatedBsf bsf = new SimulatedBsf("bsf.example.org", clock::now, RandomBytes.secure(), Duration.ofDays(1));
    final BlockingQueue<UeOutcome> atUes = new LinkedBlockingQueue<>();
    final BlockingQueue<InstanceRef> bmscEnded = new LinkedBlockingQueue<>();
    /** Procedures of the BM-SC that failed (a bug, never bad input), and envelopes no rule took. */
    final List<String> bmscFailures = new java.util.concurrent.CopyOnWriteArrayList<>();
    final java.util.concurrent.atomic.AtomicLong bmscUnrouted = new java.util.concurrent.atomic.AtomicLong();
    final UdpTransport bmscUdp;
    final HttpServerTransport bmscHttp;
    final Bmsc bmsc;
    private final List<AutoCloseable> opened = new ArrayList<>();

    LoopbackLab(Consumer<Bmsc.Builder> options) {
        bmscUdp = open(UdpTransport.builder().bind(Endpoint.of("127.0.0.1", 0)).eventLoops(loops).open());
        bmscHttp = open(HttpServerTransport.builder().bind(Endpoint.of("127.0.0.1", 0)).eventLoops(loops).open());
        Bmsc.Builder builder = Bmsc.builder(BMSC).bootstrapping(bsf).transport(Transport.combining(bmscUdp, bmscHttp))
                .httpCodec(HttpWire.codec()).scheduler(clock)
                .listener(new ProcedureListener() {
                    @Override
                    public void ended(InstanceRef instance, InstanceRecord last) {
                        bmscEnded.add(instance);
                    }

                    @Override
                    public void failed(InstanceRef instance, String state, Throwable cause) {
                        bmscFailures.add(instance + " in " + state + ": " + cause);
                    }

                    @Override
                    public void effectFailed(InstanceRef instance, String effect, Throwable cause) {
                        bmscFailures.add(instance + " effect " + effect + ": " + cause);
                    }

                    @Override
                    public void unrouted(Envelope envelope, String detail) {
                        bmscUnrouted.incrementAndGet();
                    }
                });
        options.accept(builder);
        bmsc = builder.build();
        opened.add(0, bmsc);
    }

    /** The UDP socket of a UE at {@code address}, port {@code port} (0: any), multicast on {@code lo}. */
    UdpTransport ueSocket(String address, int port) {
        return open(UdpTransport.builder().bind(Endpoint.of(address, port)).multicastInterface("lo").eventLoops(loops).open());
    }

    /**
     * UE number {@code n} (a subscriber of the BSF), its MIKEY on {@code udp}, its HTTP from {@code address},
     * announced the service, powered on and using it.
     */
    Ue ue(String name, int n, UdpTransport udp, String address, Consumer<Ue.Builder> options) {
        String impi = impi(n);
        bsf.addSubscriber(impi, SecretBytes.ofHex(K), SecretBytes.ofHex(OPC), Sqn.of(32), GbaMode.GBA_ME);
        HttpClientTransport http = open(HttpClientTransport.builder().route(BMSC, bmscHttp.localEndpoint())
                .localAddress(address).eventLoops(loops).open());
        GbaClient gba = new GbaClient(new SimulatedUsim(impi, SecretBytes.ofHex(K), SecretBytes.ofHex(OPC), Sqn.of(0),
                GbaMode.GBA_ME), clock::now);
        Ue.Builder builder = Ue.builder(UeProfile.usim(name, UiccId.of("894944000000000000" + n), UbClient.simulated(gba, bsf)))
                .transport(Transport.combining(udp, http)).httpCodec(HttpWire.codec()).scheduler(clock)
                .keyManagementPort(80).listener(atUes::add);
        options.accept(builder);
        Ue ue = builder.build();
        opened.add(0, ue.host());
        MskRef current = MskRef.of(NEWS.keyDomain(), MskId.current(NEWS.keyGroup()));
        ue.announce(UserServiceDescription.protectedBy(SERVICE, new ServiceProtection(List.of(Fqdn.of(BMSC)), false, false,
                List.of(current), Optional.empty(), Map.of("news-live", current), ServiceType.STREAMING)));
        ue.powerOn();
        ue.use(SERVICE);
        return ue;
    }

    static String impi(int n) {
        return "00101012345678" + n + "@ims.mnc001.mcc001.3gppnetwork.org";
    }

    /** The first event {@code wanted} takes, within ten seconds; the others before it are passed over. */
    static <T> T await(BlockingQueue<T> events, Predicate<? super T> wanted) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        List<T> passed = new ArrayList<>();
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

    private <T extends AutoCloseable> T open(T t) {
        opened.add(0, t);
        return t;
    }

    @Override
    public void close() throws Exception {
        for (AutoCloseable c : opened) {
            c.close();
        }
        loops.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly();
    }
}
