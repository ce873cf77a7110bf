package org.mbmskeys.adapters.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mbmskeys.engine.bytes.Bytes;
import org.mbmskeys.engine.spi.Endpoint;
import org.mbmskeys.engine.spi.Envelope;
import org.mbmskeys.engine.spi.ManualScheduler;

/** One transport for many nodes: sends from the node the envelope names, receives for all of them. */
class HostsTest {

    private final ManualScheduler time = new ManualScheduler();
    private final MemoryNetwork network = MemoryNetwork.builder(time).build();
    private final List<Envelope> received = new ArrayList<>();

    @Test
    void sendsFromTheAddedNodeTheEnvelopeNamesAndReceivesForEveryAddedNode() {
        Hosts ues = network.hosts();
        ues.receive(received::add);
        ues.add("alice").join("239.1.1.1");
        ues.add("bob").join("239.1.1.1");
        List<Envelope> atBmsc = new ArrayList<>();
        network.node("bmsc").receive(atBmsc::add);

        ues.send(Envelope.of(at("alice"), at("bmsc"), Bytes.ofHex("a1")));
        ues.send(Envelope.of(at("bob"), at("bmsc"), Bytes.ofHex("b0")));
        network.node("bmsc").send(Envelope.of(at("bmsc"), at("239.1.1.1"), Bytes.ofHex("cc")));
        network.node("bmsc").send(Envelope.of(at("bmsc"), at("bob"), Bytes.ofHex("dd")));
        time.runDue();

        assertThat(atBmsc).extracting(e -> e.from().host() + "=" + e.payload().toHex()).containsExactly("alice=a1", "bob=b0");
        assertThat(received).extracting(e -> e.to().host() + "=" + e.payload().toHex())
                .containsExactlyInAnyOrder("239.1.1.1=cc", "239.1.1.1=cc", "bob=dd");
        assertThat(ues.contains("alice")).isTrue();
        assertThat(ues.contains("carol")).isFalse();
    }

    @Test
    void aNodeThatWasNotAddedCannotSendAndANodeWithAnotherReceiverCannotBeAdded() {
        Hosts ues = network.hosts();
        ues.add("alice");

        assertThatThrownBy(() -> ues.send(Envelope.of(at("carol"), at("bmsc"), Bytes.ofHex("00"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no node 'carol'").hasMessageContaining("alice");
        network.node("dave").receive(e -> { });
        assertThatThrownBy(() -> ues.add("dave")).isInstanceOf(IllegalStateException.class);
        assertThat(ues.add("alice")).isSameAs(network.node("alice"));
    }

    private static Endpoint at(String host) {
        return Endpoint.of(host, 2269);
    }
}
