package org.mbmskeys.mbms.ue.reception;

import java.time.Instant;
import java.time.InstantSource;
import java.util.Objects;
import java.util.Optional;
import org.mbmskeys.engine.bytes.Bytes;
import org.mbmskeys.engine.bytes.SecretBytes;
import org.mbmskeys.mbms.keys.MskRef;
import org.mbmskeys.mbms.keys.MukId;
import org.mbmskeys.mbms.keys.TimestampCounter;
import org.mbmskeys.mbms.mikey.IdPayload;
import org.mbmskeys.mbms.mikey.crypto.CryptoSuite;
import org.mbmskeys.mbms.mikey.protection.InboundMikey;
import org.mbmskeys.mbms.mikey.protection.MikeyOpener;
import org.mbmskeys.mbms.mikey.protection.MikeyReader;
import org.mbmskeys.mbms.mikey.protection.MikeyRejection;
import org.mbmskeys.mbms.mikey.protection.MikeySealer;
import org.mbmskeys.mbms.mikey.protection.MskMessage;
import org.mbmskeys.mbms.mikey.protection.MtkMessage;
import org.mbmskeys.mbms.mikey.protection.OpenResult;
import org.mbmskeys.mbms.mikey.protection.OpenedMsk;
import org.mbmskeys.mbms.mikey.protection.OpenedMtk;
import org.mbmskeys.mbms.mikey.protection.SolicitedPullMessage;
import org.mbmskeys.mbms.mikey.protection.VerificationMessage;
import org.mbmskeys.mbms.ue.keys.CurrentMtk;
import org.mbmskeys.mbms.ue.keys.KeyOutcome;
import org.mbmskeys.mbms.ue.keys.KeyRejection;
import org.mbmskeys.mbms.ue.keys.MskKey;
import org.mbmskeys.mbms.ue.keys.MskUpdate;
import org.mbmskeys.mbms.ue.keys.MukKey;
import org.mbmskeys.mbms.ue.keys.UeKeyStore;
import org.mbmskeys.mbms.ue.keys.UiccCheck;
import org.mbmskeys.mbms.ue.keys.UiccId;
import org.mbmskeys.mbms.ue.reception.Reception.Discarded;
import org.mbmskeys.mbms.ue.reception.Reception.Duplicate;
import org.mbmskeys.mbms.ue.reception.Reception.MskRequestNeeded;
import org.mbmskeys.mbms.ue.reception.Reception.MskRequestNeeded.Cause;
import org.mbmskeys.mbms.ue.reception.Reception.MskStored;
import org.mbmskeys.mbms.ue.reception.Reception.MtkRepeated;
import org.mbmskeys.mbms.ue.reception.Reception.MtkStored;
import org.mbmskeys.mbms.ue.reception.Reception.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ME's processing of every MIKEY datagram that reaches the UE (TS 33.246 §6.4.6, with the MGV-F steps of
 * §6.5 and the key rules of the {@link UeKeyStore}): one instance per UE.
 *
 * <p>{@link #receive} runs read → key lookup and counter check → MAC and decryption → apply to the store,
 * and commits a message at most once (the store re-checks its rules atomically when applying):
 * <ul>
 *   <li>MSK message (§6.4.6.1): the MUK is found by IDi ‖ IDr (the IDi, the BM-SC's FQDN, in any letter case:
 *       {@link UeKeyStore#heldIdFor}); verified with the last generated MUK it is
 *       stored and, if V was set, answered with the RFC 3830 verification message (§6.4.5.2, Annex D.1);
 *       verified only with the last successfully used MUK it is stored per the store's rules, never
 *       acknowledged, and an MSK request is due (§6.3.2.3.1). A push under a MUK whose GBA key lifetime is
 *       over is discarded ({@link ReceptionRejection#MUK_EXPIRED}), when a {@link MukLifetime} is given.</li>
 *   <li>Solicited pull (§6.3.2.2.4): verified with the MUK it names, the last used one included, even past
 *       its lifetime (NOTE 1); an MSK request for the Key Group is due.</li>
 *   <li>MTK message (§6.4.6.2): opened with the MSK, its stored MIKEY-RAND and service type (§6.5.4); one
 *       under an MSK the UE lacks is discarded and an MSK request is due (§6.3.2.2.3); the last one accepted,
 *       again (the BM-SC's periodic resend, §6.3.3.2.2), is {@link Reception.MtkRepeated}, not a discard.</li>
 *   <li>Verification message: meant for the BM-SC, discarded.</li>
 * </ul>
 *
 * <p>Retransmissions: the BM-SC resends an unacknowledged MSK message as the same bytes. The exact bytes of
 * the last accepted MSK message with V set under a MUK are answered {@link Reception.Duplicate} with the same
 * verification message and no state change; any other repeat is a replay ({@link KeyRejection#REPLAYED_COUNTER}).
 *
 * <p>Keys: every key copy taken from the store and every decrypted key is destroyed here, except the MTK and
 * salt copies handed out in {@link Reception.MtkStored}, which the caller owns. Nothing secret is logged.
 * Thread-safe (one datagram at a time per UE).
 *
 * <pre>{@code
 * MikeyReception reception = MikeyReception.create(store, CryptoSuite.jca());
 * switch (reception.receive(datagram)) {
 *     case Reception.MskStored s -> s.verification().ifPresent(ack -> send(bmsc, ack));
 *     case Reception.Duplicate d -> send(bmsc, d.verification());
 *     case Reception.MskRequestNeeded r -> requestMsk(r.keyDomain(), r.keyGroup(), r.cause());
 *     case Reception.MtkStored m -> useMtk(m.mtk());
 *     case Reception.Discarded d -> log(d);
 * }
 * }</pre>
 */
public final class MikeyReception {

    private static final Logger LOG = LoggerFactory.getLogger(MikeyReception.class);

    private final UeKeyStore store;
    private final MikeyOpener opener;
    private final MikeySealer sealer;
    private final MukLifetime mukLifetime;
    private final InstantSource clock;
    private final AckMemory acks = new AckMemory();

    private MikeyReception(UeKeyStore store, CryptoSuite suite, MukLifetime mukLifetime, InstantSource clock) {
        this.store = Objects.requireNonNull(store, "store");
        Objects.requireNonNull(suite, "suite");
        this.opener = new MikeyOpener(suite);
        this.sealer = new MikeySealer(suite);
        this.mukLifetime = Objects.requireNonNull(mukLifetime, "mukLifetime");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** A reception that does not check MUK lifetimes ({@link MukLifetime#UNKNOWN}). */
    public static MikeyReception create(UeKeyStore store, CryptoSuite suite) {
        return new MikeyReception(store, suite, MukLifetime.UNKNOWN, InstantSource.system());
    }

    /** A reception that discards MSK pushes under a MUK whose lifetime is over at {@code clock}'s now. */
    public static MikeyReception create(UeKeyStore store, CryptoSuite suite, MukLifetime mukLifetime,
                                        InstantSource clock) {
        return new MikeyReception(store, suite, mukLifetime, clock);
    }

    /** Processes one datagram; never throws for any input. */
    public synchronized Reception receive(Bytes datagram) {
        Objects.requireNonNull(datagram, "datagram");
        OpenResult<InboundMikey> read = MikeyReader.read(datagram);
        if (read instanceof OpenResult.Rejected<InboundMikey> r) {
            return discard(Stage.READ, r.reason(), r.detail());
        }
        InboundMikey message = read.orElseThrow();
        if (message instanceof MskMessage msk) {
            return receiveMsk(msk, datagram);
        }
        if (message instanceof SolicitedPullMessage pull) {
            return receivePull(pull);
        }
        if (message instanceof MtkMessage mtk) {
            return receiveMtk(mtk);
        }
        VerificationMessage ack = (VerificationMessage) message;
        return discard(Stage.READ, MikeyRejection.UNEXPECTED_MESSAGE, "verification message (CSB ID " + ack.csbId()
                + ", counter " + ack.counter() + ") received by a UE: only the BM-SC receives them (TS 33.246 §6.4.5.2)");
    }

    /**
     * Processes an {@code application/mikey} object that the download client took from a FLUTE session
     * (§6.3.3.2.1): like {@link #receive} for an MTK message (§6.4.6.2, §6.5.4); any other MIKEY message is
     * discarded at {@code READ} as {@link MikeyRejection#UNEXPECTED_MESSAGE}, unchecked and unapplied, since only
     * the MTK message of a file travels that way. Never throws for any input.
     */
    public synchronized Reception receiveMtkObject(Bytes object) {
        Objects.requireNonNull(object, "object");
        OpenResult<InboundMikey> read = MikeyReader.read(object);
        if (read instanceof OpenResult.Rejected<InboundMikey> r) {
            return discard(Stage.READ, r.reason(), r.detail());
        }
        if (read.orElseThrow() instanceof MtkMessage mtk) {
            return receiveMtk(mtk);
        }
        return discard(Stage.READ, MikeyRejection.UNEXPECTED_MESSAGE, read.orElseThrow().getClass().getSimpleName()
                + " in an application/mikey object of a download session: only MTK messages travel as FLUTE objects"
                + " (TS 33.246 §6.3.3.2.1)");
    }

    /**
     * The UICC (or SIM) identity at card insertion or power-on (TS 33.246 §6.1): a different card deletes every
     * MBMS key in the store and what this reception remembers of accepted messages.
     */
    public synchronized UiccCheck uiccChanged(UiccId uicc) {
        UiccCheck check = store.uiccInserted(uicc);
        if (check != UiccCheck.SAME_UICC) {
            acks.clear();
        }
        return check;
    }

    // ------------------------------------------------------------------------------------ MSK messages

    /** The MUK ID a message names, as the store holds it, and the store's check of its counter under it. */
    private record MukCheck(MukId mukId, KeyOutcome<MukKey> outcome) {
    }

    /**
     * §6.4.6.1 steps 1–2 for the MUK ID IDi ‖ IDr. An unknown one is asked again under the held MUK ID whose IDi names
     * the same BM-SC in another letter case ({@link UeKeyStore#heldIdFor}), so that the common case costs one look-up.
     */
    private MukCheck checkMuk(IdPayload idi, IdPayload idr, TimestampCounter counter) {
        MukId received = new MukId(idi.data(), idr.data());
        KeyOutcome<MukKey> check = store.checkMskCounter(received, counter);
        if (check.rejection().orElse(null) == KeyRejection.UNKNOWN_MUK) {
            MukId held = store.heldIdFor(received);
            if (held != received) {
                return new MukCheck(held, store.checkMskCounter(held, counter));
            }
        }
        return new MukCheck(received, check);
    }

    /** §6.4.6.1, §6.5.3. */
    private Reception receiveMsk(MskMessage message, Bytes datagram) {
        MukCheck found = checkMuk(message.idi(), message.idr(), message.counter());
        MukId mukId = found.mukId();
        KeyOutcome<MukKey> check = found.outcome();
        if (!check.isAccepted()) {
            // A push sent again as the same bytes (§6.4.2) carries the counter this UE accepted already: if the
            // verification message was lost, it is answered again. A replayed counter means the store still holds
            // the MUK (current or last used; an unknown one is refused first), so the answer is only given while the
            // key that verified the original is held. Only such a message asks the memory; a new one never does.
            if (message.askForVerification() && check.rejection().orElseThrow() == KeyRejection.REPLAYED_COUNTER) {
                Optional<Bytes> again = acks.answerFor(mukId, datagram);
                if (again.isPresent()) {
                    LOG.debug("MSK message {}/{} counter {} under {} received again: verification message sent again",
                            message.keyDomain(), message.mskId(), message.counter(), mukId);
                    return new Duplicate(again.get());
                }
            }
            return mukExpired(mukId, message).orElseGet(
                    () -> discard(Stage.CHECK, check.rejection().orElseThrow(), check.detail()));
        }
        SecretBytes muk = check.value().key();
        try {
            Optional<Reception> expired = mukExpired(mukId, message);
            if (expired.isPresent()) {
                return expired.get();
            }
            OpenResult<OpenedMsk> opened = opener.open(message, muk);
            if (opened instanceof OpenResult.Rejected<OpenedMsk> r) {
                return discard(Stage.OPEN, r.reason(), r.detail());
            }
            OpenedMsk msk = opened.orElseThrow();
            try {
                return applyMsk(mukId, msk, muk, datagram);
            } finally {
                msk.msk().ifPresent(SecretBytes::destroy); // the store keeps its own copy
            }
        } finally {
            muk.destroy();
        }
    }

    /** The discard of an MSK message under a MUK whose GBA key lifetime is over, if it is. */
    private Optional<Reception> mukExpired(MukId mukId, MskMessage message) {
        Optional<Instant> expiry = mukLifetime.expiresAt(mukId);
        Instant now = clock.instant();
        if (expiry.isEmpty() || now.isBefore(expiry.get())) {
            return Optional.empty();
        }
        return Optional.of(discard(Stage.CHECK, ReceptionRejection.MUK_EXPIRED, "MSK message " + message.keyDomain() + "/"
                + message.mskId() + " (counter " + message.counter() + ") is protected with " + mukId
                + ", whose GBA key lifetime ended at " + expiry.get() + " (now " + now + "); only the first "
                + "message of a solicited pull may use a MUK past its lifetime (TS 33.246 §6.3.2.2.4 NOTE 1)"));
    }

    private Reception applyMsk(MukId mukId, OpenedMsk msk, SecretBytes muk, Bytes datagram) {
        // §6.4.6.1 step 5: the SP kept aside is adopted now, with the message (OpenedMsk.securityPolicy()).
        KeyOutcome<MskUpdate> applied = store.applyMsk(mukId, msk.counter(), msk.keyDomain(), msk.mskId(), msk.msk(),
                msk.validity(), msk.rand(), msk.serviceType(), msk.securityPolicy(), msk.srtpCsEntry());
        if (!applied.isAccepted()) {
            return discard(Stage.APPLY, applied.rejection().orElseThrow(), applied.detail());
        }
        MskUpdate update = applied.value();
        if (update.answer() == MskUpdate.Answer.REQUEST_MSK_NO_ACK) {
            // §6.3.2.3.1: "the UE shall not create a MIKEY acknowledgement message", even with V set.
            LOG.debug("MSK message {}/{} verified only with the last used MUK {}: {}, no verification message, MSK "
                    + "request due", msk.keyDomain(), msk.mskId(), mukId, update.change());
            return new MskRequestNeeded(msk.keyDomain(), msk.mskId().keyGroup(), Cause.LAST_USED_MUK_PUSH,
                    Optional.of(update));
        }
        if (!msk.message().askForVerification()) {
            return new MskStored(update, Optional.empty());
        }
        Bytes verification = sealer.acknowledge(msk, muk);
        acks.remember(mukId, datagram, verification);
        return new MskStored(update, Optional.of(verification));
    }

    /** §6.3.2.2.4, §6.4.6.1 step 6. */
    private Reception receivePull(SolicitedPullMessage message) {
        MukCheck found = checkMuk(message.idi(), message.idr(), message.counter());
        MukId mukId = found.mukId();
        KeyOutcome<MukKey> check = found.outcome();
        if (!check.isAccepted()) {
            return discard(Stage.CHECK, check.rejection().orElseThrow(), check.detail());
        }
        SecretBytes muk = check.value().key();
        try {
            OpenResult<SolicitedPullMessage> verified = opener.verify(message, muk);
            if (verified instanceof OpenResult.Rejected<SolicitedPullMessage> r) {
                return discard(Stage.OPEN, r.reason(), r.detail());
            }
        } finally {
            muk.destroy();
        }
        KeyOutcome<?> applied = store.applySolicitedPull(mukId, message.counter(), message.keyDomain(),
                message.keyGroup());
        if (!applied.isAccepted()) {
            return discard(Stage.APPLY, applied.rejection().orElseThrow(), applied.detail());
        }
        LOG.debug("solicited pull for {}/{} verified with {}: MSK request due", message.keyDomain(),
                message.keyGroup(), mukId);
        return new MskRequestNeeded(message.keyDomain(), message.keyGroup(), Cause.SOLICITED_PULL, Optional.empty());
    }

    // ------------------------------------------------------------------------------------ MTK messages

    /** §6.4.6.2, §6.5.4. */
    private Reception receiveMtk(MtkMessage message) {
        KeyOutcome<MskKey> check = store.checkMtk(message.keyDomain(), message.mskId(), message.counter(),
                message.mtkId());
        if (!check.isAccepted()) {
            KeyRejection reason = check.rejection().orElseThrow();
            if (reason == KeyRejection.UNKNOWN_KEY) {
                LOG.debug("MTK message {} under MSK {}/{} the UE lacks: discarded, MSK request due (TS 33.246 "
                        + "§6.3.2.2.3)", message.mtkId(), message.keyDomain(), message.mskId());
                return new MskRequestNeeded(message.keyDomain(), message.mskId().keyGroup(), Cause.UNKNOWN_MSK,
                        Optional.empty());
            }
            if (reason == KeyRejection.REPLAYED_COUNTER
                    && store.isLastAcceptedMtk(message.keyDomain(), message.mskId(), message.counter(), message.mtkId())) {
                LOG.debug("MTK message {} under MSK {}/{} (counter {}) received again: the current MTK, resent (TS 33.246 "
                        + "§6.3.3.2.2)", message.mtkId(), message.keyDomain(), message.mskId(), message.counter());
                return new MtkRepeated(MskRef.of(message.keyDomain(), message.mskId()), message.mtkId());
            }
            return discard(Stage.CHECK, reason, check.detail());
        }
        MskKey msk = check.value();
        OpenResult<OpenedMtk> opened;
        try {
            opened = opener.open(message, msk.key(), msk.rand(), msk.serviceType());
        } finally {
            msk.key().destroy();
        }
        if (opened instanceof OpenResult.Rejected<OpenedMtk> r) {
            return discard(Stage.OPEN, r.reason(), r.detail());
        }
        OpenedMtk mtk = opened.orElseThrow();
        KeyOutcome<CurrentMtk> applied;
        try {
            applied = store.applyMtk(mtk.keyDomain(), mtk.mskId(), mtk.counter(), mtk.mtkId(), message.csbId(), mtk.mtk(),
                    mtk.salt());
        } finally {
            mtk.mtk().destroy(); // the store keeps its own copies
            mtk.salt().ifPresent(SecretBytes::destroy);
        }
        if (!applied.isAccepted()) {
            return discard(Stage.APPLY, applied.rejection().orElseThrow(), applied.detail());
        }
        return new MtkStored(applied.value());
    }

    private static Reception discard(Stage stage, Enum<?> reason, String detail) {
        LOG.debug("MIKEY datagram discarded at {}: {}: {}", stage, reason, detail);
        return new Discarded(stage, reason, detail);
    }
}
