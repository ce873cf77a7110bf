package org.mbmskeys.mbms.ue.gba;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.mbmskeys.engine.bytes.Bytes;
import org.mbmskeys.mbms.gba.BootstrappingContext;
import org.mbmskeys.mbms.gba.Fqdn;
import org.mbmskeys.mbms.gba.GbaMode;
import org.mbmskeys.mbms.gba.MbmsKeyManagement;
import org.mbmskeys.mbms.gba.MukMrk;
import org.mbmskeys.mbms.gba.NafId;
import org.mbmskeys.mbms.gba.NafKeyMaterial;
import org.mbmskeys.mbms.gba.NafKeys;
import org.mbmskeys.mbms.gba.simulated.BootstrappingException;
import org.mbmskeys.mbms.keys.MukId;
import org.mbmskeys.mbms.ue.keys.UeKeyStore;
import org.mbmskeys.mbms.ue.reception.MukLifetime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The UE's GBA key lifetime (TS 33.246 §6.1, TS 33.220 §4.5.2): the current bootstrapping (Ks, B-TID, key
 * lifetime), and per BM-SC FQDN the MUK and MRK derived from it and installed in the {@link UeKeyStore}.
 *
 * <ul>
 *   <li>{@link #needsBootstrap(Instant)}: no bootstrapping, or its lifetime is over (valid strictly before
 *       the expiry the BSF gave): "Without valid keys it runs GBA with the home BSF" (§6.1).</li>
 *   <li>{@link #keysFor}: MUK and MRK for a BM-SC with ME or UICC key management (the existing derivations,
 *       §6.1, Annex F); MUK ID = BM-SC FQDN ‖ B-TID ("identified by B-TID + NAF-ID without the Ua security
 *       protocol identifier", §6.1). The BM-SC is remembered for later runs.</li>
 *   <li>{@link #bootstrap()}: runs Ub and installs a new MUK and MRK for every BM-SC in use. The store keeps the
 *       old MUK as the last successfully used one if an MSK message was verified with it, so a solicited pull
 *       the BM-SC protects with the MUK it last knew still verifies (§6.1 "two MUKs in the UE", §6.3.2.2.4).</li>
 *   <li>As a {@link MukLifetime}: the expiry of each MUK it installed, so that reception refuses pushes under
 *       an expired MUK and still accepts a solicited pull (§6.3.2.2.4 NOTE 1).</li>
 * </ul>
 *
 * <p>Time from the injected clock. Keeps its own copy of Ks and destroys it when replaced or
 * {@link #discard() discarded}; derived keys are destroyed once the store has its copies. Thread-safe.
 *
 * <pre>{@code
 * UeBootstrapping gba = UeBootstrapping.create(store, UbClient.simulated(client, bsf), usim.gbaMode(), clock);
 * if (gba.needsBootstrap(clock.instant())) {
 *     gba.bootstrap();
 * }
 * gba.keysFor("bmsc.example.org", MbmsKeyManagement.ME);
 * MikeyReception reception = MikeyReception.create(store, CryptoSuite.jca(), gba, clock);
 * }</pre>
 */
public final class UeBootstrapping implements MukLifetime {

    private static final Logger LOG = LoggerFactory.getLogger(UeBootstrapping.class);

    /** Lifetimes remembered for MUK IDs: the current bootstrapping and a few before it (last used MUKs). */
    static final int REMEMBERED_BOOTSTRAPS = 4;

    private final UeKeyStore store;
    private final UbClient ub;
    private final GbaMode mode;
    private final InstantSource clock;

    private BootstrappingContext context;
    private final Map<String, MbmsKeyManagement> bmscs = new LinkedHashMap<>();
    private final Map<Bytes, Instant> lifetimeByBTid = new LinkedHashMap<>(8, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Bytes, Instant> eldest) {
            return size() > REMEMBERED_BOOTSTRAPS;
        }
    };

    private UeBootstrapping(UeKeyStore store, UbClient ub, GbaMode mode, InstantSource clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.ub = Objects.requireNonNull(ub, "ub");
        this.mode = Objects.requireNonNull(mode, "mode");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * @param mode the GBA run the UE's card makes (GBA_U with a GBA-aware UICC, GBA_ME otherwise; 2G GBA gives
     *             the keys of GBA_ME, see {@link GbaMode})
     */
    public static UeBootstrapping create(UeKeyStore store, UbClient ub, GbaMode mode, InstantSource clock) {
        return new UeBootstrapping(store, ub, mode, clock);
    }

    /** The current bootstrapping, without its key. */
    public synchronized Optional<CurrentBootstrap> current() {
        return Optional.ofNullable(context).map(c -> new CurrentBootstrap(c.bTid(), c.expiresAt()));
    }

    /** True when there is no bootstrapping or its key lifetime is over at {@code now}. */
    public synchronized boolean needsBootstrap(Instant now) {
        Objects.requireNonNull(now, "now");
        return context == null || context.isExpiredAt(now);
    }

    /**
     * Runs one bootstrapping over Ub and installs a new MUK and MRK for every BM-SC in use
     * ({@link #keysFor}). A failed run leaves everything as it was.
     */
    public synchronized BootstrapResult bootstrap() {
        BootstrappingContext fresh;
        try {
            fresh = ub.bootstrap();
        } catch (BootstrappingException e) {
            LOG.info("GBA bootstrapping failed: {}: {}", e.reason(), e.getMessage());
            return new BootstrapResult.Failed(e.reason(), e.getMessage());
        }
        BootstrappingContext own = new BootstrappingContext(fresh.ks().copy(), fresh.rand(),
                fresh.impi(), fresh.bTid(), fresh.expiresAt());
        if (context != null) {
            context.ks().destroy();
        }
        context = own;
        lifetimeByBTid.put(idr(own), own.expiresAt());
        List<MukId> installed = new ArrayList<>(bmscs.size());
        bmscs.forEach((fqdn, keyManagement) -> installed.add(install(fqdn, keyManagement)));
        LOG.info("GBA bootstrapping {} in use until {}; {}", own.bTid(), own.expiresAt(), bmscs.isEmpty()
                ? "no BM-SC known yet, so no MUK installed" : "MUKs installed for " + String.join(", ", bmscs.keySet()));
        return new BootstrapResult.Bootstrapped(own.bTid(), own.expiresAt(), installed);
    }

    /**
     * Derives MUK and MRK for the BM-SC {@code bmscFqdn} from the current bootstrapping and installs them in the
     * key store (the MUK as the current MUK of that IDi); later bootstrappings install theirs too.
     *
     * @param keyManagement where MUK and MSKs live (TS 33.246 §6.1): {@link MbmsKeyManagement#UICC} needs a
     *                      GBA_U run
     * @return the MUK ID, or {@link BmscKeys.BootstrapNeeded} when no valid bootstrapping exists at the clock's now
     * @throws IllegalArgumentException if the FQDN is not a host name, or UICC key management is asked of a
     *                                  GBA_ME run
     */
    public synchronized BmscKeys keysFor(String bmscFqdn, MbmsKeyManagement keyManagement) {
        Fqdn.require("BM-SC FQDN", bmscFqdn);
        Objects.requireNonNull(keyManagement, "keyManagement");
        if (keyManagement == MbmsKeyManagement.UICC && mode != GbaMode.GBA_U) {
            throw new IllegalArgumentException("UICC-based MBMS key management for " + bmscFqdn + " needs a GBA_U "
                    + "run (TS 33.246 §6.1); this UE runs " + mode);
        }
        bmscs.put(bmscFqdn, keyManagement);
        Instant now = clock.instant();
        if (context == null || context.isExpiredAt(now)) {
            return new BmscKeys.BootstrapNeeded(context == null ? "no GBA bootstrapping yet"
                    : "GBA bootstrapping " + context.bTid() + " expired at " + context.expiresAt() + " (now " + now + ")");
        }
        return new BmscKeys.Installed(install(bmscFqdn, keyManagement), context.expiresAt());
    }

    /** {@link #keysFor(String, MbmsKeyManagement)} for the BM-SC and key management a registration decided on. */
    public BmscKeys keysFor(Fqdn bmsc, MbmsKeyManagement keyManagement) {
        return keysFor(bmsc.value(), keyManagement);
    }

    /** The end of the key lifetime of a MUK this instance installed (current or recent bootstrapping). */
    @Override
    public synchronized Optional<Instant> expiresAt(MukId id) {
        return Optional.ofNullable(lifetimeByBTid.get(id.idr()));
    }

    /**
     * Forgets the bootstrapping (destroying Ks) and the lifetimes: at a UICC or SIM change, whose keys the
     * store deletes (TS 33.246 §6.1). The BM-SCs in use are kept: a next {@link #bootstrap()} serves them.
     */
    public synchronized void discard() {
        if (context != null) {
            context.ks().destroy();
            context = null;
        }
        lifetimeByBTid.clear();
    }

    private MukId install(String fqdn, MbmsKeyManagement keyManagement) {
        MukId mukId = new MukId(Bytes.wrap(fqdn.getBytes(StandardCharsets.UTF_8)), idr(context));
        NafKeyMaterial naf = NafKeys.derive(context, NafId.forMbms(fqdn), mode);
        MukMrk keys = null;
        try {
            keys = naf.mukMrk(keyManagement);
            // Installing the same MUK again would give it a new install generation (the two-MSK rule's last
            // resort); only a new MUK ID is installed.
            if (!store.currentMuk(mukId.idi()).equals(Optional.of(mukId))) {
                store.installMuk(mukId, keys.muk());
            }
            store.installMrk(mukId, keys.mrk());
        } finally {
            naf.destroy();
            if (keys != null) {
                keys.destroy();
            }
        }
        return mukId;
    }

    /** IDr = the B-TID as text (TS 33.246 §6.4.5.1). */
    private static Bytes idr(BootstrappingContext c) {
        return Bytes.wrap(c.bTid().format().getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public synchronized String toString() {
        return "UeBootstrapping[" + mode + (context == null ? ", not bootstrapped"
                : ", B-TID " + context.bTid() + " until " + context.expiresAt()) + ", BM-SCs " + bmscs.keySet() + "]";
    }
}
