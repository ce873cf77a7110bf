package org.mbmskeys.steps;

import static org.assertj.core.api.Assertions.assertThat;

import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mbmskeys.adapters.memory.Captured;
import org.mbmskeys.adapters.memory.Message;
import org.mbmskeys.engine.bytes.Bytes;
import org.mbmskeys.engine.bytes.SecretBytes;
import org.mbmskeys.engine.spi.Endpoint;
import org.mbmskeys.engine.spi.Envelope;
import org.mbmskeys.engine.spi.RandomBytes;
import org.mbmskeys.mbms.bmsc.Bmsc;
import org.mbmskeys.mbms.bmsc.distribution.DeliveryRecord;
import org.mbmskeys.mbms.bmsc.services.KeyGroupRef;
import org.mbmskeys.mbms.keys.KeyValidity;
import org.mbmskeys.mbms.keys.MskRef;
import org.mbmskeys.mbms.keys.MtkId;
import org.mbmskeys.mbms.keys.MukId;
import org.mbmskeys.mbms.keys.ServiceType;
import org.mbmskeys.mbms.keys.TimestampCounter;
import org.mbmskeys.mbms.mikey.protection.CsbIds;
import org.mbmskeys.mbms.mikey.protection.MikeyReader;
import org.mbmskeys.mbms.mikey.protection.MikeyRejection;
import org.mbmskeys.mbms.mikey.protection.MikeySealer;
import org.mbmskeys.mbms.mikey.protection.MskDelivery;
import org.mbmskeys.mbms.mikey.protection.MskMessage;
import org.mbmskeys.mbms.mikey.protection.MtkDelivery;
import org.mbmskeys.mbms.profile.InterimProfile;
import org.mbmskeys.mbms.ue.keys.CurrentMtk;
import org.mbmskeys.mbms.ue.keys.KeyRejection;
import org.mbmskeys.mbms.ue.keys.MskKey;
import org.mbmskeys.mbms.ue.keys.StoredMsk;
import org.mbmskeys.mbms.ue.keys.UeKeyState;
import org.mbmskeys.mbms.ue.keys.UeKeyStore;
import org.mbmskeys.mbms.ue.keys.UiccId;
import org.mbmskeys.mbms.ue.procedure.UeOutcome;

/**
 * What a UE does with the MIKEY messages it receives (TS 33.246 §6.4.6, §6.5): the discards it reports, with
 * their reason, the sessions it joins, and the keys it holds afterwards.
 */
public class UeReceptionSteps {

    /** The words a feature uses for a discard reason, and the typed reason the UE reports. */
    static final Map<String, Enum<?>> REASONS = Map.of(
            "a bad MAC", MikeyRejection.BAD_MAC,
            "a replayed counter", KeyRejection.REPLAYED_COUNTER,
            "an unknown MUK", KeyRejection.UNKNOWN_MUK,
            "an MTK ID that is not newer", KeyRejection.STALE_MTK_ID,
            "outside the key validity", KeyRejection.OUTSIDE_VALIDITY,
            "for an invalid MSK", KeyRejection.MSK_INVALIDATED,
            "for an unknown MSK", KeyRejection.UNKNOWN_KEY,
            "an MTK of another length than its SRTP policy", KeyRejection.MTK_LENGTH_DIFFERS_FROM_POLICY);

    /** MIKEY's UDP port (TS 33.246 §6.3.3.2.2). */
    private static final int MIKEY_PORT = 2269;

    private final MbmsWorld world;
    private final ReceptionMoments moments;

    public UeReceptionSteps(MbmsWorld world, ReceptionMoments moments) {
        this.world = world;
        this.moments = moments;
    }

    /**
     * The UE's last discard has that reason, and the UE sent nothing back for any discard: every MIKEY datagram it
     * sent is a verification message for an MSK message it accepted and reported (§6.3.3.2: no MIKEY error
     * message). A verification message sent again for an exact retransmission is not reported and would count.
     */
    @Then("^\"([^\"]*)\" discarded (?:it|the MTK message) as (a bad MAC|a replayed counter|an unknown MUK"
            + "|an MTK ID that is not newer|outside the key validity|for an invalid MSK|for an unknown MSK"
            + "|an MTK of another length than its SRTP policy)$")
    public void discardedItAs(String ue, String why) {
        Enum<?> reason = REASONS.get(why);
        List<UeOutcome> ofUe = world.ueOutcomes().stream().filter(o -> o.ue().equals(ue)).toList();
        List<UeOutcome.DatagramDiscarded> discards = ofUe.stream()
                .filter(UeOutcome.DatagramDiscarded.class::isInstance).map(UeOutcome.DatagramDiscarded.class::cast)
                .toList();
        assertThat(discards).as("discards reported by %s", ue).isNotEmpty();
        UeOutcome.DatagramDiscarded last = discards.get(discards.size() - 1);
        assertThat(last.reason()).as("the reason of %s's last discard (%s)", ue, last.detail()).isEqualTo(reason);
        long verifications = ofUe.stream().filter(o -> o instanceof UeOutcome.MskReceived r && r.verificationSent()).count();
        assertThat(world.capture().stream().filter(c -> c.message().kind() == Message.Kind.DATAGRAM
                && c.message().sender().equals(ue) && c.replayOf().isEmpty()))
                .as("MIKEY datagrams %s sent: only its %d verification messages", ue, verifications)
                .hasSize((int) verifications);
    }

    /** No {@code DatagramDiscarded} of this UE: what it received was new, or a resend it takes as such (§6.3.3.2.2). */
    @Then("{string} reported no discarded datagram")
    public void reportedNoDiscardedDatagram(String ue) {
        assertThat(world.ueOutcomes().stream().filter(o -> o.ue().equals(ue) && o instanceof UeOutcome.DatagramDiscarded))
                .as("discards reported by %s", ue).isEmpty();
    }

    @When("{string} joins the {string} session")
    public void joinsTheSession(String ue, String session) {
        moments.markNow();
        world.join(world.ue(ue).name(), world.sessionGroup(session));
        world.settle();
    }

    @Then("{string} holds no MBMS keys")
    public void holdsNoMbmsKeys(String ue) {
        UeKeyState state = world.ue(ue).keyStore().snapshot();
        assertThat(state.holdsNoKeys()).as("%s holds no MUK, MRK, MSK, MTK, counter or marker: %s", ue, state).isTrue();
    }

    // ------------------------------------------------------------------------------------ MSK messages

    @When("the first captured MSK message to {string} is replayed")
    public void theFirstCapturedMskMessageIsReplayed(String ue) {
        world.network().reinject(mskMessagesTo(ue).get(0));
        world.settle();
    }

    /** An MSK message under another UE's MUK, sent to this one as the BM-SC would send it (§6.4.6.1 step 1). */
    @When("the MSK message pushed to {string} is delivered to {string} instead")
    public void theMskMessageIsDeliveredInstead(String owner, String ue) {
        List<Captured> pushes = mskMessagesTo(owner);
        Message push = pushes.get(pushes.size() - 1).message();
        world.sendFrom(world.bmsc().fqdn(), Envelope.of(push.from(), Endpoint.of(world.ue(ue).name(),
                push.to().port()), push.bytes()));
        world.settle();
    }

    @When("the BM-SC invalidates the MSK of Key Group {word} for {string}")
    public void theBmscInvalidates(String group, String ue) {
        world.bmsc().invalidate(world.impi(ue), world.bmsc().currentMsk(world.group(group)).orElseThrow());
        world.settle();
    }

    @When("{string} gets another UICC")
    public void getsAnotherUicc(String ue) {
        world.ue(ue).uiccChanged(UiccId.of("8949440000000009999"));
        world.settle();
    }

    /** The UE holds, of that group, only the last MSK the BM-SC delivered to it before the last rotation. */
    @Then("{string} holds the previous MSK of Key Group {word} only")
    public void holdsThePreviousMskOnly(String ue, String group) {
        List<MskRef> before = deliveredMsks(ue, group).stream().filter(m -> !m.equals(world.lastRotated)).toList();
        assertThat(before).as("MSKs of %s the BM-SC delivered to %s before %s", group, ue, world.lastRotated).isNotEmpty();
        assertThat(heldMsks(ue, group)).containsExactly(before.get(before.size() - 1));
    }

    @Then("{string} holds {int} MSKs of Key Group {word}: the newest two")
    public void holdsTheNewestTwo(String ue, int count, String group) {
        List<MskRef> delivered = deliveredMsks(ue, group);
        assertThat(delivered).as("MSKs of %s the BM-SC sent %s", group, ue).hasSizeGreaterThan(count)
                .last().isEqualTo(world.bmsc().currentMsk(world.group(group)).orElseThrow());
        assertThat(heldMsks(ue, group)).hasSize(count)
                .containsExactlyInAnyOrderElementsOf(delivered.subList(delivered.size() - count, delivered.size()));
    }

    /**
     * The current MSK again, sealed as the BM-SC seals it (its FQDN as IDi, the UE's B-TID as IDr, the UE's current
     * MUK, the next counter of that MUK) but without the V bit, sent from the BM-SC to the UE (§6.4.2, §6.4.6.1).
     * The BM-SC itself sets V on every MSK delivery, so the step seals the message here.
     */
    @When("the BM-SC sends {string} the current MSK of Key Group {word} without the V bit")
    public void theBmscSendsTheCurrentMskWithoutV(String ue, String group) {
        MskRef msk = world.bmsc().currentMsk(world.group(group)).orElseThrow();
        UeKeyStore store = world.ue(ue).keyStore();
        Bytes idi = Bytes.wrap(world.bmsc().fqdn().getBytes(StandardCharsets.UTF_8));
        MukId mukId = store.currentMuk(idi).orElseThrow(() -> new IllegalStateException(ue + " has no MUK of the BM-SC"));
        MskKey held = store.msk(msk).orElseThrow(() -> new IllegalStateException(ue + " does not hold " + msk));
        SecretBytes muk = store.mukFor(mukId).value().key();
        long counter = store.counterFor(mukId).map(TimestampCounter::value).orElse(0L) + 1;
        RandomBytes random = MbmsWorld.seeded(counter);
        try {
            Bytes datagram = MikeySealer.jca().seal(MskDelivery.delivery(CsbIds.random(random), msk.keyDomain(),
                    msk.mskId(), held.key(), held.validity(), TimestampCounter.of(counter), held.rand(),
                    new String(mukId.idi().toByteArray(), StandardCharsets.UTF_8),
                    new String(mukId.idr().toByteArray(), StandardCharsets.UTF_8), false), muk);
            String fqdn = world.bmsc().fqdn();
            world.sendFrom(fqdn, Envelope.of(Endpoint.of(fqdn, MIKEY_PORT), Endpoint.of(world.ue(ue).name(),
                    MIKEY_PORT), datagram));
        } finally {
            muk.destroy();
            held.key().destroy();
        }
        world.settle();
    }

    @Then("{string} applied it without a verification message")
    public void appliedItWithoutVerification(String ue) {
        List<UeOutcome> ofUe = world.ueOutcomes().stream().filter(o -> o.ue().equals(ue)).toList();
        assertThat(ofUe).as("what %s reported", ue).isNotEmpty().last().isInstanceOfSatisfying(UeOutcome.MskReceived.class,
                r -> assertThat(r.verificationSent()).as("verification message sent").isFalse());
    }

    // ------------------------------------------------------------------------------------ MTK messages

    @Given("the operator has rotated Key Group {word} with validity {int} to {int}")
    public void theOperatorHasRotatedWithValidity(String group, int seqLow, int seqHigh) {
        world.lastRotatedAt = world.time().now();
        world.lastRotated = world.bmsc().rotate(world.group(group), KeyValidity.of(seqLow, seqHigh));
        world.settle();
    }

    @When("the BM-SC sends the next MTK of the {string} session")
    public void theBmscSendsTheNextMtk(String session) {
        if (world.bmsc().engine().instance(Bmsc.MTK_DELIVERY, session).isPresent()) {
            world.bmsc().nextMtk(session);
        } else {
            world.bmsc().startMtkDelivery(session);
        }
        world.settle();
    }

    /**
     * An MTK message with the given MTK ID under the current MSK of the scenario's streaming session, with a
     * counter newer than any the UEs hold for that MSK, sealed as the BM-SC seals it and sent from the BM-SC to
     * the session's group (§6.4.6.2): only the MTK ID can make a UE refuse it.
     */
    @When("the BM-SC sends an MTK message for MTK {int} with a fresh counter")
    public void theBmscSendsAnMtkMessageFor(int mtkId) {
        String service = onlyStreamingService();
        MskRef msk = world.bmsc().currentMsk(world.services.get(service)).orElseThrow();
        long counter = world.ues.values().stream()
                .map(u -> Optional.ofNullable(u.keyStore().snapshot().msks().get(msk)).flatMap(StoredMsk::mtkCounter))
                .flatMap(Optional::stream).mapToLong(TimestampCounter::value).max().orElse(0) + 1;
        sendMtkMessage(service, msk, mtkId, TimestampCounter.of(counter));
    }

    /**
     * The same, with the counter given: BM-SCs that share a user service may put the integral seconds of
     * NTP-UTC time into the COUNTER field to keep their MTK messages in step (TS 33.246 §6.3.4.6), so the UE
     * sees it jump.
     */
    @When("the BM-SC sends an MTK message for MTK {int} with counter {long}")
    public void theBmscSendsAnMtkMessageWithCounter(int mtkId, long counter) {
        String service = onlyStreamingService();
        sendMtkMessage(service, world.bmsc().currentMsk(world.services.get(service)).orElseThrow(), mtkId,
                TimestampCounter.of(counter));
    }

    /** The same with an MTK of {@code length} bytes (16, 24 or 32 are MTKs a UE reads, TS 33.246 §4.2). */
    @When("the BM-SC sends an MTK message for MTK {int} with a {int}-byte MTK")
    public void theBmscSendsAnMtkMessageWithMtkLength(int mtkId, int length) {
        String service = onlyStreamingService();
        sendMtkMessage(service, world.bmsc().currentMsk(world.services.get(service)).orElseThrow(), mtkId,
                TimestampCounter.of(1), length);
    }

    private String onlyStreamingService() {
        return world.services.entrySet().stream()
                .filter(e -> world.serviceTypes.get(e.getKey()) == ServiceType.STREAMING).map(Map.Entry::getKey)
                .reduce((a, b) -> {
                    throw new IllegalStateException("more than one streaming session: " + world.services.keySet());
                }).orElseThrow();
    }

    private void sendMtkMessage(String service, MskRef msk, int mtkId, TimestampCounter counter) {
        sendMtkMessage(service, msk, mtkId, counter, InterimProfile.MTK_LENGTH);
    }

    private void sendMtkMessage(String service, MskRef msk, int mtkId, TimestampCounter counter, int mtkLength) {
        MskKey held = world.ues.values().stream().map(u -> u.keyStore().msk(msk)).flatMap(Optional::stream).findFirst()
                .orElseThrow(() -> new IllegalStateException("no UE holds " + msk + " to seal an MTK message with"));
        RandomBytes random = MbmsWorld.seeded(mtkId);
        SecretBytes mtk = SecretBytes.wrap(random.next(mtkLength).toByteArray());
        SecretBytes salt = SecretBytes.wrap(random.next(InterimProfile.MTK_SALT_LENGTH).toByteArray());
        try {
            Bytes datagram = MikeySealer.jca().seal(MtkDelivery.streaming(CsbIds.random(random), msk.keyDomain(),
                    msk.mskId(), MtkId.of(mtkId), mtk, salt, counter, held.rand()), held.key());
            String fqdn = world.bmsc().fqdn();
            world.sendFrom(fqdn, Envelope.of(Endpoint.of(fqdn, MIKEY_PORT),
                    Endpoint.of(world.sessionGroup(service + "-live"), MIKEY_PORT), datagram));
        } finally {
            mtk.destroy();
            salt.destroy();
            held.key().destroy();
        }
        world.settle();
    }

    @Then("{string} holds MTK {int} of {string} as current")
    public void holdsMtkAsCurrent(String ue, int mtkId, String session) {
        Optional<CurrentMtk> current = world.ue(ue).currentMtk(serviceOf(session), session);
        try {
            assertThat(current).as("the current MTK of %s at %s", session, ue).hasValueSatisfying(m -> {
                assertThat(m.mtkId()).isEqualTo(MtkId.of(mtkId));
                assertThat(m.msk()).isEqualTo(world.bmsc().currentMsk(world.services.get(serviceOf(session))).orElseThrow());
            });
        } finally {
            current.ifPresent(UeReceptionSteps::destroy);
        }
    }

    /**
     * The UE gives the session's current MTK with the SRTP policy and SRTP-ID map entry it adopted (§6.4.6.1 step 5):
     * those of the last MSK message the BM-SC sent it, as they went over the wire.
     */
    @Then("{string} holds MTK {int} of {string} with the SRTP policy and SRTP-ID map entry of its MSK message")
    public void holdsMtkWithThePolicy(String ue, int mtkId, String session) {
        List<Captured> sentTo = mskMessagesTo(ue);
        Captured last = sentTo.get(sentTo.size() - 1);
        MskMessage sent = (MskMessage) MikeyReader.read(last.message().bytes()).orElseThrow();
        assertThat(sent.pendingSecurityPolicy()).as("the SP of the MSK message sent to %s", ue).isPresent();
        Optional<CurrentMtk> current = world.ue(ue).currentMtk(serviceOf(session), session);
        try {
            assertThat(current).as("the current MTK of %s at %s", session, ue).hasValueSatisfying(m -> {
                assertThat(m.mtkId()).isEqualTo(MtkId.of(mtkId));
                assertThat(m.srtpPolicy()).isEqualTo(sent.pendingSecurityPolicy());
                assertThat(m.srtpCs()).isEqualTo(sent.srtpCsEntry());
            });
        } finally {
            current.ifPresent(UeReceptionSteps::destroy);
        }
    }

    @Then("{string} holds no MTK of {string}")
    public void holdsNoMtk(String ue, String session) {
        Optional<CurrentMtk> current = world.ue(ue).currentMtk(serviceOf(session), session);
        current.ifPresent(UeReceptionSteps::destroy);
        assertThat(current).as("the current MTK of %s at %s", session, ue).isEmpty();
    }

    @Then("{string} holds MTKs {int} and {int} of {string}")
    public void holdsMtks(String ue, int first, int second, String session) {
        KeyGroupRef group = world.services.get(serviceOf(session));
        List<CurrentMtk> mtks = world.ue(ue).keyStore().mtks(group.keyDomain(), group.keyGroup());
        try {
            assertThat(mtks).extracting(CurrentMtk::mtkId).containsExactlyInAnyOrder(MtkId.of(first), MtkId.of(second));
        } finally {
            mtks.forEach(UeReceptionSteps::destroy);
        }
    }

    // ------------------------------------------------------------------------------------ helpers

    /** The service whose announced session this is: {@code <service>-live} ({@link MbmsWorld#announce}). */
    private String serviceOf(String session) {
        String service = session.endsWith("-live") ? session.substring(0, session.length() - "-live".length()) : session;
        if (!world.services.containsKey(service)) {
            throw new IllegalArgumentException("no service announces the session '" + session + "'; services: "
                    + world.services.keySet());
        }
        return service;
    }

    /** The MSK messages the BM-SC sent to the UE itself (not to a group), in sending order. */
    private List<Captured> mskMessagesTo(String ue) {
        List<Captured> out = world.mskMessagesTo(ue);
        assertThat(out).as("MSK messages sent to %s", ue).isNotEmpty();
        return out;
    }

    /** The MSKs of the group the BM-SC delivered (or tried to) to the UE, oldest first, each once. */
    private List<MskRef> deliveredMsks(String ue, String group) {
        KeyGroupRef ref = world.group(group);
        return world.bmsc().deliveries(world.impi(ue)).stream().map(DeliveryRecord::msk)
                .filter(m -> m.keyDomain().equals(ref.keyDomain()) && m.keyGroup().equals(ref.keyGroup()))
                .distinct().toList();
    }

    private List<MskRef> heldMsks(String ue, String group) {
        KeyGroupRef ref = world.group(group);
        List<MskKey> held = world.ue(ue).keyStore().msks();
        held.forEach(m -> m.key().destroy());
        return held.stream().map(MskKey::ref)
                .filter(m -> m.keyDomain().equals(ref.keyDomain()) && m.keyGroup().equals(ref.keyGroup())).toList();
    }

    private static void destroy(CurrentMtk m) {
        m.key().destroy();
        m.salt().ifPresent(SecretBytes::destroy);
    }
}
