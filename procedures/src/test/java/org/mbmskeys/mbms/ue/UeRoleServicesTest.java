package org.mbmskeys.mbms.ue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mbmskeys.engine.bytes.Bytes;
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
