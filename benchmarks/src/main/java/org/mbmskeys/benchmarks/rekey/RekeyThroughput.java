package org.mbmskeys.benchmarks.rekey;

import com.sun.management.OperatingSystemMXBean;
import com.sun.management.ThreadMXBean;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import org.mbmskeys.adapters.http.HttpWire;
import org.mbmskeys.adapters.memory.Hosts;
import org.mbmskeys.adapters.memory.MemoryNetwork;
import org.mbmskeys.benchmarks.PushAckCrypto;
import org.mbmskeys.engine.bytes.SecretBytes;
import org.mbmskeys.engine.spi.InstanceRef;
import org.mbmskeys.engine.spi.ManualScheduler;
import org.mbmskeys.engine.spi.ProcedureListener;
import org.mbmskeys.engine.spi.RandomBytes;
import org.mbmskeys.mbms.bmsc.Bmsc;
import org.mbmskeys.mbms.bmsc.distribution.DeliveryOutcome;
import org.mbmskeys.mbms.bmsc.distribution.DeliveryRecord;
import org.mbmskeys.mbms.bmsc.services.KeyGroupRef;
import org.mbmskeys.mbms.gba.BTid;
import org.mbmskeys.mbms.gba.Fqdn;
import org.mbmskeys.mbms.gba.MukMrk;
import org.mbmskeys.mbms.gba.NafId;
import org.mbmskeys.mbms.gba.NafKeyLookup;
import org.mbmskeys.mbms.gba.NafKeyMaterial;
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
import org.mbmskeys.mbms.ue.UeHost;
import org.mbmskeys.mbms.ue.UeProfile;
import org.mbmskeys.mbms.ue.announcement.ServiceProtection;
import org.mbmskeys.mbms.ue.announcement.UserServiceDescription;
import org.mbmskeys.mbms.ue.gba.UbClient;
import org.mbmskeys.mbms.ue.keys.UiccId;

/**
 * Re-key throughput: N registered UEs of one Key Group get a new MSK, end to end, against the bare crypto of
 * the same messages, side by side in one JVM. Not a JMH benchmark: one operation is a whole rotation of N UEs
 * (seconds), and the set-up (N registrations) is far more expensive than what is measured.
 *
 * <p><b>End to end</b> ({@code e2e}): a {@link Bmsc} and a {@link UeHost} with N UEs, both on their shipped
 * scripts, deterministic engines on one {@link ManualScheduler}, exchanging bytes over a {@link MemoryNetwork}.
 * The UEs are set up as the features do: each bootstraps with the simulated BSF, reads the announcement and
 * registers over HTTP with Digest (and gets and acknowledges the group's first MSK). Measured: {@code
 * bmsc.rotate(group)} and then running the scheduler until every push is acknowledged (the BM-SC reports a
 * {@code DELIVERED} delivery record per UE; anything else fails the run). Per UE that is: the BM-SC's
 * {@code bmsc.msk-push} instance (counter, CSB ID, seal under the UE's MUK), the network, the UE's {@code
 * ue.mikey-reception} (read, key store checks, open, store, verification message), the network again, and
 * the BM-SC checking the verification message and recording the delivery.
 *
 * <p><b>Crypto only</b> ({@code crypto}): the same messages with the {@code mbms.mikey.protection} API the
 * role code calls, for N UEs with keys and IDs of the same shapes (32-byte MUK, the UE's B-TID as IDr, 16-byte
 * MSK): {@code MikeySealer.seal(MskDelivery, muk)}, {@code MikeyReader.read} + {@code MikeyOpener.open},
 * {@code MikeySealer.acknowledge}, {@code MikeyReader.read} + {@code MikeyOpener.verify}. Each step runs for
 * all N UEs before the next ({@link PushAckCrypto#phased}), as the two roles run them end to end, so neither side
 * finds the other's AES key schedule still in the cipher. The older baseline, the four steps for one UE after
 * the other ({@link PushAckCrypto#interleaved}), runs too and is printed at the end of each line for comparison.
 *
 * <p><b>BM-SC only</b> ({@code bmsc}): the same rotation of the same BM-SC, but the pushes are answered by
 * {@link BareUes}, the UE's share of the crypto loop and nothing else, instead of by the UE host. In one JVM
 * the end-to-end part keeps the state of N UEs beside the BM-SC's and changes it at every round, which the
 * garbage collector pays for; a BM-SC in the field has its UEs on handsets. This part is the BM-SC's scripts
 * and role code against the same crypto, with only the BM-SC's state in the heap.
 *
 * <p>Everything runs on the main thread, so its CPU time ({@code ThreadMXBean}) is the work of the measured
 * part without the waits for a core that a shared machine adds; GC and JIT threads are not in it. What the
 * garbage collector adds is printed beside it: the CPU time of the whole process ({@code process CPU}, all
 * threads) and the collectors' pauses (which stop the main thread, so they are in the wall time). The main
 * thread's minor page faults are printed too ({@link MinorFaults}): a round in which the JVM grows its heap
 * touches fresh pages, and the kernel's time for them lands in the main thread's CPU time. The three
 * alternate, round after round, so the JIT and the load are the same for all; the ratio of each round is
 * printed, and the last rounds are the figures (the first ones warm up).
 *
 * <pre>
 * java -Xmx6g -Xms6g -XX:+AlwaysPreTouch -cp benchmarks/target/benchmarks.jar org.mbmskeys.benchmarks.rekey.RekeyThroughput 100000 5
 * </pre>
 * (A heap fixed and touched at start, as a server runs, leaves no page faults in the rounds.)
 * Arguments: N (UEs, default 100,000), rounds (default 5).
 */
public final class RekeyThroughput {

    private static final String K = "465b5ce8b199b49faa5f0a2ee238a6bc";   // TS 35.208 Test Set 1
    private static final String OPC = "cd63cb71954a9f4e48a5994e37a02baf";
    private static final String BMSC = "bmsc.example.org";
    private static final String SERVICE = "urn:example:mbms:news";
    private static final ThreadMXBean THREADS = (ThreadMXBean) ManagementFactory.getThreadMXBean();
    private static final OperatingSystemMXBean PROCESS = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private RekeyThroughput() {
    }

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0].replace("_", "")) : 100_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        System.out.printf(Locale.ROOT, "JVM %s %s, %d processors, max heap %,d MiB; N = %,d UEs, %d rounds, re-key window %s%n",
                System.getProperty("java.vm.name"), System.getProperty("java.runtime.version"),
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20, n, rounds,
                WINDOW == Integer.MAX_VALUE ? "unlimited" : String.format(Locale.ROOT, "%,d", WINDOW));

        World world = new World(n);
        PushAckCrypto crypto = new PushAckCrypto(BMSC, world.bTids);
        List<Measure[]> measured = new ArrayList<>();
        for (int r = 1; r <= rounds; r++) {
            Measure c = Measure.of(crypto::phased);
            Measure e = Measure.of(world::rekey);
            Measure b = Measure.of(world::rekeyAnsweredBare);
            Measure i = Measure.of(crypto::interleaved);
            measured.add(new Measure[] {c, e, b});
            System.out.printf(Locale.ROOT, "round %d: crypto %s | e2e %s | e2e/crypto throughput: %s | bmsc %s |"
                    + " bmsc/crypto throughput: %s | crypto interleaved %.2f µs/UE CPU, e2e/interleaved CPU %.2f%n",
                    r, c.describe(n), e.describe(n), c.ratios(e), b.describe(n), c.ratios(b), i.cpuNanos / 1e3 / n,
                    i.cpuNanos / (double) e.cpuNanos);
        }
        System.out.println(Medians.of(measured, n));
        world.close();
    }

    /**
     * Whether the network keeps a capture and pcap record of every message ({@code -Drekey.recording=true});
     * off by default, as for any load test: the messages still cross as bytes, only nothing is kept of them.
     */
    static final boolean RECORDING = Boolean.getBoolean("rekey.recording");

    /**
     * The BM-SC's re-key window ({@code -Drekey.window=1000}: at most that many UEs' pushes in flight,
     * {@link Bmsc#rekeyWindow(int)}); unlimited by default, every push started at once. Set after the set-up,
     * so it applies to the measured rotations only.
     */
    static final int WINDOW = Integer.getInteger("rekey.window", Integer.MAX_VALUE);

    /**
     * The medians over the rounds after the first two (the JIT's warm-up; all rounds if there are no more), of
     * each part's µs per UE and collector pauses and of the two ratios by each clock: on a shared machine single
     * rounds are disturbed from outside now and then, and the median is the figure to report.
     */
    static final class Medians {
        private Medians() {
        }

        static String of(List<Measure[]> rounds, int n) {
            List<Measure[]> kept = rounds.size() > 2 ? rounds.subList(2, rounds.size()) : rounds;
            int from = rounds.size() - kept.size() + 1;
            StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "medians of rounds %d to %d:", from, rounds.size()));
            String[] names = {"crypto", "e2e", "bmsc"};
            for (int p = 0; p < names.length; p++) {
                int part = p;
                out.append(String.format(Locale.ROOT, " %s %.2f µs/UE CPU, %.2f wall, GC pauses %.2f;", names[p],
                        median(kept, m -> m[part].cpuNanos / 1e3 / n), median(kept, m -> m[part].wallNanos / 1e3 / n),
                        median(kept, m -> m[part].gcMillis * 1e3 / n)));
            }
            for (int p = 1; p < names.length; p++) {
                int part = p;
                out.append(String.format(Locale.ROOT, " %s/crypto throughput: CPU %.2f, wall %.2f, process CPU %.2f;",
                        names[p], median(kept, m -> m[0].cpuNanos / (double) m[part].cpuNanos),
                        median(kept, m -> m[0].wallNanos / (double) m[part].wallNanos),
                        median(kept, m -> m[0].processNanos / (double) m[part].processNanos)));
            }
            return out.substring(0, out.length() - 1);
        }

        static double median(List<Measure[]> rounds, java.util.function.ToDoubleFunction<Measure[]> value) {
            double[] v = rounds.stream().mapToDouble(value).sorted().toArray();
            return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
        }
    }

    /**
     * CPU time, allocation and minor page faults of the calling thread, wall time, CPU time of the whole process
     * (the calling thread plus the GC and JIT threads) and the collectors' accumulated time over one run.
     */
    private record Measure(long cpuNanos, long wallNanos, long processNanos, long gcMillis, long allocated,
                           long pageFaults) {
        static Measure of(Runnable run) {
            long tid = Thread.currentThread().getId();
            long f0 = MinorFaults.ofThisThread();
            long a0 = THREADS.getThreadAllocatedBytes(tid);
            long g0 = collectorsMillis();
            long p0 = PROCESS.getProcessCpuTime();
            long c0 = THREADS.getCurrentThreadCpuTime();
            long w0 = System.nanoTime();
            run.run();
            long w1 = System.nanoTime();
            long c1 = THREADS.getCurrentThreadCpuTime();
            long p1 = PROCESS.getProcessCpuTime();
            long g1 = collectorsMillis();
            long a1 = THREADS.getThreadAllocatedBytes(tid);
            long f1 = MinorFaults.ofThisThread();
            return new Measure(c1 - c0, w1 - w0, p1 - p0, g1 - g0, a1 - a0, f1 < 0 ? -1 : f1 - f0);
        }

        /** The collectors' accumulated time: the pauses, for G1 and Parallel. */
        private static long collectorsMillis() {
            long sum = 0;
            for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
                sum += Math.max(0, gc.getCollectionTime());
            }
            return sum;
        }

        /** This run's time ÷ {@code other}'s (= other's throughput ÷ this one's), by each of the three clocks. */
        String ratios(Measure other) {
            return String.format(Locale.ROOT, "CPU %.2f, wall %.2f, process CPU %.2f", cpuNanos / (double) other.cpuNanos,
                    wallNanos / (double) other.wallNanos, processNanos / (double) other.processNanos);
        }

        String describe(int n) {
            return String.format(Locale.ROOT, "%,.0f UEs/s CPU (%.2f µs/UE), %,.0f UEs/s wall (%.2f µs/UE), "
                    + "process CPU %.2f µs/UE, GC pauses %.2f µs/UE, %,d B/UE, %.3f page faults/UE", n / (cpuNanos / 1e9),
                    cpuNanos / 1e3 / n, n / (wallNanos / 1e9), wallNanos / 1e3 / n, processNanos / 1e3 / n,
                    gcMillis * 1e3 / n, allocated / n, pageFaults / (double) n);
        }
    }

    /** A BM-SC and N UEs on one memory network, registered as the features register them. */
    static final class World {
        final ManualScheduler time = new ManualScheduler();
        final MemoryNetwork network = MemoryNetwork.builder(time).seed(33246).recording(RECORDING).build();
        final SimulatedBsf bsf = new SimulatedBsf("bsf.example.org", time::now, seeded(1), Duration.ofDays(1));
        final KeyGroupRef group = KeyGroupRef.of(KeyDomainId.parse("001-01"), KeyGroup.of(0x0101));
        final LongAdder delivered = new LongAdder();
        final LongAdder otherOutcomes = new LongAdder();
        final AtomicReference<MskRef> expected = new AtomicReference<>();
        final Bmsc bmsc;
        final UeHost ueHost;
        final BareUes bare;
        final String[] impis;
        final String[] bTids;
        final int n;

        World(int n) {
            this.n = n;
            RandomBytes keyMaterial = seeded(2);
            bmsc = Bmsc.builder(BMSC).bootstrapping(bsf).transport(network.node(BMSC)).httpCodec(HttpWire.codec())
                    .scheduler(time).random(seeded(3)).keyMaterial(k -> SecretBytes.wrap(keyMaterial.next(k).toByteArray()))
                    .deterministic().listener(new Deliveries()).build();
            Hosts hosts = network.hosts();
            bare = new BareUes(hosts);
            ueHost = UeHost.builder().transport(bare).httpCodec(HttpWire.codec()).scheduler(time).deterministic()
                    .random(seeded(4)).keyManagementPort(80).build();
            bmsc.defineService(SERVICE, ServiceType.DOWNLOAD, group);
            MskRef first = bmsc.rotate(group);
            expected.set(first);
            MskRef current = MskRef.of(group.keyDomain(), MskId.current(group.keyGroup()));
            UserServiceDescription description = UserServiceDescription.protectedBy(SERVICE, new ServiceProtection(
                    List.of(Fqdn.of(BMSC)), false, false, List.of(current), Optional.empty(),
                    Map.of(SERVICE + "-files", current), ServiceType.DOWNLOAD));
            impis = new String[n];
            bTids = new String[n];
            long t0 = System.nanoTime();
            long c0 = THREADS.getCurrentThreadCpuTime();
            for (int i = 0; i < n; i++) {
                String name = BareUes.host(i);
                String impi = String.format(Locale.ROOT, "0010100%08d@ims.mnc001.mcc001.3gppnetwork.org", i);
                impis[i] = impi;
                bsf.addSubscriber(impi, SecretBytes.ofHex(K), SecretBytes.ofHex(OPC), Sqn.of(32), GbaMode.GBA_ME);
                GbaClient gba = new GbaClient(new SimulatedUsim(impi, SecretBytes.ofHex(K), SecretBytes.ofHex(OPC), Sqn.of(0),
                        GbaMode.GBA_ME), time::now);
                hosts.add(name);
                Ue ue = ueHost.add(UeProfile.usim(name, UiccId.of(String.format(Locale.ROOT, "8949440%012d", i)),
                        UbClient.simulated(gba, bsf)));
                ue.announce(description);
                ue.powerOn();
                ue.use(SERVICE);
                if (i % 1000 == 999) {
                    time.runDue();
                }
            }
            time.runDue();
            require(delivered.sum() == n, "set-up: " + delivered.sum() + " of " + n + " UEs acknowledged the first MSK ("
                    + otherOutcomes.sum() + " other outcomes)");
            SecretBytes[] muks = new SecretBytes[n];
            NafId nafId = NafId.forMbms(BMSC);
            for (int i = 0; i < n; i++) {
                BTid bTid = bmsc.registration(impis[i]).orElseThrow().bTid();
                bTids[i] = bTid.toString();
                NafKeyMaterial keys = ((NafKeyLookup.Found) bsf.lookUp(bTid, nafId)).keys();
                MukMrk mukMrk = keys.mukMrk();
                muks[i] = mukMrk.muk().copy();
                mukMrk.destroy();
                keys.destroy();
            }
            bare.answerWith(muks);
            bmsc.rekeyWindow(WINDOW);
            System.out.printf(Locale.ROOT, "set-up: %,d UEs bootstrapped, registered and given the first MSK in %.1f s "
                    + "(%.1f s CPU of the main thread)%n", n, (System.nanoTime() - t0) / 1e9,
                    (THREADS.getCurrentThreadCpuTime() - c0) / 1e9);
        }

        /** The measured part: a rotation, until every UE acknowledged the new MSK. */
        void rekey() {
            delivered.reset();
            otherOutcomes.reset();
            MskRef msk = bmsc.rotate(group);
            expected.set(msk);
            time.runDue();
            require(delivered.sum() == n && otherOutcomes.sum() == 0, "re-key: " + delivered.sum() + " of " + n
                    + " UEs acknowledged " + msk + ", " + otherOutcomes.sum() + " other outcomes");
            require(time.pendingTasks() == 0 || time.nextDue().orElseThrow().isAfter(time.now()),
                    "tasks left due after the re-key");
        }

        /**
         * A rotation answered by {@link BareUes}: the BM-SC as in {@link #rekey}, the UEs' side only the crypto
         * of the crypto loop. The UE host misses this MSK; the next {@link #rekey} pushes a newer one.
         */
        void rekeyAnsweredBare() {
            bare.answering(true);
            try {
                rekey();
            } finally {
                bare.answering(false);
            }
        }

        void close() {
            ueHost.close();
            bmsc.close();
        }

        /** Counts the BM-SC's delivery records of the expected MSK. */
        private final class Deliveries implements ProcedureListener {
            @Override
            public void outcome(InstanceRef instance, Object outcome) {
                if (outcome instanceof DeliveryRecord d && d.outcome() == DeliveryOutcome.DELIVERED
                        && d.msk().equals(expected.get())) {
                    delivered.increment();
                } else if (outcome instanceof DeliveryRecord) {
                    otherOutcomes.increment();
                }
            }
        }
    }

    static RandomBytes seeded(long seed) {
        return RandomBytes.seeded(seed);
    }

    static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalStateException(message);
        }
    }
}
