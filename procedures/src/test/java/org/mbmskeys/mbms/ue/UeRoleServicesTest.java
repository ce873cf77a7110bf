package org.mbmskeys.mbms.ue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mbmskeys.engine.bytes.Bytes;
import org.mbmskeys.engine.bytes.SecretBytes;
import org.mbmskeys.mbms.keymanagement.ItemStatus;
import org.mbmskeys.mbms.keymanagement.MskRequestReason;
import org.mbmskeys.mbms.keymanagement.xml.RegisterResponse;
import org.mbmskeys.mbms.keymanagement.xml.ServiceStatus;
import org.mbmskeys.mbms.keys.MtkId;
import org.mbmskeys.mbms.keys.TimestampCounter;
import org.mbmskeys.mbms.mikey.CsbId;
import org.mbmskeys.mbms.mikey.protection.MikeyRejection;
import org.mbmskeys.mbms.mikey.protection.MikeySealer;
import org.mbmskeys.mbms.mikey.protection.SolicitedPull;
import org.mbmskeys.mbms.ue.keys.CurrentMtk;
import org.mbmskeys.mbms.ue.keys.MskChange;
import org.mbmskeys.mbms.ue.keys.MskUpdate;
import org.mbmskeys.engine.spi.Endpoint;
import org.mbmskeys.engine.spi.HttpCodec;
import org.mbmskeys.engine.spi.HttpRequestMessage;
import org.mbmskeys.engine.spi.HttpResponseMessage;
import org.mbmskeys.mbms.gba.Fqdn;
import org.mbmskeys.mbms.keymanagement.GbaUserAgent;
import org.mbmskeys.mbms.keys.KeyDomainId;
import org.mbmskeys.mbms.keys.KeyGroup;
import org.mbmskeys.mbms.keys.MskId;
import org.mbmskeys.mbms.keys.MskRef;
import org.mbmskeys.mbms.keys.ServiceType;
import org.mbmskeys.mbms.mikey.crypto.CryptoSuite;
import org.mbmskeys.mbms.ue.announcement.ServiceProtection;
import org.mbmskeys.mbms.ue.announcement.UserServiceDescription;
import org.mbmskeys.mbms.ue.keys.KeyRejection;
import org.mbmskeys.mbms.ue.keys.UeKeyStore;
import org.mbmskeys.mbms.ue.keys.UiccId;
import org.mbmskeys.mbms.ue.procedure.LifecycleStep;
import org.mbmskeys.mbms.ue.procedure.MikeyDatagram;
import org.mbmskeys.mbms.ue.procedure.UeOutcome;
import org.mbmskeys.mbms.ue.reception.Reception;
import org.mbmskeys.mbms.ue.registration.RegistrationAction;

/** What the UE reports for each reception: an MTK message under an MSK it lacks is a discard too (§6.3.2.2.3). */
class UeRoleServicesTest {

    private static final KeyDomainId DOMAIN = KeyDomainId.parse("001-01");
    private static final Endpoint BMSC = Endpoint.of("bmsc.example.org", 2269);

    private final UeRoleServices services = new UeRoleServices(new NoHttp(), 80);

    UeRoleServicesTest() {
        UeNode node = new UeNode(UeProfile.usim("alice", UiccId.of("8949440000001234567"), () -> {
            throw new IllegalStateException("no GBA in this test");
        }), UeKeyStore.inMemory(), CryptoSuite.jca(), n -> Bytes.wrap(new byte[n]), () -> Instant.EPOCH,
                GbaUserAgent.with("test"), 80);
        MskRef group7 = MskRef.of(DOMAIN, MskId.current(KeyGroup.of(7)));
        node.announce(UserServiceDescription.protectedBy("urn:news", new ServiceProtection(List.of(Fqdn.of("bmsc.example.org")),
                false, false, List.of(group7), Optional.empty(), Map.of(), ServiceType.STREAMING)));
        services.add(node);
    }

    @Test
    void anMtkMessageUnderAnUnknownMskIsReportedAsDiscardedBeforeTheMac() {
        MikeyDatagram datagram = new MikeyDatagram("alice", BMSC, Bytes.of((byte) 1));

        List<UeOutcome> outcomes = services.outcomes(datagram, new Reception.MskRequestNeeded(DOMAIN, KeyGroup.of(7),
                Reception.MskRequestNeeded.Cause.UNKNOWN_MSK, Optional.empty()));

        assertThat(outcomes).first().isInstanceOfSatisfying(UeOutcome.DatagramDiscarded.class, d -> {
            assertThat(d.from()).isEqualTo(BMSC);
            assertThat(d.stage()).isEqualTo(Reception.Stage.CHECK);
            assertThat(d.reason()).isEqualTo(KeyRejection.UNKNOWN_KEY);
            assertThat(d.detail()).contains("001-01/0007").contains("§6.3.2.2.3");
        });
        // not registered: the request is skipped, and said so
        assertThat(outcomes).last().isInstanceOf(UeOutcome.MskRequestSkipped.class);
    }

    @Test
    void aSolicitedPullIsNoDiscard() {
        MikeyDatagram datagram = new MikeyDatagram("alice", BMSC, Bytes.of((byte) 1));

        List<UeOutcome> outcomes = services.outcomes(datagram, new Reception.MskRequestNeeded(DOMAIN, KeyGroup.of(7),
                Reception.MskRequestNeeded.Cause.SOLICITED_PULL, Optional.empty()));

        assertThat(outcomes).noneMatch(UeOutcome.DatagramDiscarded.class::isInstance);
    }

    /** §6.3.3.2, §6.3.3.2.1: an object of a download session is taken as an MTK message only and never answered. */
    @Test
    void aDownloadObjectIsReadAsAnMtkMessageOnlyAndNeverAnswered() {
        MikeyDatagram object = MikeyDatagram.downloadObject("alice", Bytes.of((byte) 1));

        assertThat(object.isDownloadObject()).isTrue();
        assertThat(new MikeyDatagram("alice", BMSC, Bytes.of((byte) 1)).isDownloadObject()).isFalse();
        assertThat(services.receive(object)).isInstanceOfSatisfying(Reception.Discarded.class,
                d -> assertThat(d.stage()).isEqualTo(Reception.Stage.READ));
        assertThatThrownBy(() -> services.answer(object, Bytes.of((byte) 2))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("never answered");
    }

    @Test
    void aDiscardIsReportedWithItsStageReasonAndSenderAndADuplicateIsNotReported() {
        MikeyDatagram datagram = new MikeyDatagram("alice", BMSC, Bytes.of((byte) 1));

        assertThat(services.outcomes(datagram, new Reception.Discarded(Reception.Stage.CHECK, KeyRejection.UNKNOWN_KEY,
                "no such key"))).containsExactly(new UeOutcome.DatagramDiscarded("alice", BMSC, Reception.Stage.CHECK,
                KeyRejection.UNKNOWN_KEY, "no such key"));
        assertThat(services.outcomes(datagram, new Reception.Duplicate(Bytes.of((byte) 2)))).isEmpty();
    }

    @Test
    void aUeIsHostedOnceUnderItsNameAndAnUnknownNameIsRefused() {
        UeNode again = new UeNode(UeProfile.usim("alice", UiccId.of("8949440000001234567"), () -> {
            throw new IllegalStateException("no GBA in this test");
        }), UeKeyStore.inMemory(), CryptoSuite.jca(), n -> Bytes.wrap(new byte[n]), () -> Instant.EPOCH,
                GbaUserAgent.with("test"), 80);

        assertThatThrownBy(() -> services.add(again)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("already hosted");
        assertThat(services.hosts("alice")).isTrue();
        assertThat(services.hosts("bob")).isFalse();
        assertThatThrownBy(() -> services.node("bob")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no UE named 'bob'");
        assertThat(services.node("alice")).isNotSameAs(again);
    }

    @Test
    void theLifecycleCallsReachTheNamedUe() {
        RegistrationAction register = services.use("alice", "urn:news").requests().get(0);

        assertThat(services.uiccChanged("alice", UiccId.of("8949440000001234567"))).isEqualTo(LifecycleStep.none());
        assertThat(services.failed("alice", register, 404).outcomes()).containsExactly(
                new UeOutcome.ServiceRefused("alice", "urn:news", "bmsc.example.org", 404));
        RegistrationAction again = services.use("alice", "urn:news").requests().get(0);
        assertThat(services.gaveUp("alice", again, UeOutcome.Failure.NO_ANSWER, "silence").outcomes())
                .singleElement().isInstanceOf(UeOutcome.KeyManagementFailed.class);
        assertThat(services.needsBootstrap("alice")).isTrue();
    }

    /**
     * §6.3.2.3.1: a push under the last used MUK is reported as the MSK it stored (no verification message sent),
     * and for a Key Group of a registered service the MSK request is planned, not skipped.
     */
    @Test
    void aPushUnderTheLastUsedMukIsReportedStoredAndPlansAnMskRequestForARegisteredService() {
        registerNews();
        MskRef msk = MskRef.of(DOMAIN, MskId.of(KeyGroup.of(7), 2));
        Reception.MskRequestNeeded needed = new Reception.MskRequestNeeded(DOMAIN, KeyGroup.of(7),
                Reception.MskRequestNeeded.Cause.LAST_USED_MUK_PUSH, Optional.of(new MskUpdate(MskChange.STORED, msk,
                Optional.empty(), MskUpdate.Answer.REQUEST_MSK_NO_ACK)));

        List<UeOutcome> outcomes = services.outcomes(new MikeyDatagram("alice", BMSC, Bytes.of((byte) 1)), needed);

        assertThat(outcomes).containsExactly(new UeOutcome.MskReceived("alice", msk, MskChange.STORED, false));
        assertThat(services.mskRequestFor("alice", needed)).hasValueSatisfying(plan ->
                assertThat(plan.reason()).isEqualTo(MskRequestReason.LAST_USED_MUK_PUSH));
    }

    @Test
    void anMtkStoredIsReportedWithItsMskAndMtkId() {
        MskRef msk = MskRef.of(DOMAIN, MskId.of(KeyGroup.of(7), 2));
        CurrentMtk mtk = new CurrentMtk(msk, MtkId.of(11), TimestampCounter.of(1),
                SecretBytes.ofHex("000102030405060708090a0b0c0d0e0f"), Optional.empty());

        assertThat(services.outcomes(new MikeyDatagram("alice", BMSC, Bytes.of((byte) 1)), new Reception.MtkStored(mtk)))
                .containsExactly(new UeOutcome.MtkReceived("alice", msk, MtkId.of(11)));
        mtk.key().destroy();
    }

    /** §6.3.3.2.1: MIKEY bytes handed over as an object are read as an MTK message only, over UDP as any message. */
    @Test
    void aSolicitedPullIsCheckedOverUdpButRefusedUnreadAsADownloadObject() {
        Bytes pull = new MikeySealer(CryptoSuite.jca()).seal(new SolicitedPull(CsbId.of(1), DOMAIN, KeyGroup.of(7),
                TimestampCounter.of(1), Bytes.ofHex("0f0e0d0c0b0a09080706050403020100"), "bmsc.example.org",
                "I1U8vpY3qJ0hiuZNrke/NQ==@bsf.example.org"), SecretBytes.ofHex("000102030405060708090a0b0c0d0e0f"
                + "101112131415161718191a1b1c1d1e1f"));

        assertThat(services.receive(MikeyDatagram.downloadObject("alice", pull))).isInstanceOfSatisfying(
                Reception.Discarded.class, d -> {
                    assertThat(d.stage()).isEqualTo(Reception.Stage.READ);
                    assertThat(d.reason()).isEqualTo(MikeyRejection.UNEXPECTED_MESSAGE);
                });
        assertThat(services.receive(new MikeyDatagram("alice", BMSC, pull))).as("no MUK of that B-TID")
                .isInstanceOfSatisfying(Reception.Discarded.class, d -> {
                    assertThat(d.stage()).isEqualTo(Reception.Stage.CHECK);
                    assertThat(d.reason()).isEqualTo(KeyRejection.UNKNOWN_MUK);
                });
    }

    /** §6.3.2.1B: leaving a registered service deregisters it at its BM-SC. */
    @Test
    void leavingARegisteredServiceSendsItsDeregistration() {
        registerNews();

        assertThat(services.leave("alice", "urn:news").requests()).containsExactly(
                new RegistrationAction.Deregister(Fqdn.of("bmsc.example.org"), List.of("urn:news")));
    }

    private void registerNews() {
        RegistrationAction register = services.use("alice", "urn:news").requests().get(0);
        services.answered("alice", register, new RegisterResponse(List.of(new ServiceStatus("urn:news", ItemStatus.OK))));
    }

    /** The reception outcomes need no HTTP. */
    private static final class NoHttp implements HttpCodec {
        @Override
        public Bytes encode(HttpRequestMessage request) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Bytes encode(HttpResponseMessage response) {
            throw new UnsupportedOperationException();
        }

        @Override
        public HttpRequestMessage decodeRequest(Bytes wire) {
            throw new UnsupportedOperationException();
        }

        @Override
        public HttpResponseMessage decodeResponse(Bytes wire) {
            throw new UnsupportedOperationException();
        }
    }
}
