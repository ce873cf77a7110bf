package org.mbmskeys.adapters.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.mbmskeys.adapters.memory.Captured.Fate;
import org.mbmskeys.engine.bytes.Bytes;
import org.mbmskeys.engine.spi.Envelope;
import org.mbmskeys.engine.spi.ManualScheduler;

class UnicastAndMulticastTest {

    @Test
    void aDatagramArrivesAtTheSchedulersNextRunNotInsideTheSend() {
        Peers p = new Peers(1, "bmsc", "ue-1", "ue-2");

        p.send("bmsc", "ue-1", "0102");

        assertThat(p.arrivals).isEmpty();
        p.time.runDue();
        assertThat(p.arrivals).singleElement().satisfies(a -> {
            assertThat(a.at()).isEqualTo("ue-1");
            assertThat(a.when()).isEqualTo(ManualScheduler.DEFAULT_START);
            assertThat(a.envelope()).isEqualTo(Envelope.of(Peers.at("bmsc"), Peers.at("ue-1"), Bytes.ofHex("0102")));
        });
        assertThat(p.arrivedAt("ue-2")).isEmpty();
    }

    @Test
    void latencyDelaysEveryMessageOnVirtualTime() {
        ManualScheduler time = new ManualScheduler();
        MemoryNetwork network = MemoryNetwork.builder(time).latency(Duration.ofMillis(30)).build();
        java.util.List<java.time.Instant> arrived = new java.util.ArrayList<>();
        network.node("ue-1").receive(e -> arrived.add(time.now()));

        network.node("bmsc").send(Envelope.of(Peers.at("bmsc"), Peers.at("ue-1"), Bytes.ofHex("01")));
        time.advance(Duration.ofMillis(29));
        assertThat(arrived).isEmpty();
        time.advance(Duration.ofMillis(1));

        assertThat(arrived).containsExactly(ManualScheduler.DEFAULT_START.plusMillis(30));
    }

    @Test
    void aMulticastDatagramReachesTheGroupsMembersButNotTheSenderAndALeaverNoLonger() {
        Peers p = new Peers(1, "bmsc", "ue-1", "ue-2", "ue-3");
        p.node("ue-1").join("239.1.1.1");
        p.node("ue-2").join("239.1.1.1");
        p.node("bmsc").join("239.1.1.1");

        p.send("bmsc", "239.1.1.1", "aa");
        p.time.runDue();
        p.node("ue-1").leave("239.1.1.1");
        p.send("bmsc", "239.1.1.1", "bb");
        p.time.runDue();

        assertThat(p.arrivedAt("ue-1")).containsExactly("aa");
        assertThat(p.arrivedAt("ue-2")).containsExactly("aa", "bb");
        assertThat(p.arrivedAt("ue-3")).isEmpty();
        assertThat(p.arrivedAt("bmsc")).isEmpty();
    }

    @Test
    void aMessageToAnUnknownHostIsCapturedAsUndeliverable() {
        Peers p = new Peers(1, "bmsc");

        p.send("bmsc", "nowhere", "01");

        assertThat(p.network.capture()).singleElement().satisfies(c -> {
            assertThat(c.fate()).isEqualTo(Fate.UNDELIVERABLE);
            assertThat(c.deliverAt()).isEmpty();
        });
    }

    @Test
    void aNodeSendsOnlyFromItsOwnHostName() {
        Peers p = new Peers(1, "bmsc", "ue-1");

        assertThatThrownBy(() -> p.node("ue-1").send(Envelope.of(Peers.at("bmsc"), Peers.at("ue-1"), Bytes.ofHex("01"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("node 'ue-1' cannot send from bmsc:2269; it sends from its own host name");
    }

    @Test
    void aRequestIsAnsweredThroughTheNetworkAndTheAnswerIsCapturedAsAResponse() {
        ManualScheduler time = new ManualScheduler();
        MemoryNetwork network = MemoryNetwork.builder(time).build();
        network.node("bmsc").receive(e -> e.replyHandle().orElseThrow().reply(Bytes.ofHex("c8")));
        java.util.List<Object> answers = new java.util.ArrayList<>();

        network.node("ue-1").send(Envelope.of(Peers.at("ue-1"), Peers.at("bmsc"), Bytes.ofHex("50")).withReplyHandle(answers::add));
        time.runDue();

        assertThat(answers).containsExactly(Bytes.ofHex("c8"));
        assertThat(network.capture()).extracting(c -> c.message().kind() + " " + c.message().recipient())
                .containsExactly("REQUEST bmsc", "RESPONSE ue-1");
    }

    @Test
    void aRequestIsAnsweredOnceOnly() {
        ManualScheduler time = new ManualScheduler();
        MemoryNetwork network = MemoryNetwork.builder(time).build();
        java.util.List<Throwable> second = new java.util.ArrayList<>();
        network.node("bmsc").receive(e -> {
            e.replyHandle().orElseThrow().reply(Bytes.ofHex("01"));
            try {
                e.replyHandle().orElseThrow().reply(Bytes.ofHex("02"));
            } catch (IllegalStateException expected) {
                second.add(expected);
            }
        });
        network.node("ue-1").send(Envelope.of(Peers.at("ue-1"), Peers.at("bmsc"), Bytes.ofHex("50")).withReplyHandle(x -> { }));

        time.runDue();

        assertThat(second).singleElement().extracting(Throwable::getMessage).asString().endsWith("a request is answered once");
    }
}
