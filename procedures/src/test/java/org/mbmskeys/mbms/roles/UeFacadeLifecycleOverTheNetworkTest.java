package org.mbmskeys.mbms.roles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mbmskeys.mbms.roles.RolesWorld.LIVE;
import static org.mbmskeys.mbms.roles.RolesWorld.NEWS;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mbmskeys.engine.testkit.TraceRecorder;
import org.mbmskeys.mbms.keys.MskRef;
import org.mbmskeys.mbms.keys.ServiceType;
import org.mbmskeys.mbms.mikey.crypto.CountingCryptoSuite;
import org.mbmskeys.mbms.ue.Ue;
import org.mbmskeys.mbms.ue.UeHost;
import org.mbmskeys.mbms.ue.UeProfile;
import org.mbmskeys.mbms.ue.announcement.UeCapabilities;
import org.mbmskeys.mbms.ue.gba.UbClient;
import org.mbmskeys.mbms.ue.keys.MskKey;
import org.mbmskeys.mbms.ue.keys.UeKeyStore;
import org.mbmskeys.mbms.ue.keys.UiccId;
import org.mbmskeys.mbms.ue.procedure.UeOutcome;
import org.mbmskeys.mbms.ue.registration.RegistrationState;

/**
 * The UE facades ({@link Ue}, {@link UeHost}) against a real BM-SC: each life-cycle call reaches the UE's
 * procedures and the network (TS 33.246 §6.3.2.1A power-on and connection loss, §6.3.2.1B power-down and leave,
 * §6.1 UICC change), a UE on the host's shared transport receives its MIKEY like one on its own, a one-UE
 * {@link Ue#builder} works alone, and what the facades hand out is the UE's own state.
 */
class UeFacadeLifecycleOverTheNetworkTest {

    private final RolesWorld world = new RolesWorld();

    private Ue using(Ue ue, String service) {
        ue.announce(RolesWorld.announcement(service, NEWS, service + "-files", ServiceType.DOWNLOAD));
        ue.powerOn();
        ue.use(service);
        world.settle();
        return ue;
    }

    private int registrationRequests() {
        return (int) world.requests().stream().filter(r -> r.target().contains("requesttype=register")).count();
    }

    @Test
    void powerDownDeregistersEveryServiceAndPowerOnRegistersThemAgain() {
        world.bmsc.defineService("news", ServiceType.DOWNLOAD, NEWS);
        world.bmsc.rotate(NEWS);
        Ue alice = using(world.ue("alice"), "news");
        assertThat(world.bmsc.registration(RolesWorld.impi(1))).isPresent();

        alice.powerDown();
        world.settle();
        assertThat(world.bmsc.registration(RolesWorld.impi(1))).isEmpty();
        assertThat(world.outcomes(UeOutcome.ServiceDeregistered.class)).hasSize(1);

        alice.powerOn();
        world.settle();
        assertThat(world.bmsc.registration(RolesWorld.impi(1))).isPresent();
        assertThat(alice.registration("news")).get().satisfies(r -> assertThat(r.state()).isEqualTo(RegistrationState.REGISTERED));
        assertThat(world.outcomes(UeOutcome.ServiceRegistered.class)).hasSize(2);
    }

    @Test
    void aLostConnectionMakesTheUeRegisterAgain() {
        world.bmsc.defineService("news", ServiceType.DOWNLOAD, NEWS);
        Ue alice = using(world.ue("alice"), "news");
        int before = registrationRequests();

        alice.connectionLost();
        world.settle();

        assertThat(registrationRequests()).isGreaterThan(before);
        assertThat(world.outcomes(UeOutcome.ServiceRegistered.class)).hasSize(2);
    }

    @Test
    void anotherUiccDeletesEveryMbmsKey() {
        world.bmsc.defineService("news", ServiceType.DOWNLOAD, NEWS);
        world.bmsc.rotate(NEWS);
        Ue alice = using(world.ue("alice"), "news");
        assertThat(alice.keyStore().msks()).hasSize(1);

        alice.uiccChanged(UiccId.of("8949440000000000099"));
        world.settle();

        assertThat(alice.keyStore().msks()).isEmpty();
        assertThat(alice.keyStore().uicc()).contains(UiccId.of("8949440000000000099"));
    }

    @Test
    void theMsksOfAServiceAreOnlyThoseOfItsKeyGroups() {
        world.bmsc.defineService("news", ServiceType.DOWNLOAD, NEWS);
        world.bmsc.defineService("other", ServiceType.DOWNLOAD, LIVE);
        MskRef news = world.bmsc.rotate(NEWS);
        MskRef other = world.bmsc.rotate(LIVE);
        Ue alice = world.ue("alice");
        alice.announce(RolesWorld.announcement("news", NEWS, "files", ServiceType.DOWNLOAD));
        alice.announce(RolesWorld.announcement("other", LIVE, "files", ServiceType.DOWNLOAD));
        alice.powerOn();
        alice.use("news");
        alice.use("other");
        world.settle();

        assertThat(alice.msks("news")).extracting(MskKey::ref).containsExactly(news);
        assertThat(alice.msks("other")).extracting(MskKey::ref).containsExactly(other);
        assertThat(alice.msks("not-announced")).isEmpty();
        assertThat(alice.registrations()).extracting(r -> r.serviceId()).containsExactlyInAnyOrder("news", "other");
        assertThat(alice.registration("other")).get().satisfies(r -> assertThat(r.serviceId()).isEqualTo("other"));
        assertThat(alice.registration("nothing")).isEmpty();
    }

    @Test
    void aUeOnTheHostsSharedTransportGetsItsMikeyThere() {
        world.bmsc.defineService("news", ServiceType.DOWNLOAD, NEWS);
        MskRef msk = world.bmsc.rotate(NEWS);
        UbClient ub7 = world.subscriber(7);
        world.onSharedTransport("carol");
        Ue carol = world.ueHost.add(UeProfile.usim("carol", UiccId.of("8949440000000000077"), ub7));

        using(carol, "news");

        assertThat(carol.msks("news")).extracting(MskKey::ref).containsExactly(msk);
        assertThat(world.ueHost.ue("carol")).containsSame(carol);
        assertThat(world.ueHost.ue("dave")).isEmpty();
        assertThat(carol.host()).isSameAs(world.ueHost);
        assertThat(carol.name()).isEqualTo("carol");
        assertThat(carol.capabilities()).as("the card of its profile: a USIM, ME-based key management")
                .isEqualTo(UeCapabilities.usim());
        assertThat(carol).hasToString("Ue[carol]");
        assertThat(world.ueHost.engine().instance("ue.service", "carol")).isPresent();
    }

    @Test
    void aUeBuiltAloneRunsOnAnEngineOfItsOwn() {
        world.bmsc.defineService("news", ServiceType.DOWNLOAD, NEWS);
        MskRef msk = world.bmsc.rotate(NEWS);
        UbClient ub8 = world.subscriber(8);
        List<UeOutcome> outcomes = new CopyOnWriteArrayList<>();
        TraceRecorder trace = new TraceRecorder();
        Ue erin = Ue.builder(UeProfile.usim("erin", UiccId.of("8949440000000000088"), ub8))
                .transport(world.network.node("erin")).httpCodec(world.codec).scheduler(world.time).deterministic()
                .random(RolesWorld.seeded(9)).listener(outcomes::add).engineListener(trace).build();

        using(erin, "news");

        assertThat(outcomes).filteredOn(UeOutcome.MskReceived.class::isInstance).singleElement()
                .satisfies(o -> assertThat(((UeOutcome.MskReceived) o).msk()).isEqualTo(msk));
        assertThat(erin.msks("news")).extracting(MskKey::ref).containsExactly(msk);
        assertThat(trace.instances()).isNotEmpty();
        assertThat(erin.host()).isNotSameAs(world.ueHost);
        assertThat(world.outcomes).isEmpty();
    }

    /**
     * The host of a one-UE builder takes more UEs ({@code ue.host().add(...)}) only with a transport of their own: the
     * builder's transport is its UE's own, so a UE sharing it would get none of its MIKEY datagrams (they would reach
     * the first UE's reception). One added with a node of its own registers and gets its MSK.
     */
    @Test
    void theHostOfAOneUeBuilderTakesMoreUesOnlyWithATransportOfTheirOwn() {
        world.bmsc.defineService("news", ServiceType.DOWNLOAD, NEWS);
        MskRef msk = world.bmsc.rotate(NEWS);
        UbClient ub8 = world.subscriber(8);
        UbClient ub11 = world.subscriber(11);
        org.mbmskeys.adapters.memory.Hosts handset = world.network.hosts();
        handset.add("erin");
        Ue erin = Ue.builder(UeProfile.usim("erin", UiccId.of("8949440000000000088"), ub8))
                .transport(handset).httpCodec(world.codec).scheduler(world.time).deterministic()
                .random(RolesWorld.seeded(9)).build();
        UeProfile gina = UeProfile.usim("gina", UiccId.of("8949440000000000111"), ub11);

        assertThatThrownBy(() -> erin.host().add(gina)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("needs a transport of its own");

        Ue added = using(erin.host().add(gina, world.network.node("gina")), "news");

        assertThat(world.bmsc.registration(RolesWorld.impi(11))).isPresent();
        assertThat(added.registration("news")).get()
                .satisfies(r -> assertThat(r.state()).isEqualTo(RegistrationState.REGISTERED));
        assertThat(added.keyStore().msks()).extracting(MskKey::ref).containsExactly(msk);
        assertThat(added.host()).isSameAs(erin.host());
    }

    /**
     * Every setting of a one-UE builder reaches the UE: its key store, its crypto, its clock, its User-Agent
     * product (with {@code 3gpp-gba} added, Annex H), its backend, lanes and (empty) script folder.
     */
    @Test
    void aUeBuiltAloneTakesEverySettingItIsGiven(@TempDir Path noOverrides) {
        world.bmsc.defineService("news", ServiceType.DOWNLOAD, NEWS);
        MskRef msk = world.bmsc.rotate(NEWS);
        UbClient ub9 = world.subscriber(9);
        UeKeyStore frank = UeKeyStore.inMemory();
        AtomicInteger clockReads = new AtomicInteger();
        CountingCryptoSuite counting = new CountingCryptoSuite();
        Ue frankUe = Ue.builder(UeProfile.usim("frank", UiccId.of("8949440000000000099"), ub9))
                .transport(world.network.node("frank")).httpCodec(world.codec).scheduler(world.time).deterministic()
                .random(RolesWorld.seeded(10)).clock(() -> {
                    clockReads.incrementAndGet();
                    return world.time.now();
                }).backend("native").lanes(1).scripts(noOverrides).cryptoSuite(counting)
                .userAgent("Handset/2.1").keyStores(name -> frank).build();

        using(frankUe, "news");

        assertThat(frank.msk(msk)).isPresent();
        assertThat(frankUe.keyStore()).isSameAs(frank);
        assertThat(counting.macs()).hasPositiveValue();
        assertThat(clockReads).hasPositiveValue();
        assertThat(world.requests()).isNotEmpty().allSatisfy(r -> assertThat(r.header("User-Agent"))
                .hasValueSatisfying(ua -> assertThat(ua).contains("Handset/2.1").contains("3gpp-gba")));
    }

    /** §6.3.2.2.1: a Basic MSK request names at least one MSK; an empty one is refused before anything starts. */
    @Test
    void anMskRequestWithoutMsksIsRefused() {
        Ue alice = world.ue("alice");

        assertThatThrownBy(() -> alice.requestMsks(RolesWorld.BMSC, List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one MSK");
        assertThat(world.ueHost.engine().instance("ue.msk-request", "alice/msk")).isEmpty();
    }

    @Test
    void aUeHostNeedsATransportAndACodec() {
        assertThatThrownBy(() -> UeHost.builder().httpCodec(world.codec).build()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("transport");
        assertThatThrownBy(() -> UeHost.builder().transport(world.network.node("x")).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("codec");
        assertThatThrownBy(() -> UeHost.builder().keyManagementPort(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> UeHost.builder().keyManagementPort(65536)).isInstanceOf(IllegalArgumentException.class);
        assertThat(UeHost.builder().keyManagementPort(1)).isNotNull();
        assertThat(UeHost.builder().keyManagementPort(65535)).isNotNull();
    }
}
