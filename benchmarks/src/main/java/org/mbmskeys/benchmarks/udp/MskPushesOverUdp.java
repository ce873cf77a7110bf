package org.mbmskeys.benchmarks.udp;

import com.sun.management.OperatingSystemMXBean;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.ToDoubleFunction;
import org.mbmskeys.adapters.http.HttpClientTransport;
import org.mbmskeys.adapters.http.HttpServerTransport;
import org.mbmskeys.adapters.http.HttpWire;
import org.mbmskeys.adapters.udp.UdpTransport;
import org.mbmskeys.benchmarks.PushAckCrypto;
import org.mbmskeys.engine.bytes.SecretBytes;
import org.mbmskeys.engine.spi.Endpoint;
import org.mbmskeys.engine.spi.InstanceRef;
import org.mbmskeys.engine.spi.ProcedureListener;
import org.mbmskeys.engine.spi.RandomBytes;
import org.mbmskeys.engine.spi.Scheduler;
import org.mbmskeys.engine.spi.Transport;
import org.mbmskeys.mbms.bmsc.Bmsc;
import org.mbmskeys.mbms.bmsc.distribution.DeliveryOutcome;
import org.mbmskeys.mbms.bmsc.distribution.DeliveryRecord;
import org.mbmskeys.mbms.bmsc.services.KeyGroupRef;
import org.mbmskeys.mbms.gba.BTid;
import org.mbmskeys.mbms.gba.Fqdn;
import org.mbmskeys.mbms.gba.GbaMode;
import org.mbmskeys.mbms.gba.MukMrk;
import org.mbmskeys.mbms.gba.NafId;
import org.mbmskeys.mbms.gba.NafKeyLookup;
import org.mbmskeys.mbms.gba.NafKeyMaterial;
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
import org.mbmskeys.mbms.ue.UeHost;
import org.mbmskeys.mbms.ue.UeProfile;
import org.mbmskeys.mbms.ue.announcement.ServiceProtection;
import org.mbmskeys.mbms.ue.announcement.UserServiceDescription;
import org.mbmskeys.mbms.ue.gba.UbClient;
import org.mbmskeys.mbms.ue.keys.UiccId;

/**
 * MSK pushes with ACK over loopback UDP (issue 9 §4): a BM-SC on real sockets pushes a new MSK to N registered
 * UEs, each on a UDP port of its own, until every push is acknowledged; against the crypto of the same messages,
 * side by side in one JVM, round after round.
 *
 * <p><b>Set-up</b> (not measured): a {@link Bmsc} (shipped scripts, native backend, the system scheduler) on a
 * {@link UdpTransport} and an {@link HttpServerTransport} on 127.0.0.1, a simulated BSF. N real UEs (one {@link
 * UeHost}, shipped scripts) bootstrap with the BSF and register over real HTTP with Digest (one shared {@link
 * HttpClientTransport}, keep-alive), each stating the port of its own UDP socket ({@code mikeyport}); each gets
 * and acknowledges the group's first MSK over UDP. Registrations go in batches of {@code push.batch} (default
 * 500), each awaited, so that the connection pool stays small. Then each UE's socket switches to {@link
 * SocketUe}'s bare answering under the UE's MUK (from the BSF, as the BM-SC derived it).
 *
 * <p><b>Sockets</b> ({@code udp}): {@code bmsc.rotate(group)} and waiting until the BM-SC has reported a {@code
 * DELIVERED} delivery record for the new MSK for every UE (anything else fails the run). Per UE: the BM-SC's
 * {@code bmsc.msk-push} (counter, CSB ID, seal under the MUK), a datagram out, the UE's bare open and ACK, a
 * datagram back, the BM-SC's check of the verification message and the record. The BM-SC's event loop, the
 * UEs' event loops and the engine lane share the machine's cores, so the figure that compares is the CPU time
 * of the whole process; the wall time is what a rotation takes.
 *
 * <p><b>Crypto only</b> ({@code crypto}): the same messages with the protection API on the main thread, each
 * step for all N UEs before the next ({@link PushAckCrypto#phased}, the baseline of {@code rekey.RekeyThroughput}
 * too): seal, read + open + ACK, read + verify.
 *
 * <pre>
 * java -Xmx2g -cp benchmarks/target/benchmarks.jar org.mbmskeys.benchmarks.udp.MskPushesOverUdp 10000 7
 * java -cp benchmarks/target/benchmarks.jar org.mbmskeys.benchmarks.udp.MskPushesOverUdp 20 3     (tiny-N check)
 * </pre>
 * Arguments: N (UEs, default 10,000), rounds (default 7; the medians are of the rounds after the first two).
 * System properties: {@code push.window} (the BM-SC's re-key window, default unlimited), {@code push.batch}
 * (registrations in flight during the set-up), {@code push.loops} (event-loop threads of the UEs' sockets,
 * default 1; the BM-SC has one of its own).
 */
public final class MskPushesOverUdp {

    private static final String K = "465b5ce8b199b49faa5f0a2ee238a6bc";   // TS 35.208 Test Set 1
    private static final String OPC = "cd63cb71954a9f4e48a5994e37a02baf";
    public static final String BMSC = "bmsc.example.org";
    private static final String SERVICE = "urn:example:mbms:news";
    public static final KeyGroupRef GROUP = KeyGroupRef.of(KeyDomainId.parse("001-01"), KeyGroup.of(0x0101));
    private static final OperatingSystemMXBean PROCESS = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private static final int WINDOW = Integer.getInteger("push.window", Integer.MAX_VALUE);
    private static final int BATCH = Integer.getInteger("push.batch", 500);
    private static final int UE_LOOPS = Integer.getInteger("push.loops", 1);

    private MskPushesOverUdp() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0].replace("_", "")) : 10_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 7;
        System.out.printf(Locale.ROOT, "JVM %s %s, %d processors, max heap %,d MiB, load average %.2f; N = %,d UEs, %d rounds,"
                        + " re-key window %s%n", System.getProperty("java.vm.name"), System.getProperty("java.runtime.version"),
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20,
                PROCESS.getSystemLoadAverage(), n, rounds, WINDOW == Integer.MAX_VALUE ? "unlimited" : String.valueOf(WINDOW));
        try (Lab lab = new Lab(n)) {
            PushAckCrypto crypto = new PushAckCrypto(BMSC, lab.bTids);
            List<Measure[]> measured = new ArrayList<>();
            for (int r = 1; r <= rounds; r++) {
                Measure c = Measure.of(crypto::phased);
                Measure u = Measure.of(lab::rekey);
                measured.add(new Measure[] {c, u});
                System.out.printf(Locale.ROOT, "round %d: crypto %s | udp %s | udp/crypto throughput: process CPU %.2f, wall %.2f"
                        + " | load %.2f%n", r, c.describe(n), u.describe(n), c.processNanos / (double) u.processNanos,
                        c.wallNanos / (double) u.wallNanos, PROCESS.getSystemLoadAverage());
            }
            System.out.println(medians(measured, n));
            System.out.printf(Locale.ROOT, "BM-SC UDP socket: %s%n", lab.bmscUdp.counters());
        }
    }

    static String medians(List<Measure[]> rounds, int n) {
        List<Measure[]> kept = rounds.size() > 2 ? rounds.subList(2, rounds.size()) : rounds;
        int from = rounds.size() - kept.size() + 1;
        return String.format(Locale.ROOT, "medians of rounds %d to %d: crypto %,.0f pushes/s process CPU (%.2f µs/UE), %,.0f"
                        + " wall; udp %,.0f pushes/s process CPU (%.2f µs/UE), %,.0f wall (%.2f µs/UE), GC pauses %.2f µs/UE;"
                        + " udp/crypto throughput: process CPU %.2f, wall %.2f", from, rounds.size(),
                median(kept, m -> n / (m[0].processNanos / 1e9)), median(kept, m -> m[0].processNanos / 1e3 / n),
                median(kept, m -> n / (m[0].wallNanos / 1e9)),
                median(kept, m -> n / (m[1].processNanos / 1e9)), median(kept, m -> m[1].processNanos / 1e3 / n),
                median(kept, m -> n / (m[1].wallNanos / 1e9)), median(kept, m -> m[1].wallNanos / 1e3 / n),
                median(kept, m -> m[1].gcMillis * 1e3 / n),
                median(kept, m -> m[0].processNanos / (double) m[1].processNanos),
                median(kept, m -> m[0].wallNanos / (double) m[1].wallNanos));
    }

    static double median(List<Measure[]> rounds, ToDoubleFunction<Measure[]> value) {
        double[] v = rounds.stream().mapToDouble(value).sorted().toArray();
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    /** Wall time, CPU time of the whole process (all threads: event loops, engine lane, GC, JIT) and GC time. */
    record Measure(long wallNanos, long processNanos, long gcMillis) {
        static Measure of(Runnable run) {
            long g0 = collectorsMillis();
            long p0 = PROCESS.getProcessCpuTime();
            long w0 = System.nanoTime();
            run.run();
            long w1 = System.nanoTime();
            long p1 = PROCESS.getProcessCpuTime();
            return new Measure(w1 - w0, p1 - p0, collectorsMillis() - g0);
        }

        private static long collectorsMillis() {
            long sum = 0;
            for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
                sum += Math.max(0, gc.getCollectionTime());
            }
            return sum;
        }

        String describe(int n) {
            return String.format(Locale.ROOT, "%,.0f/s process CPU (%.2f µs/UE), %,.0f/s wall (%.2f µs/UE), GC %.2f µs/UE",
                    n / (processNanos / 1e9), processNanos / 1e3 / n, n / (wallNanos / 1e9), wallNanos / 1e3 / n,
                    gcMillis * 1e3 / n);
        }
    }

    /**
     * The BM-SC and N UEs on loopback sockets. Public for {@code http.MskRequestsOverHttp}, which measures MSK
     * requests against the same set-up. Threads: {@code bmsc-loop-*} (the BM-SC's event loop), {@code ue-loop-*}.
     */
    public static final class Lab implements AutoCloseable {
        final Scheduler clock = Scheduler.system();
        public final EventLoopGroup bmscLoops = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("bmsc-loop"),
                NioIoHandler.newFactory());
        public final EventLoopGroup ueLoops = new MultiThreadIoEventLoopGroup(UE_LOOPS, new DefaultThreadFactory("ue-loop"),
                NioIoHandler.newFactory());
        public final SimulatedBsf bsf = new SimulatedBsf("bsf.example.org", clock::now, RandomBytes.secure(), Duration.ofDays(1));
        final Semaphore delivered = new Semaphore(0);
        final LongAdder otherOutcomes = new LongAdder();
        final AtomicReference<String> firstOther = new AtomicReference<>();
        /** The MSK before the current rotation: its records are stale (set before rotating, so no record races it). */
        final AtomicReference<MskRef> previous = new AtomicReference<>();
        public final UdpTransport bmscUdp;
        public final HttpServerTransport bmscHttp;
        final HttpClientTransport ueHttp;
        public final Bmsc bmsc;
        final UeHost ueHost;
        final SocketUe[] ues;
        public final String[] bTids;
        public final int n;

        public Lab(int n) throws InterruptedException {
            this.n = n;
            bmscUdp = UdpTransport.builder().bind(Endpoint.of("127.0.0.1", 0)).eventLoops(bmscLoops).open();
            bmscHttp = HttpServerTransport.builder().bind(Endpoint.of("127.0.0.1", 0)).eventLoops(bmscLoops).open();
            bmsc = Bmsc.builder(BMSC).bootstrapping(bsf).transport(Transport.combining(bmscUdp, bmscHttp))
                    .httpCodec(HttpWire.codec()).scheduler(clock).listener(new Deliveries()).build();
            ueHttp = HttpClientTransport.builder().route(BMSC, bmscHttp.localEndpoint()).localAddress("127.0.0.1")
                    .eventLoops(ueLoops).open();
            ueHost = UeHost.builder().transport(ueHttp).httpCodec(HttpWire.codec()).scheduler(clock).keyManagementPort(80)
                    .build();
            bmsc.defineService(SERVICE, ServiceType.DOWNLOAD, GROUP);
            bmsc.rotate(GROUP);
            MskRef current = MskRef.of(GROUP.keyDomain(), MskId.current(GROUP.keyGroup()));
            UserServiceDescription description = UserServiceDescription.protectedBy(SERVICE, new ServiceProtection(
                    List.of(Fqdn.of(BMSC)), false, false, List.of(current), Optional.empty(), Map.of(), ServiceType.DOWNLOAD));
            ues = new SocketUe[n];
            bTids = new String[n];
            String[] impis = new String[n];
            long t0 = System.nanoTime();
            for (int from = 0; from < n; from += BATCH) {
                int to = Math.min(n, from + BATCH);
                for (int i = from; i < to; i++) {
                    String impi = String.format(Locale.ROOT, "0010100%08d@ims.mnc001.mcc001.3gppnetwork.org", i);
                    impis[i] = impi;
                    bsf.addSubscriber(impi, SecretBytes.ofHex(K), SecretBytes.ofHex(OPC), Sqn.of(32), GbaMode.GBA_ME);
                    GbaClient gba = new GbaClient(new SimulatedUsim(impi, SecretBytes.ofHex(K), SecretBytes.ofHex(OPC),
                            Sqn.of(0), GbaMode.GBA_ME), clock::now);
                    ues[i] = new SocketUe(UdpTransport.builder().bind(Endpoint.of("127.0.0.1", 0)).eventLoops(ueLoops)
                            .receiveBufferBytes(64 * 1024).open());
                    Ue ue = ueHost.add(UeProfile.usim("ue-" + i, UiccId.of(String.format(Locale.ROOT, "8949440%012d", i)),
                            UbClient.simulated(gba, bsf)), Transport.combining(ues[i], ueHttp), ues[i].port());
                    ue.announce(description);
                    ue.powerOn();
                    ue.use(SERVICE);
                }
                await(to - from, "set-up, UEs " + from + " to " + (to - 1));
            }
            NafId nafId = NafId.forMbms(BMSC);
            for (int i = 0; i < n; i++) {
                BTid bTid = bmsc.registration(impis[i]).orElseThrow().bTid();
                bTids[i] = bTid.toString();
                NafKeyMaterial keys = ((NafKeyLookup.Found) bsf.lookUp(bTid, nafId)).keys();
                MukMrk mukMrk = keys.mukMrk();
                ues[i].answerBare(mukMrk.muk().copy());
                mukMrk.destroy();
                keys.destroy();
            }
            bmsc.rekeyWindow(WINDOW);
            System.out.printf(Locale.ROOT, "set-up: %,d UEs bootstrapped, registered over HTTP with Digest and given the first"
                    + " MSK over UDP in %.1f s (%s)%n", n, (System.nanoTime() - t0) / 1e9, ueHttp.counters());
        }

        /** The measured part: a rotation, until every UE acknowledged the new MSK. */
        void rekey() {
            otherOutcomes.reset();
            previous.set(bmsc.currentMsk(GROUP).orElseThrow());
            bmsc.rotate(GROUP);
            try {
                await(n, "re-key");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        /** The UDP port of UE {@code i}'s socket (the {@code mikeyport} it registered with). */
        public int uePort(int i) {
            return ues[i].port();
        }

        /**
         * Waits (120 s at most) until {@code count} more {@code DELIVERED} records came in; fails at the first
         * delivery record of another outcome.
         */
        public void await(int count, String what) throws InterruptedException {
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            boolean all = false;
            while (!all && otherOutcomes.sum() == 0 && System.nanoTime() < end) {
                all = delivered.tryAcquire(count, 1, TimeUnit.SECONDS);   // slices, to stop at the first other outcome
            }
            if (!all || otherOutcomes.sum() != 0) {
                throw new IllegalStateException(what + ": not every push DELIVERED within 120 s (" + delivered.availablePermits()
                        + " delivered, " + otherOutcomes.sum() + " other outcomes, the first: " + firstOther.get() + ")");
            }
        }

        @Override
        public void close() {
            ueHost.close();
            ueHttp.close();
            for (SocketUe ue : ues) {
                if (ue != null) {
                    ue.close();
                }
            }
            bmsc.close();
            bmscHttp.close();
            bmscUdp.close();
            ueLoops.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly();
            bmscLoops.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly();
        }

        /** Counts the BM-SC's delivery records of the MSK of the current rotation (any but the previous one). */
        private final class Deliveries implements ProcedureListener {
            @Override
            public void outcome(InstanceRef instance, Object outcome) {
                if (outcome instanceof DeliveryRecord d && d.outcome() == DeliveryOutcome.DELIVERED
                        && !d.msk().equals(previous.get())) {
                    delivered.release();
                } else if (outcome instanceof DeliveryRecord d) {
                    firstOther.compareAndSet(null, d.outcome() + " of " + d.msk());
                    otherOutcomes.increment();
                }
            }
        }
    }
}
