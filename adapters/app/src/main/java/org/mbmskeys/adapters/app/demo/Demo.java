package org.mbmskeys.adapters.app.demo;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.mbmskeys.adapters.app.node.UeStation;
import org.mbmskeys.engine.bytes.SecretBytes;
import org.mbmskeys.mbms.bmsc.Bmsc;
import org.mbmskeys.mbms.gba.simulated.BootstrapConfirmation;
import org.mbmskeys.mbms.keys.MskRef;
import org.mbmskeys.mbms.traffic.SrtpMasterKey;
import org.mbmskeys.mbms.ue.keys.CurrentMtk;
import org.mbmskeys.mbms.ue.procedure.UeOutcome;

/**
 * The demo's story: one BM-SC, three UEs, every key management procedure of TS 33.246 once, over real
 * loopback sockets. Each chapter starts something and waits until the UEs' and the BM-SC's own reports show
 * it done (never a fixed pause, except for the one wait a key lifetime needs), printing as it goes.
 */
final class Demo {

    static final List<String> UES = List.of("alice", "bob", "carol");
    /** Carol's GBA keys live this long, so that the demo can show a solicited pull with an expired Ks_NAF. */
    static final Duration CAROL_KEY_LIFETIME = Duration.ofSeconds(8);
    private static final Duration STEP_TIMEOUT = Duration.ofSeconds(15);

    private final DemoLab lab;
    private final PrintWriter out;
    private final List<Chapter> chapters = new ArrayList<>();
    private final Instant start;

    /** One chapter: its title, the clauses it shows, when it began and ended. */
    record Chapter(String title, String clauses, Instant began, Instant ended) {
        Duration took() {
            return Duration.between(began, ended);
        }
    }

    Demo(DemoLab lab, PrintWriter out) {
        this.lab = lab;
        this.out = out;
        this.start = lab.clock.now();
    }

    List<Chapter> chapters() {
        return List.copyOf(chapters);
    }

    Instant start() {
        return start;
    }

    void run() {
        Bmsc bmsc = lab.bmsc.bmsc();
        MskRef first = bmsc.rotate(DemoLab.NEWS);
        chapter("Registration, then the MSK pushed with a MIKEY ACK", "§6.3.2.1, §6.3.2.3.1", () -> {
            int mark = lab.atUes.mark();
            int ended = lab.bmscEnded.mark();
            out.println("      starting the UEs (their procedure scripts compile first: a few seconds)");
            out.flush();
            for (String name : UES) {
                UeStation station = lab.addUe(name, UES.indexOf(name) + 1);
                if (name.equals("carol")) {
                    lab.bsf.keyLifetime(lab.impis.get(name), CAROL_KEY_LIFETIME);
                }
                station.ue().powerOn();
                station.ue().use(DemoLab.SERVICE);
            }
            awaitEach(mark, "every UE registered and holding " + first, (ue, o) -> o instanceof UeOutcome.ServiceRegistered r
                    && r.ue().equals(ue), (ue, o) -> o instanceof UeOutcome.MskReceived m && m.ue().equals(ue)
                    && m.msk().equals(first) && m.verificationSent());
            lab.bmscEnded.await(ended, "the BM-SC's three pushes acknowledged",
                    e -> e.stream().filter(s -> s.startsWith(Bmsc.MSK_PUSH)).count() >= UES.size(), STEP_TIMEOUT);
        });
        chapter("MTK streaming over multicast", "§6.3.3.2", () -> {
            for (String name : UES) {
                lab.ues.get(name).udp().join(DemoLab.MTK_GROUP);
            }
            int mark = lab.atUes.mark();
            bmsc.startMtkDelivery(DemoLab.SESSION);
            awaitEach(mark, "an MTK of " + first + " at every UE", mtkOf(first));
            mark = lab.atUes.mark();
            bmsc.nextMtk(DemoLab.SESSION);
            awaitEach(mark, "the next MTK at every UE", mtkOf(first));
            SrtpMasterKey sending = lab.srtpSender.get(lab.srtpSender.size() - 1);
            for (String name : UES) {
                requireHeldBy(name, sending);
            }
            out.printf("      the SRTP sender was handed each new MTK (now MKI %s); every UE holds that "
                    + "master key and salt%n", sending.mki());
        });
        MskRef[] second = new MskRef[1];
        chapter("Missed key update: an MTK under an MSK the UEs lack", "§6.3.2.2.3", () -> {
            bmsc.rekeying(Bmsc.Rekeying.ON_REQUEST);
            second[0] = bmsc.rotate(DemoLab.NEWS);
            int mark = lab.atUes.mark();
            bmsc.nextMtk(DemoLab.SESSION);
            awaitEach(mark, "an MSK request for " + second[0] + " from every UE, and the key",
                    (ue, o) -> o instanceof UeOutcome.MskRequestAnswered a && a.ue().equals(ue),
                    (ue, o) -> o instanceof UeOutcome.MskReceived m && m.ue().equals(ue) && m.msk().equals(second[0]));
            mark = lab.atUes.mark();
            bmsc.nextMtk(DemoLab.SESSION);
            awaitEach(mark, "an MTK of " + second[0] + " at every UE", mtkOf(second[0]));
        });
        chapter("Solicited pull while Carol's Ks_NAF has expired", "§6.3.2.2.4, §6.1", () -> {
            BootstrapConfirmation carols = lastBootstrap("carol");
            Duration left = Duration.between(lab.clock.now(), carols.expiresAt());
            if (!left.isNegative()) {
                out.printf("      waiting %.1f s for Carol's GBA key lifetime to end%n", (left.toMillis() + 100) / 1000.0);
                out.flush();
                pause(left.plusMillis(100));
            }
            int gbaBefore = lab.gbaRuns("carol");
            bmsc.rekeying(Bmsc.Rekeying.SOLICITED_PULL);
            int mark = lab.atUes.mark();
            MskRef third = bmsc.rotate(DemoLab.NEWS);
            awaitEach(mark, "every UE pulling " + third,
                    (ue, o) -> o instanceof UeOutcome.MskReceived m && m.ue().equals(ue) && m.msk().equals(third));
            if (lab.gbaRuns("carol") <= gbaBefore) {
                throw new IllegalStateException("Carol took the MSK without bootstrapping again");
            }
        });
        chapter("UICC change: the keys of the old card are gone", "§6.1, §6.4.3", () -> {
            UeStation bob = lab.ues.get("bob");
            bob.ue().uiccChanged(DemoLab.uicc(2, 1));
            until("Bob's keys wiped", () -> bob.ue().msks(DemoLab.SERVICE).isEmpty());
            int mark = lab.atUes.mark();
            MskRef current = bmsc.currentMsk(DemoLab.NEWS).orElseThrow();
            bmsc.rekeying(Bmsc.Rekeying.PUSH);
            bob.ue().use(DemoLab.SERVICE);
            lab.atUes.await(mark, "Bob registered again with his new card and holding " + current,
                    all -> all.stream().anyMatch(o -> o instanceof UeOutcome.ServiceRegistered r && r.ue().equals("bob"))
                            && all.stream().anyMatch(o -> o instanceof UeOutcome.MskReceived m && m.ue().equals("bob")
                            && m.msk().equals(current)), STEP_TIMEOUT);
        });
        chapter("Deregistration", "§6.3.2.1B", () -> {
            int mark = lab.atUes.mark();
            lab.ue("alice").leave(DemoLab.SERVICE);
            lab.atUes.await(mark, "Alice deregistered", all -> all.stream()
                    .anyMatch(o -> o instanceof UeOutcome.ServiceDeregistered d && d.ue().equals("alice")), STEP_TIMEOUT);
            until("the BM-SC forgot Alice's registration", () -> bmsc.registration(lab.impis.get("alice")).isEmpty());
            // The BM-SC invalidates each MSK Alice holds with a message of its own; they arrive after the 200.
            until("Alice's MSKs invalidated", () -> lab.ue("alice").msks(DemoLab.SERVICE).isEmpty());
            bmsc.stopMtkDelivery(DemoLab.SESSION);
        });
        if (!lab.bmscFailures.isEmpty()) {
            throw new IllegalStateException("the BM-SC reported failures: " + lab.bmscFailures);
        }
    }

    private void chapter(String title, String clauses, Runnable body) {
        int n = chapters.size() + 1;
        out.printf("  [%d/6] %s (%s)%n", n, title, clauses);
        out.flush();
        Instant began = lab.clock.now();
        body.run();
        Chapter done = new Chapter(title, clauses, began, lab.clock.now());
        chapters.add(done);
        out.printf("        done in %d ms%n", done.took().toMillis());
        out.flush();
    }

    private BootstrapConfirmation lastBootstrap(String ue) {
        List<BootstrapConfirmation> runs = lab.bsf.bootstrappings(lab.impis.get(ue));
        return runs.get(runs.size() - 1);
    }

    /** Per UE, the reports since {@code mark} include one matching each of {@code wanted}. */
    private void awaitEach(int mark, String what, UeReport... wanted) {
        lab.atUes.await(mark, what, all -> {
            for (String ue : UES) {
                if (lab.ues.containsKey(ue)) {
                    for (UeReport w : wanted) {
                        if (all.stream().noneMatch(o -> w.matches(ue, o))) {
                            return false;
                        }
                    }
                }
            }
            return true;
        }, STEP_TIMEOUT);
    }

    /** The UE's current MTK of the session is the SRTP sender's master key and salt (§6.5.4, §6.6.2.1). */
    private void requireHeldBy(String name, SrtpMasterKey sending) {
        Optional<CurrentMtk> held = lab.ues.get(name).ue().currentMtk(DemoLab.SERVICE, DemoLab.SESSION);
        try {
            boolean same = held.isPresent() && held.get().mtkId().equals(sending.mki().mtkId())
                    && held.get().key().equals(sending.masterKey())
                    && held.get().salt().equals(Optional.of(sending.masterSalt()));
            if (!same) {
                throw new IllegalStateException(name + " does not hold the master key and salt the SRTP sender "
                        + "protects with under MKI " + sending.mki() + "; it holds "
                        + held.map(m -> "MTK " + m.mtkId()).orElse("no MTK"));
            }
        } finally {
            held.ifPresent(m -> {
                m.key().destroy();
                m.salt().ifPresent(SecretBytes::destroy);
            });
        }
    }

    private static UeReport mtkOf(MskRef msk) {
        return (ue, o) -> o instanceof UeOutcome.MtkReceived m && m.ue().equals(ue) && m.msk().equals(msk);
    }

    /** State that no report announces (a wiped key store): looked at every 10 ms, for at most the step timeout. */
    private static void until(String what, java.util.function.BooleanSupplier done) {
        long end = System.nanoTime() + STEP_TIMEOUT.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new IllegalStateException("the demo did not see " + what + " within " + STEP_TIMEOUT.toSeconds() + " s");
            }
            pause(Duration.ofMillis(10));
        }
    }

    private static void pause(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** A report of one UE that a chapter waits for. */
    @FunctionalInterface
    interface UeReport {
        boolean matches(String ue, UeOutcome outcome);
    }
}
