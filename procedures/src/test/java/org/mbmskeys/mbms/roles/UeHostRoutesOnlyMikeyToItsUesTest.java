package org.mbmskeys.mbms.roles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mbmskeys.mbms.roles.RolesWorld.NEWS;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.mbmskeys.adapters.http.HttpWire;
import org.mbmskeys.adapters.memory.Hosts;
import org.mbmskeys.engine.bytes.Bytes;
import org.mbmskeys.engine.spi.Endpoint;
import org.mbmskeys.engine.spi.Envelope;
import org.mbmskeys.engine.spi.Transport;
import org.mbmskeys.mbms.keys.MskRef;
import org.mbmskeys.mbms.keys.ServiceType;
import org.mbmskeys.mbms.ue.Ue;
import org.mbmskeys.mbms.ue.UeHost;
import org.mbmskeys.mbms.ue.UeProfile;
import org.mbmskeys.mbms.ue.gba.UbClient;
import org.mbmskeys.mbms.ue.keys.MskKey;
import org.mbmskeys.mbms.ue.keys.UiccId;
import org.mbmskeys.mbms.ue.procedure.UeOutcome;

/**
 * A {@link UeHost}'s shared transport carries MIKEY to its UEs on UDP port 2269 only (TS 33.246 §6.3.1): a
 * datagram to another port reaches no UE procedure, and a UE added with a transport of its own receives there; a host
 * built with no random source and no crypto suite uses secure random bytes and the JCA; a host that is closed
 * runs nothing more.
 */
class UeHostRoutesOnlyMikeyToItsUesTest {

    private final RolesWorld world = new RolesWorld();
    private final List<UeOutcome> outcomes = new CopyOnWriteArrayList<>();

    /** A host with the defaults (no random, no crypto suite given) and carol on its shared transport. */
    private final Hosts shared = world.network.hosts();
    private final UeHost host = UeHost.builder().transport(shared).httpCodec(HttpWire.codec())
            .scheduler(world.time).deterministic().keyManagementPort(80).listener(outcomes::add).build();

    private Ue carol() {
        UbClient ub5 = world.subscriber(5);
        shared.add("carol");
        return host.add(UeProfile.usim("carol", UiccId.of("8949440000000000055"), ub5));
    }

    private void sendToCarol(int port) {
        world.network.node("mallory").send(Envelope.of(Endpoint.of("mallory", 2269), Endpoint.of("carol", port),
                Bytes.ofHex("0102030405")));
        world.settle();
    }

    private List<UeOutcome.DatagramDiscarded> discards() {
        return outcomes.stream().filter(UeOutcome.DatagramDiscarded.class::isInstance)
                .map(UeOutcome.DatagramDiscarded.class::cast).toList();
    }

    @Test
    void withTheDefaultRandomAndCryptoTheUeRegistersAndOpensItsMsk() {
        world.bmsc.defineService("news", ServiceType.DOWNLOAD, NEWS);
        MskRef msk = world.bmsc.rotate(NEWS);
        Ue carol = carol();
        carol.announce(RolesWorld.announcement("news", NEWS, "news-files", ServiceType.DOWNLOAD));
        carol.powerOn();
        carol.use("news");
        world.settle();

        assertThat(carol.msks("news")).extracting(MskKey::ref).containsExactly(msk);
    }

    @Test
    void aDatagramOnPort2269ReachesTheUesReceptionAndAnyOtherPortDoesNot() {
        carol();

        sendToCarol(5004);
        assertThat(discards()).isEmpty();

        sendToCarol(2269);
        assertThat(discards()).singleElement().satisfies(d -> {
            assertThat(d.ue()).isEqualTo("carol");
            assertThat(d.from()).isEqualTo(Endpoint.of("mallory", 2269));
        });
    }

    @Test
    void aUeWithATransportOfItsOwnReceivesItsMikeyThere() {
        UbClient ub6 = world.subscriber(6);
        host.add(UeProfile.usim("dora", UiccId.of("8949440000000000066"), ub6),
                world.network.node("dora"));

        world.network.node("mallory").send(Envelope.of(Endpoint.of("mallory", 2269), Endpoint.of("dora", 2269),
                Bytes.ofHex("0102030405")));
        world.settle();

        assertThat(discards()).as("dora's own node delivered it to her reception").singleElement()
                .satisfies(d -> assertThat(d.ue()).isEqualTo("dora"));
    }

    @Test
    void aUeThatStatesAMikeyPortReceivesThereAndOn2269ButNotOnOtherPorts() {
        UbClient ub7 = world.subscriber(7);
        host.add(UeProfile.usim("erin", UiccId.of("8949440000000000077"), ub7), world.network.node("erin"), 40001);

        for (int port : new int[] {5004, 40001, 2269}) {
            world.network.node("mallory").send(Envelope.of(Endpoint.of("mallory", 2269), Endpoint.of("erin", port),
                    Bytes.ofHex("0102030405")));
            world.settle();
        }

        assertThat(discards()).as("40001 and 2269 reached erin's reception, 5004 did not").hasSize(2)
                .allSatisfy(d -> assertThat(d.ue()).isEqualTo("erin"));
    }

    /**
     * A shared transport that also hears the address of a UE with a transport of its own (a socket bound to every
     * address, say) hands that UE nothing: its own transport delivers its datagrams, once.
     */
    @Test
    void aDatagramForAUeWithItsOwnTransportIsNotTakenFromTheSharedTransportToo() {
        List<Consumer<Envelope>> sharedReceiver = new CopyOnWriteArrayList<>();
        Transport everyAddress = new Transport() {
            @Override
            public void send(Envelope envelope) {
                throw new UnsupportedOperationException("nothing is sent in this test");
            }

            @Override
            public void receive(Consumer<Envelope> handler) {
                sharedReceiver.add(handler);
            }
        };
        UeHost hearsAll = UeHost.builder().transport(everyAddress).httpCodec(HttpWire.codec()).scheduler(world.time)
                .deterministic().listener(outcomes::add).build();
        hearsAll.add(UeProfile.usim("dora", UiccId.of("8949440000000000066"), world.subscriber(6)),
                world.network.node("dora"));
        Envelope toDora = Envelope.of(Endpoint.of("mallory", 2269), Endpoint.of("dora", 2269), Bytes.ofHex("0102030405"));

        world.network.node("mallory").send(toDora);
        world.settle();
        sharedReceiver.forEach(h -> h.accept(toDora));
        world.settle();

        assertThat(sharedReceiver).hasSize(1);
        assertThat(discards()).as("delivered by dora's own node only").singleElement()
                .satisfies(d -> assertThat(d.ue()).isEqualTo("dora"));
    }

    @Test
    void anUnknownBackendIsRefusedWhenTheHostIsBuilt() {
        assertThatThrownBy(() -> UeHost.builder().transport(world.network.hosts()).httpCodec(HttpWire.codec())
                .scheduler(world.time).deterministic().backend("no-such-backend").build())
                .hasMessageContaining("no-such-backend");
    }

    @Test
    void aClosedHostStartsNoMoreProcedures() {
        Ue carol = carol();
        host.close();

        assertThatThrownBy(() -> carol.requestMsks(RolesWorld.BMSC, List.of(MskRef.parse("001-01/01010000"))))
                .isInstanceOf(IllegalStateException.class);
    }
}
