package org.mbmskeys.steps;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntSupplier;
import org.mbmskeys.mbms.gba.BTid;
import org.mbmskeys.mbms.gba.Bootstrapping;
import org.mbmskeys.mbms.gba.BootstrappingContext;
import org.mbmskeys.mbms.gba.NafId;
import org.mbmskeys.mbms.gba.NafKeyLookup;
import org.mbmskeys.mbms.gba.simulated.BootstrappingException;
import org.mbmskeys.mbms.ue.gba.UbClient;

/**
 * The exchanges with the simulated BSF during one scenario, for the ladder: a UE's bootstrapping over Ub
 * (TS 33.220 §4.5.2) and a BM-SC's key request over Zn (§4.5.3). The simulated BSF is called in process, so
 * these exchanges leave no bytes on the in-memory network; this class sits between the roles and the BSF
 * (it wraps the UE's {@link UbClient} and the BM-SC's {@link Bootstrapping}) and notes each exchange with
 * its place among the captured messages, so that the ladder shows it where it happened: a bootstrapping
 * before the request it was run for, a Zn look-up after the request that needed it.
 *
 * <p>Labels name identities only (B-TID, NAF-Id, expiry); never Ks, Ks_NAF or anything derived from them.
 */
final class BsfExchanges {

    /** The BSF's name on the ladder. */
    static final String BSF = "bsf";

    /** One arrow, and how many captured messages came before it. */
    record Noted(int afterCaptured, Ladder.Arrow arrow) {
    }

    private final InstantSource clock;
    private final Instant start;
    private final IntSupplier captured;
    private final List<Noted> noted = new ArrayList<>();

    /**
     * @param clock    the scenario's virtual clock
     * @param start    when the scenario began
     * @param captured how many messages the network has captured so far
     */
    BsfExchanges(InstantSource clock, Instant start, IntSupplier captured) {
        this.clock = clock;
        this.start = start;
        this.captured = captured;
    }

    /** {@code ub}, noting each bootstrapping of the UE {@code ue} and its result. */
    UbClient ub(String ue, UbClient ub) {
        return () -> {
            note(ue, BSF, "Ub bootstrapping (HTTP Digest AKA)");
            try {
                BootstrappingContext context = ub.bootstrap();
                note(BSF, ue, "Ub 200 OK B-TID " + context.bTid().format() + " valid until " + sinceStart(context.expiresAt()));
                return context;
            } catch (BootstrappingException e) {
                note(BSF, ue, "Ub bootstrapping failed: " + e.reason());
                throw e;
            }
        };
    }

    /** {@code bsf} as the BM-SC {@code bmsc} reaches it over Zn, noting each key request and its answer. */
    Bootstrapping zn(String bmsc, Bootstrapping bsf) {
        return new Bootstrapping() {
            @Override
            public NafKeyLookup lookUp(BTid bTid, NafId nafId) {
                note(bmsc, BSF, "Zn key request B-TID " + bTid.format() + " NAF-Id " + nafId);
                NafKeyLookup answer = bsf.lookUp(bTid, nafId);
                note(BSF, bmsc, answerLabel(answer));
                return answer;
            }

            @Override
            public String toString() {
                return "Zn of " + bmsc + " to " + bsf;
            }
        };
    }

    private String answerLabel(NafKeyLookup answer) {
        if (answer instanceof NafKeyLookup.Found found) {
            return "Zn answer: Ks_NAF valid until " + sinceStart(found.keys().expiresAt());
        }
        if (answer instanceof NafKeyLookup.Expired expired) {
            return "Zn answer: bootstrapping expired at " + sinceStart(expired.expiredAt());
        }
        return "Zn answer: unknown B-TID";
    }

    /** A time on the ladder's scale: how long after the scenario began, as the ladder's gaps say it. */
    private String sinceStart(Instant at) {
        Duration d = Duration.between(start, at);
        return d.isNegative() ? at.toString() : "+" + d.toString().substring(2).toLowerCase(java.util.Locale.ROOT);
    }

    private synchronized void note(String from, String to, String label) {
        long at = Duration.between(start, clock.instant()).toMillis();
        noted.add(new Noted(captured.getAsInt(), new Ladder.Arrow(at, from, to, Ladder.Kind.GBA, label)));
    }

    /**
     * {@code captureArrows} (one per captured message, in capture order) with every noted exchange in its
     * place.
     */
    synchronized List<Ladder.Arrow> interleave(List<Ladder.Arrow> captureArrows) {
        List<Ladder.Arrow> all = new ArrayList<>(captureArrows.size() + noted.size());
        int next = 0;
        for (int i = 0; i <= captureArrows.size(); i++) {
            while (next < noted.size() && noted.get(next).afterCaptured() <= i) {
                all.add(noted.get(next++).arrow());
            }
            if (i < captureArrows.size()) {
                all.add(captureArrows.get(i));
            }
        }
        while (next < noted.size()) {
            all.add(noted.get(next++).arrow());
        }
        return all;
    }
}
