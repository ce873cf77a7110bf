package org.mbmskeys.benchmarks.engine;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.ref.Reference;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.management.ObjectName;
import org.mbmskeys.engine.runtime.Engine;
import org.mbmskeys.engine.spi.InstanceRecord;
import org.mbmskeys.engine.spi.InstanceStore;
import org.mbmskeys.engine.spi.ManualScheduler;

/**
 * Retained heap per idle instance: starts N instances of {@code bench.msk-push} (a 10-character String
 * correlation key that is also input {@code ue}, a {@code Long} input, an {@code Integer} variable), each
 * left waiting in {@code waiting} on its armed 30 s deadline, and divides the growth of the live heap by
 * N. Not a JMH benchmark: the figure is a byte count, not a speed, and it needs its own JVM with a fixed
 * heap.
 *
 * <p>Method: a deterministic two-lane engine on a {@link ManualScheduler} (the instances are the same
 * objects as on a threaded engine; only who runs the lanes differs), the default in-memory store. One
 * instance is started and ended first so that everything created lazily exists in the baseline. Then:
 * live heap with 0 instances (baseline), start N, live heap again. "Live heap" is measured two ways, both
 * after full collections: {@link MemoryMXBean} heap used after {@code System.gc()} (four times, the
 * lowest reading), and the total of a class histogram of live objects ({@code GC.class_histogram}, the
 * same as {@code jcmd <pid> GC.class_histogram}), which is exact and also says which classes the bytes are
 * in. Finally all deadlines are made to fire once (30 s of virtual time: every instance retries, sends
 * again and re-arms) and the heap is measured again, to show that the figure holds after a timer cycle.
 *
 * <pre>
 * java -Xmx1g -cp benchmarks/target/benchmarks.jar org.mbmskeys.benchmarks.engine.EngineFootprint 1000000
 * </pre>
 */
public final class EngineFootprint {

    private static final Pattern HISTOGRAM_LINE = Pattern.compile("^\\s*\\d+:\\s+(\\d+)\\s+(\\d+)\\s+(\\S+).*$");
    private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

    private EngineFootprint() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0].replace("_", "")) : 1_000_000;
        describeJvm();

        ManualScheduler time = new ManualScheduler();
        LongAdder sent = new LongAdder();
        InstanceStore store = InstanceStore.inMemory();
        Engine engine = Engine.builder()
                .procedure(BenchProcedures.push())
                .lanes(EngineThroughputBenchmark.LANES)
                .deterministic()
                .scheduler(time)
                .store(store)
                .channel("mikey", message -> sent.increment())
                .build();
        engine.start(BenchProcedures.PUSH, Map.of("ue", "warm-up", "mskId", 1L));
        engine.send(BenchProcedures.PUSH, "warm-up", new Ack());
        require(engine.instance(BenchProcedures.PUSH, "warm-up").isEmpty(), "the warm-up instance did not end");

        long heapBefore = heapAfterGc();
        Map<String, long[]> histogramBefore = liveHistogram();

        long t0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            engine.start(BenchProcedures.PUSH, Map.of("ue", key(i), "mskId", 0x1_0000_0000L + i));
        }
        long startNanos = System.nanoTime() - t0;
        require(sent.sum() == n + 1L, "expected " + (n + 1) + " sends, got " + sent.sum());
        InstanceRecord sample = engine.instance(BenchProcedures.PUSH, key(n / 2)).orElseThrow();
        require(sample.state().equals("waiting") && sample.deadlines().size() == 1
                && sample.variables().get("attempts").equals(1), "unexpected record " + sample);

        long heapAfter = heapAfterGc();
        Map<String, long[]> histogramAfter = liveHistogram();

        System.out.printf(Locale.ROOT, "%,d instances started in %.2f s on one thread (deterministic): %,.0f starts/s%n",
                n, startNanos / 1e9, n / (startNanos / 1e9));
        System.out.printf(Locale.ROOT, "sample record: %s, deadlines %s, inputs %s, variables %s%n", sample.state(),
                sample.deadlines(), sample.inputs(), sample.variables());
        report("with 0 instances", heapBefore, histogramBefore, "with " + String.format(Locale.ROOT, "%,d", n)
                + " idle instances", heapAfter, histogramAfter, n);

        long t1 = System.nanoTime();
        time.advance(Duration.ofSeconds(30));
        long fireNanos = System.nanoTime() - t1;
        require(sent.sum() == 2L * n + 1, "expected every timer to fire once (" + (2L * n + 1) + " sends), got " + sent.sum());
        System.out.printf(Locale.ROOT, "%n%,d deadlines fired (retry: exit, entry, send, re-arm) in %.2f s: %,.0f/s%n",
                n, fireNanos / 1e9, n / (fireNanos / 1e9));
        long heapCycled = heapAfterGc();
        Map<String, long[]> histogramCycled = liveHistogram();
        report("with 0 instances", heapBefore, histogramBefore, "after every deadline fired once", heapCycled,
                histogramCycled, n);
        System.out.printf(Locale.ROOT, "%nheap after GC: %,.1f MiB used of %,.1f MiB max%n", heapCycled / 1048576.0,
                MEMORY.getHeapMemoryUsage().getMax() / 1048576.0);
        Reference.reachabilityFence(engine);
        Reference.reachabilityFence(store);
        engine.close();
    }

    /** A 10-character key, {@code ue-0000042}: a short IMPI-like id; longer keys add their length. */
    private static String key(int i) {
        String digits = Integer.toString(i);
        return "ue-" + "0000000".substring(Math.min(7, digits.length())) + digits;
    }

    private static void report(String baseName, long baseHeap, Map<String, long[]> baseHistogram, String name, long heap,
                               Map<String, long[]> histogram, int n) {
        long baseTotal = total(baseHistogram);
        long histTotal = total(histogram);
        System.out.printf(Locale.ROOT, "%nlive heap %s: %,d B (MemoryMXBean), %,d B (histogram)%n", baseName, baseHeap,
                baseTotal);
        System.out.printf(Locale.ROOT, "live heap %s: %,d B (MemoryMXBean), %,d B (histogram)%n", name, heap, histTotal);
        System.out.printf(Locale.ROOT, "per instance: %.1f B (MemoryMXBean), %.1f B (histogram)%n",
                (heap - baseHeap) / (double) n, (histTotal - baseTotal) / (double) n);
        System.out.println("by class (histogram difference / N; classes with at least 0.5 B per instance):");
        System.out.printf(Locale.ROOT, "  %10s %10s  %s%n", "objects", "bytes", "class");
        List<Map.Entry<String, long[]>> rows = new ArrayList<>();
        Map<String, long[]> diff = new HashMap<>();
        histogram.forEach((cls, v) -> diff.put(cls, new long[] {v[0], v[1]}));
        baseHistogram.forEach((cls, v) -> {
            long[] d = diff.computeIfAbsent(cls, c -> new long[2]);
            d[0] -= v[0];
            d[1] -= v[1];
        });
        diff.entrySet().stream().filter(e -> Math.abs(e.getValue()[1]) * 2 >= n).forEach(rows::add);
        rows.sort(Comparator.comparingLong((Map.Entry<String, long[]> e) -> e.getValue()[1]).reversed());
        for (Map.Entry<String, long[]> row : rows) {
            System.out.printf(Locale.ROOT, "  %10.2f %10.1f  %s%n", row.getValue()[0] / (double) n,
                    row.getValue()[1] / (double) n, row.getKey());
        }
    }

    private static long heapAfterGc() {
        long lowest = Long.MAX_VALUE;
        for (int i = 0; i < 4; i++) {
            System.gc();
            lowest = Math.min(lowest, MEMORY.getHeapMemoryUsage().getUsed());
        }
        return lowest;
    }

    /** Class name to {instances, bytes} of live objects; the histogram command runs a full GC first. */
    private static Map<String, long[]> liveHistogram() throws Exception {
        String text = (String) ManagementFactory.getPlatformMBeanServer().invoke(
                new ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
                new Object[] {new String[0]}, new String[] {String[].class.getName()});
        Map<String, long[]> out = new HashMap<>();
        for (String line : text.split("\n")) {
            Matcher m = HISTOGRAM_LINE.matcher(line);
            if (m.matches()) {
                long[] v = out.computeIfAbsent(m.group(3), c -> new long[2]);
                v[0] += Long.parseLong(m.group(1));
                v[1] += Long.parseLong(m.group(2));
            }
        }
        return out;
    }

    private static long total(Map<String, long[]> histogram) {
        return histogram.values().stream().mapToLong(v -> v[1]).sum();
    }

    private static void describeJvm() {
        HotSpotDiagnosticMXBean vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
        List<String> gcs = new ArrayList<>();
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            gcs.add(gc.getName());
        }
        System.out.printf(Locale.ROOT, "JVM %s %s; max heap %,.0f MiB; GC %s; UseCompressedOops %s; "
                        + "UseCompressedClassPointers %s; ObjectAlignmentInBytes %s%n",
                System.getProperty("java.vm.name"), System.getProperty("java.runtime.version"),
                MEMORY.getHeapMemoryUsage().getMax() / 1048576.0, gcs, vm.getVMOption("UseCompressedOops").getValue(),
                vm.getVMOption("UseCompressedClassPointers").getValue(), vm.getVMOption("ObjectAlignmentInBytes").getValue());
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalStateException(message);
        }
    }
}
