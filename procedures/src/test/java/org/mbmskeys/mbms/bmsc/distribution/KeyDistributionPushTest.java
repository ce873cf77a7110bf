package org.mbmskeys.mbms.bmsc.distribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mbmskeys.mbms.bmsc.distribution.BmscFixture.BTID_A;
import static org.mbmskeys.mbms.bmsc.distribution.BmscFixture.BTID_A2;
import static org.mbmskeys.mbms.bmsc.distribution.BmscFixture.DOMAIN;
import static org.mbmskeys.mbms.bmsc.distribution.BmscFixture.DOWNLOAD;
import static org.mbmskeys.mbms.bmsc.distribution.BmscFixture.EMPTY;
import static org.mbmskeys.mbms.bmsc.distribution.BmscFixture.KS_A;
import static org.mbmskeys.mbms.bmsc.distribution.BmscFixture.KS_A2;
import static org.mbmskeys.mbms.bmsc.distribution.BmscFixture.SESSION;
import static org.mbmskeys.mbms.bmsc.distribution.BmscFixture.STREAMING;
import static org.mbmskeys.mbms.bmsc.distribution.BmscFixture.UE_A;
import static org.mbmskeys.mbms.bmsc.distribution.BmscFixture.VALIDITY;
import static org.mbmskeys.mbms.bmsc.distribution.BmscFixture.mukId;
import static org.mbmskeys.mbms.bmsc.distribution.BmscFixture.ue;
import static org.mbmskeys.mbms.bmsc.distribution.BmscFixture.ueA;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mbmskeys.mbms.bmsc.keys.RegisteredMsk;
import org.mbmskeys.mbms.bmsc.services.KeyGroupRef;
import org.mbmskeys.mbms.keys.KeyValidity;
import org.mbmskeys.mbms.keys.MskId;
import org.mbmskeys.mbms.keys.MskRef;
import org.mbmskeys.mbms.keys.ProtectingKey;
import org.mbmskeys.mbms.keys.ServiceType;
import org.mbmskeys.mbms.keys.TimestampCounter;
import org.mbmskeys.mbms.mikey.crypto.CryptoSuite;
import org.mbmskeys.mbms.mikey.protection.MikeyReader;
import org.mbmskeys.mbms.mikey.protection.MskMessage;
import org.mbmskeys.mbms.ue.keys.MskChange;
import org.mbmskeys.mbms.ue.keys.MskKey;

/**
 * MSK push, validity update and invalidation (TS 33.246 §6.3.2.3.1, §6.3.2.1B, §6.4.5.1), checked by what a
 * conforming UE's MGV-S makes of the bytes.
 */
class KeyDistributionPushTest {

    private final BmscFixture bmsc = new BmscFixture();

    @Test
    void aPushDeliversTheRegistrysCurrentMskUnderTheUesMukToItsAddress() {
        bmsc.ueKeys.lookUp(BTID_A);
        RegisteredMsk msk = bmsc.registry.currentMsk(DOMAIN, DOWNLOAD.keyGroup()).orElseThrow();
        TestUe ue = ue(BTID_A, KS_A);

        PreparedPush push = bmsc.distribution.push(ueA(), DOWNLOAD.current(), false).orElseThrow();

        assertThat(push.to()).isEqualTo(UE_A);
        assertThat(push.msk()).isEqualTo(msk.ref());   // Key Number 0 resolved to the current MSK
        assertThat(push.kind()).isEqualTo(PushKind.DELIVERY);
        assertThat(push.ackExpectation()).isEmpty();
        assertThat(push.counter()).isEqualTo(TimestampCounter.of(1));
        assertThat(push.mukId()).isEqualTo(mukId(BTID_A));
        TestUe.Outcome got = ue.receiveMsk(push.datagram());
        assertThat(got.refusal()).isEmpty();
        assertThat(got.update().orElseThrow().change()).isEqualTo(MskChange.STORED);
        assertThat(got.ack()).isEmpty();
        MskKey held = ue.store.msks().get(0);
        assertThat(held.ref()).isEqualTo(msk.ref());
        assertThat(held.key()).isEqualTo(msk.key());
        assertThat(held.validity()).isEqualTo(VALIDITY);
        assertThat(held.rand()).isEqualTo(msk.rand());
        assertThat(ue.lastOpened.serviceType()).isEqualTo(ServiceType.DOWNLOAD);
    }

    /** §6.4.3: one counter stream per UE (per MUK), +1 per MSK message; another UE has its own. */
    @Test
    void eachMskMessageTakesTheNextCounterOfThatUesMuk() {
        bmsc.ueKeys.lookUp(BTID_A);
        bmsc.ueKeys.lookUp(BmscFixture.BTID_B);

        assertThat(bmsc.distribution.push(ueA(), DOWNLOAD.current(), false).orElseThrow().counter().value()).isEqualTo(1);
        assertThat(bmsc.distribution.push(ueA(), STREAMING.current(), false).orElseThrow().counter().value()).isEqualTo(2);
        assertThat(bmsc.distribution.push(BmscFixture.ueB(), DOWNLOAD.current(), false).orElseThrow().counter().value())
                .isEqualTo(1);
    }

    /** §6.4.5.1: streaming MSK messages carry the SRTP-ID map entry and the SP of the group's session. */
    @Test
    void aStreamingPushCarriesTheSessionsMapEntryAndPolicy() {
        bmsc.ueKeys.lookUp(BTID_A);
        TestUe ue = ue(BTID_A, KS_A);

        PreparedPush push = bmsc.distribution.push(ueA(), STREAMING.current(), false).orElseThrow();

        assertThat(ue.receiveMsk(push.datagram()).accepted()).isTrue();
        assertThat(ue.lastOpened.serviceType()).isEqualTo(ServiceType.STREAMING);
        assertThat(ue.lastOpened.srtpCsEntry()).contains(SESSION.srtpCs());
        assertThat(ue.lastOpened.securityPolicy()).contains(SESSION.policy());
    }

    @Test
    void aStreamingGroupWithoutASessionIsRefusedWithoutUsingACounter() {
        KeyDistribution noSessions = new KeyDistribution(bmsc.registry, bmsc.ueKeys, StreamingSessions.none(),
                bmsc.random, CryptoSuite.jca());
        bmsc.ueKeys.lookUp(BTID_A);

        assertRefused(noSessions.push(ueA(), STREAMING.current(), false), DistributionRefusal.NO_STREAMING_SESSION);
        assertThat(bmsc.registry.lastCounter(ProtectingKey.muk(mukId(BTID_A)))).isEmpty();
    }

    @Test
    void withoutAKnownMukNothingIsPrepared() {
        assertRefused(bmsc.distribution.push(ueA(), DOWNLOAD.current(), true), DistributionRefusal.NO_MUK);
    }

    @Test
    void unknownGroupsAndMsksAreRefusedWithoutUsingACounter() {
        bmsc.ueKeys.lookUp(BTID_A);

        Preparation<PreparedPush> noCurrent = bmsc.distribution.push(ueA(), EMPTY.current(), false);
        assertRefused(noCurrent, DistributionRefusal.UNKNOWN_MSK);
        assertThat(((Preparation.Refused<PreparedPush>) noCurrent).detail()).contains("the group has no current MSK yet");
        Preparation<PreparedPush> noSuchMsk = bmsc.distribution.push(ueA(), MskRef.of(DOMAIN, MskId.of(DOWNLOAD.keyGroup(), 9)),
                false);
        assertRefused(noSuchMsk, DistributionRefusal.UNKNOWN_MSK);
        assertThat(((Preparation.Refused<PreparedPush>) noSuchMsk).detail()).doesNotContain("current");
        assertRefused(bmsc.distribution.push(ueA(), KeyGroupRef.of(DOMAIN, org.mbmskeys.mbms.keys.KeyGroup.of(0x77))
                .current(), false), DistributionRefusal.UNKNOWN_KEY_GROUP);
        assertThat(bmsc.registry.lastCounter(ProtectingKey.muk(mukId(BTID_A)))).isEmpty();
    }

    /** §6.3.2.2.4: past the BM-SC MUK lifetime no push; the script runs a solicited pull instead. */
    @Test
    void pastTheMukLifetimeAPushIsRefusedAsExpired() {
        BmscFixture shortLived = new BmscFixture(Duration.ofHours(1));
        shortLived.ueKeys.lookUp(BTID_A);
        assertThat(shortLived.distribution.push(ueA(), DOWNLOAD.current(), false).isReady()).isTrue();

        shortLived.clock.advance(Duration.ofHours(1));

        assertRefused(shortLived.distribution.push(ueA(), DOWNLOAD.current(), false), DistributionRefusal.MUK_EXPIRED);
    }

    /** §6.3.2.2.4: a resend that would go out past the BM-SC MUK lifetime is refused too; the push ends there. */
    @Test
    void aResendPastTheMukLifetimeIsRefusedAsExpired() {
        BmscFixture shortLived = new BmscFixture(Duration.ofHours(1));
        shortLived.ueKeys.lookUp(BTID_A);
        PreparedPush first = shortLived.distribution.push(ueA(), DOWNLOAD.current(), true).orElseThrow();
        assertThat(shortLived.distribution.retransmission(first).isReady()).as("within the lifetime").isTrue();

        shortLived.clock.advance(Duration.ofHours(1));

        assertRefused(shortLived.distribution.retransmission(first), DistributionRefusal.MUK_EXPIRED);
    }

    /** §6.4.3: a new MUK starts a new counter stream, and the old MUK's stream is dropped. */
    @Test
    void aNewMukRestartsTheCounterAndRetiresTheOldStream() {
        bmsc.ueKeys.lookUp(BTID_A);
        bmsc.distribution.push(ueA(), DOWNLOAD.current(), false).orElseThrow();
        bmsc.distribution.push(ueA(), DOWNLOAD.current(), false).orElseThrow();

        bmsc.clock.advance(Duration.ofMinutes(1));
        bmsc.ueKeys.lookUp(BTID_A2);
        PreparedPush underNewMuk = bmsc.distribution.push(ueA(), DOWNLOAD.current(), false).orElseThrow();

        assertThat(underNewMuk.mukId()).isEqualTo(mukId(BTID_A2));
        assertThat(underNewMuk.counter()).isEqualTo(TimestampCounter.of(1));
        assertThat(bmsc.registry.lastCounter(ProtectingKey.muk(mukId(BTID_A)))).isEmpty();
        assertThat(ue(BTID_A2, KS_A2).receiveMsk(underNewMuk.datagram()).accepted()).isTrue();
    }

    /** §6.3.2.3.1 NOTE, §6.5.3: a keyless message with the registry's new key validity updates it at the UE. */
    @Test
    void aValidityUpdateCarriesTheRegistrysValidityWithoutTheKey() {
        bmsc.ueKeys.lookUp(BTID_A);
        TestUe ue = ue(BTID_A, KS_A);
        PreparedPush first = bmsc.distribution.push(ueA(), DOWNLOAD.current(), false).orElseThrow();
        assertThat(ue.receiveMsk(first.datagram()).accepted()).isTrue();
        MskRef msk = first.msk();
        KeyValidity extended = KeyValidity.of(10, 500);
        bmsc.registry.updateValidity(msk, extended);

        PreparedPush update = bmsc.distribution.validityUpdate(ueA(), msk, false).orElseThrow();

        assertThat(update.kind()).isEqualTo(PushKind.VALIDITY_UPDATE);
        assertThat(update.validity()).isEqualTo(extended);
        TestUe.Outcome got = ue.receiveMsk(update.datagram());
        assertThat(got.refusal()).isEmpty();
        assertThat(ue.lastOpened.msk()).isEmpty();
        assertThat(ue.store.msk(msk).orElseThrow().validity()).isEqualTo(extended);
    }

    /** §6.3.2.1B: MSK delivery with SEQl &gt; SEQu and no key; the UE drops the MSK. */
    @Test
    void anInvalidationDropsTheMskAtTheUe() {
        bmsc.ueKeys.lookUp(BTID_A);
        TestUe ue = ue(BTID_A, KS_A);
        PreparedPush first = bmsc.distribution.push(ueA(), DOWNLOAD.current(), false).orElseThrow();
        assertThat(ue.receiveMsk(first.datagram()).accepted()).isTrue();
        MskRef msk = first.msk();
        assertThat(ue.store.msk(msk)).isPresent();

        PreparedPush invalidation = bmsc.distribution.invalidate(ueA(), msk, true).orElseThrow();

        assertThat(invalidation.validity().isInvalidation()).isTrue();
        TestUe.Outcome got = ue.receiveMsk(invalidation.datagram());
        assertThat(got.refusal()).isEmpty();
        assertThat(ue.lastOpened.msk()).isEmpty();
        assertThat(ue.lastOpened.isInvalidation()).isTrue();
        assertThat(ue.store.msk(msk)).isEmpty();
        assertThat(ue.store.isInvalidated(msk)).isTrue();
        assertThat(bmsc.distribution.checkAck(invalidation, got.ack().orElseThrow()).isAcknowledged()).isTrue();
        // The registry still holds the MSK for the UEs that still need it.
        assertThat(bmsc.registry.msk(msk)).isPresent();
    }

    /** A deregistration invalidates every MSK of the group the UE may hold: the current and the previous one. */
    @Test
    void invalidatingAGroupCoversItsPreviousAndCurrentMsk() {
        bmsc.ueKeys.lookUp(BTID_A);
        RegisteredMsk first = bmsc.registry.currentMsk(DOMAIN, DOWNLOAD.keyGroup()).orElseThrow();
        RegisteredMsk second = bmsc.registry.rotate(DOMAIN, DOWNLOAD.keyGroup(), VALIDITY);

        List<Preparation<PreparedPush>> all = bmsc.distribution.invalidateGroup(ueA(), DOWNLOAD, false);

        assertThat(all).extracting(p -> p.orElseThrow().msk()).containsExactly(first.ref(), second.ref());
        assertThat(all).allSatisfy(p -> assertThat(p.orElseThrow().kind()).isEqualTo(PushKind.INVALIDATION));
        assertThat(bmsc.distribution.invalidateGroup(ueA(), KeyGroupRef.of(DOMAIN,
                org.mbmskeys.mbms.keys.KeyGroup.of(0x99)), false))
                .singleElement().satisfies(p -> assertThat(((Preparation.Refused<PreparedPush>) p).reason())
                        .isEqualTo(DistributionRefusal.UNKNOWN_KEY_GROUP));
    }

    /** §6.4.2: a random CSB ID per message; IDi is the BM-SC FQDN, IDr the B-TID (§6.4.5.1). */
    @Test
    void messagesHaveFreshCsbIdsAndNameTheBmscAndTheBTid() {
        bmsc.ueKeys.lookUp(BTID_A);
        PreparedPush one = bmsc.distribution.push(ueA(), DOWNLOAD.current(), false).orElseThrow();
        PreparedPush two = bmsc.distribution.push(ueA(), DOWNLOAD.current(), false).orElseThrow();

        assertThat(one.csbId()).isNotEqualTo(two.csbId());
        MskMessage read = (MskMessage) MikeyReader.read(one.datagram()).orElseThrow();
        assertThat(read.csbId()).isEqualTo(one.csbId());
        assertThat(new String(read.idi().data().toByteArray(), java.nio.charset.StandardCharsets.UTF_8))
                .isEqualTo(BmscFixture.FQDN);
        assertThat(new String(read.idr().data().toByteArray(), java.nio.charset.StandardCharsets.UTF_8))
                .isEqualTo(BTID_A.format());
    }

    /** Prepared messages and refusals hold and print no key. */
    @Test
    void noKeyInWhatIsHandedOut() {
        bmsc.ueKeys.lookUp(BTID_A);
        RegisteredMsk msk = bmsc.registry.currentMsk(DOMAIN, DOWNLOAD.keyGroup()).orElseThrow();
        PreparedPush push = bmsc.distribution.push(ueA(), DOWNLOAD.current(), true).orElseThrow();

        String printed = push + " " + bmsc.distribution.push(ueA(), EMPTY.current(), true);
        assertThat(printed).doesNotContainIgnoringCase(msk.key().revealHex()).doesNotContainIgnoringCase(KS_A.revealHex());
        assertThat(push.datagram().toHex()).doesNotContain(msk.key().revealHex());
    }

    private static void assertRefused(Preparation<?> p, DistributionRefusal reason) {
        assertThat(p).isInstanceOf(Preparation.Refused.class);
        assertThat(((Preparation.Refused<?>) p).reason()).as(p.toString()).isEqualTo(reason);
        assertThat(((Preparation.Refused<?>) p).detail()).isNotBlank();
        assertThat(p.isReady()).isFalse();
        assertThat(p.toString()).as("the log line says why").isEqualTo(reason + ": " + ((Preparation.Refused<?>) p).detail());
    }
}
