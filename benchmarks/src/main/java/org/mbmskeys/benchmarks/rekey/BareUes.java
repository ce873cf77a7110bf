package org.mbmskeys.benchmarks.rekey;

import java.util.Objects;
import java.util.function.Consumer;
import org.mbmskeys.adapters.memory.Hosts;
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
 * The UE host's transport, which can answer the BM-SC's pushes itself with the bare crypto of a UE instead of
 * handing them to the UE host: read, open under the UE's MUK, build the verification message, send it back.
 * That is the UE's share of the crypto loop and nothing more (no key store, no counter check, no engine, no
 * state kept), so a re-key answered this way measures the BM-SC's scripts and role code against the same
 * crypto, with only the BM-SC's state in the heap, as on a BM-SC whose UEs are handsets.
 *
 * <p>Off ({@link #answering(boolean)}), every envelope goes to the UE host as if this were the {@link Hosts}
 * itself. The UEs are host names {@code ue-<index>}; {@link #answerWith} gives their MUKs by index.
 */
final class BareUes implements Transport {

    private static final String PREFIX = "ue-";

    private final Hosts hosts;
    private final MikeySealer sealer = new MikeySealer(CryptoSuite.jca());
    private final MikeyOpener opener = new MikeyOpener(CryptoSuite.jca());
    private volatile Consumer<Envelope> ueHost;
    private SecretBytes[] muks = new SecretBytes[0];
    private boolean answering;

    BareUes(Hosts hosts) {
        this.hosts = Objects.requireNonNull(hosts, "hosts");
        hosts.receive(this::deliver);
    }

    /** The MUK of UE {@code ue-i} is {@code muks[i]}. */
    void answerWith(SecretBytes[] muks) {
        this.muks = muks.clone();
    }

    /** On: pushes are answered here; off: they go to the UE host. */
    void answering(boolean on) {
        this.answering = on;
    }

    static String host(int ue) {
        return PREFIX + ue;
    }

    @Override
    public void send(Envelope envelope) {
        hosts.send(envelope);
    }

    @Override
    public void receive(Consumer<Envelope> handler) {
        this.ueHost = Objects.requireNonNull(handler, "handler");
    }

    @Override
    public void close() {
        hosts.close();
    }

    private void deliver(Envelope envelope) {
        if (!answering) {
            ueHost.accept(envelope);
            return;
        }
        SecretBytes muk = muks[Integer.parseInt(envelope.to().host(), PREFIX.length(), envelope.to().host().length(), 10)];
        MskMessage push = (MskMessage) MikeyReader.read(envelope.payload()).orElseThrow();
        OpenedMsk opened = opener.open(push, muk).orElseThrow();
        Bytes verification = sealer.acknowledge(opened, muk);
        opened.msk().ifPresent(SecretBytes::destroy);
        hosts.send(Envelope.of(envelope.to(), envelope.from(), verification));
    }
}
