package org.mbmskeys.mbms.ue;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.mbmskeys.engine.bytes.Bytes;
import org.mbmskeys.engine.bytes.SecretBytes;
import org.mbmskeys.engine.spi.Envelope;
import org.mbmskeys.engine.spi.HttpCodec;
import org.mbmskeys.engine.spi.HttpRequestMessage;
import org.mbmskeys.engine.spi.HttpResponseMessage;
import org.mbmskeys.engine.spi.ManualScheduler;
import org.mbmskeys.engine.spi.RandomBytes;
import org.mbmskeys.engine.spi.Transport;
import org.mbmskeys.mbms.gba.GbaMode;
import org.mbmskeys.mbms.gba.simulated.GbaClient;
import org.mbmskeys.mbms.gba.simulated.SimulatedBsf;
import org.mbmskeys.mbms.gba.simulated.SimulatedUsim;
import org.mbmskeys.mbms.gba.simulated.Sqn;
import org.mbmskeys.mbms.ue.gba.BootstrapResult;
import org.mbmskeys.mbms.ue.gba.UbClient;
import org.mbmskeys.mbms.ue.keys.UiccId;

/** {@link Ue#bootstrapNow()}: GBA at once, a new B-TID each time, and nothing sent to any BM-SC (§6.1, §6.3.2.3.1). */
class UeBootstrapNowTest {

    private static final String IMPI = "001010123456781@ims.mnc001.mcc001.3gppnetwork.org";
    private static final String K = "465b5ce8b199b49faa5f0a2ee238a6bc";   // TS 35.208 Test Set 1
    private static final String OPC = "cd63cb71954a9f4e48a5994e37a02baf";

    private final ManualScheduler time = new ManualScheduler();
    private final SimulatedBsf bsf = new SimulatedBsf("bsf.example.org", time::now, RandomBytes.seeded(1),
            Duration.ofDays(1));
    private final List<Envelope> sent = new ArrayList<>();

    @Test
    void eachCallRunsGbaOnceMoreAndTellsNoBmsc() {
        bsf.addSubscriber(IMPI, SecretBytes.ofHex(K), SecretBytes.ofHex(OPC), Sqn.of(32), GbaMode.GBA_ME);
        GbaClient gba = new GbaClient(new SimulatedUsim(IMPI, SecretBytes.ofHex(K), SecretBytes.ofHex(OPC), Sqn.of(0),
                GbaMode.GBA_ME), time::now);
        Ue ue = Ue.builder(UeProfile.usim("alice", UiccId.of("8949440000000000011"), UbClient.simulated(gba, bsf)))
                .transport(new Recording()).httpCodec(new NoHttp()).scheduler(time).random(RandomBytes.seeded(2))
                .deterministic().build();

        BootstrapResult first = ue.bootstrapNow();
        BootstrapResult second = ue.bootstrapNow();
        time.runDue();

        assertThat(first).isInstanceOf(BootstrapResult.Bootstrapped.class);
        assertThat(second).isInstanceOfSatisfying(BootstrapResult.Bootstrapped.class, b ->
                assertThat(b.bTid()).isNotEqualTo(((BootstrapResult.Bootstrapped) first).bTid()));
        assertThat(bsf.bootstrappings(IMPI)).hasSize(2);
        assertThat(sent).as("messages the UE sent").isEmpty();
    }

    private final class Recording implements Transport {
        @Override
        public void send(Envelope envelope) {
            sent.add(envelope);
        }

        @Override
        public void receive(Consumer<Envelope> handler) {
        }
    }

    /** A UE that only bootstraps needs no HTTP. */
    private static final class NoHttp implements HttpCodec {
        @Override
        public Bytes encode(HttpRequestMessage request) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Bytes encode(HttpResponseMessage response) {
            throw new UnsupportedOperationException();
        }

        @Override
        public HttpRequestMessage decodeRequest(Bytes wire) {
            throw new UnsupportedOperationException();
        }

        @Override
        public HttpResponseMessage decodeResponse(Bytes wire) {
            throw new UnsupportedOperationException();
        }
    }
}
