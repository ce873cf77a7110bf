package org.mbmskeys.benchmarks.wire;

import io.netty.channel.EventLoopGroup;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.mbmskeys.adapters.http.HttpClientTransport;
import org.mbmskeys.adapters.http.HttpWire;
import org.mbmskeys.adapters.udp.UdpTransport;
import org.mbmskeys.engine.bytes.Bytes;
import org.mbmskeys.engine.bytes.SecretBytes;
import org.mbmskeys.engine.spi.Endpoint;
import org.mbmskeys.engine.spi.Envelope;
import org.mbmskeys.engine.spi.Scheduler;
import org.mbmskeys.engine.spi.Transport;
import org.mbmskeys.mbms.bmsc.services.KeyGroupRef;
import org.mbmskeys.mbms.gba.Fqdn;
import org.mbmskeys.mbms.gba.GbaMode;
import org.mbmskeys.mbms.gba.simulated.BootstrapConfirmation;
import org.mbmskeys.mbms.gba.simulated.GbaClient;
import org.mbmskeys.mbms.gba.simulated.SimulatedBsf;
import org.mbmskeys.mbms.gba.simulated.SimulatedUsim;
import org.mbmskeys.mbms.gba.simulated.Sqn;
import org.mbmskeys.mbms.keys.MskId;
import org.mbmskeys.mbms.keys.MskRef;
import org.mbmskeys.mbms.keys.ServiceType;
import org.mbmskeys.mbms.ue.Ue;
import org.mbmskeys.mbms.ue.UeProfile;
import org.mbmskeys.mbms.ue.announcement.ServiceProtection;
import org.mbmskeys.mbms.ue.announcement.UserServiceDescription;
import org.mbmskeys.mbms.ue.gba.UbClient;
import org.mbmskeys.mbms.ue.keys.UiccId;
import org.mbmskeys.mbms.ue.procedure.UeOutcome;

/**
 * A real UE (its shipped scripts) on loopback sockets of its own address, a subscriber of the simulated BSF,
 * using one download service from power-on. It keeps the datagrams it sent (its verification messages).
 */
final class LabUe implements AutoCloseable {

    private static final String K = "465b5ce8b199b49faa5f0a2ee238a6bc";   // TS 35.208 Test Set 1
    private static final String OPC = "cd63cb71954a9f4e48a5994e37a02baf";

    private final String impi;
    private final SimulatedBsf bsf;
    private final UdpTransport udp;
    private final HttpClientTransport http;
    private final Ue ue;
    private final BlockingQueue<UeOutcome> outcomes = new LinkedBlockingQueue<>();
    private final List<Bytes> sent = new CopyOnWriteArrayList<>();

    LabUe(String name, int n, String address, SimulatedBsf bsf, EventLoopGroup loops, Endpoint bmscHttp, String service,
          KeyGroupRef group, String bmsc) {
        this.impi = "00101012345678" + n + "@ims.mnc001.mcc001.3gppnetwork.org";
        this.bsf = bsf;
        bsf.addSubscriber(impi, SecretBytes.ofHex(K), SecretBytes.ofHex(OPC), Sqn.of(32), GbaMode.GBA_ME);
        GbaClient gba = new GbaClient(new SimulatedUsim(impi, SecretBytes.ofHex(K), SecretBytes.ofHex(OPC), Sqn.of(0),
                GbaMode.GBA_ME), Scheduler.system()::now);
        udp = UdpTransport.builder().bind(Endpoint.of(address, 0)).eventLoops(loops).open();
        http = HttpClientTransport.builder().route(bmsc, bmscHttp).localAddress(address).eventLoops(loops).open();
        ue = Ue.builder(UeProfile.usim(name, UiccId.of("894944000000000000" + n), UbClient.simulated(gba, bsf)))
                .transport(Transport.combining(new Keeping(udp, sent::add), http)).httpCodec(HttpWire.codec())
                .scheduler(Scheduler.system()).keyManagementPort(80).mikeyPort(udp.localEndpoint().port())
                .listener(outcomes::add).build();
        MskRef current = MskRef.of(group.keyDomain(), MskId.current(group.keyGroup()));
        ue.announce(UserServiceDescription.protectedBy(service, new ServiceProtection(List.of(Fqdn.of(bmsc)), false, false,
                List.of(current), Optional.empty(), Map.of(), ServiceType.DOWNLOAD)));
        ue.powerOn();
        ue.use(service);
    }

    String impi() {
        return impi;
    }

    /** The B-TID of the UE's current bootstrapping, as its Digest username. */
    String bTid() {
        List<BootstrapConfirmation> runs = bsf.bootstrappings(impi);
        return runs.get(runs.size() - 1).bTid().format();
    }

    List<Bytes> sentDatagrams() {
        return List.copyOf(sent);
    }

    /** Waits (30 s at most) until the UE holds {@code msk} and has acknowledged it. */
    void awaitMsk(MskRef msk) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            UeOutcome o = outcomes.poll(end - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (o == null) {
                throw new IllegalStateException(ue.name() + " did not get " + msk + " within 30 s");
            }
            if (o instanceof UeOutcome.MskReceived m && m.msk().equals(msk) && m.verificationSent()) {
                return;
            }
        }
    }

    @Override
    public void close() {
        ue.host().close();
        http.close();
        udp.close();
    }

    /** A transport that hands every datagram it sends to {@code keep} first. */
    private record Keeping(Transport inner, Consumer<Bytes> keep) implements Transport {
        @Override
        public void send(Envelope envelope) {
            keep.accept(envelope.payload());
            inner.send(envelope);
        }

        @Override
        public void receive(Consumer<Envelope> handler) {
            inner.receive(handler);
        }

        @Override
        public void close() {
            inner.close();
        }
    }
}
