package org.mbmskeys.mbms.bmsc;

import java.time.InstantSource;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.mbmskeys.engine.bytes.Bytes;
import org.mbmskeys.engine.spi.Endpoint;
import org.mbmskeys.engine.spi.Envelope;
import org.mbmskeys.mbms.bmsc.distribution.AckCheck;
import org.mbmskeys.mbms.bmsc.distribution.DeliveryRecord;
import org.mbmskeys.mbms.bmsc.distribution.DeliveryRecordStorage;
import org.mbmskeys.mbms.bmsc.distribution.DistributionRefusal;
import org.mbmskeys.mbms.bmsc.distribution.KeyDistribution;
import org.mbmskeys.mbms.bmsc.distribution.MtkStep;
import org.mbmskeys.mbms.bmsc.distribution.MtkStream;
import org.mbmskeys.mbms.bmsc.distribution.MukLookup;
import org.mbmskeys.mbms.bmsc.distribution.Preparation;
import org.mbmskeys.mbms.bmsc.distribution.PreparedMtk;
import org.mbmskeys.mbms.bmsc.distribution.PreparedPull;
import org.mbmskeys.mbms.bmsc.distribution.PreparedPush;
import org.mbmskeys.mbms.bmsc.distribution.Recipient;
import org.mbmskeys.mbms.bmsc.distribution.UeKeys;
import org.mbmskeys.mbms.bmsc.keys.KeyRegistry;
import org.mbmskeys.mbms.bmsc.procedure.KeyDelivery;
import org.mbmskeys.mbms.bmsc.procedure.MikeyArrived;
import org.mbmskeys.mbms.bmsc.procedure.MtkDelivery;
import org.mbmskeys.mbms.bmsc.registrations.Registration;
import org.mbmskeys.mbms.bmsc.registrations.Registrations;
import org.mbmskeys.mbms.bmsc.services.KeyGroupRef;
import org.mbmskeys.mbms.keys.KeyDomainId;
import org.mbmskeys.mbms.keys.KeyGroup;
import org.mbmskeys.mbms.keys.MskRef;
import org.mbmskeys.mbms.mikey.protection.MikeyReader;
import org.mbmskeys.mbms.mikey.protection.VerificationMessage;
import org.mbmskeys.mbms.mikey.protection.OpenResult;
import org.mbmskeys.mbms.mikey.protection.InboundMikey;
import org.mbmskeys.mbms.traffic.SrtpMasterKey;
import org.mbmskeys.mbms.traffic.TrafficKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Key Distribution function behind the BM-SC's scripts: {@link KeyDistribution} for the messages, the
 * registrations for where they go (§6.3.1), the delivery records, the index that routes a UE's
 * verification message to the push it acknowledges (by CSB ID), the solicited pulls waiting for their MSK
 * request, and the MTK streams of the sessions.
 */
final class BmscKeyDelivery implements KeyDelivery, MtkDelivery {

    private static final Logger LOG = LoggerFactory.getLogger(BmscKeyDelivery.class);

    private final KeyDistribution distribution;
    private final UeKeys ueKeys;
    private final KeyRegistry registry;
    private final Registrations registrations;
    private final DeliveryRecordStorage records;
    private final Endpoint self;
    private final InstantSource clock;
    private final Map<String, MtkStream> sessions;
    private final TrafficProtection trafficProtection;
    /** A push waiting for its verification message -> the instance running it, and what its answer showed so far. */
    private final Map<AwaitedAck, Awaiting> awaitingAck = new ConcurrentHashMap<>();
    /** "impi|keyGroup" of the solicited pulls sent and not yet answered by an MSK request. */
    private final Set<String> pendingPulls = ConcurrentHashMap.newKeySet();
    /**
     * Where to send the invalidations of a UE that deregistered (§6.3.2.1B), which its registration may no longer
     * say, and how many of them are still to be prepared. Each one takes the address when it is prepared and
     * keeps it for its resends, so the entry goes with the last of them; taking it on preparation rather than on
     * delivery matters, because one invalidation may be acknowledged before the next is prepared.
     */
    private final Map<String, LastAddress> lastAddresses = new ConcurrentHashMap<>();
    /**
     * The MSK the scripts named last, read: a rotation pushes the same MSK to every UE of the Key Group, so
     * its written form is parsed once per rotation, not once per UE.
     */
    private volatile NamedMsk lastNamed = new NamedMsk(null, null);

    private record NamedMsk(String text, MskRef ref) {
    }

    private record LastAddress(Endpoint address, int invalidations) {
    }

    BmscKeyDelivery(KeyDistribution distribution, UeKeys ueKeys, KeyRegistry registry, Registrations registrations,
                    DeliveryRecordStorage records, Endpoint self, InstantSource clock, Map<String, MtkStream> sessions,
                    TrafficProtection trafficProtection) {
        this.distribution = distribution;
        this.ueKeys = ueKeys;
        this.registry = registry;
        this.registrations = registrations;
        this.records = records;
        this.self = self;
        this.clock = clock;
        this.sessions = sessions;
        this.trafficProtection = trafficProtection;
    }

    // ------------------------------------------------------------------------------------ MSK push

    @Override
    public Optional<PreparedPush> push(String instance, String ue, String msk, Kind kind) {
        Optional<Endpoint> remembered = kind == Kind.INVALIDATE ? takeLastAddress(ue) : Optional.empty();
        Optional<Endpoint> to = registrations.mikeyDestination(ue).or(() -> remembered);
        if (to.isEmpty()) {
            LOG.debug("no MSK message for {}: it has no registration and no address is known", ue);
            return Optional.empty();
        }
        MskRef ref = mskNamed(msk);
        Recipient recipient = new Recipient(ue, to.get());
        Preparation<PreparedPush> prepared = prepare(recipient, ref, kind);
        // Without a MUK nothing was used up (no counter, no CSB ID): derive it again and prepare once more. Asking
        // first would look the UE's MUK up twice in every push of a re-key.
        if (prepared instanceof Preparation.Refused<PreparedPush> refused && refused.reason() == DistributionRefusal.NO_MUK) {
            deriveMukAgain(ue);
            prepared = prepare(recipient, ref, kind);
        }
        return ready(prepared, instance);
    }

    private Preparation<PreparedPush> prepare(Recipient recipient, MskRef ref, Kind kind) {
        return switch (kind) {
            case DELIVER -> distribution.push(recipient, ref, true);
            case VALIDITY -> distribution.validityUpdate(recipient, ref, true);
            case INVALIDATE -> distribution.invalidate(recipient, ref, true);
        };
    }

    private MskRef mskNamed(String text) {
        NamedMsk last = lastNamed;
        if (Objects.requireNonNull(text, "msk").equals(last.text())) {
            return last.ref();
        }
        MskRef ref = MskRef.parse(text);
        lastNamed = new NamedMsk(text, ref);
        return ref;
    }

    @Override
    public boolean mukExpired(String ue) {
        return distribution.mukExpired(ue);
    }

    @Override
    public Optional<PreparedPush> retransmission(PreparedPush previous) {
        Awaiting awaiting = awaitingAck.get(AwaitedAck.of(previous));
        return retransmission(awaiting == null ? null : awaiting.instance, previous);
    }

    @Override
    public Optional<PreparedPush> retransmission(String instance, PreparedPush previous) {
        recallMuk(previous.impi());
        Preparation<PreparedPush> prepared = distribution.retransmission(previous);
        if (prepared instanceof Preparation.Refused<PreparedPush> refused && refused.reason() == DistributionRefusal.MUK_CHANGED) {
            // The UE bootstrapped again since the first attempt, so it can no longer verify this chain: what it has
            // not acknowledged is pushed afresh under its current MUK (a new CSB ID and counter), rather than the
            // delivery ending with nothing recorded.
            awaitingAck.remove(AwaitedAck.of(previous));
            LOG.info("MSK message for {} pushed afresh: {}", previous.impi(), refused.detail());
            prepared = afresh(previous);
        }
        Optional<PreparedPush> next = ready(prepared, instance);
        if (next.isEmpty()) {
            awaitingAck.remove(AwaitedAck.of(previous));   // the push ends here: nothing is awaited any more
        }
        return next;
    }

    /** {@link #deriveMukAgain} if this BM-SC holds no MUK of the UE. */
    private void recallMuk(String ue) {
        if (ueKeys.lastKnown(ue).isEmpty()) {
            deriveMukAgain(ue);
        }
    }

    /**
     * Derives the UE's MUK again over Zn from the B-TID of the last MUK its registration records. MUKs are never
     * stored, so a BM-SC started again on durable state has its UEs' registrations but none of their MUKs; without
     * this, its first re-key, and every push it took over, would find no MUK until the UE sent a request. The MUK's
     * lifetime then runs from this derivation, as after any Zn look-up.
     */
    private void deriveMukAgain(String ue) {
        registrations.registration(ue).flatMap(Registration::lastMuk).ifPresent(last -> {
            MukLookup found = ueKeys.lookUp(last.bTid());
            if (found instanceof MukLookup.BootstrappingExpired expired) {
                LOG.info("MUK of {} not derived again from its last B-TID {}: that bootstrapping expired at {}; the UE "
                        + "bootstraps again before its next request", ue, last.bTid(), expired.expiredAt());
            } else if (found instanceof MukLookup.UnknownBTid) {
                LOG.info("MUK of {} not derived again from its last B-TID {}: the BSF does not know that B-TID (any "
                        + "more); the UE bootstraps again before its next request", ue, last.bTid());
            }
        });
    }

    private Preparation<PreparedPush> afresh(PreparedPush previous) {
        Recipient recipient = new Recipient(previous.impi(),
                registrations.mikeyDestination(previous.impi()).orElse(previous.to()));
        return switch (previous.kind()) {
            case DELIVERY -> distribution.push(recipient, previous.msk(), previous.ackRequested());
            case VALIDITY_UPDATE -> distribution.validityUpdate(recipient, previous.msk(), previous.ackRequested());
            case INVALIDATION -> distribution.invalidate(recipient, previous.msk(), previous.ackRequested());
        };
    }

    private Optional<PreparedPush> ready(Preparation<PreparedPush> prepared, String instance) {
        if (prepared instanceof Preparation.Ready<PreparedPush> ready) {
            if (instance != null) {
                awaitingAck.put(AwaitedAck.of(ready.message()), new Awaiting(instance));
            }
            return Optional.of(ready.message());
        }
        Preparation.Refused<PreparedPush> refused = (Preparation.Refused<PreparedPush>) prepared;
        LOG.info("MSK message not sent: {} ({})", refused.reason(), refused.detail());
        return Optional.empty();
    }

    @Override
    public Envelope datagram(PreparedPush push) {
        return Envelope.of(self, push.to(), push.datagram());
    }

    @Override
    public boolean acknowledges(PreparedPush push, MikeyArrived arrived) {
        Awaiting awaiting = awaitingAck.get(AwaitedAck.of(push));
        VerificationMessage read = awaiting == null ? null : awaiting.takeRouted();
        // Only the message read from this very datagram: another one with the same CSB ID and IDr routed meanwhile
        // (a duplicate, or a forgery) must not stand in for it.
        AckCheck check = read != null && read.decoded().received() == arrived.datagram()
                ? distribution.checkAck(push, read)
                : distribution.checkAck(push, arrived.datagram());
        if (check instanceof AckCheck.Rejected rejected) {
            LOG.debug("verification message from {} does not acknowledge the push to {}: {}", arrived.source(),
                    push.impi(), rejected);
            return false;
        }
        if (awaiting != null) {
            awaiting.verified = (AckCheck.Acknowledged) check;
        }
        return true;
    }

    @Override
    public DeliveryRecord delivered(PreparedPush push, MikeyArrived arrived) {
        Awaiting awaiting = awaitingAck.get(AwaitedAck.of(push));
        AckCheck.Acknowledged passed = awaiting == null ? null : awaiting.takeVerified();
        AckCheck check = passed != null ? passed : distribution.checkAck(push, arrived.datagram());
        if (!(check instanceof AckCheck.Acknowledged acknowledged)) {
            throw new IllegalStateException("the push to " + push.impi() + " is not acknowledged by " + arrived + ": " + check);
        }
        return record(push, DeliveryRecord.acknowledged(push, acknowledged, clock.instant()));
    }

    @Override
    public DeliveryRecord gaveUp(PreparedPush push) {
        return record(push, DeliveryRecord.unacknowledged(push));
    }

    private DeliveryRecord record(PreparedPush push, DeliveryRecord record) {
        awaitingAck.remove(AwaitedAck.of(push));
        records.add(record);
        return record;
    }

    /** The instance a UE's MIKEY datagram (its verification message) is for: the push with that CSB ID. */
    Optional<String> pushAcknowledgedBy(MikeyArrived arrived) {
        OpenResult<InboundMikey> read = MikeyReader.read(arrived.datagram());
        if (read instanceof OpenResult.Rejected<InboundMikey> rejected) {
            LOG.debug("MIKEY datagram from {} not read: {}", arrived.source(), rejected);
            return Optional.empty();
        }
        if (!(read.orElseThrow() instanceof VerificationMessage ack)) {
            LOG.debug("MIKEY datagram from {} is not a verification message; a BM-SC takes no other", arrived.source());
            return Optional.empty();
        }
        AwaitedAck awaited = new AwaitedAck(ack.csbId().value(), ack.idr().data());
        Awaiting awaiting = awaitingAck.get(awaited);
        if (awaiting == null) {
            return Optional.empty();
        }
        awaiting.routed = ack;
        return Optional.of(awaiting.instance);
    }

    /** Remembers where a UE's MIKEY went, for the {@code invalidations} its deregistration starts. */
    void rememberAddress(String ue, Endpoint address, int invalidations) {
        lastAddresses.merge(ue, new LastAddress(address, invalidations),
                (older, newer) -> new LastAddress(newer.address(), older.invalidations() + newer.invalidations()));
    }

    private Optional<Endpoint> takeLastAddress(String ue) {
        Endpoint[] taken = new Endpoint[1];
        lastAddresses.computeIfPresent(ue, (impi, last) -> {
            taken[0] = last.address();
            return last.invalidations() > 1 ? new LastAddress(last.address(), last.invalidations() - 1) : null;
        });
        return Optional.ofNullable(taken[0]);
    }

    // ------------------------------------------------------------------------------------ solicited pull

    @Override
    public Optional<PreparedPull> solicit(String ue, String keyGroup) {
        KeyGroupRef group = parseGroup(keyGroup);
        recallMuk(ue);
        Preparation<PreparedPull> prepared = registrations.mikeyDestination(ue)
                .map(to -> distribution.solicitedPull(new Recipient(ue, to), group.keyDomain(), group.keyGroup()))
                .orElse(null);
        if (prepared instanceof Preparation.Ready<PreparedPull> ready) {
            pendingPulls.add(ue + "|" + keyGroup);
            return Optional.of(ready.message());
        }
        LOG.info("solicited pull of {} for {} not sent: {}", keyGroup, ue, prepared == null ? "no registration" : prepared);
        return Optional.empty();
    }

    @Override
    public Envelope datagram(PreparedPull pull) {
        return Envelope.of(self, pull.to(), pull.datagram());
    }

    @Override
    public String unanswered(String ue, String keyGroup) {
        pendingPulls.remove(ue + "|" + keyGroup);
        return currentMsk(keyGroup);
    }

    private String currentMsk(String keyGroup) {
        KeyGroupRef group = parseGroup(keyGroup);
        return registry.group(group.keyDomain(), group.keyGroup()).flatMap(r -> r.current())
                .orElse(group.current()).toString();
    }

    /** Whether an MSK request of {@code ue} for {@code group} answers a pending solicited pull (and ends it). */
    boolean answersPull(String ue, KeyGroupRef group) {
        return pendingPulls.remove(ue + "|" + group);
    }

    // ------------------------------------------------------------------------------------ MTK delivery

    @Override
    public Envelope next(String session) {
        MtkStream stream = stream(session);
        MtkStep step = stream.next(keys -> hand(session, keys));
        if (step instanceof MtkStep.Next next) {
            return envelope(session, next.message());
        }
        throw new IllegalStateException("session '" + session + "' has no next MTK: " + step
                + "; rotate the MSK of " + stream.group());
    }

    /** Gives the SRTP sender the new MTK before its message goes out (§6.3.3.2.2: ahead of the switch). */
    private void hand(String session, TrafficKeys keys) {
        if (!(keys instanceof SrtpMasterKey key)) {
            throw new IllegalStateException("session '" + session + "' is a download session: its MTKs travel as "
                    + "objects, not datagrams");
        }
        trafficProtection.newMtk(session, key);
    }

    @Override
    public Envelope current(String session) {
        return stream(session).current().map(m -> envelope(session, m)).orElseGet(() -> next(session));
    }

    private Envelope envelope(String session, PreparedMtk message) {
        Endpoint to = message.to().orElseThrow(() -> new IllegalStateException("session '" + session
                + "' is a download session: its MTKs travel as objects, not datagrams"));
        return Envelope.of(self, to, message.datagram());
    }

    private MtkStream stream(String session) {
        MtkStream stream = sessions.get(session);
        if (stream == null) {
            throw new IllegalArgumentException("no session '" + session + "'; sessions: " + sessions.keySet());
        }
        return stream;
    }

    static KeyGroupRef parseGroup(String text) {
        Objects.requireNonNull(text, "text");
        int slash = text.indexOf('/');
        if (slash < 0) {
            throw new IllegalArgumentException("a Key Group is written as Key Domain ID/Key Group, as in 001-01/0101");
        }
        return KeyGroupRef.of(KeyDomainId.parse(text.substring(0, slash)), KeyGroup.parseHex(text.substring(slash + 1)));
    }

    /**
     * The instance running a push, and two things its answer's handling hands on within one event: the verification
     * message {@link #pushAcknowledgedBy} read to find the push (so that the guard checking it does not decode it
     * again), and the check the guard passed (so that the action after it does not verify the MAC again). Each is
     * taken once; when it is missing (a resend replaced this record meanwhile) the message is read or checked again,
     * with the same result.
     */
    private static final class Awaiting {
        final String instance;
        volatile VerificationMessage routed;
        volatile AckCheck.Acknowledged verified;

        Awaiting(String instance) {
            this.instance = instance;
        }

        VerificationMessage takeRouted() {
            VerificationMessage read = routed;
            routed = null;
            return read;
        }

        AckCheck.Acknowledged takeVerified() {
            AckCheck.Acknowledged passed = verified;
            verified = null;
            return passed;
        }
    }

    /**
     * What tells the verification message of one push from any other: its CSB ID, 32 random bits per push
     * (§6.4.5.1), of which two of 100,000 UEs re-keyed at once share one about once, and the IDr of the MUK
     * it was sealed under, the UE's B-TID, which the verification message echoes (§6.4.5.2).
     */
    private record AwaitedAck(int csbId, Bytes idr) {

        static AwaitedAck of(PreparedPush push) {
            return new AwaitedAck(push.csbId().value(), push.mukId().idr());
        }

        /** The CSB ID alone: random, so it spreads the keys, and the IDr (60-odd bytes) is not hashed at every look-up. */
        @Override
        public int hashCode() {
            return csbId;
        }

        /** Written out: the record's generated equals is an invokedynamic call that C2 does not always inline. */
        @Override
        public boolean equals(Object o) {
            return o instanceof AwaitedAck other && csbId == other.csbId && idr.equals(other.idr);
        }
    }
}
