package org.mbmskeys.mbms.bmsc.distribution;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Consumer;
import java.util.function.Function;
import org.mbmskeys.engine.bytes.Bytes;
import org.mbmskeys.engine.bytes.SecretBytes;
import org.mbmskeys.mbms.gba.BTid;
import org.mbmskeys.mbms.gba.Bootstrapping;
import org.mbmskeys.mbms.gba.MbmsKeyManagement;
import org.mbmskeys.mbms.gba.MukMrk;
import org.mbmskeys.mbms.gba.NafId;
import org.mbmskeys.mbms.gba.NafKeyLookup;
import org.mbmskeys.mbms.gba.NafKeyMaterial;
import org.mbmskeys.mbms.keys.MukId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The BM-SC's MUK of each UE (TS 33.246 §6.1, §6.3.2.2.4): fetched from the BSF over Zn
 * ({@link Bootstrapping}) by the B-TID of an authenticated request, turned into MUK by the derivation of the
 * UE's key management (MUK = Ks_NAF, Ks_ext_NAF or Ks_int_NAF), and kept as the UE's <em>last MUK</em>,
 * keyed by IMPI.
 *
 * <h2>Rules</h2>
 * <ul>
 *   <li><b>One MUK per UE</b>: the last one derived. A MUK of a new B-TID replaces the UE's older one
 *       (the BSF's IMPI links the two, §6.1), which is wiped; a MUK older than the one held never replaces
 *       it.</li>
 *   <li><b>Lifetime</b>: the Ks_NAF lifetime the BSF gives, or a shorter BM-SC MUK lifetime if one is
 *       configured ("the BM-SC has chosen the MUK lifetime less than the GBA key lifetime", §6.3.2.2.4).
 *       {@link #forDelivery} hands out the MUK only before it expires; after that the BM-SC should run a
 *       solicited pull and answer the next HTTP POST with a Bootstrapping Renegotiation Request.</li>
 *   <li><b>Solicited pull</b>: "A MUK may be used by the BM-SC [...] beyond the GBA key lifetime [...] within
 *       the first MIKEY message of a push solicited pull procedure" (§6.3.2.2.4 NOTE 1):
 *       {@link #forSolicitedPull} hands out the last MUK whatever its age. That is why the last MUK is kept
 *       until {@link #forget}, not dropped at expiry: the BSF would no longer give it.</li>
 *   <li><b>Cache</b>: {@link #lookUp} asks the BSF only if the UE's last MUK is not of this B-TID or its
 *       NAF keys have expired. A MUK's lifetime runs from its first derivation: learning the same B-TID
 *       again does not restart it.</li>
 * </ul>
 *
 * <p>Keys: every MUK handed out is a copy the caller destroys; the MRK derived with it is wiped at once (the
 * HTTP Digest side derives its own). Nothing secret is logged. Time comes from the injected clock.
 * Thread-safe: each UE's entry changes inside one atomic map operation, which also serialises copying a key
 * with wiping it.
 *
 * <pre>{@code
 * UeKeys keys = UeKeys.builder(bsf, NafId.forMbms("bmsc.example.org"), clock)
 *         .mukLifetime(Duration.ofHours(12)).build();
 * keys.lookUp(bTid);                                    // after Digest accepted a request from this B-TID
 * if (keys.forDelivery(impi) instanceof MukUse.Usable u) { ...; u.muk().destroy(); }
 * }</pre>
 */
public final class UeKeys {

    private static final Logger LOG = LoggerFactory.getLogger(UeKeys.class);

    private static final class Entry {
        final KnownMuk known;
        final SecretBytes key;

        Entry(KnownMuk known, SecretBytes key) {
            this.known = known;
            this.key = key;
        }

        UeMuk copy() {
            return new UeMuk(known, key.copy());
        }
    }

    private final Bootstrapping bootstrapping;
    private final NafId nafId;
    private final InstantSource clock;
    /** The BM-SC MUK lifetime; an operator may change it while the BM-SC runs ({@link #mukLifetime(Optional)}). */
    private volatile Optional<Duration> mukLifetime;
    private final Function<NafKeyMaterial, MbmsKeyManagement> keyManagement;
    private final Consumer<KnownMuk> retired;
    private final ConcurrentMap<String, Entry> byImpi = new ConcurrentHashMap<>();
    /** B-TID of each UE's last MUK → IMPI; follows {@code byImpi}, updated inside its atomic operations. */
    private final ConcurrentMap<BTid, String> byBTid = new ConcurrentHashMap<>();
    /**
     * Memory per UE (a BM-SC holds a MUK for each of up to millions of UEs): IDi of every MUK ID is this
     * BM-SC's FQDN, so all MUK IDs share one copy of its bytes; and the few BSF domains of the B-TIDs are kept
     * once each (at most {@link #MAX_SHARED_BSF_DOMAINS}; any further one is simply not shared).
     */
    private final Bytes mukIdi;
    private final ConcurrentMap<String, String> bsfDomains = new ConcurrentHashMap<>();
    static final int MAX_SHARED_BSF_DOMAINS = 64;

    private UeKeys(Builder b) {
        this.bootstrapping = b.bootstrapping;
        this.nafId = b.nafId;
        this.mukIdi = Bytes.wrap(b.nafId.fqdn().getBytes(StandardCharsets.UTF_8));   // as MukId.of encodes IDi
        this.clock = b.clock;
        this.mukLifetime = b.mukLifetime;
        this.keyManagement = b.keyManagement;
        this.retired = b.retired;
    }

    /**
     * @param bootstrapping the BSF's Zn side
     * @param nafId         this BM-SC's NAF_Id (FQDN ‖ MBMS Ua protocol id); its FQDN is IDi
     * @param clock         decides derivation times and expiry
     */
    public static Builder builder(Bootstrapping bootstrapping, NafId nafId, InstantSource clock) {
        return new Builder(bootstrapping, nafId, clock);
    }

    /** The BM-SC's FQDN: IDi of every MSK message (TS 33.246 §6.4.5.1). */
    public String bmscFqdn() {
        return nafId.fqdn();
    }

    // ---------------------------------------------------------------------------------------- learning MUKs

    /**
     * Makes the MUK of {@code bTid} the UE's last MUK, asking the BSF unless the UE's last MUK is already of
     * this B-TID and its NAF keys are still valid. The MUK answered may be past a BM-SC MUK lifetime shorter
     * than the NAF keys' ({@link KnownMuk#isExpiredAt}): deriving the same MUK again does not restart its
     * lifetime, and the BM-SC answers such a UE with a Bootstrapping Renegotiation Request (§6.3.2.2.4).
     */
    public MukLookup lookUp(BTid bTid) {
        Objects.requireNonNull(bTid, "bTid");
        Instant now = clock.instant();
        String impi = byBTid.get(bTid);
        Entry cached = impi == null ? null : byImpi.get(impi);
        if (cached != null && cached.known.bTid().equals(bTid) && now.isBefore(cached.known.nafKeysExpireAt())) {
            return new MukLookup.Known(cached.known);   // the BSF would give the same keys
        }
        NafKeyLookup answer = bootstrapping.lookUp(bTid, nafId);
        if (answer instanceof NafKeyLookup.Found found) {
            try {
                return new MukLookup.Known(learn(found.keys()));
            } finally {
                found.keys().destroy();
            }
        }
        if (answer instanceof NafKeyLookup.Expired expired) {
            LOG.debug("Zn: bootstrapping {} expired at {}", bTid, expired.expiredAt());
            return new MukLookup.BootstrappingExpired(bTid, expired.expiredAt());
        }
        LOG.debug("Zn: the BSF knows no bootstrapping {}", bTid);
        return new MukLookup.UnknownBTid(bTid);
    }

    /**
     * Derives the MUK from NAF keys the caller already has (e.g. the HTTP Digest side fetched them for the
     * MRK) and makes it the UE's last MUK. The caller keeps ownership of {@code keys}.
     *
     * @throws IllegalArgumentException if the keys are not for this BM-SC's NAF_Id, or the key management
     *                                  chosen for them cannot use them (UICC with GBA_ME keys)
     */
    public KnownMuk learn(NafKeyMaterial keys) {
        Objects.requireNonNull(keys, "keys");
        if (!keys.nafId().equals(nafId)) {
            throw new IllegalArgumentException("NAF keys for " + keys.nafId() + " given to the BM-SC " + nafId);
        }
        Instant now = clock.instant();
        MbmsKeyManagement management = keyManagement.apply(keys);
        MukMrk derived = keys.mukMrk(management);
        derived.mrk().destroy();
        Optional<Duration> lifetime = mukLifetime;
        Instant mukEnd = end(now, keys.expiresAt(), lifetime);
        BTid bTid = sharingBsfDomain(keys.bTid());
        MukId mukId = new MukId(mukIdi, Bytes.wrap(bTid.format().getBytes(StandardCharsets.UTF_8)));
        KnownMuk known = new KnownMuk(keys.impi(), bTid, mukId, management, now, keys.expiresAt(), mukEnd);
        Entry fresh = new Entry(known, derived.muk());
        Entry[] replaced = new Entry[1];
        Entry kept = byImpi.compute(keys.impi(), (impi, old) -> {
            if (old != null && old.known.derivedAt().isAfter(fresh.known.derivedAt())) {
                return old;   // a late answer for an older request must not roll the UE back
            }
            if (old != null && old.known.bTid().equals(fresh.known.bTid())) {
                return old;   // the same MUK: deriving it again must not restart its lifetime
            }
            if (old != null) {
                replaced[0] = old;
                old.key.destroy();
                byBTid.remove(old.known.bTid(), impi);   // another B-TID: the same one returned above
            }
            byBTid.put(fresh.known.bTid(), impi);
            return fresh;
        });
        if (kept != fresh) {
            fresh.key.destroy();
            return kept.known;
        }
        if (lifetime != mukLifetime) {
            restamp(known.impi());   // the operator changed the MUK lifetime while this MUK was being derived
        }
        LOG.debug("MUK of {} is now {} ({} key management), usable until {}", known.impi(), known.mukId(), management,
                mukEnd);
        if (replaced[0] != null && !replaced[0].known.mukId().equals(known.mukId())) {
            retired.accept(replaced[0].known);
        }
        return known;
    }

    /** The end of a MUK derived at {@code derivedAt}: its NAF keys' end, or earlier under a BM-SC MUK lifetime. */
    private static Instant end(Instant derivedAt, Instant nafKeysExpireAt, Optional<Duration> lifetime) {
        return lifetime.map(derivedAt::plus).filter(end -> end.isBefore(nafKeysExpireAt)).orElse(nafKeysExpireAt);
    }

    // ---------------------------------------------------------------------------------------- MUK lifetime

    /** The BM-SC MUK lifetime in force; empty: a MUK lives as long as its NAF keys. */
    public Optional<Duration> mukLifetime() {
        return mukLifetime;
    }

    /**
     * Changes the BM-SC MUK lifetime while the BM-SC runs, for the MUKs held now and those derived later: each
     * MUK is usable until its derivation time plus {@code lifetime}, never beyond its NAF keys (TS 33.246
     * §6.3.2.2.4: "the BM-SC has chosen the MUK lifetime less than the GBA key lifetime"). A MUK that is past
     * the new lifetime is expired at once: the next MSK delivery to its UE is a solicited pull and the UE's next
     * HTTP POST is answered with a Bootstrapping Renegotiation Request. Empty: back to the NAF keys' lifetime.
     * Goes once over every UE's entry (each updated atomically).
     *
     * @throws IllegalArgumentException if the lifetime is zero or negative
     */
    public void mukLifetime(Optional<Duration> lifetime) {
        Objects.requireNonNull(lifetime, "lifetime");
        lifetime.ifPresent(UeKeys::requirePositive);
        this.mukLifetime = lifetime;
        byImpi.keySet().forEach(this::restamp);
        LOG.info("BM-SC MUK lifetime is now {}", lifetime.map(Duration::toString).orElse("that of the NAF keys"));
    }

    private void restamp(String impi) {
        byImpi.computeIfPresent(impi, (k, e) -> {
            KnownMuk was = e.known;
            Instant end = end(was.derivedAt(), was.nafKeysExpireAt(), mukLifetime);
            return end.equals(was.expiresAt()) ? e : new Entry(new KnownMuk(was.impi(), was.bTid(), was.mukId(),
                    was.keyManagement(), was.derivedAt(), was.nafKeysExpireAt(), end), e.key);
        });
    }

    private static Duration requirePositive(Duration lifetime) {
        if (lifetime.isNegative() || lifetime.isZero()) {
            throw new IllegalArgumentException("MUK lifetime must be positive, got " + lifetime);
        }
        return lifetime;
    }

    // ---------------------------------------------------------------------------------------- using MUKs

    /** What the BM-SC knows about the UE's last MUK. */
    public Optional<KnownMuk> lastKnown(String impi) {
        Entry e = byImpi.get(Objects.requireNonNull(impi, "impi"));
        return e == null ? Optional.empty() : Optional.of(e.known);
    }

    /**
     * True if the BM-SC may not use the UE's MUK for an MSK delivery at {@code now}: there is none, or its
     * lifetime (possibly the shorter BM-SC MUK lifetime) is over (TS 33.246 §6.3.2.2.4).
     */
    public boolean mukExpired(String impi, Instant now) {
        return lastKnown(impi).map(k -> k.isExpiredAt(now)).orElse(true);
    }

    /** The UE's MUK for an MSK delivery now: usable, expired, or unknown. */
    public MukUse forDelivery(String impi) {
        Objects.requireNonNull(impi, "impi");
        Instant now = clock.instant();
        UeMuk[] copy = new UeMuk[1];
        Entry e = byImpi.computeIfPresent(impi, (k, entry) -> {
            if (!entry.known.isExpiredAt(now)) {
                copy[0] = entry.copy();
            }
            return entry;
        });
        if (e == null) {
            return new MukUse.Unknown(impi);
        }
        return copy[0] != null ? new MukUse.Usable(copy[0]) : new MukUse.Expired(e.known);
    }

    /** The UE's last MUK whatever its age, for the first message of a solicited pull (§6.3.2.2.4 NOTE 1). */
    public Optional<UeMuk> forSolicitedPull(String impi) {
        return copyIf(impi, known -> true);
    }

    /**
     * The UE's last MUK if it is still the one named {@code mukId}, whatever its age: to check the
     * verification message answering a message sent under that MUK.
     */
    public Optional<UeMuk> named(String impi, MukId mukId) {
        Objects.requireNonNull(mukId, "mukId");
        return copyIf(impi, known -> known.mukId().equals(mukId));
    }

    /**
     * Wipes and drops the UE's MUK (the UE deregistered from everything, or left). True if there was one.
     * The MUK's COUNTER stream is not retired: should the UE come back with the same B-TID, its MGV-S still
     * holds that MUK's counter and would discard messages counted from the start again (§6.4.6.1 step 2).
     */
    public boolean forget(String impi) {
        Objects.requireNonNull(impi, "impi");
        boolean[] gone = new boolean[1];
        byImpi.computeIfPresent(impi, (k, entry) -> {
            entry.key.destroy();
            byBTid.remove(entry.known.bTid(), impi);
            gone[0] = true;
            return null;
        });
        return gone[0];
    }

    /** The time on this BM-SC's clock. */
    Instant now() {
        return clock.instant();
    }

    /** How many UEs have a MUK here. */
    public int size() {
        return byImpi.size();
    }

    private Optional<UeMuk> copyIf(String impi, java.util.function.Predicate<KnownMuk> which) {
        Objects.requireNonNull(impi, "impi");
        UeMuk[] copy = new UeMuk[1];
        byImpi.computeIfPresent(impi, (k, entry) -> {
            if (which.test(entry.known)) {
                copy[0] = entry.copy();
            }
            return entry;
        });
        return Optional.ofNullable(copy[0]);
    }

    /** Configures {@link UeKeys}. */
    /** {@code bTid}, or an equal B-TID whose BSF domain is the one String kept for that domain. */
    private BTid sharingBsfDomain(BTid bTid) {
        String domain = bsfDomains.get(bTid.bsfDomain());
        if (domain == null) {
            if (bsfDomains.size() >= MAX_SHARED_BSF_DOMAINS) {
                return bTid;
            }
            domain = bsfDomains.computeIfAbsent(bTid.bsfDomain(), d -> d);
        }
        return domain == bTid.bsfDomain() ? bTid : BTid.of(bTid.rand(), domain);
    }

    public static final class Builder {
        private final Bootstrapping bootstrapping;
        private final NafId nafId;
        private final InstantSource clock;
        private Optional<Duration> mukLifetime = Optional.empty();
        private Function<NafKeyMaterial, MbmsKeyManagement> keyManagement = k -> k.mode().defaultKeyManagement();
        private Consumer<KnownMuk> retired = k -> { };

        private Builder(Bootstrapping bootstrapping, NafId nafId, InstantSource clock) {
            this.bootstrapping = Objects.requireNonNull(bootstrapping, "bootstrapping");
            this.nafId = Objects.requireNonNull(nafId, "nafId");
            this.clock = Objects.requireNonNull(clock, "clock");
        }

        /**
         * A BM-SC MUK lifetime, counted from derivation; it only ever shortens the Ks_NAF lifetime
         * (TS 33.246 §6.3.2.2.4).
         *
         * @throws IllegalArgumentException if not positive
         */
        public Builder mukLifetime(Duration lifetime) {
            Objects.requireNonNull(lifetime, "lifetime");
            this.mukLifetime = Optional.of(requirePositive(lifetime));
            return this;
        }

        /**
         * How to tell which key management a UE uses, which decides what its MUK is (§6.1). The default is
         * UICC after a GBA_U run and ME after GBA_ME ({@link org.mbmskeys.mbms.gba.GbaMode#defaultKeyManagement()},
         * open point U9: no text read says how the BM-SC tells a GBA_U UE with an ME-based key management apart).
         */
        public Builder keyManagement(Function<NafKeyMaterial, MbmsKeyManagement> choice) {
            this.keyManagement = Objects.requireNonNull(choice, "choice");
            return this;
        }

        /**
         * Told of every MUK that a UE's MUK of another B-TID replaced, e.g. to drop the COUNTER
         * stream of that MUK: "The counter [...] shall be reset for MSK transport messages when the MUK is
         * updated" (§6.4.3), so the old stream is never used again.
         */
        public Builder onRetired(Consumer<KnownMuk> listener) {
            this.retired = Objects.requireNonNull(listener, "listener");
            return this;
        }

        public UeKeys build() {
            return new UeKeys(this);
        }
    }
}
