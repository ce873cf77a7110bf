package org.mbmskeys.adapters.app.node;

import java.util.Optional;
import java.util.function.Consumer;
import org.mbmskeys.engine.bytes.Bytes;
import org.mbmskeys.engine.spi.Endpoint;
import org.mbmskeys.engine.spi.Envelope;
import org.mbmskeys.engine.spi.ReplyHandle;
import org.mbmskeys.engine.spi.Transport;

/** {@link Wiretap#tap}: a transport that tells the tap what crosses it, then does what the tapped one does. */
final class TappedTransport implements Transport {

    private final Transport inner;
    private final Wiretap tap;
    private final String self;
    private final Endpoint selfAddress;
    private final boolean datagrams;
    private final boolean requests;

    TappedTransport(Transport inner, Wiretap tap, String self, Endpoint selfAddress, boolean datagrams, boolean requests) {
        this.inner = inner;
        this.tap = tap;
        this.self = self;
        this.selfAddress = selfAddress;
        this.datagrams = datagrams;
        this.requests = requests;
    }

    @Override
    public void send(Envelope envelope) {
        Optional<ReplyHandle> handle = envelope.replyHandle();
        if (handle.isEmpty()) {
            if (datagrams) {
                record(self, tap.nameOf(envelope.to()), selfAddress, envelope.to(), Tapped.Kind.DATAGRAM, envelope.payload());
            }
            inner.send(envelope);
            return;
        }
        if (!requests) {
            inner.send(envelope);
            return;
        }
        // A request of ours: the response comes back through its reply handle, so the tap sits in between.
        String peer = tap.nameOf(envelope.to());
        record(self, peer, selfAddress, envelope.to(), Tapped.Kind.REQUEST, envelope.payload());
        ReplyHandle original = handle.get();
        inner.send(envelope.withReplyHandle(payload -> {
            if (payload instanceof Bytes bytes) {
                record(peer, self, envelope.to(), selfAddress, Tapped.Kind.RESPONSE, bytes);
            }
            original.reply(payload);
        }));
    }

    @Override
    public void receive(Consumer<Envelope> handler) {
        inner.receive(envelope -> {
            if (envelope.replyHandle().isEmpty() && datagrams) {
                record(tap.nameOf(envelope.from()), tap.nameOf(envelope.to()), envelope.from(), envelope.to(),
                        Tapped.Kind.DATAGRAM, envelope.payload());
            }
            handler.accept(envelope);
        });
    }

    private void record(String from, String to, Endpoint fromAddress, Endpoint toAddress, Tapped.Kind kind, Bytes bytes) {
        tap.record(new Tapped(tap.now(), from, to, fromAddress, toAddress, kind, bytes));
    }

    @Override
    public void close() {
        inner.close();
    }

    @Override
    public String toString() {
        return inner + " (tapped)";
    }
}
