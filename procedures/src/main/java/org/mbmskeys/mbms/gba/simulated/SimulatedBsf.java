package org.mbmskeys.mbms.gba.simulated;

import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiPredicate;
import org.mbmskeys.engine.bytes.Bytes;
import org.mbmskeys.engine.bytes.SecretBytes;
import org.mbmskeys.engine.spi.RandomBytes;
import org.mbmskeys.mbms.gba.BTid;
import org.mbmskeys.mbms.gba.Bootstrapping;
import org.mbmskeys.mbms.gba.BootstrappingContext;
import org.mbmskeys.mbms.gba.Fqdn;
import org.mbmskeys.mbms.gba.GbaMode;
import org.mbmskeys.mbms.gba.Impi;
import org.mbmskeys.mbms.gba.NafId;
import org.mbmskeys.mbms.gba.NafKeyLookup;
import org.mbmskeys.mbms.gba.NafKeys;

/**
 * A Bootstrapping Server Function for tests and the demo. It holds subscribers (IMPI → K, OPc, SQN_HE,
 * GBA mode), runs the Ub side of GBA bootstrapping with real MILENAGE AKA (TS 33.220 §4.5.2), and answers
 * NAFs over Zn as a {@link Bootstrapping}.
 *
 * <p>Ub, as method calls instead of HTTP Digest AKA (TS 24.109):
 * <ol>
 *   <li>{@link #challenge(String)}: fresh RAND from the injected random source, SQN_HE + 1, and
 *       AUTN = (SQN ⊕ AK) ‖ AMF ‖ MAC-A;</li>
 *   <li>{@link #complete(String, Bytes)}: checks RES against XRES, stores Ks = CK ‖ IK under
 *       B-TID = base64(RAND)@domain with lifetime {@code now + keyLifetime}, and returns both;</li>
 *   <li>{@link #resynchronize(String, Bytes, Bytes)}: after a USIM sync failure, checks AUTS and moves
 *       SQN_HE forward.</li>
 * </ol>
 * One challenge is outstanding per IMPI; a new one replaces it. A successful bootstrapping replaces the
 * IMPI's previous one (its B-TID becomes unknown): the UE has overwritten its Ks, so only an attacker
 * could still present the old B-TID. Expired bootstrappings are kept so Zn can say "expired" rather than
 * "unknown". AMF is {@code 0000}. Time comes from the injected {@link InstantSource}. Thread-safe.
 *
 * <pre>{@code
 * SimulatedBsf bsf = new SimulatedBsf("bsf.example.org", clock, random::next, Duration.ofHours(1));
 * bsf.addSubscriber(impi, k, opc, Sqn.of(0), GbaMode.GBA_ME);
 * BootstrappingContext ue = new GbaClient(usim, clock).bootstrap(bsf);
 * NafKeyLookup atBmsc = bsf.lookUp(ue.bTid(), NafId.forMbms("bmsc.example.org"));
 * }</pre>
 */
public final class SimulatedBsf implements Bootstrapping {

    /** AMF used in every AUTN this BSF makes. */
    public static final Bytes AMF = Bytes.ofHex("0000");

    private static final int AUTS_LENGTH = 14;

    private final String domain;
    private final InstantSource clock;
    private final RandomBytes random;
    private final Duration keyLifetime;

    private final Map<String, Subscriber> subscribers = new HashMap<>();
    private final Map<String, Pending> pending = new HashMap<>();
    private final Map<BTid, Session> sessions = new HashMap<>();
    private final Map<String, BTid> currentByImpi = new HashMap<>();
    private final Map<String, List<BootstrapConfirmation>> history = new HashMap<>();

    /**
     * @param domain      the BSF server domain name, the part of every B-TID after '@'
     * @param clock       the time source for lifetimes and expiry
     * @param random      returns {@code n} fresh random bytes for {@code apply(n)} (RAND)
     * @param keyLifetime how long Ks and its NAF keys stay valid after a successful bootstrapping
     * @throws IllegalArgumentException if the domain is not a host name or the lifetime is not positive
     */
    public SimulatedBsf(String domain, InstantSource clock, RandomBytes random, Duration keyLifetime) {
        this.domain = Fqdn.require("BSF domain", domain);
        this.clock = Objects.requireNonNull(clock, "clock");
        this.random = Objects.requireNonNull(random, "random");
        this.keyLifetime = Objects.requireNonNull(keyLifetime, "keyLifetime");
        if (keyLifetime.isNegative() || keyLifetime.isZero()) {
            throw new IllegalArgumentException("key lifetime must be positive, got " + keyLifetime);
        }
    }

    public String domain() {
        return domain;
    }

    /**
     * Adds a subscriber. {@code sqnHe} is the last SQN the home network used; the next challenge uses the
     * one after it.
     *
     * @throws IllegalArgumentException if the IMPI is already present, or K/OPc are not 16 bytes
     */
    public synchronized void addSubscriber(String impi, SecretBytes k, SecretBytes opc, Sqn sqnHe, GbaMode mode) {
        Impi.require(impi);
        if (subscribers.containsKey(impi)) {
            throw new IllegalArgumentException("subscriber " + impi + " is already registered at BSF " + domain
                    + "; each IMPI has one subscription");
        }
        subscribers.put(impi, new Subscriber(Milenage.withOpc(k, opc), Objects.requireNonNull(sqnHe, "sqnHe"),
                Objects.requireNonNull(mode, "mode")));
    }

    /**
     * Gives the subscriber's next bootstrappings this key lifetime instead of the BSF's (TS 33.220: the lifetime
     * is the operator's choice, e.g. per subscription). Bootstrappings already made keep theirs.
     *
     * @throws BootstrappingException {@link BootstrappingFailure#UNKNOWN_IMPI} if there is no such subscriber
     * @throws IllegalArgumentException if the lifetime is not positive
     */
    public synchronized void keyLifetime(String impi, Duration lifetime) {
        Objects.requireNonNull(lifetime, "lifetime");
        if (lifetime.isNegative() || lifetime.isZero()) {
            throw new IllegalArgumentException("key lifetime must be positive, got " + lifetime);
        }
        subscriber(impi).keyLifetime = lifetime;
    }

    /**
     * Every successful bootstrapping of {@code impi} at this BSF, oldest first: B-TID and end of key lifetime,
     * no key. Empty if the subscriber never bootstrapped (or is unknown). For tests that ask whether and when a
     * UE ran GBA.
     */
    public synchronized List<BootstrapConfirmation> bootstrappings(String impi) {
        return List.copyOf(history.getOrDefault(Objects.requireNonNull(impi, "impi"), List.of()));
    }

    /**
     * Step 1 of Ub: an AKA challenge for {@code impi}.
     *
     * @throws BootstrappingException {@link BootstrappingFailure#UNKNOWN_IMPI} if there is no such subscriber
     * @throws IllegalStateException  if the random source returns the wrong length or repeats the RAND of
     *                                a stored bootstrapping (B-TIDs must be unique)
     */
    public synchronized AuthenticationChallenge challenge(String impi) {
        Subscriber subscriber = subscriber(impi);
        Bytes rand = Objects.requireNonNull(random.next(BTid.RAND_LENGTH), "random source returned null");
        if (rand.length() != BTid.RAND_LENGTH) {
            throw new IllegalStateException("random source returned " + rand.length() + " bytes when "
                    + BTid.RAND_LENGTH + " were asked for RAND");
        }
        if (sessions.containsKey(BTid.of(rand, domain))) {
            throw new IllegalStateException("random source repeated RAND " + rand + " of a stored bootstrapping;"
                    + " B-TIDs must be unique (TS 33.220 §4.5.2)");
        }
        Sqn sqn = subscriber.sqnHe.next();
        subscriber.sqnHe = sqn;
        Milenage milenage = subscriber.milenage;
        SecretBytes ak = milenage.f5(rand);
        Bytes autn = SimulatedUsim.xor(sqn.toBytes(), ak).concat(AMF).concat(milenage.f1(rand, sqn.toBytes(), AMF));
        ak.destroy();
        Pending previous = pending.put(impi, new Pending(rand, milenage.f2(rand), milenage.f3(rand), milenage.f4(rand)));
        if (previous != null) {
            previous.destroy();
        }
        return new AuthenticationChallenge(rand, autn);
    }

    /**
     * Step 2 of Ub: the UE's RES. On success the bootstrapping is stored and its B-TID and lifetime returned.
     * The outstanding challenge is used up either way.
     *
     * @throws BootstrappingException {@link BootstrappingFailure#UNKNOWN_IMPI},
     *                                {@link BootstrappingFailure#NO_PENDING_CHALLENGE} or
     *                                {@link BootstrappingFailure#RES_MISMATCH}
     */
    public synchronized BootstrapConfirmation complete(String impi, Bytes res) {
        Objects.requireNonNull(res, "res");
        return completeWith(impi, (rand, xres) -> MessageDigest.isEqual(xres.toByteArray(), res.toByteArray()));
    }

    /**
     * Step 2 of Ub when the UE proves RES without sending it, as HTTP Digest AKA does (RFC 3310: RES is the
     * Digest password): {@code answerMatches} is given the outstanding challenge's RAND and XRES and says whether
     * the UE's answer was made with them. Otherwise as {@link #complete}.
     *
     * @throws BootstrappingException as {@link #complete}; {@link BootstrappingFailure#RES_MISMATCH} when the
     *                                answer does not match
     */
    public synchronized BootstrapConfirmation completeWith(String impi, BiPredicate<Bytes, Bytes> answerMatches) {
        Subscriber subscriber = subscriber(impi);
        Pending p = takePending(impi);
        try {
            if (!answerMatches.test(p.rand, p.xres)) {
                throw new BootstrappingException(BootstrappingFailure.RES_MISMATCH, "RES from " + impi
                        + " does not match XRES at BSF " + domain + "; the UE must answer a new challenge");
            }
            Instant expiresAt = clock.instant().plus(subscriber.keyLifetime == null ? keyLifetime : subscriber.keyLifetime);
            BTid bTid = BTid.of(p.rand, domain);
            BootstrappingContext context = BootstrappingContext.fromAka(p.ck, p.ik, p.rand, impi, bTid, expiresAt);
            BTid replaced = currentByImpi.put(impi, bTid);
            if (replaced != null) {
                sessions.remove(replaced).context.ks().destroy();
            }
            sessions.put(bTid, new Session(context, subscriber.mode));
            BootstrapConfirmation confirmation = new BootstrapConfirmation(bTid, expiresAt);
            history.computeIfAbsent(impi, i -> new ArrayList<>()).add(confirmation);
            return confirmation;
        } finally {
            p.destroy();
        }
    }

    /**
     * After the USIM reported a sync failure for the outstanding challenge with {@code rand}: verifies
     * MAC-S in AUTS = (SQN_MS ⊕ AK*) ‖ MAC-S (TS 33.102 §6.3.5) and moves SQN_HE up to SQN_MS. The
     * challenge is used up; ask for a new one.
     *
     * @throws BootstrappingException {@link BootstrappingFailure#UNKNOWN_IMPI},
     *                                {@link BootstrappingFailure#NO_PENDING_CHALLENGE} (no challenge with
     *                                this RAND) or {@link BootstrappingFailure#RESYNC_REJECTED}
     */
    public synchronized void resynchronize(String impi, Bytes rand, Bytes auts) {
        Subscriber subscriber = subscriber(impi);
        Pending p = pending.get(impi);
        if (p == null || !p.rand.equals(rand)) {
            throw new BootstrappingException(BootstrappingFailure.NO_PENDING_CHALLENGE, "BSF " + domain
                    + " has no outstanding challenge with RAND " + rand + " for " + impi + "; request a new challenge");
        }
        takePending(impi).destroy();
        if (auts == null || auts.length() != AUTS_LENGTH) {
            throw new BootstrappingException(BootstrappingFailure.RESYNC_REJECTED, "AUTS from " + impi + " is "
                    + (auts == null ? "missing" : auts.length() + " bytes") + "; expected " + AUTS_LENGTH
                    + " (SQN_MS⊕AK* 6 ‖ MAC-S 8)");
        }
        Milenage milenage = subscriber.milenage;
        SecretBytes akStar = milenage.f5Star(rand);
        Sqn sqnMs = Sqn.fromBytes(SimulatedUsim.xor(auts.slice(0, Sqn.LENGTH), akStar));
        akStar.destroy();
        Bytes xmacS = milenage.f1Star(rand, sqnMs.toBytes(), SimulatedUsim.RESYNC_AMF);
        if (!MessageDigest.isEqual(xmacS.toByteArray(), auts.slice(Sqn.LENGTH, 8).toByteArray())) {
            throw new BootstrappingException(BootstrappingFailure.RESYNC_REJECTED, "MAC-S in AUTS from " + impi
                    + " does not verify at BSF " + domain + "; SQN_HE left unchanged");
        }
        if (sqnMs.isAfter(subscriber.sqnHe)) {
            subscriber.sqnHe = sqnMs;
        }
    }

    /** Zn: the NAF keys of {@code bTid} for {@code nafId}, judged against the injected clock. */
    @Override
    public synchronized NafKeyLookup lookUp(BTid bTid, NafId nafId) {
        Objects.requireNonNull(nafId, "nafId");
        Session session = sessions.get(Objects.requireNonNull(bTid, "bTid"));
        if (session == null) {
            return new NafKeyLookup.UnknownBTid(bTid);
        }
        if (session.context.isExpiredAt(clock.instant())) {
            return new NafKeyLookup.Expired(bTid, session.context.expiresAt());
        }
        return new NafKeyLookup.Found(NafKeys.derive(session.context, nafId, session.mode));
    }

    private Subscriber subscriber(String impi) {
        Subscriber subscriber = subscribers.get(impi);
        if (subscriber == null) {
            throw new BootstrappingException(BootstrappingFailure.UNKNOWN_IMPI, "BSF " + domain
                    + " has no subscriber " + impi + "; add it with addSubscriber first");
        }
        return subscriber;
    }

    private Pending takePending(String impi) {
        Pending p = pending.remove(impi);
        if (p == null) {
            throw new BootstrappingException(BootstrappingFailure.NO_PENDING_CHALLENGE, "BSF " + domain
                    + " has no outstanding challenge for " + impi + "; request a challenge first");
        }
        return p;
    }

    @Override
    public String toString() {
        return "SimulatedBsf[" + domain + ", lifetime " + keyLifetime + "]";
    }

    private static final class Subscriber {
        final Milenage milenage;
        final GbaMode mode;
        Sqn sqnHe;
        Duration keyLifetime; // null: the BSF's

        Subscriber(Milenage milenage, Sqn sqnHe, GbaMode mode) {
            this.milenage = milenage;
            this.sqnHe = sqnHe;
            this.mode = mode;
        }
    }

    private record Pending(Bytes rand, Bytes xres, SecretBytes ck, SecretBytes ik) {
        void destroy() {
            ck.destroy();
            ik.destroy();
        }
    }

    private record Session(BootstrappingContext context, GbaMode mode) {
    }
}
