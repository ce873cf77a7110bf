package org.mbmskeys.benchmarks.wire;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.mbmskeys.adapters.http.HttpServerTransport;
import org.mbmskeys.adapters.http.HttpWire;
import org.mbmskeys.adapters.udp.DropReason;
import org.mbmskeys.adapters.udp.UdpTransport;
import org.mbmskeys.engine.bytes.Bytes;
import org.mbmskeys.engine.spi.Endpoint;
import org.mbmskeys.engine.spi.Envelope;
import org.mbmskeys.engine.spi.InstanceRef;
import org.mbmskeys.engine.spi.ProcedureListener;
import org.mbmskeys.engine.spi.RandomBytes;
import org.mbmskeys.engine.spi.RejectionReason;
import org.mbmskeys.engine.spi.Scheduler;
import org.mbmskeys.engine.spi.Transport;
import org.mbmskeys.mbms.bmsc.Bmsc;
import org.mbmskeys.mbms.bmsc.distribution.DeliveryOutcome;
import org.mbmskeys.mbms.bmsc.services.KeyGroupRef;
import org.mbmskeys.mbms.gba.simulated.SimulatedBsf;
import org.mbmskeys.mbms.keys.KeyDomainId;
import org.mbmskeys.mbms.keys.KeyGroup;
import org.mbmskeys.mbms.keys.MskRef;
import org.mbmskeys.mbms.keys.ServiceType;

/**
 * The hostile-input run of issue 9 §4: a BM-SC on loopback sockets (its shipped scripts, the native backend)
 * with one registered UE takes {@code hostile.datagrams} datagrams (default 100,000) and {@code
 * hostile.requests} HTTP requests (default 100,000), random and mutated, then must still serve a normal
 * registration and a re-key of both UEs. Printed: what was sent, how each input was rejected (the UDP
 * transport's drops, the engine's unrouted envelopes and rejected events, the HTTP status codes), the time,
 * and the verdict; exit code 0 only if nothing crashed (no procedure failed, no 500, no reply time-out, no
 * receiver failure) and the BM-SC still works.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar org.mbmskeys.benchmarks.wire.HostileRun
 * java -Dhostile.datagrams=1000 -Dhostile.requests=1000 -cp benchmarks/target/benchmarks.jar org.mbmskeys.benchmarks.wire.HostileRun
 * </pre>
 *
 * <p>The inputs, from one seeded {@link Random} ({@code hostile.seed}):
 * <ul>
 *   <li>datagrams: random bytes; oversized ones (beyond the 2,048-byte limit); a MIKEY-like header with a random
 *       tail; and copies of the UE's own verification message, replayed as they are, with bytes flipped, cut
 *       short or lengthened. Sent in bursts of 50, each waiting until the BM-SC has read the previous ones
 *       (UDP has no flow control; a datagram lost in a full socket buffer would prove nothing).</li>
 *   <li>HTTP requests, each on a connection of its own (closed with a reset, so no TIME_WAIT piles up): random
 *       bytes; register, deregister and MSK requests with Digest headers (some with the UE's real B-TID), with
 *       bytes flipped, cut short, with an oversized header or a too large Content-Length.</li>
 * </ul>
 */
public final class HostileRun {

    private static final String BMSC = "bmsc.example.org";
    private static final String SERVICE = "urn:3gpp:mbms:maps";
    private static final KeyGroupRef MAPS = KeyGroupRef.of(KeyDomainId.parse("001-01"), KeyGroup.of(0x0202));

    private final int datagrams = Integer.getInteger("hostile.datagrams", 100_000);
    private final int requests = Integer.getInteger("hostile.requests", 100_000);
    private final Random random = new Random(Long.getLong("hostile.seed", 33246L));
    private final Map<String, AtomicLong> rejected = new ConcurrentHashMap<>();
    private final List<String> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final Map<String, AtomicLong> statuses = new ConcurrentHashMap<>();
    /** Per family of request, the status codes answered. */
    private final Map<String, Map<String, AtomicLong>> byKind = new ConcurrentHashMap<>();

    public static void main(String[] args) throws Exception {
        System.exit(new HostileRun().run() ? 0 : 1);
    }

    boolean run() throws Exception {
        EventLoopGroup loops = new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());
        Scheduler clock = Scheduler.system();
        SimulatedBsf bsf = new SimulatedBsf("bsf.example.org", clock::now, RandomBytes.secure(), Duration.ofDays(1));
        try (UdpTransport udp = UdpTransport.builder().bind(Endpoint.of("127.0.0.1", 0)).eventLoops(loops).open();
             HttpServerTransport http = HttpServerTransport.builder().bind(Endpoint.of("127.0.0.1", 0)).eventLoops(loops).open()) {
            Bmsc bmsc = Bmsc.builder(BMSC).bootstrapping(bsf).transport(Transport.combining(udp, http))
                    .httpCodec(HttpWire.codec()).scheduler(clock).listener(new Watch()).build();
            bmsc.defineService(SERVICE, ServiceType.DOWNLOAD, MAPS);
            MskRef first = bmsc.rotate(MAPS);
            try (LabUe alice = new LabUe("alice", 1, "127.0.0.5", bsf, loops, http.localEndpoint(), SERVICE, MAPS, BMSC)) {
                alice.awaitMsk(first);
                Bytes ack = alice.sentDatagrams().get(0);
                System.out.printf("BM-SC on udp %s, http %s; alice registered and acknowledged %s%n",
                        udp.localEndpoint(), http.localEndpoint(), first);

                long t0 = System.nanoTime();
                Map<String, Integer> sent = sendDatagrams(udp, ack);
                long t1 = System.nanoTime();
                Map<String, Integer> sentRequests = sendRequests(http.localEndpoint(), alice.bTid());
                long t2 = System.nanoTime();
                System.out.printf("sent %,d datagrams in %.1f s: %s%n", datagrams, (t1 - t0) / 1e9, sent);
                System.out.printf("sent %,d HTTP requests in %.1f s: %s%n", requests, (t2 - t1) / 1e9, sentRequests);

                try (LabUe bob = new LabUe("bob", 2, "127.0.0.6", bsf, loops, http.localEndpoint(), SERVICE, MAPS, BMSC)) {
                    bob.awaitMsk(first);
                    MskRef next = bmsc.rotate(MAPS);
                    alice.awaitMsk(next);
                    bob.awaitMsk(next);
                    awaitDelivered(bmsc, alice.impi(), next);
                    awaitDelivered(bmsc, bob.impi(), next);
                    System.out.printf("afterwards: bob registered and got %s; the operator rotated to %s and both UEs "
                            + "acknowledged it%n", first, next);
                }
            }
            report(udp, http);
            bmsc.close();
        } finally {
            loops.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly();
        }
        boolean ok = failures.isEmpty() && !statuses.containsKey("500") && !statuses.containsKey("503")
                && !statuses.containsKey("no answer");
        System.out.println(ok ? "VERDICT: survived: no crash, every input rejected and counted, the BM-SC still serves"
                : "VERDICT: FAILED: " + failures + " statuses " + statuses);
        return ok;
    }

    private Map<String, Integer> sendDatagrams(UdpTransport bmsc, Bytes ack) throws Exception {
        Map<String, Integer> kinds = new TreeMap<>();
        long readBefore = read(bmsc);
        try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(InetAddress.getByName("127.0.0.5"), 0))) {
            InetSocketAddress to = new InetSocketAddress(bmsc.localEndpoint().host(), bmsc.localEndpoint().port());
            byte[] real = ack.toByteArray();
            for (int i = 0; i < datagrams; i++) {
                byte[] d;
                String kind;
                switch (random.nextInt(8)) {
                    case 0 -> {
                        kind = "oversized";
                        d = randomBytes(UdpTransport.DEFAULT_MAX_DATAGRAM_BYTES + 1 + random.nextInt(3000));
                    }
                    case 1, 2 -> {
                        kind = "random";
                        d = randomBytes(random.nextInt(400));
                    }
                    case 3, 4 -> {
                        kind = "mikey-header";
                        d = randomBytes(10 + random.nextInt(300));
                        d[0] = 0x01;
                        d[1] = (byte) random.nextInt(8);
                        d[2] = (byte) random.nextInt(32);
                    }
                    case 5 -> {
                        kind = "ack-replayed";
                        d = real.clone();
                    }
                    case 6 -> {
                        kind = "ack-flipped";
                        d = real.clone();
                        for (int f = 1 + random.nextInt(3); f > 0; f--) {
                            d[random.nextInt(d.length)] ^= (byte) (1 + random.nextInt(255));
                        }
                    }
                    default -> {
                        kind = "ack-resized";
                        int length = random.nextBoolean() ? random.nextInt(real.length) : real.length + 1 + random.nextInt(64);
                        d = java.util.Arrays.copyOf(real, length);
                    }
                }
                kinds.merge(kind, 1, Integer::sum);
                socket.send(new DatagramPacket(d, d.length, to));
                if (i % 50 == 49) {
                    awaitRead(bmsc, readBefore + i + 1);
                }
            }
            awaitRead(bmsc, readBefore + datagrams);
        }
        return kinds;
    }

    private static long read(UdpTransport t) {
        return t.counters().received() + t.counters().dropped(DropReason.OVERSIZED);
    }

    private void awaitRead(UdpTransport t, long count) {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (read(t) < count) {
            if (System.nanoTime() > end) {
                failures.add("the BM-SC read " + read(t) + " of " + count + " datagrams within 10 s");
                return;
            }
            Thread.onSpinWait();
        }
    }

    private Map<String, Integer> sendRequests(Endpoint bmsc, String bTid) throws Exception {
        Map<String, Integer> kinds = new ConcurrentHashMap<>();
        int threads = 4;
        List<byte[]> all = new ArrayList<>(requests);
        List<String> kindOf = new ArrayList<>(requests);
        for (int i = 0; i < requests; i++) {
            String[] kind = new String[1];
            all.add(HostileRequests.next(random, bTid, kind));
            kindOf.add(kind[0]);
            kinds.merge(kind[0], 1, Integer::sum);
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int first = t;
            // Each thread connects from a loopback address of its own, so the client ports never run out.
            String from = "127.0.0." + (10 + t);
            done.add(pool.submit(() -> {
                for (int i = first; i < requests; i += threads) {
                    String status = exchange(bmsc, from, all.get(i));
                    statuses.computeIfAbsent(status, s -> new AtomicLong()).incrementAndGet();
                    byKind.computeIfAbsent(kindOf.get(i), k -> new ConcurrentHashMap<>())
                            .computeIfAbsent(status, s -> new AtomicLong()).incrementAndGet();
                }
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();
        return new TreeMap<>(kinds);
    }

    /** Sends {@code request} on a new connection and answers the status code of the reply ("no answer" if none). */
    private static String exchange(Endpoint bmsc, String from, byte[] request) throws IOException {
        try (Socket socket = new Socket()) {
            socket.setSoLinger(true, 0);   // close with a reset: no TIME_WAIT on either side
            socket.bind(new InetSocketAddress(from, 0));
            socket.connect(new InetSocketAddress(bmsc.host(), bmsc.port()), 5000);
            socket.setSoTimeout(15_000);
            OutputStream out = socket.getOutputStream();
            try {
                out.write(request);
                out.flush();
                socket.shutdownOutput();
            } catch (IOException refusedMidway) {
                // The server may answer (e.g. 431, 413) and close before all of a large request is written.
            }
            String line = firstLine(socket.getInputStream());
            return line.startsWith("HTTP/1.1 ") && line.length() >= 12 ? line.substring(9, 12) : "no answer";
        }
    }

    private static String firstLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        try {
            int b;
            while ((b = in.read()) >= 0 && b != '\n') {
                line.append((char) b);
            }
        } catch (SocketTimeoutException e) {
            return "";
        } catch (IOException reset) {
            return line.toString();
        }
        return line.toString().strip();
    }

    private void awaitDelivered(Bmsc bmsc, String impi, MskRef msk) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (bmsc.deliveries(impi).stream().noneMatch(r -> r.msk().equals(msk) && r.outcome() == DeliveryOutcome.DELIVERED)) {
            if (System.nanoTime() > end) {
                failures.add("no DELIVERED record of " + msk + " to " + impi);
                return;
            }
            Thread.sleep(5);
        }
    }

    private byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }

    private void report(UdpTransport udp, HttpServerTransport http) {
        System.out.println("UDP transport of the BM-SC: " + udp.counters());
        System.out.println("HTTP transport of the BM-SC: " + http.counters());
        System.out.println("HTTP status codes answered to the hostile requests: " + new TreeMap<>(statuses));
        new TreeMap<>(byKind).forEach((kind, codes) -> System.out.printf("  %-17s %s%n", kind, new TreeMap<>(codes)));
        System.out.println("rejected by the engine/BM-SC: " + new TreeMap<>(rejected));
        System.out.println("procedure failures: " + (failures.isEmpty() ? "none" : failures));
    }

    private final class Watch implements ProcedureListener {
        @Override
        public void unrouted(Envelope envelope, String detail) {
            count("unrouted: " + detail.replaceAll("[0-9a-f]{8,}|\\d+", "#"));
        }

        @Override
        public void eventRejected(InstanceRef instance, Object event, RejectionReason reason, String detail) {
            count("event rejected by " + instance.procedure() + ": " + reason);
        }

        @Override
        public void failed(InstanceRef instance, String state, Throwable cause) {
            failures.add(instance + " failed in " + state + ": " + cause);
        }

        @Override
        public void effectFailed(InstanceRef instance, String effect, Throwable cause) {
            failures.add(instance + " effect " + effect + " failed: " + cause);
        }

        private void count(String what) {
            rejected.computeIfAbsent(what.length() > 120 ? what.substring(0, 120) : what, k -> new AtomicLong()).incrementAndGet();
        }
    }
}
