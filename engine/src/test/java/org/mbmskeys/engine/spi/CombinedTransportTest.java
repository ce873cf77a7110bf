package org.mbmskeys.engine.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.mbmskeys.engine.bytes.Bytes;

class CombinedTransportTest {

    /** A transport that records what is sent through it and keeps its receiver. */
    private static final class Recording implements Transport {
        final String name;
        final List<Envelope> sent = new ArrayList<>();
        Consumer<Envelope> receiver;
        boolean closed;

        Recording(String name) {
            this.name = name;
        }

        @Override
        public void send(Envelope envelope) {
            sent.add(envelope);
        }

        @Override
        public void receive(Consumer<Envelope> handler) {
            receiver = handler;
        }

        @Override
        public void close() {
            closed = true;
        }

        @Override
        public String toString() {
            return name;
        }
    }

    private final Recording udp = new Recording("udp");
    private final Recording http = new Recording("http");
    private final Transport both = Transport.combining(udp, http);
    private final Endpoint bmsc = Endpoint.of("192.0.2.1", 2269);
    private final Endpoint ue = Endpoint.of("192.0.2.2", 2269);

    @Test
    void requestsGoOutByTheRequestTransportAndDatagramsByTheOther() {
        Envelope datagram = Envelope.of(ue, bmsc, Bytes.ofHex("01"));
        Envelope request = Envelope.of(ue, bmsc, Bytes.ofHex("02")).withReplyHandle(answer -> { });

        both.send(datagram);
        both.send(request);

        assertThat(udp.sent).containsExactly(datagram);
        assertThat(http.sent).containsExactly(request);
    }

    @Test
    void whatEitherReceivesReachesTheOneReceiverAndClosingClosesBoth() {
        List<Envelope> received = new ArrayList<>();
        both.receive(received::add);
        Envelope datagram = Envelope.of(bmsc, ue, Bytes.ofHex("01"));
        Envelope request = Envelope.of(bmsc, ue, Bytes.ofHex("02")).withReplyHandle(answer -> { });

        udp.receiver.accept(datagram);
        http.receiver.accept(request);
        both.close();

        assertThat(received).containsExactly(datagram, request);
        assertThat(udp.closed).isTrue();
        assertThat(http.closed).isTrue();
        assertThat(both).hasToString("udp + http");
    }

    @Test
    void aTransportIsNotCombinedWithItself() {
        assertThatThrownBy(() -> Transport.combining(udp, udp)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bind udp alone");
    }
}
