package org.mbmskeys.benchmarks.rekey;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.ref.Reference;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.management.ObjectName;
import org.mbmskeys.engine.bytes.SecretBytes;
import org.mbmskeys.engine.spi.Endpoint;
import org.mbmskeys.mbms.bmsc.distribution.KeyDistribution;
import org.mbmskeys.mbms.bmsc.distribution.KnownMuk;
import org.mbmskeys.mbms.bmsc.distribution.UeKeys;
import org.mbmskeys.mbms.bmsc.keys.KeyRegistry;
import org.mbmskeys.mbms.bmsc.keys.KeyRegistryStorage;
import org.mbmskeys.mbms.bmsc.registrations.RegistrationStorage;
import org.mbmskeys.mbms.bmsc.registrations.Registrations;
import org.mbmskeys.mbms.bmsc.services.KeyGroupRef;
import org.mbmskeys.mbms.bmsc.services.Membership;
import org.mbmskeys.mbms.bmsc.services.ServiceId;
import org.mbmskeys.mbms.bmsc.services.UserService;
import org.mbmskeys.mbms.bmsc.services.UserServices;
import org.mbmskeys.mbms.gba.BTid;
import org.mbmskeys.mbms.gba.NafId;
import org.mbmskeys.mbms.gba.NafKeyMaterial;
import org.mbmskeys.mbms.keys.KeyDomainId;
import org.mbmskeys.mbms.keys.KeyGroup;
import org.mbmskeys.mbms.keys.ProtectingKey;
import org.mbmskeys.mbms.keys.ServiceType;

/**
 * Retained heap per registered, idle UE at the BM-SC, by structure: what the {@code Bmsc} facade keeps for a
 * UE after its registration and first MSK push are over (the procedure instances have ended). Built with the
 * role-code calls the facade makes for a registration (the HTTP, Digest and engine parts leave nothing behind
 * once the exchange is over), in this order, the live heap measured after each stage:
 *
 * <ol>
 *   <li>{@code UeKeys.learn(nafKeys)}: the UE's MUK, as Digest's Zn look-up leaves it (MUK, B-TID, MUK ID,
 *       IMPI → entry and B-TID → IMPI indexes);</li>
 *   <li>{@code Registrations.register(impi, bTid, source, [service])} and {@code mukDerived(impi, lastMuk)}: the
 *       registration record and its B-TID and service indexes;</li>
 *   <li>{@code KeyRegistry.nextCounter(muk)}: the COUNTER stream of the UE's MUK, which the first MSK push
 *       starts.</li>
 * </ol>
 *
 * IDs have realistic shapes: an IMPI of 48 characters, a B-TID of 62 (base64 of 16 bytes @ a BSF FQDN), an IPv4
 * source, a 32-byte Ks_NAF, one service (one Key Group); each UE's derivation time and key lifetime are
 * {@code Instant}s of their own, and its registration uses the IMPI the BSF returned, as the facade does. Live heap as in {@code EngineFootprint}: the total of
 * a class histogram of live objects (exact, and by class) and {@code MemoryMXBean} used heap after full GCs.
 *
 * <pre>
 * java -Xmx2g -cp benchmarks/target/benchmarks.jar org.mbmskeys.benchmarks.rekey.BmscFootprint 1000000
 * </pre>
 */
public final class BmscFootprint {

    private static final Pattern HISTOGRAM_LINE = Pattern.compile("^\\s*\\d+:\\s+(\\d+)\\s+(\\d+)\\s+(\\S+).*$");
    private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

    private BmscFootprint() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0].replace("_", "")) : 1_000_000;
        System.out.printf(Locale.ROOT, "JVM %s %s; max heap %,d MiB; N = %,d%n", System.getProperty("java.vm.name"),
                System.getProperty("java.runtime.version"), Runtime.getRuntime().maxMemory() >> 20, n);
        Instant now = Instant.parse("2026-12-03T08:00:00Z");
        NafId naf = NafId.forMbms("bmsc.example.org");
        Random random = new Random(33246);
        KeyRegistry registry = KeyRegistry.create(KeyRegistryStorage.inMemory(), k -> {
            byte[] b = new byte[k];
            random.nextBytes(b);
            return SecretBytes.wrap(b);
        });
        // every UE's MUK is derived at an instant of its own, as on a real BM-SC (an Instant each)
        long[] tick = {0};
        UeKeys ueKeys = UeKeys.builder((bTid, nafId) -> {
            throw new IllegalStateException("no Zn here: the keys are learned");
        }, naf, () -> now.plusMillis(++tick[0])).onRetired(KeyDistribution.retireCountersIn(registry)).build();
        UserServices services = new UserServices();
        KeyGroupRef group = KeyGroupRef.of(KeyDomainId.parse("001-01"), KeyGroup.of(0x0101));
        ServiceId news = ServiceId.of("urn:example:mbms:news");
        services.define(UserService.of(news, ServiceType.DOWNLOAD, group));
        registry.createGroup(group.keyDomain(), group.keyGroup(), ServiceType.DOWNLOAD);
        Registrations registrations = Registrations.create(RegistrationStorage.inMemory(), services, Membership.open());
        List<ServiceId> requested = List.of(news);
        Instant expiry = now.plus(Duration.ofDays(1));

        // one UE first, so that everything made lazily (maps, the service's index) is in the baseline
        KnownMuk[] known = new KnownMuk[n + 1];
        known[n] = ueKeys.learn(nafKeys(naf, n, expiry, random));
        registrations.register(known[n].impi(), known[n].bTid(), source(n), requested);
        registrations.mukDerived(known[n].impi(), known[n].asLastMuk());
        registry.nextCounter(ProtectingKey.muk(known[n].mukId()));

        List<Stage> stages = new ArrayList<>();
        stages.add(Stage.measure("baseline"));
        for (int i = 0; i < n; i++) {
            known[i] = ueKeys.learn(nafKeys(naf, i, expiry, random));
        }
        stages.add(Stage.measure("UE keys (UeKeys: MUK, B-TID, MUK ID, indexes)"));
        for (int i = 0; i < n; i++) {
            // the facade registers the IMPI the BSF returned with the keys (BmscKeyRequests.register)
            registrations.register(known[i].impi(), known[i].bTid(), source(i), requested);
            registrations.mukDerived(known[i].impi(), known[i].asLastMuk());
        }
        stages.add(Stage.measure("registrations (record, last MUK, B-TID and service indexes)"));
        for (int i = 0; i < n; i++) {
            registry.nextCounter(ProtectingKey.muk(known[i].mukId()));
        }
        stages.add(Stage.measure("MUK counters (KeyRegistry)"));
        for (int i = 0; i < n; i++) {
            known[i] = null;   // the harness's own references, not the BM-SC's
        }
        stages.add(Stage.measure("without the harness's KnownMuk array entries"));

        require(registrations.count() == n + 1L && ueKeys.size() == n + 1L, "expected " + (n + 1) + " UEs");
        for (int s = 1; s < stages.size(); s++) {
            stages.get(s).report(stages.get(s - 1), n);
        }
        Stage first = stages.get(0);
        Stage last = stages.get(stages.size() - 1);
        System.out.printf(Locale.ROOT, "%nTOTAL per registered idle UE: %.1f B (histogram), %.1f B (heap used); "
                        + "heap used %,.1f MiB of %,d MiB%n", (last.histogramTotal - first.histogramTotal) / (double) n,
                (last.heapUsed - first.heapUsed) / (double) n, last.heapUsed / 1048576.0,
                Runtime.getRuntime().maxMemory() >> 20);
        Reference.reachabilityFence(registry);
        Reference.reachabilityFence(ueKeys);
        Reference.reachabilityFence(registrations);
    }

    static String impi(int i) {
        return String.format(Locale.ROOT, "0010100%08d@ims.mnc001.mcc001.3gppnetwork.org", i);
    }

    static Endpoint source(int i) {
        return Endpoint.of("10." + (i >> 16 & 0xFF) + "." + (i >> 8 & 0xFF) + "." + (i & 0xFF), 40000);
    }

    static NafKeyMaterial nafKeys(NafId naf, int i, Instant expiry, Random random) {
        byte[] rand = new byte[16];
        random.nextBytes(rand);
        BTid bTid = BTid.parse(Base64.getEncoder().encodeToString(rand) + "@bsf.mnc001.mcc001.pub.3gppnetwork.org");
        byte[] ks = new byte[32];
        random.nextBytes(ks);
        // each bootstrapping has a key lifetime of its own (an Instant each)
        return NafKeyMaterial.gbaMe(naf, bTid, impi(i), expiry.plusSeconds(i), SecretBytes.wrap(ks));
    }

    /** The live heap at one point: MemoryMXBean after GC and a class histogram. */
    private record Stage(String name, long heapUsed, Map<String, long[]> histogram, long histogramTotal) {
        static Stage measure(String name) throws Exception {
            long lowest = Long.MAX_VALUE;
            for (int i = 0; i < 4; i++) {
                System.gc();
                lowest = Math.min(lowest, MEMORY.getHeapMemoryUsage().getUsed());
            }
            String text = (String) ManagementFactory.getPlatformMBeanServer().invoke(
                    new ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
                    new Object[] {new String[0]}, new String[] {String[].class.getName()});
            Map<String, long[]> out = new HashMap<>();
            long total = 0;
            for (String line : text.split("\n")) {
                Matcher m = HISTOGRAM_LINE.matcher(line);
                if (m.matches()) {
                    long[] v = out.computeIfAbsent(m.group(3), c -> new long[2]);
                    v[0] += Long.parseLong(m.group(1));
                    v[1] += Long.parseLong(m.group(2));
                    total += Long.parseLong(m.group(2));
                }
            }
            return new Stage(name, lowest, out, total);
        }

        void report(Stage before, int n) {
            System.out.printf(Locale.ROOT, "%n%s: %.1f B per UE (histogram), %.1f B (heap used)%n", name,
                    (histogramTotal - before.histogramTotal) / (double) n, (heapUsed - before.heapUsed) / (double) n);
            Map<String, long[]> diff = new HashMap<>();
            histogram.forEach((cls, v) -> diff.put(cls, new long[] {v[0], v[1]}));
            before.histogram.forEach((cls, v) -> {
                long[] d = diff.computeIfAbsent(cls, c -> new long[2]);
                d[0] -= v[0];
                d[1] -= v[1];
            });
            List<Map.Entry<String, long[]>> rows = new ArrayList<>();
            diff.entrySet().stream().filter(e -> Math.abs(e.getValue()[1]) * 2 >= n).forEach(rows::add);
            rows.sort(Comparator.comparingLong((Map.Entry<String, long[]> e) -> e.getValue()[1]).reversed());
            for (Map.Entry<String, long[]> row : rows) {
                System.out.printf(Locale.ROOT, "  %8.2f objects %8.1f B  %s%n", row.getValue()[0] / (double) n,
                        row.getValue()[1] / (double) n, row.getKey());
            }
        }
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalStateException(message);
        }
    }
}
