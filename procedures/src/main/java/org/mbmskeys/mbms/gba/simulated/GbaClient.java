package org.mbmskeys.mbms.gba.simulated;

import java.time.InstantSource;
import java.util.Objects;
import java.util.Optional;
import org.mbmskeys.mbms.gba.Bootstrapping;
import org.mbmskeys.mbms.gba.BootstrappingContext;
import org.mbmskeys.mbms.gba.MbmsKeyManagement;
import org.mbmskeys.mbms.gba.MukMrk;
import org.mbmskeys.mbms.gba.NafId;
import org.mbmskeys.mbms.gba.NafKeyMaterial;
import org.mbmskeys.mbms.gba.NafKeys;

/**
 * The UE side of GBA (TS 33.220 §4.5.2, §4.5.3) for tests and the demo: runs a real bootstrapping
 * against a {@link SimulatedBsf} with a {@link SimulatedUsim}, then keeps Ks, RAND, B-TID and the key
 * lifetime and derives NAF keys and MUK/MRK for any NAF.
 *
 * <p>Bootstrapping: challenge → USIM AKA → RES to the BSF → B-TID and lifetime back. A USIM sync failure
 * is resolved once (AUTS to the BSF, then a new challenge). A MAC failure ends the run. A new
 * bootstrapping replaces the previous context. Not thread-safe: one UE, one caller.
 *
 * <pre>{@code
 * GbaClient ue = new GbaClient(usim, clock);
 * ue.bootstrap(bsf);
 * MukMrk keys = ue.mukMrk(NafId.forMbms("bmsc.example.org"));
 * }</pre>
 */
public final class GbaClient {

    private final SimulatedUsim usim;
    private final InstantSource clock;
    private BootstrappingContext context;

    public GbaClient(SimulatedUsim usim, InstantSource clock) {
        this.usim = Objects.requireNonNull(usim, "usim");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Runs one bootstrapping and keeps its result (also returned; the client keeps using it, so do not
     * destroy its Ks).
     *
     * @throws BootstrappingException with {@link BootstrappingFailure#MAC_FAILURE} if the USIM rejects the
     *                                challenge, {@link BootstrappingFailure#SYNC_FAILURE} if SQN stays
     *                                stale after one resynchronisation, or a BSF-side reason
     */
    public BootstrappingContext bootstrap(SimulatedBsf bsf) {
        String impi = usim.impi();
        AuthenticationChallenge challenge = bsf.challenge(impi);
        AkaResult answer = usim.authenticate(challenge.rand(), challenge.autn());
        if (answer instanceof AkaResult.SyncFailure sync) {
            bsf.resynchronize(impi, challenge.rand(), sync.auts());
            challenge = bsf.challenge(impi);
            answer = usim.authenticate(challenge.rand(), challenge.autn());
        }
        if (answer instanceof AkaResult.MacFailure) {
            throw new BootstrappingException(BootstrappingFailure.MAC_FAILURE, "USIM of " + impi
                    + " rejected the challenge of BSF " + bsf.domain() + ": AUTN MAC did not verify (K/OPc differ"
                    + " from the subscriber record, or the challenge is forged)");
        }
        if (answer instanceof AkaResult.SyncFailure) {
            throw new BootstrappingException(BootstrappingFailure.SYNC_FAILURE, "USIM of " + impi
                    + " still finds SQN stale after resynchronising with BSF " + bsf.domain());
        }
        AkaResult.Success success = (AkaResult.Success) answer;
        try {
            BootstrapConfirmation confirmation = bsf.complete(impi, success.res());
            BootstrappingContext fresh = BootstrappingContext.fromAka(success.ck(), success.ik(), challenge.rand(),
                    impi, confirmation.bTid(), confirmation.expiresAt());
            if (context != null) {
                context.ks().destroy();
            }
            context = fresh;
            return fresh;
        } finally {
            success.ck().destroy();
            success.ik().destroy();
        }
    }

    /** The current bootstrapping, if one succeeded. */
    public Optional<BootstrappingContext> context() {
        return Optional.ofNullable(context);
    }

    /**
     * Ks_(ext)_NAF (and Ks_int_NAF for a GBA_U USIM) for {@code nafId}.
     *
     * @throws IllegalStateException  if no bootstrapping has succeeded yet
     * @throws BootstrappingException {@link BootstrappingFailure#EXPIRED} if the key lifetime is over
     */
    public NafKeyMaterial nafKeys(NafId nafId) {
        BootstrappingContext current = liveContext(nafId);
        return NafKeys.derive(current, nafId, usim.gbaMode());
    }

    /**
     * MUK and MRK for {@code nafId}, for the default key management of the USIM's mode
     * ({@link NafKeyMaterial#mukMrk()}); same exceptions as {@link #nafKeys}.
     */
    public MukMrk mukMrk(NafId nafId) {
        return mukMrk(nafId, usim.gbaMode().defaultKeyManagement());
    }

    /**
     * MUK and MRK for {@code nafId} and {@code keyManagement} (TS 33.246 §6.1); same exceptions as
     * {@link #nafKeys}, and {@link NafKeyMaterial#mukMrk(MbmsKeyManagement)}'s.
     */
    public MukMrk mukMrk(NafId nafId, MbmsKeyManagement keyManagement) {
        NafKeyMaterial keys = nafKeys(nafId);
        try {
            return keys.mukMrk(keyManagement);
        } finally {
            keys.destroy();
        }
    }

    private BootstrappingContext liveContext(NafId nafId) {
        if (context == null) {
            throw new IllegalStateException("UE " + usim.impi() + " has not bootstrapped; call bootstrap(bsf) before"
                    + " asking for keys of " + nafId);
        }
        if (context.isExpiredAt(clock.instant())) {
            throw new BootstrappingException(BootstrappingFailure.EXPIRED, "bootstrapping " + context.bTid()
                    + " expired at " + context.expiresAt() + "; call bootstrap(bsf) again");
        }
        return context;
    }

    @Override
    public String toString() {
        return "GbaClient[" + usim + (context == null ? ", not bootstrapped" : ", B-TID " + context.bTid()) + "]";
    }
}
