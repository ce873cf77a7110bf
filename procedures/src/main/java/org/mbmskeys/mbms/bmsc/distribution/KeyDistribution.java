package org.mbmskeys.mbms.bmsc.distribution;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.mbmskeys.engine.bytes.Bytes;
import org.mbmskeys.engine.spi.RandomBytes;
import org.mbmskeys.mbms.bmsc.keys.KeyGroupRecord;
import org.mbmskeys.mbms.bmsc.keys.KeyRegistry;
import org.mbmskeys.mbms.bmsc.keys.RegisteredMsk;
import org.mbmskeys.mbms.bmsc.services.KeyGroupRef;
import org.mbmskeys.mbms.keys.KeyDomainId;
import org.mbmskeys.mbms.keys.KeyGroup;
import org.mbmskeys.mbms.keys.KeyValidity;
import org.mbmskeys.mbms.keys.MskRef;
import org.mbmskeys.mbms.keys.ProtectingKey;
import org.mbmskeys.mbms.keys.ServiceType;
import org.mbmskeys.mbms.keys.TimestampCounter;
import org.mbmskeys.mbms.mikey.CsbId;
import org.mbmskeys.mbms.mikey.crypto.CryptoSuite;
import org.mbmskeys.mbms.mikey.protection.AckExpectation;
import org.mbmskeys.mbms.mikey.protection.CsbIds;
import org.mbmskeys.mbms.mikey.protection.InboundMikey;
import org.mbmskeys.mbms.mikey.protection.MikeyOpener;
import org.mbmskeys.mbms.mikey.protection.MikeyReader;
import org.mbmskeys.mbms.mikey.protection.MikeyRejection;
import org.mbmskeys.mbms.mikey.protection.MikeySealer;
import org.mbmskeys.mbms.mikey.protection.MskDelivery;
import org.mbmskeys.mbms.mikey.protection.OpenResult;
import org.mbmskeys.mbms.mikey.protection.SolicitedPull;
import org.mbmskeys.mbms.mikey.protection.StreamingSession;
import org.mbmskeys.mbms.mikey.protection.VerificationMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The BM-SC Key Distribution function's MIKEY messages to one UE (TS 33.246 §6.3.2): MSK push, validity
 * update, invalidation and solicited pull, sealed and addressed, and the check of the UE's verification
 * message. The procedure scripts decide when to send, resend and give up; this class builds and checks.
 *
 * <h2>Rules</h2>
 * <ul>
 *   <li><b>MSK message</b> (§6.3.2.3.1, §6.4.5.1): the MSK from the {@link KeyRegistry} (Key Number 0
 *       means the group's current MSK) with its key validity and its one MIKEY-RAND; IDi = BM-SC FQDN,
 *       IDr = the B-TID of the UE's last MUK, which protects it; a fresh random CSB ID (§6.4.2); the next
 *       COUNTER of that MUK (one stream per UE and MUK, restarting with a new MUK, §6.4.3); the V bit if an
 *       acknowledgement is wanted (§6.4.2). A streaming Key Group's message carries its session's SRTP-ID map
 *       entry and SP ({@link StreamingSessions}).</li>
 *   <li><b>MUK lifetime</b>: a push, validity update or invalidation needs a MUK within its lifetime
 *       ({@link UeKeys#forDelivery}); otherwise {@link DistributionRefusal#MUK_EXPIRED}, and the script runs
 *       a solicited pull, which may use the last MUK past its lifetime (§6.3.2.2.4 NOTE 1).</li>
 *   <li><b>Retransmission</b>: {@link #retransmission} builds the next attempt with the next counter,
 *       because "The counter shall be increased by one for each MSK message sent from the BM-SC to the UE
 *       even in case BM-SC retransmits a previously sent MSK message" (§6.4.3); a UE's MGV-F discards a
 *       message whose counter is not above the one it stored (§6.4.6.1 step 2), so a byte-identical resend
 *       reaches a conforming UE as a replay. The CSB ID stays that of the first attempt, and the verification
 *       message of any attempt acknowledges the delivery.</li>
 *   <li><b>Invalidation</b> (§6.3.2.1B): an MSK message without key whose key validity has SEQl &gt; SEQu
 *       ({@link KeyValidity#invalidated()}); "In case the MSK message does not include any key in KEMAC
 *       payload, then the Key Validity data shall be updated for the specified MSK" (§6.5.3), and an
 *       interval that admits no MTK ID leaves the UE nothing to use the MSK for. A <b>validity update</b> is the same keyless message with the registry's current key
 *       validity.</li>
 *   <li><b>Solicited pull</b> (§6.3.2.2.4): Key Number 0, KEMAC without key data, V never set, the last MUK
 *       the BM-SC knows whatever its age, and a fresh RAND (U13: whether the pull carries a RAND is open; a
 *       receiver handles both).</li>
 *   <li><b>Acknowledgement</b> (§6.4.5.2): {@link #checkAck} reads the datagram and answers
 *       {@link AckCheck.Acknowledged} only for a verification message with the push's CSB ID, the counter of
 *       one of its attempts, the UE's B-TID as IDr and a MAC that verifies with the MUK of the push.</li>
 * </ul>
 *
 * <p>Keys: MSK and MUK copies taken from the registry and {@link UeKeys} are wiped after sealing; the
 * prepared messages hold none. Refusals are typed ({@link Preparation.Refused}, {@link AckCheck.Rejected})
 * and logged at debug, without key material. Thread-safe.
 *
 * <pre>{@code
 * KeyDistribution distribution = new KeyDistribution(registry, ueKeys, sessions, RandomBytes.secure(),
 *         CryptoSuite.jca());
 * Preparation<PreparedPush> p = distribution.push(new Recipient(impi, to), group.current(), true);
 * if (p instanceof Preparation.Ready<PreparedPush> ready) { send(ready.message()); }
 * AckCheck ack = distribution.checkAck(ready.message(), answer);
 * }</pre>
 */
public final class KeyDistribution {

    private static final Logger LOG = LoggerFactory.getLogger(KeyDistribution.class);

    /** RAND length of a solicited pull: 128 bits, the length every UE supports (§6.4.5.1). */
    static final int PULL_RAND_LENGTH = 16;

    private final KeyRegistry registry;
    private final UeKeys ueKeys;
    private final StreamingSessions sessions;
    private final RandomBytes random;
    private final MikeySealer sealer;
    private final MikeyOpener opener;

    /**
     * @param random source of CSB IDs and solicited-pull RANDs
     * @param suite  the crypto of the sealer and opener (e.g. {@link CryptoSuite#jca()}); time (MUK expiry,
     *               when a push was first prepared) is {@code ueKeys}' clock
     */
    public KeyDistribution(KeyRegistry registry, UeKeys ueKeys, StreamingSessions sessions, RandomBytes random,
                           CryptoSuite suite) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.ueKeys = Objects.requireNonNull(ueKeys, "ueKeys");
        this.sessions = Objects.requireNonNull(sessions, "sessions");
        this.random = Objects.requireNonNull(random, "random");
        this.sealer = new MikeySealer(Objects.requireNonNull(suite, "suite"));
        this.opener = new MikeyOpener(suite);
    }

    /**
     * For {@link UeKeys.Builder#onRetired}: drops the COUNTER stream of a MUK that a newer MUK replaced, which
     * is never used again (§6.4.3: the counter is reset when the MUK is updated).
     */
    public static Consumer<KnownMuk> retireCountersIn(KeyRegistry registry) {
        Objects.requireNonNull(registry, "registry");
        return retired -> registry.forgetMukCounter(retired.mukId());
    }

    // ---------------------------------------------------------------------------------------- MSK messages

    /**
     * The MSK message that delivers {@code msk} (Key Number 0: the group's current MSK) to {@code ue}
     * (TS 33.246 §6.3.2.3.1).
     */
    public Preparation<PreparedPush> push(Recipient ue, MskRef msk, boolean ackRequested) {
        return prepare(ue, msk, PushKind.DELIVERY, ackRequested);
    }

    /** A keyless MSK message with the registry's current key validity of {@code msk} (§6.3.2.3.1 NOTE, §6.5.3). */
    public Preparation<PreparedPush> validityUpdate(Recipient ue, MskRef msk, boolean ackRequested) {
        return prepare(ue, msk, PushKind.VALIDITY_UPDATE, ackRequested);
    }

    /** A keyless MSK message with SEQl &gt; SEQu that drops {@code msk} at the UE (§6.3.2.1B). */
    public Preparation<PreparedPush> invalidate(Recipient ue, MskRef msk, boolean ackRequested) {
        return prepare(ue, msk, PushKind.INVALIDATION, ackRequested);
    }

    /**
     * Invalidations of every MSK of {@code group} the registry holds (current and previous, either of which the
     * UE may hold, §6.5.3): what a deregistration sends for each Key Group the UE no longer needs.
     */
    public List<Preparation<PreparedPush>> invalidateGroup(Recipient ue, KeyGroupRef group, boolean ackRequested) {
        Optional<KeyGroupRecord> record = registry.group(group.keyDomain(), group.keyGroup());
        if (record.isEmpty()) {
            return List.of(refused(DistributionRefusal.UNKNOWN_KEY_GROUP, "no Key Group " + group + " in the key registry"));
        }
        List<Preparation<PreparedPush>> out = new ArrayList<>(2);
        record.get().previous().ifPresent(ref -> out.add(invalidate(ue, ref, ackRequested)));
        record.get().current().ifPresent(ref -> out.add(invalidate(ue, ref, ackRequested)));
        return List.copyOf(out);
    }

    /**
     * The next attempt of {@code previous}: the same MSK, kind, CSB ID and V bit, re-sealed with the next
     * counter of the MUK (§6.4.3). The MSK and key validity are read again, so a resend carries what the
     * registry holds now.
     */
    public Preparation<PreparedPush> retransmission(PreparedPush previous) {
        Objects.requireNonNull(previous, "previous");
        Optional<UeMuk> muk = ueKeys.named(previous.impi(), previous.mukId());
        if (muk.isEmpty()) {
            return refused(DistributionRefusal.MUK_CHANGED, "UE " + previous.impi() + " no longer has the MUK "
                    + previous.mukId() + " of the first attempt; push afresh under its current MUK");
        }
        try {
            if (muk.get().known().isExpiredAt(now())) {
                return refused(DistributionRefusal.MUK_EXPIRED, "MUK " + previous.mukId() + " of " + previous.impi()
                        + " expired at " + muk.get().known().expiresAt() + "; run a solicited pull (TS 33.246 §6.3.2.2.4)");
            }
            return seal(new Recipient(previous.impi(), previous.to()), previous.msk(), previous.kind(),
                    previous.ackRequested(), muk.get(), Optional.of(previous));
        } finally {
            muk.get().destroy();
        }
    }

    private Preparation<PreparedPush> prepare(Recipient ue, MskRef msk, PushKind kind, boolean ackRequested) {
        Objects.requireNonNull(ue, "ue");
        Objects.requireNonNull(msk, "msk");
        MukUse use = ueKeys.forDelivery(ue.impi());
        if (use instanceof MukUse.Unknown) {
            return refused(DistributionRefusal.NO_MUK, "no MUK known for " + ue.impi() + "; it has sent no "
                    + "authenticated request this BM-SC looked up");
        }
        if (use instanceof MukUse.Expired expired) {
            return refused(DistributionRefusal.MUK_EXPIRED, "MUK " + expired.muk().mukId() + " of " + ue.impi()
                    + " expired at " + expired.muk().expiresAt() + "; run a solicited pull (TS 33.246 §6.3.2.2.4)");
        }
        UeMuk muk = ((MukUse.Usable) use).muk();
        try {
            return seal(ue, msk, kind, ackRequested, muk, Optional.empty());
        } finally {
            muk.destroy();
        }
    }

    private Preparation<PreparedPush> seal(Recipient ue, MskRef requested, PushKind kind, boolean ackRequested,
                                           UeMuk muk, Optional<PreparedPush> previous) {
        if (registry.group(requested.keyDomain(), requested.keyGroup()).isEmpty()) {
            return refused(DistributionRefusal.UNKNOWN_KEY_GROUP, "no Key Group " + KeyGroupRef.of(requested)
                    + " in the key registry");
        }
        Optional<RegisteredMsk> found = registry.msk(requested);
        if (found.isEmpty()) {
            return refused(DistributionRefusal.UNKNOWN_MSK, "no MSK " + requested + " in the key registry"
                    + (requested.mskId().isCurrentMarker() ? " (the group has no current MSK yet)" : ""));
        }
        RegisteredMsk msk = found.get();
        try {
            Optional<StreamingSession> session = Optional.empty();
            if (msk.serviceType() == ServiceType.STREAMING) {
                session = sessions.of(KeyGroupRef.of(msk.ref()));
                if (session.isEmpty()) {
                    return refused(DistributionRefusal.NO_STREAMING_SESSION, "Key Group " + KeyGroupRef.of(msk.ref())
                            + " streams, but no session (SRTP-ID map entry and SP, TS 33.246 §6.4.5.1) is configured");
                }
            }
            KnownMuk known = muk.known();
            String idi = ueKeys.bmscFqdn();
            String idr = known.bTid().format();
            CsbId csbId = previous.map(PreparedPush::csbId).orElseGet(() -> CsbIds.random(random));
            TimestampCounter counter = registry.nextCounter(ProtectingKey.muk(known.mukId()));
            KeyDomainId domain = msk.ref().keyDomain();
            KeyValidity validity = kind == PushKind.INVALIDATION ? KeyValidity.invalidated() : msk.validity();
            MskDelivery delivery = kind == PushKind.DELIVERY
                    ? MskDelivery.delivery(csbId, domain, msk.ref().mskId(), msk.key(), validity, counter, msk.rand(),
                    idi, idr, ackRequested)
                    : MskDelivery.validityUpdate(csbId, domain, msk.ref().mskId(), validity, counter, msk.rand(), idi,
                    idr, ackRequested);
            if (session.isPresent()) {
                delivery = delivery.forStreaming(session.get());
            }
            Bytes datagram = sealer.seal(delivery, muk.key());
            Optional<AckExpectation> expectation = ackRequested ? Optional.of(delivery.ackExpectation()) : Optional.empty();
            List<TimestampCounter> counters = new ArrayList<>(previous.map(PreparedPush::sentCounters).orElse(List.of()));
            counters.add(counter);
            PreparedPush push = new PreparedPush(ue.impi(), msk.ref(), kind, validity, datagram, ue.to(), expectation,
                    csbId, counter, known.mukId(), counters.size(), counters,
                    previous.map(PreparedPush::firstPreparedAt).orElseGet(this::now));
            LOG.debug("{} of MSK {} to {} at {}: counter {}, attempt {}, V {}", kind, msk.ref(), ue.impi(), ue.to(),
                    counter, push.attempt(), ackRequested);
            return new Preparation.Ready<>(push);
        } finally {
            msk.key().destroy();
        }
    }

    // ---------------------------------------------------------------------------------------- solicited pull

    /**
     * Whether the BM-SC holds a MUK for the UE that is past its lifetime: a push, validity update or invalidation
     * is then refused ({@link DistributionRefusal#MUK_EXPIRED}) and only a solicited pull may still use it
     * (§6.3.2.2.4 NOTE 1). False when it holds none.
     */
    public boolean mukExpired(String impi) {
        return ueKeys.lastKnown(impi).map(k -> k.isExpiredAt(now())).orElse(false);
    }

    /**
     * A solicited pull for the group {@code keyDomain}/{@code keyGroup} to {@code ue}, protected with the last
     * MUK the BM-SC knows for it, expired or not (TS 33.246 §6.3.2.2.4).
     */
    public Preparation<PreparedPull> solicitedPull(Recipient ue, KeyDomainId keyDomain, KeyGroup keyGroup) {
        Objects.requireNonNull(ue, "ue");
        KeyGroupRef group = KeyGroupRef.of(keyDomain, keyGroup);
        if (registry.group(keyDomain, keyGroup).isEmpty()) {
            return refused(DistributionRefusal.UNKNOWN_KEY_GROUP, "no Key Group " + group + " in the key registry");
        }
        Optional<UeMuk> last = ueKeys.forSolicitedPull(ue.impi());
        if (last.isEmpty()) {
            return refused(DistributionRefusal.NO_MUK, "no MUK known for " + ue.impi() + "; a solicited pull needs "
                    + "the last MUK the BM-SC knows (TS 33.246 §6.3.2.2.4)");
        }
        UeMuk muk = last.get();
        try {
            KnownMuk known = muk.known();
            CsbId csbId = CsbIds.random(random);
            TimestampCounter counter = registry.nextCounter(ProtectingKey.muk(known.mukId()));
            Bytes rand = random.next(PULL_RAND_LENGTH);
            Bytes datagram = sealer.seal(new SolicitedPull(csbId, keyDomain, keyGroup, counter, rand, ueKeys.bmscFqdn(),
                    known.bTid().format()), muk.key());
            boolean expired = known.isExpiredAt(now());
            LOG.debug("solicited pull for {} to {} at {}: counter {}, MUK {}{}", group, ue.impi(), ue.to(), counter,
                    known.mukId(), expired ? " (past its lifetime, §6.3.2.2.4 NOTE 1)" : "");
            return new Preparation.Ready<>(new PreparedPull(ue.impi(), group, datagram, ue.to(), csbId, counter,
                    known.mukId(), expired));
        } finally {
            muk.destroy();
        }
    }

    // ---------------------------------------------------------------------------------------- acknowledgements

    /** Whether {@code datagram} is the UE's verification message for {@code push} (TS 33.246 §6.4.5.2). */
    public AckCheck checkAck(PreparedPush push, Bytes datagram) {
        Objects.requireNonNull(push, "push");
        Objects.requireNonNull(datagram, "datagram");
        if (push.ackExpectation().isEmpty()) {
            return rejected(push, AckRejection.NO_ACK_REQUESTED, "the " + push.kind() + " of MSK " + push.msk()
                    + " did not set the V bit; nothing acknowledges it");
        }
        OpenResult<InboundMikey> read = MikeyReader.read(datagram);
        if (read instanceof OpenResult.Rejected<InboundMikey> r) {
            return rejected(push, r.reason() == MikeyRejection.MALFORMED ? AckRejection.MALFORMED
                    : AckRejection.NOT_A_VERIFICATION_MESSAGE, r.detail());
        }
        if (!(read.orElseThrow() instanceof VerificationMessage ack)) {
            return rejected(push, AckRejection.NOT_A_VERIFICATION_MESSAGE, "a "
                    + read.orElseThrow().getClass().getSimpleName() + ", not a verification message");
        }
        return checkAck(push, ack);
    }

    /**
     * Whether {@code ack}, a verification message already read (by whoever routed it to the push, so that it
     * is not decoded twice), answers {@code push}: the same checks as {@link #checkAck(PreparedPush, Bytes)}
     * after the reading.
     */
    public AckCheck checkAck(PreparedPush push, VerificationMessage ack) {
        Objects.requireNonNull(push, "push");
        Objects.requireNonNull(ack, "ack");
        if (push.ackExpectation().isEmpty()) {
            return rejected(push, AckRejection.NO_ACK_REQUESTED, "the " + push.kind() + " of MSK " + push.msk()
                    + " did not set the V bit; nothing acknowledges it");
        }
        AckExpectation expected = push.ackExpectation().get();
        if (!ack.csbId().equals(expected.csbId())) {
            return rejected(push, AckRejection.WRONG_CSB_ID, "CSB ID " + ack.csbId() + ", the push had "
                    + expected.csbId());
        }
        if (!push.sentCounters().contains(ack.counter())) {
            return rejected(push, AckRejection.WRONG_COUNTER, "counter " + ack.counter() + ", the push's attempts had "
                    + push.sentCounters());
        }
        if (!ack.idr().data().equals(expected.idr())) {
            return rejected(push, AckRejection.WRONG_IDR, "IDr is not the B-TID the push was sent to");
        }
        Optional<UeMuk> muk = ueKeys.named(push.impi(), push.mukId());
        if (muk.isEmpty()) {
            return rejected(push, AckRejection.UNKNOWN_MUK, "the MUK " + push.mukId() + " of the push is no longer the "
                    + "UE's last MUK");
        }
        try {
            AckExpectation answered = new AckExpectation(expected.csbId(), expected.rand(), expected.idi(),
                    expected.idr(), ack.counter());
            OpenResult<VerificationMessage> verified = opener.verify(ack, answered, muk.get().key());
            if (verified instanceof OpenResult.Rejected<VerificationMessage> r) {
                return rejected(push, AckRejection.BAD_MAC, r.detail());
            }
            LOG.debug("{} of MSK {} acknowledged by {} (counter {})", push.kind(), push.msk(), push.impi(), ack.counter());
            return new AckCheck.Acknowledged(ack.counter());
        } finally {
            muk.get().destroy();
        }
    }

    // ---------------------------------------------------------------------------------------- helpers

    private Instant now() {
        return ueKeys.now();
    }

    private static <T> Preparation<T> refused(DistributionRefusal reason, String detail) {
        LOG.debug("no message prepared: {}: {}", reason, detail);
        return new Preparation.Refused<>(reason, detail);
    }

    private static AckCheck rejected(PreparedPush push, AckRejection reason, String detail) {
        LOG.debug("answer to the {} of MSK {} for {} refused: {}: {}", push.kind(), push.msk(), push.impi(), reason,
                detail);
        return new AckCheck.Rejected(reason, detail);
    }
}
