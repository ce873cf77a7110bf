package org.mbmskeys.adapters.udp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mbmskeys.engine.bytes.Bytes;
import org.mbmskeys.engine.spi.Endpoint;
import org.mbmskeys.engine.spi.Envelope;

/** Real sockets on the loopback interface; every wait is for a datagram, with a time-out, never a sleep. */
class UdpTransportTest {

    private static final Endpoint LOOPBACK_ANY_PORT = Endpoint.of("127.0.0.1", 0);

    private final List<UdpTransport> opened = new ArrayList<>();
    private final List<DroppedDatagram> drops = new CopyOnWriteArrayList<>();

    @AfterEach
    void closeAll() {
        opened.forEach(UdpTransport::close);
    }

    @Test
    void aDatagramCrossesUnchangedFromTheSendersAddressAndTheAnswerGoesBackToIt() {
        UdpTransport bmsc = open(UdpTransport.builder().bind(LOOPBACK_ANY_PORT));
        UdpTransport ue = open(UdpTransport.builder().bind(LOOPBACK_ANY_PORT));
        Inbox atBmsc = Inbox.of(bmsc);
        Inbox atUe = Inbox.of(ue);

        bmsc.send(Envelope.of(bmsc.localEndpoint(), ue.localEndpoint(), Bytes.ofHex("0102030405")));
        Envelope push = atUe.next();
        ue.send(Envelope.of(ue.localEndpoint(), push.from(), Bytes.ofHex("0a0b")));

        assertThat(push).isEqualTo(Envelope.of(bmsc.localEndpoint(), ue.localEndpoint(), Bytes.ofHex("0102030405")));
        assertThat(atBmsc.next()).isEqualTo(Envelope.of(ue.localEndpoint(), bmsc.localEndpoint(), Bytes.ofHex("0a0b")));
        assertThat(bmsc.localEndpoint().port()).isPositive();
        assertThat(bmsc.counters()).isEqualTo(new UdpCounters(1, 1, java.util.Map.of()));
        assertThat(ue.counters()).isEqualTo(new UdpCounters(1, 1, java.util.Map.of()));
    }

    @Test
    void nothingIsReadBeforeTheReceiverIsRegisteredAndNothingSentMeanwhileIsLost() {
        UdpTransport bmsc = open(UdpTransport.builder().bind(LOOPBACK_ANY_PORT));
        UdpTransport ue = open(UdpTransport.builder().bind(LOOPBACK_ANY_PORT));

        bmsc.send(Envelope.of(bmsc.localEndpoint(), ue.localEndpoint(), Bytes.ofHex("01")));
        Inbox atUe = Inbox.of(ue);

        assertThat(atUe.next().payload()).isEqualTo(Bytes.ofHex("01"));
        assertThatThrownBy(() -> ue.receive(e -> { })).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("already has a receiver");
    }

    @Test
    void aDatagramOverTheLimitIsDroppedUnreadAndTheNextOneArrives() {
        UdpTransport sender = open(UdpTransport.builder().bind(LOOPBACK_ANY_PORT));
        UdpTransport ue = open(UdpTransport.builder().bind(LOOPBACK_ANY_PORT).maxDatagramBytes(100).onDrop(drops::add));
        Inbox atUe = Inbox.of(ue);

        sender.send(Envelope.of(sender.localEndpoint(), ue.localEndpoint(), Bytes.wrap(new byte[1000])));
        sender.send(Envelope.of(sender.localEndpoint(), ue.localEndpoint(), Bytes.wrap(new byte[100])));

        assertThat(atUe.next().payload().length()).isEqualTo(100);
        assertThat(ue.counters().dropped(DropReason.OVERSIZED)).isEqualTo(1);
        assertThat(ue.counters().received()).isEqualTo(1);
        assertThat(drops).singleElement().satisfies(d -> {
            assertThat(d.reason()).isEqualTo(DropReason.OVERSIZED);
            assertThat(d.from()).isEqualTo(sender.localEndpoint());
            assertThat(d.length()).isEqualTo(101);
            assertThat(d.detail()).contains("limit of 100 bytes");
        });
    }

    @Test
    void aReceiverThatThrowsLosesThatDatagramOnly() {
        UdpTransport sender = open(UdpTransport.builder().bind(LOOPBACK_ANY_PORT));
        UdpTransport ue = open(UdpTransport.builder().bind(LOOPBACK_ANY_PORT).onDrop(drops::add));
        Inbox atUe = new Inbox();
        ue.receive(e -> {
            if (e.payload().u8(0) == 0xff) {
                throw new IllegalStateException("a router bug");
            }
            atUe.accept(e);
        });

        sender.send(Envelope.of(sender.localEndpoint(), ue.localEndpoint(), Bytes.ofHex("ff")));
        sender.send(Envelope.of(sender.localEndpoint(), ue.localEndpoint(), Bytes.ofHex("01")));

        assertThat(atUe.next().payload()).isEqualTo(Bytes.ofHex("01"));
        assertThat(drops).extracting(DroppedDatagram::reason).containsExactly(DropReason.RECEIVER_FAILED);
        assertThat(drops.get(0).detail()).contains("a router bug");
        assertThat(ue.counters().received()).isEqualTo(2);
    }

    @Test
    void sendsThatCannotGoAreDroppedCountedAndReportedWithoutThrowing() {
        UdpTransport bmsc = open(UdpTransport.builder().bind(LOOPBACK_ANY_PORT).maxDatagramBytes(200).onDrop(drops::add));
        Endpoint self = bmsc.localEndpoint();

        bmsc.send(Envelope.of(self, Endpoint.of("ue.example.org", 2269), Bytes.ofHex("01")));
        bmsc.send(Envelope.of(self, Endpoint.of("::1", 2269), Bytes.ofHex("01")));
        bmsc.send(Envelope.of(self, Endpoint.of("127.0.0.1", 2269), Bytes.wrap(new byte[201])));

        assertThat(drops).extracting(DroppedDatagram::reason)
                .containsExactly(DropReason.UNROUTABLE, DropReason.UNROUTABLE, DropReason.OVERSIZED_OUTBOUND);
        assertThat(drops.get(0).detail()).contains("resolves no names");
        assertThat(drops.get(1).detail()).contains("other IP family");
        assertThat(bmsc.counters().dropped(DropReason.UNROUTABLE)).isEqualTo(2);
        assertThat(bmsc.counters().sent()).isZero();
    }

    @Test
    void aDatagramTheSystemRefusesIsReportedAsSendFailed() throws Exception {
        UdpTransport bmsc = open(UdpTransport.builder().bind(LOOPBACK_ANY_PORT).onDrop(drops::add));
        Inbox reports = new Inbox();
        UdpTransport watched = open(UdpTransport.builder().bind(LOOPBACK_ANY_PORT)
                .onDrop(d -> reports.accept(Envelope.of(d.from(), d.to(), Bytes.empty()))));

        // The limited broadcast address without SO_BROADCAST: Linux refuses it (EACCES).
        watched.send(Envelope.of(watched.localEndpoint(), Endpoint.of("255.255.255.255", 2269), Bytes.ofHex("01")));

        assertThat(reports.next().to()).isEqualTo(Endpoint.of("255.255.255.255", 2269));
        assertThat(watched.counters().dropped(DropReason.SEND_FAILED)).isEqualTo(1);
        assertThat(watched.counters().sent()).isZero();
        assertThat(bmsc.counters().droppedTotal()).isZero();
    }

    @Test
    void aGroupsDatagramReachesEveryMemberOnTheHostAndALeaverNoLonger() throws Exception {
        Endpoint group = Endpoint.of("239.255.22.69", freePort());
        UdpTransport bmsc = open(UdpTransport.builder().bind(LOOPBACK_ANY_PORT));
        UdpTransport ue1 = open(UdpTransport.builder().bind(LOOPBACK_ANY_PORT).multicastInterface("lo"));
        UdpTransport ue2 = open(UdpTransport.builder().bind(LOOPBACK_ANY_PORT).multicastInterface("lo"));
        Inbox at1 = Inbox.of(ue1);
        Inbox at2 = Inbox.of(ue2);
        ue1.join(group);
        ue2.join(group);
        ue2.join(group);   // a second join of the same group does nothing

        bmsc.send(Envelope.of(bmsc.localEndpoint(), group, Bytes.ofHex("aa")));
        Envelope first = at1.next();
        assertThat(at2.next()).isEqualTo(first);
        ue1.leave(group);
        bmsc.send(Envelope.of(bmsc.localEndpoint(), group, Bytes.ofHex("bb")));
        assertThat(at2.next().payload()).isEqualTo(Bytes.ofHex("bb"));
        ue1.join(group);
        bmsc.send(Envelope.of(bmsc.localEndpoint(), group, Bytes.ofHex("cc")));

        assertThat(first).isEqualTo(Envelope.of(bmsc.localEndpoint(), group, Bytes.ofHex("aa")));
        assertThat(at1.next().payload()).as("ue1 left before bb was sent").isEqualTo(Bytes.ofHex("cc"));
        assertThat(at2.next().payload()).isEqualTo(Bytes.ofHex("cc"));
    }

    @Test
    void aTransportOnTheWildcardAddressJoinsAGroupOfItsOwnPortOnItsOwnSocketAndStillGetsUnicast() throws Exception {
        int port = freePort();
        Endpoint group = Endpoint.of("239.255.22.70", port);
        UdpTransport bmsc = open(UdpTransport.builder().bind(LOOPBACK_ANY_PORT));
        UdpTransport ue = open(UdpTransport.builder().bind(Endpoint.of("0.0.0.0", port)).multicastInterface("lo"));
        Inbox atUe = Inbox.of(ue);
        ue.join(group);

        bmsc.send(Envelope.of(bmsc.localEndpoint(), group, Bytes.ofHex("aa")));
        bmsc.send(Envelope.of(bmsc.localEndpoint(), Endpoint.of("127.0.0.1", port), Bytes.ofHex("bb")));

        assertThat(atUe.next().payload()).isEqualTo(Bytes.ofHex("aa"));
        assertThat(atUe.next().payload()).isEqualTo(Bytes.ofHex("bb"));
        ue.leave(group);
        bmsc.send(Envelope.of(bmsc.localEndpoint(), Endpoint.of("127.0.0.1", port), Bytes.ofHex("cc")));
        assertThat(atUe.next().payload()).as("leaving the group keeps the socket").isEqualTo(Bytes.ofHex("cc"));
    }

    @Test
    void theReceiveBufferAskedForIsAppliedUpToWhatTheSystemGrants() throws Exception {
        UdpTransport small = open(UdpTransport.builder().bind(LOOPBACK_ANY_PORT).receiveBufferBytes(64 * 1024));
        UdpTransport large = open(UdpTransport.builder().bind(LOOPBACK_ANY_PORT));

        assertThat(small.receiveBufferBytes()).isBetween(64 * 1024, 2 * 64 * 1024);   // Linux doubles what it grants
        assertThat(large.receiveBufferBytes()).isGreaterThan(small.receiveBufferBytes());
        assertThatThrownBy(() -> UdpTransport.builder().receiveBufferBytes(100)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void joiningNeedsAMulticastAddressAndAnInterface() {
        UdpTransport wildcard = open(UdpTransport.builder().bind(Endpoint.of("0.0.0.0", 0)));
        UdpTransport onLoopback = open(UdpTransport.builder().bind(LOOPBACK_ANY_PORT));

        assertThatThrownBy(() -> onLoopback.join(Endpoint.of("127.0.0.1", 2269)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is not a multicast address");
        assertThatThrownBy(() -> onLoopback.join(Endpoint.of("mtk.example.org", 2269)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("resolves no names");
        assertThatThrownBy(() -> wildcard.join(Endpoint.of("239.255.22.71", 2269)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("multicastInterface(\"eth0\")");
        assertThatThrownBy(() -> UdpTransport.builder().multicastInterface("no-such-nic").open())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no network interface named 'no-such-nic'");
    }

    @Test
    void anAddressInUseIsAClearErrorAndAClosedTransportRefusesToSend() {
        UdpTransport first = open(UdpTransport.builder().bind(LOOPBACK_ANY_PORT));
        Endpoint taken = first.localEndpoint();

        assertThatThrownBy(() -> UdpTransport.builder().bind(taken).open())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("cannot bind UDP to " + taken);
        first.close();
        first.close();
        assertThatThrownBy(() -> first.send(Envelope.of(taken, taken, Bytes.ofHex("01"))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("is closed");
        assertThatThrownBy(() -> UdpTransport.builder().bind(Endpoint.of("bmsc.example.org", 2269)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("IP address literal");
    }

    private UdpTransport open(UdpTransport.Builder builder) {
        UdpTransport t = builder.open();
        opened.add(t);
        return t;
    }

    private static int freePort() throws Exception {
        try (DatagramSocket s = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            return s.getLocalPort();
        }
    }
}
