package org.mbmskeys.benchmarks.udp;

import java.util.Objects;
import java.util.function.Consumer;
import org.mbmskeys.adapters.udp.UdpTransport;
import org.mbmskeys.engine.bytes.Bytes;
import org.mbmskeys.engine.bytes.SecretBytes;
import org.mbmskeys.engine.spi.Envelope;
import org.mbmskeys.engine.spi.Transport;
import org.mbmskeys.mbms.mikey.crypto.CryptoSuite;
import org.mbmskeys.mbms.mikey.protection.MikeyOpener;
import org.mbmskeys.mbms.mikey.protection.MikeyReader;
import org.mbmskeys.mbms.mikey.protection.MikeySealer;
import org.mbmskeys.mbms.mikey.protection.MskMessage;
import org.mbmskeys.mbms.mikey.protection.OpenedMsk;

/**
 * The MIKEY side of one simulated UE: its own UDP socket on loopback. Until {@link #answerBare} it hands every
 * datagram to the UE host (the real UE registers and takes its first MSK); from then on it answers each MSK push
 * itself with the bare crypto of a UE, as {@code rekey.BareUes} does on the memory network: read, open under the
 * UE's MUK, build the verification message, send it back from the same socket. No key store, no counter check,
 * no engine: the UE's share of the crypto loop and nothing more, so the rotation measures the BM-SC.
 */
final class SocketUe implements Transport {

    private static final MikeySealer SEALER = new MikeySealer(CryptoSuite.jca());
    private static final MikeyOpener OPENER = new MikeyOpener(CryptoSuite.jca());

    private final UdpTransport udp;
    private volatile Consumer<Envelope> ueHost = e -> { };
    private volatile SecretBytes muk;

    SocketUe(UdpTransport udp) {
        this.udp = Objects.requireNonNull(udp, "udp");
        udp.receive(this::deliver);
    }

    int port() {
        return udp.localEndpoint().port();
    }

    /** From now on pushes are answered here, under {@code muk}, and no longer reach the UE host. */
    void answerBare(SecretBytes muk) {
        this.muk = Objects.requireNonNull(muk, "muk");
    }

    @Override
    public void send(Envelope envelope) {
        udp.send(envelope);
    }

    @Override
    public void receive(Consumer<Envelope> handler) {
        this.ueHost = Objects.requireNonNull(handler, "handler");
    }

    @Override
    public void close() {
        udp.close();
    }

    private void deliver(Envelope envelope) {
        SecretBytes key = muk;
        if (key == null) {
            ueHost.accept(envelope);
            return;
        }
        MskMessage push = (MskMessage) MikeyReader.read(envelope.payload()).orElseThrow();
        OpenedMsk opened = OPENER.open(push, key).orElseThrow();
        Bytes verification = SEALER.acknowledge(opened, key);
        opened.msk().ifPresent(SecretBytes::destroy);
        udp.send(Envelope.of(envelope.to(), envelope.from(), verification));
    }
}
