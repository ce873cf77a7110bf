package org.mbmskeys.adapters.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mbmskeys.engine.bytes.Bytes;
import org.mbmskeys.engine.spi.Envelope;

class ReplayAndPcapTest {

    @Test
    void aCapturedDatagramReinjectedLaterArrivesAgainAndIsMarkedAsAReplay() {
        Peers p = new Peers(1, "bmsc", "ue-1");
        p.send("bmsc", "ue-1", "0a0b");
        p.time.runDue();
        p.time.advance(Duration.ofMinutes(5));

        p.network.reinject(p.network.capture().get(0));
        p.time.runDue();

        assertThat(p.arrivedAt("ue-1")).containsExactly("0a0b", "0a0b");
        assertThat(p.arrivals.get(1).envelope().from()).isEqualTo(Peers.at("bmsc"));
        assertThat(p.network.capture()).hasSize(2);
        assertThat(p.network.capture().get(1).replayOf()).contains(1);
        assertThat(p.network.capture().get(1).sent()).isEqualTo(p.time.now());
    }

    @Test
    void aReplayGoesThroughTheFaultRules() {
        Peers p = new Peers(1, "bmsc", "ue-1");
        p.send("bmsc", "ue-1", "0a0b");
        p.network.inject(new Fault.Corrupt(Selector.every(), 0, 0x01));

        p.network.reinject(p.network.capture().get(0));
        p.time.runDue();

        assertThat(p.arrivedAt("ue-1")).containsExactly("0a0b", "0b0b");
    }

    @Test
    void aResponseCannotBeReinjected() {
        Peers p = new Peers(1, "ue-1");
        p.network.node("bmsc").receive(e -> e.replyHandle().orElseThrow().reply(Bytes.ofHex("c8")));
        p.node("ue-1").send(Envelope.of(Peers.at("ue-1"), Peers.at("bmsc"), Bytes.ofHex("50")).withReplyHandle(x -> { }));
        p.time.runDue();

        assertThatThrownBy(() -> p.network.reinject(p.network.capture().get(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("capture #2 is a response; it answered one request, which is closed. Re-inject the request instead");
    }

    @Test
    void theAnswerToAReinjectedRequestTravelsBackAndIsCapturedLikeAnyResponse() {
        Peers p = new Peers(1, "ue-1");
        p.network.node("bmsc").receive(e -> e.replyHandle().orElseThrow().reply(Bytes.ofHex("c8")));
        p.node("ue-1").send(Envelope.of(Peers.at("ue-1"), Peers.at("bmsc"), Bytes.ofHex("50")).withReplyHandle(x -> { }));
        p.time.runDue();

        p.network.reinject(p.network.capture().get(0));
        p.time.runDue();

        assertThat(p.network.capture()).extracting(c -> c.message().kind())
                .containsExactly(Message.Kind.REQUEST, Message.Kind.RESPONSE, Message.Kind.REQUEST,
                        Message.Kind.RESPONSE);
        assertThat(p.network.capture().get(2).replayOf()).contains(1);
    }

    @Test
    void aRequestToAMulticastGroupIsRefused() {
        Peers p = new Peers(1, "bmsc", "ue-1");
        p.node("ue-1").join("mtk-group");

        assertThatThrownBy(() -> p.node("bmsc").send(Envelope.of(Peers.at("bmsc"), Peers.at("mtk-group"), Bytes.ofHex("50"))
                .withReplyHandle(x -> { })))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("a request cannot go to multicast group 'mtk-group'");
    }

    @Test
    void thePcapHoldsEachSentDatagramOnceWithAddressesForNodesAndGroups(@TempDir Path dir) throws Exception {
        Peers p = new Peers(1, "bmsc", "ue-1", "ue-2");
        p.node("ue-1").join("mtk-group");
        p.node("ue-2").join("mtk-group");
        p.send("bmsc", "mtk-group", "0102");      // two recipients, one datagram on the wire
        p.send("ue-1", "bmsc", "03");
        p.network.node("bmsc").send(Envelope.of(Peers.at("bmsc"), Peers.at("ue-1"), Bytes.ofHex("99"))
                .withReplyHandle(x -> { }));       // a request: not a UDP datagram
        Path pcap = dir.resolve("mikey.pcap");

        p.network.writePcap(pcap);

        Bytes file = Bytes.wrap(Files.readAllBytes(pcap));
        int first = 24 + 16;
        int frame1 = 14 + 20 + 8 + 2;
        assertThat(file.length()).isEqualTo(24 + 16 + frame1 + 16 + 14 + 20 + 8 + 1);
        assertThat(file.slice(first + 14 + 12, 8).toHex()).isEqualTo("0a000001" + "ef000001"); // bmsc -> group 1
        int second = first + frame1 + 16;
        assertThat(file.slice(second + 14 + 12, 8).toHex()).isEqualTo("0a000002" + "0a000001"); // ue-1 -> bmsc
        assertThat(file.slice(file.length() - 1, 1).toHex()).isEqualTo("03");
    }

    @Test
    void aReplayedDatagramIsOnTheWireAgainSoThePcapShowsItTwice(@TempDir Path dir) throws Exception {
        Peers p = new Peers(1, "bmsc", "ue-1");
        p.send("bmsc", "ue-1", "0a0b");
        p.time.advance(Duration.ofSeconds(1));
        p.network.reinject(p.network.capture().get(0));
        Path pcap = dir.resolve("replay.pcap");

        p.network.writePcap(pcap);

        Bytes file = Bytes.wrap(Files.readAllBytes(pcap));
        int record = 16 + 14 + 20 + 8 + 2;
        assertThat(file.length()).isEqualTo(24 + 2 * record);
        int secondsOfReplay = Integer.reverseBytes((int) p.time.now().getEpochSecond()); // little-endian header
        assertThat(file.slice(24 + record, 4).toHex()).isEqualTo(String.format("%08x", secondsOfReplay));
        assertThat(file.slice(file.length() - 2, 2).toHex()).isEqualTo("0a0b");
    }

    @Test
    void aNetworkThatDoesNotRecordCarriesAndFaultsAlikeButKeepsNothing(@TempDir Path dir) throws Exception {
        org.mbmskeys.engine.spi.ManualScheduler time = new org.mbmskeys.engine.spi.ManualScheduler();
        MemoryNetwork network = MemoryNetwork.builder(time).recording(false).build();
        java.util.List<String> arrived = new java.util.ArrayList<>();
        network.node("ue-1").receive(e -> arrived.add(e.payload().toHex()));
        network.inject(new Fault.Corrupt(Selector.nth(2), 0, 0x01));

        for (String hex : java.util.List.of("0a0b", "0a0b", "0c")) {
            network.node("bmsc").send(Envelope.of(Peers.at("bmsc"), Peers.at("ue-1"), Bytes.ofHex(hex)));
        }
        time.runDue();
        Path pcap = dir.resolve("nothing.pcap");
        network.writePcap(pcap);

        assertThat(arrived).containsExactly("0a0b", "0b0b", "0c");
        assertThat(network.capture()).isEmpty();
        assertThat(Files.size(pcap)).isEqualTo(24);   // the file header, no datagram
    }
}
