package org.mbmskeys.benchmarks.http;

import com.sun.management.OperatingSystemMXBean;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;
import org.mbmskeys.benchmarks.udp.MskPushesOverUdp;
import org.mbmskeys.engine.bytes.Bytes;
import org.mbmskeys.engine.bytes.SecretBytes;
import org.mbmskeys.engine.spi.RandomBytes;
import org.mbmskeys.mbms.digest.DigestClient;
import org.mbmskeys.mbms.digest.DigestRealm;
import org.mbmskeys.mbms.digest.MrkDigestPassword;
import org.mbmskeys.mbms.gba.BTid;
import org.mbmskeys.mbms.gba.MukMrk;
import org.mbmskeys.mbms.gba.NafId;
import org.mbmskeys.mbms.gba.NafKeyLookup;
import org.mbmskeys.mbms.gba.NafKeyMaterial;
import org.mbmskeys.mbms.keymanagement.xml.MskRequestBody;
import org.mbmskeys.mbms.keys.MskRef;

/**
 * Digest-authenticated MSK requests over loopback HTTP (issue 9 §4): the BM-SC (engine, shipped scripts) behind
 * {@code HttpServerTransport} against {@link BareKeyServer}, a bare Netty server doing the same Digest check and
 * MIKEY sealing without the engine, alternately in one JVM, round after round.
 *
 * <p><b>Set-up</b> (not measured): {@link MskPushesOverUdp.Lab}: the BM-SC on 127.0.0.1 (one event-loop thread
 * for its HTTP and UDP sockets, the engine's lanes, one per processor) and N UEs registered over HTTP with Digest,
 * each with its own UDP socket answering pushes with the bare crypto of a UE ({@code udp.SocketUe}). The baseline
 * gets one event-loop thread of its own for its HTTP and UDP sockets, the same BSF and the UEs' ports. Each UE gets
 * one Digest client per server (password base64(MRK) from the BSF's keys for its B-TID) and takes each server's
 * challenge in a first pass that is not measured.
 *
 * <p><b>A round</b> of a server: every UE sends one MSK request ({@code requesttype=msk-request}, the group's
 * current MSK) over {@link KeyRequestLoad}'s C keep-alive connections, closed loop; the round ends when every
 * request is answered 200 and the server has checked every UE's verification message of the MSK it pushed. On
 * the BM-SC that is, per request: the transport, {@code BmscRouting}, the Key Request function (Digest with Zn,
 * XML), a {@code bmsc.msk-request} instance that replies and starts a {@code bmsc.msk-push} instance, the push
 * (counter, CSB ID, seal), the datagram, the UE's ACK, its check and the {@code DELIVERED} record (counted by the
 * lab's listener). The two servers alternate (engine first in odd rounds, the baseline first in even ones).
 *
 * <pre>
 * java -Xmx2g -cp benchmarks/target/benchmarks.jar org.mbmskeys.benchmarks.http.MskRequestsOverHttp 5000 11
 * java -cp benchmarks/target/benchmarks.jar org.mbmskeys.benchmarks.http.MskRequestsOverHttp 20 3     (tiny-N check)
 * </pre>
 * Arguments: N (UEs, default 5,000; one request each per round), rounds (default 11; medians of the rounds after the
 * first two). System properties: {@code http.connections} (C, default 16), {@code http.clientLoops} (event-loop
 * threads of the client, default 1), and the lab's {@code push.batch}, {@code push.loops}.
 */
public final class MskRequestsOverHttp {

    private static final OperatingSystemMXBean PROCESS = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private static final int CONNECTIONS = Integer.getInteger("http.connections", 16);
    private static final int CLIENT_LOOPS = Integer.getInteger("http.clientLoops", 1);
    /** cnonces need not be secure here; SecureRandom would put the client's cost into the measured rounds. */
    private static final RandomBytes CNONCES = length -> {
        byte[] b = new byte[length];
        ThreadLocalRandom.current().nextBytes(b);
        return Bytes.wrap(b);
    };

    private MskRequestsOverHttp() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0].replace("_", "")) : 5_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 11;
        System.out.printf(Locale.ROOT, "JVM %s %s, %d processors, max heap %,d MiB, load average %.2f; N = %,d UEs, %d rounds,"
                        + " %d connections, %d client event loop(s)%n", System.getProperty("java.vm.name"),
                System.getProperty("java.runtime.version"), Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20, PROCESS.getSystemLoadAverage(), n, rounds, CONNECTIONS, CLIENT_LOOPS);
        EventLoopGroup bareLoop = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("bare-loop"),
                NioIoHandler.newFactory());
        EventLoopGroup clientLoops = new MultiThreadIoEventLoopGroup(CLIENT_LOOPS, new DefaultThreadFactory("client-loop"),
                NioIoHandler.newFactory());
        try (MskPushesOverUdp.Lab lab = new MskPushesOverUdp.Lab(n)) {
            MskRef current = lab.bmsc.currentMsk(MskPushesOverUdp.GROUP).orElseThrow();
            Bytes body = MskRequestBody.of(current).toXml();
            DigestRealm realm = DigestRealm.bootstrapping(MskPushesOverUdp.BMSC);
            NafId nafId = NafId.forMbms(MskPushesOverUdp.BMSC);
            Map<String, Integer> ports = new HashMap<>();
            DigestClient[] toEngine = new DigestClient[n];
            DigestClient[] toBare = new DigestClient[n];
            for (int i = 0; i < n; i++) {
                String bTid = lab.bTids[i];
                ports.put(bTid, lab.uePort(i));
                NafKeyMaterial keys = ((NafKeyLookup.Found) lab.bsf.lookUp(BTid.parse(bTid), nafId)).keys();
                MukMrk mukMrk = keys.mukMrk(keys.mode().defaultKeyManagement());
                SecretBytes password = MrkDigestPassword.derive(mukMrk.mrk());
                toEngine[i] = new DigestClient(bTid, password, realm, CNONCES);
                toBare[i] = new DigestClient(bTid, password.copy(), realm, CNONCES);
                mukMrk.destroy();
                keys.destroy();
            }
            try (BareKeyServer bare = new BareKeyServer(bareLoop, MskPushesOverUdp.BMSC, lab.bsf, ports, current);
                 KeyRequestLoad engineLoad = new KeyRequestLoad(clientLoops, lab.bmscHttp.localEndpoint(),
                         MskPushesOverUdp.BMSC, CONNECTIONS, toEngine, body);
                 KeyRequestLoad bareLoad = new KeyRequestLoad(clientLoops, bare.localEndpoint(), MskPushesOverUdp.BMSC,
                         CONNECTIONS, toBare, body)) {
                Side engine = new Side("engine", engineLoad, () -> lab.await(n, "MSK requests to the BM-SC"),
                        "bmsc-loop", "mbms-keys-lane-");
                Side baseline = new Side("bare", bareLoad, () -> awaitAcks(bare, n), "bare-loop");
                long t0 = System.nanoTime();
                engine.pass(n);
                baseline.pass(n);
                System.out.printf(Locale.ROOT, "first contact (not measured): %.1f s; engine answers %s (%d challenges taken),"
                                + " bare answers %s (%d challenges taken); rounds from %s%n", (System.nanoTime() - t0) / 1e9,
                        engineLoad.statuses(), engineLoad.challenged(), bareLoad.statuses(), bareLoad.challenged(),
                        Instant.now());
                List<Measure[]> measured = new ArrayList<>();
                for (int r = 1; r <= rounds; r++) {
                    Measure e;
                    Measure b;
                    if (r % 2 == 1) {
                        e = engine.round(n);
                        b = baseline.round(n);
                    } else {
                        b = baseline.round(n);
                        e = engine.round(n);
                    }
                    measured.add(new Measure[] {e, b});
                    System.out.printf(Locale.ROOT, "round %d: engine %s | bare %s | engine/bare throughput: wall %.2f, server"
                                    + " threads' CPU %.2f, process CPU %.2f | load %.2f%n", r, e.describe(n), b.describe(n),
                            b.wallNanos / (double) e.wallNanos, b.serverNanos / (double) e.serverNanos,
                            b.processNanos / (double) e.processNanos, PROCESS.getSystemLoadAverage());
                }
                System.out.println(medians(measured, n) + "; rounds until " + Instant.now());
                System.out.printf(Locale.ROOT, "answers: engine %s (%d challenges), bare %s (%d challenges); bare ACKs"
                                + " rejected: %d; BM-SC HTTP %s; BM-SC UDP %s%n", engineLoad.statuses(), engineLoad.challenged(),
                        bareLoad.statuses(), bareLoad.challenged(), bare.ackRejected(), lab.bmscHttp.counters(),
                        lab.bmscUdp.counters());
            }
        } finally {
            clientLoops.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly();
            bareLoop.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly();
        }
    }

    private static void awaitAcks(BareKeyServer bare, int n) throws InterruptedException {
        if (!bare.acknowledged().tryAcquire(n, 120, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the bare server checked " + bare.acknowledged().availablePermits() + " of " + n
                    + " verification messages within 120 s (" + bare.ackRejected() + " rejected)");
        }
    }

    static String medians(List<Measure[]> rounds, int n) {
        List<Measure[]> kept = rounds.size() > 2 ? rounds.subList(2, rounds.size()) : rounds;
        int from = rounds.size() - kept.size() + 1;
        return String.format(Locale.ROOT, "medians of rounds %d to %d: engine %,.0f req/s wall, %.1f µs server threads' CPU"
                        + "/req (event loop %.1f), %.1f µs process CPU/req; bare %,.0f req/s wall, %.1f µs server threads'"
                        + " CPU/req, %.1f µs process CPU/req; engine/bare throughput: wall %.2f, server threads' CPU %.2f,"
                        + " process CPU %.2f (goal >= 0.5)", from, rounds.size(),
                median(kept, m -> n / (m[0].wallNanos / 1e9)), median(kept, m -> m[0].serverNanos / 1e3 / n),
                median(kept, m -> m[0].loopNanos / 1e3 / n), median(kept, m -> m[0].processNanos / 1e3 / n),
                median(kept, m -> n / (m[1].wallNanos / 1e9)), median(kept, m -> m[1].serverNanos / 1e3 / n),
                median(kept, m -> m[1].processNanos / 1e3 / n),
                median(kept, m -> m[1].wallNanos / (double) m[0].wallNanos),
                median(kept, m -> m[1].serverNanos / (double) m[0].serverNanos),
                median(kept, m -> m[1].processNanos / (double) m[0].processNanos));
    }

    static double median(List<Measure[]> rounds, ToDoubleFunction<Measure[]> value) {
        double[] v = rounds.stream().mapToDouble(value).sorted().toArray();
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    /** What a round waits for after the last answer: every push acknowledged and checked. */
    private interface Drain {
        void await() throws InterruptedException;
    }

    /** One server under load: its client, what ends a round, and the names of its threads. */
    private record Side(String name, KeyRequestLoad load, Drain drain, String... serverThreads) {
        void pass(int n) throws InterruptedException {
            load.pass(n);
            drain.await();
        }

        Measure round(int n) throws InterruptedException {
            long ok0 = load.statuses().getOrDefault(200, 0L);
            long g0 = collectorsMillis();
            long[] s0 = ThreadCpu.nanos(serverThreads);
            long[] c0 = ThreadCpu.nanos("client-loop", "ue-loop");
            long p0 = PROCESS.getProcessCpuTime();
            long w0 = System.nanoTime();
            pass(n);
            long w1 = System.nanoTime();
            long p1 = PROCESS.getProcessCpuTime();
            long[] c1 = ThreadCpu.nanos("client-loop", "ue-loop");
            long[] s1 = ThreadCpu.nanos(serverThreads);
            long ok = load.statuses().getOrDefault(200, 0L) - ok0;
            if (ok != n) {
                throw new IllegalStateException(name + ": " + ok + " of " + n + " requests answered 200; all answers so far "
                        + load.statuses());
            }
            return new Measure(w1 - w0, p1 - p0, sum(s1) - sum(s0), s1[0] - s0[0], c1[0] - c0[0], c1[1] - c0[1],
                    collectorsMillis() - g0);
        }

        private static long sum(long[] values) {
            long s = 0;
            for (long v : values) {
                s += v;
            }
            return s;
        }

        private static long collectorsMillis() {
            long sum = 0;
            for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
                sum += Math.max(0, gc.getCollectionTime());
            }
            return sum;
        }
    }

    /**
     * One round of one server: wall time, CPU of the whole process, of the server's threads (event loop, and the
     * engine's lanes) and of its event loop alone, of the client's event loop and of the UEs' sockets' event loop,
     * and GC time.
     */
    record Measure(long wallNanos, long processNanos, long serverNanos, long loopNanos, long clientNanos, long ueNanos,
                   long gcMillis) {
        String describe(int n) {
            return String.format(Locale.ROOT, "%,.0f req/s wall; CPU µs/req: server %.1f (event loop %.1f, busy %.0f %%),"
                            + " client %.1f (busy %.0f %%), UEs %.1f, process %.1f; GC %.1f µs/req", n / (wallNanos / 1e9),
                    serverNanos / 1e3 / n, loopNanos / 1e3 / n, 100.0 * loopNanos / wallNanos, clientNanos / 1e3 / n,
                    100.0 * clientNanos / wallNanos, ueNanos / 1e3 / n, processNanos / 1e3 / n,
                    gcMillis * 1e3 / n);
        }
    }
}
