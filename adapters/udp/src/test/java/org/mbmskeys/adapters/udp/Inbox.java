package org.mbmskeys.adapters.udp;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.mbmskeys.engine.spi.Envelope;

/** What a transport received, in order; {@link #next()} waits for the next one (five seconds at most). */
final class Inbox implements Consumer<Envelope> {

    private final BlockingQueue<Envelope> arrived = new LinkedBlockingQueue<>();

    static Inbox of(UdpTransport transport) {
        Inbox inbox = new Inbox();
        transport.receive(inbox);
        return inbox;
    }

    @Override
    public void accept(Envelope envelope) {
        arrived.add(envelope);
    }

    Envelope next() {
        try {
            Envelope e = arrived.poll(5, TimeUnit.SECONDS);
            if (e == null) {
                throw new AssertionError("nothing arrived within five seconds");
            }
            return e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for a datagram", e);
        }
    }
}
