package org.mbmskeys.mbms.roles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mbmskeys.mbms.roles.RolesWorld.LIVE;
import static org.mbmskeys.mbms.roles.RolesWorld.NEWS;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mbmskeys.mbms.bmsc.Bmsc;
import org.mbmskeys.mbms.bmsc.distribution.DeliveryOutcome;
import org.mbmskeys.mbms.bmsc.distribution.DeliveryRecord;
import org.mbmskeys.mbms.keys.KeyValidity;
import org.mbmskeys.mbms.keys.MskRef;
import org.mbmskeys.mbms.keys.ServiceType;
import org.mbmskeys.mbms.mikey.SrtpCsEntry;
import org.mbmskeys.mbms.mikey.protection.SrtpAuthentication;
import org.mbmskeys.mbms.mikey.protection.StreamingSession;
import org.mbmskeys.mbms.ue.Ue;
import org.mbmskeys.mbms.ue.keys.CurrentMtk;
import org.mbmskeys.mbms.ue.keys.MskChange;
import org.mbmskeys.mbms.ue.keys.MskKey;
import org.mbmskeys.mbms.ue.procedure.UeOutcome;

/**
 * The other ways the BM-SC facade re-keys (TS 33.246 §6.3.2.2.4 solicited pull, §6.3.2.3.1 validity update and
 * invalidation after deregistration) and delivers MTKs of a streaming session (§6.3.3), end to end with UEs.
 */
class BmscRekeyingAndStreamingOverTheNetworkTest {

    private static Ue registered(RolesWorld world, String name, String service, org.mbmskeys.mbms.bmsc.services.KeyGroupRef group,
                                 ServiceType type, String... joins) {
        Ue ue = world.ue(name, joins);
        ue.announce(RolesWorld.announcement(service, group, service + "-live", type));
        ue.powerOn();
        ue.use(service);
        world.settle();
        return ue;
    }

    @Test
    void withSolicitedPullRekeyingTheUeIsAskedToFetchTheNewMskAndDoes() {
        RolesWorld world = new RolesWorld(b -> b.rekeying(Bmsc.Rekeying.SOLICITED_PULL));
        world.bmsc.defineService("news", ServiceType.DOWNLOAD, NEWS);
        world.bmsc.rotate(NEWS);
        Ue alice = registered(world, "alice", "news", NEWS, ServiceType.DOWNLOAD);
        world.outcomes.clear();

        MskRef next = world.bmsc.rotate(NEWS);
        world.run(Duration.ofSeconds(30));

        assertThat(world.outcomes(UeOutcome.MskRequestAnswered.class)).isNotEmpty();
        assertThat(world.outcomes(UeOutcome.MskReceived.class)).extracting(UeOutcome.MskReceived::msk).contains(next);
        assertThat(alice.msks("news")).extracting(MskKey::ref).contains(next);
    }

    @Test
    void aSolicitedPullOfOneUeMakesItFetchTheCurrentMsk() {
        RolesWorld world = new RolesWorld();
        world.bmsc.defineService("news", ServiceType.DOWNLOAD, NEWS);
        MskRef msk = world.bmsc.rotate(NEWS);
        Ue alice = registered(world, "alice", "news", NEWS, ServiceType.DOWNLOAD);
        world.outcomes.clear();

        world.bmsc.solicitPull(RolesWorld.impi(1), NEWS);
        world.run(Duration.ofSeconds(30));

        assertThat(world.outcomes(UeOutcome.MskRequestAnswered.class)).singleElement()
                .satisfies(a -> assertThat(a.ue()).isEqualTo("alice"));
        assertThat(world.outcomes(UeOutcome.MskReceived.class)).extracting(UeOutcome.MskReceived::msk).containsOnly(msk);
        assertThat(alice.msks("news")).extracting(MskKey::ref).containsExactly(msk);
    }

    @Test
    void aValidityUpdateReachesEveryUeOfTheKeyGroupWithoutANewKey() {
        RolesWorld world = new RolesWorld();
        world.bmsc.defineService("news", ServiceType.DOWNLOAD, NEWS);
        MskRef msk = world.bmsc.rotate(NEWS);
        Ue alice = registered(world, "alice", "news", NEWS, ServiceType.DOWNLOAD);
        world.outcomes.clear();

        world.bmsc.updateValidity(msk, KeyValidity.of(0, 0x0100));
        world.settle();

        assertThat(world.outcomes(UeOutcome.MskReceived.class)).singleElement().satisfies(r -> {
            assertThat(r.msk()).isEqualTo(msk);
            assertThat(r.change()).isEqualTo(MskChange.VALIDITY_UPDATED);
        });
        assertThat(alice.msks("news")).singleElement().satisfies(k -> assertThat(k.validity()).isEqualTo(KeyValidity.of(0, 0x0100)));
    }

    @Test
    void aUeThatLeavesIsDeregisteredAndItsMsksAreInvalidated() {
        RolesWorld world = new RolesWorld();
        world.bmsc.defineService("news", ServiceType.DOWNLOAD, NEWS);
        MskRef msk = world.bmsc.rotate(NEWS);
        Ue alice = registered(world, "alice", "news", NEWS, ServiceType.DOWNLOAD);
        world.outcomes.clear();

        alice.leave("news");
        world.run(Duration.ofSeconds(5));

        assertThat(world.outcomes(UeOutcome.ServiceDeregistered.class)).singleElement()
                .satisfies(d -> assertThat(d.serviceId()).isEqualTo("news"));
        assertThat(world.bmsc.registration(RolesWorld.impi(1))).isEmpty();
        assertThat(world.outcomes(UeOutcome.MskReceived.class)).extracting(UeOutcome.MskReceived::msk, UeOutcome.MskReceived::change)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(msk, MskChange.INVALIDATED));
        assertThat(alice.keyStore().msks()).isEmpty();
        assertThat(world.bmsc.deliveries(RolesWorld.impi(1))).extracting(DeliveryRecord::msk).containsExactly(msk, msk);
    }

    @Test
    void theMtksOfAStreamingSessionReachTheUesOfItsMulticastGroup() {
        RolesWorld world = new RolesWorld();
        world.defineTvLive(SrtpAuthentication.RCCM1);
        MskRef msk = world.bmsc.rotate(LIVE);
        Ue alice = registered(world, "alice", "tv", LIVE, ServiceType.STREAMING, "239.1.1.1");
        assertThat(alice.msks("tv")).extracting(MskKey::ref).containsExactly(msk);

        world.bmsc.startMtkDelivery("tv-live");
        world.settle();
        Optional<CurrentMtk> first = alice.currentMtk("tv", "tv-live");
        assertThat(first).isPresent();
        world.bmsc.nextMtk("tv-live");
        world.settle();
        Optional<CurrentMtk> second = alice.currentMtk("tv", "tv-live");

        assertThat(world.outcomes(UeOutcome.MtkReceived.class)).hasSizeGreaterThanOrEqualTo(2);
        assertThat(second).get().satisfies(m -> assertThat(Integer.compareUnsigned(m.mtkId().value(),
                first.get().mtkId().value())).isPositive());
        assertThat(alice.currentMtk("tv", "another-session")).isEmpty();
        assertThat(alice.currentMtk("no-such-service", "tv-live")).isEmpty();

        world.bmsc.stopMtkDelivery("tv-live");
        int received = world.outcomes(UeOutcome.MtkReceived.class).size();
        world.run(Duration.ofHours(1));
        assertThat(world.outcomes(UeOutcome.MtkReceived.class)).hasSize(received);
        assertThat(world.bmsc.deliveries(RolesWorld.impi(1))).extracting(DeliveryRecord::outcome)
                .containsOnly(DeliveryOutcome.DELIVERED);
    }

    /** §6.4.6.1 step 5, §6.6.2.1: what the SRTP layer is set up with comes with the MTK, the sender's ROC too. */
    @Test
    void theUeGetsTheSessionsPolicyAndTheSendersRolloverCounterWithItsMtk() {
        RolesWorld world = new RolesWorld();
        StreamingSession session = world.defineTvLive(SrtpAuthentication.RCCM2);
        world.bmsc.srtpRolloverCounter("tv-live", 4);
        world.bmsc.rotate(LIVE);
        Ue alice = registered(world, "alice", "tv", LIVE, ServiceType.STREAMING, "239.1.1.1");
        world.bmsc.startMtkDelivery("tv-live");
        world.settle();

        CurrentMtk mtk = alice.currentMtk("tv", "tv-live").orElseThrow();
        assertThat(mtk.srtpPolicy()).contains(session.policy());
        assertThat(mtk.srtpCs()).contains(new SrtpCsEntry(0, 0x5eed0001L, 4));
        assertThatThrownBy(() -> world.bmsc.srtpRolloverCounter("nothing", 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no streaming session 'nothing'");
        assertThatThrownBy(() -> world.bmsc.srtpRolloverCounter("tv-live", 1L << 32))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ROC is 32 bits");
    }

    @Test
    void mtkDeliveryOfAnUndefinedSessionIsRefused() {
        RolesWorld world = new RolesWorld();
        assertThatThrownBy(() -> world.bmsc.startMtkDelivery("nothing")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no streaming session 'nothing'; define it first (defineStreamingSession)");
        assertThatThrownBy(() -> world.bmsc.nextMtk("nothing")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no streaming session 'nothing'");
        assertThatThrownBy(() -> world.bmsc.stopMtkDelivery("nothing")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no streaming session 'nothing'");
    }

    @Test
    void mtkDeliveryBeforeTheGroupHasAnMskIsRefusedAtOnceAndStartsOnceItHasOne() {
        RolesWorld world = new RolesWorld();
        world.defineTvLive(SrtpAuthentication.RCCM2);

        assertThatThrownBy(() -> world.bmsc.startMtkDelivery("tv-live")).isInstanceOf(IllegalStateException.class)
                .hasMessage("Key Group " + LIVE + " of streaming session 'tv-live' has no MSK yet, and MTK messages are "
                        + "protected with one: rotate(" + LIVE + ") first");
        world.bmsc.stopMtkDelivery("tv-live");   // not running: nothing to stop
        assertThat(world.bmsc.mtkDeliveryRunning("tv-live")).isFalse();

        world.bmsc.rotate(LIVE);
        world.bmsc.startMtkDelivery("tv-live");
        assertThat(world.bmsc.mtkDeliveryRunning("tv-live")).isTrue();
    }

    @Test
    void aKeyGroupServesStreamingOrDownloadNotBoth() {
        RolesWorld world = new RolesWorld();
        world.bmsc.defineService("tv", ServiceType.STREAMING, LIVE);

        assertThatThrownBy(() -> world.bmsc.defineService("files", ServiceType.DOWNLOAD, LIVE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Key Group " + LIVE + " is a STREAMING Key Group, and service files is DOWNLOAD: a Key "
                        + "Group's MSKs and MTKs are of one kind (TS 33.246 §6.4.5.1, §6.4.5.3); give the service a Key "
                        + "Group of its own");
        world.bmsc.defineService("tv-hd", ServiceType.STREAMING, LIVE);   // another streaming service may share it
    }

    @Test
    void rotatingAGroupNoServiceUsesSaysWhichCallDefinesIt() {
        RolesWorld world = new RolesWorld();

        assertThatThrownBy(() -> world.bmsc.rotate(LIVE)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no user service uses Key Group " + LIVE + ": define one with defineService(serviceId, "
                        + "serviceType, group) before rotating its MSK");
    }
}
