package org.mbmskeys.features.bmsc;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mbmskeys.adapters.http.HttpWire;
import org.mbmskeys.adapters.memory.Fault;
import org.mbmskeys.adapters.memory.MemoryNetwork;
import org.mbmskeys.adapters.memory.Message;
import org.mbmskeys.adapters.memory.Node;
import org.mbmskeys.adapters.memory.Selector;
import org.mbmskeys.engine.bytes.Bytes;
import org.mbmskeys.engine.bytes.SecretBytes;
import org.mbmskeys.engine.spi.Endpoint;
import org.mbmskeys.engine.spi.Envelope;
import org.mbmskeys.engine.spi.HttpCodec;
import org.mbmskeys.engine.spi.ManualScheduler;
import org.mbmskeys.engine.spi.RandomBytes;
import org.mbmskeys.mbms.bmsc.Bmsc;
import org.mbmskeys.mbms.bmsc.distribution.DeliveryOutcome;
import org.mbmskeys.mbms.bmsc.services.KeyGroupRef;
import org.mbmskeys.mbms.digest.DigestClient;
import org.mbmskeys.mbms.digest.DigestRealm;
import org.mbmskeys.mbms.digest.MrkDigestPassword;
import org.mbmskeys.mbms.gba.BootstrappingContext;
import org.mbmskeys.mbms.gba.GbaMode;
import org.mbmskeys.mbms.gba.MukMrk;
import org.mbmskeys.mbms.gba.NafId;
import org.mbmskeys.mbms.gba.simulated.GbaClient;
import org.mbmskeys.mbms.gba.simulated.SimulatedBsf;
import org.mbmskeys.mbms.gba.simulated.SimulatedUsim;
import org.mbmskeys.mbms.gba.simulated.Sqn;
import org.mbmskeys.mbms.keymanagement.GbaUserAgent;
import org.mbmskeys.mbms.keymanagement.ItemStatus;
import org.mbmskeys.mbms.keymanagement.xml.RegistrationRequest;
import org.mbmskeys.mbms.keys.KeyDomainId;
import org.mbmskeys.mbms.keys.KeyGroup;
import org.mbmskeys.mbms.keys.MskRef;
import org.mbmskeys.mbms.keys.MukId;
import org.mbmskeys.mbms.keys.ServiceType;
import org.mbmskeys.mbms.mikey.crypto.CryptoSuite;
import org.mbmskeys.mbms.mikey.protection.SrtpAuthentication;
import org.mbmskeys.mbms.mikey.protection.StreamingSession;
import org.mbmskeys.mbms.ue.keymanagement.KeyManagementClient;
import org.mbmskeys.mbms.ue.keymanagement.KeyManagementExchange;
import org.mbmskeys.mbms.ue.keymanagement.KeyManagementOutcome;
import org.mbmskeys.mbms.ue.keys.UeKeyStore;
import org.mbmskeys.mbms.ue.keys.UiccId;
import org.mbmskeys.mbms.ue.reception.MikeyReception;
import org.mbmskeys.mbms.ue.reception.Reception;

/**
 * The BM-SC facade running its scripts over the in-memory network, against a UE wired by hand from the UE
 * role pieces (GBA, the key management client, MIKEY reception): registration with a Digest challenge, the
 * push of the current MSK to the registration's address with its acknowledgement, a re-key with a lost push
 * sent again with the next counter, and a UE that stays offline given up. Both backends.
 */
class BmscOverTheMemoryNetworkTest {

    private static final String FQDN = "bmsc.example.org";
    private static final String IMPI = "001010123456789@ims.mnc001.mcc001.3gppnetwork.org";
    private static final SecretBytes K = SecretBytes.ofHex("465b5ce8b199b49faa5f0a2ee238a6bc");
    private static final SecretBytes OPC = SecretBytes.ofHex("cd63cb71954a9f4e48a5994e37a02baf");
    private static final KeyGroupRef NEWS = KeyGroupRef.of(KeyDomainId.parse("001-01"), KeyGroup.of(0x0101));

    private final ManualScheduler time = new ManualScheduler();
    private final MemoryNetwork network = MemoryNetwork.builder(time).seed(7).build();
    private final HttpCodec codec = HttpWire.codec();
    private final RandomBytes keyMaterial = RandomBytes.seeded(3);
    private final SimulatedBsf bsf = new SimulatedBsf("bsf.example.org", time::now, RandomBytes.seeded(1),
            Duration.ofDays(1));

    private Bmsc bmsc(String backend) {
        Bmsc bmsc = Bmsc.builder(FQDN).bootstrapping(bsf).transport(network.node(FQDN)).httpCodec(codec)
                .scheduler(time).random(RandomBytes.seeded(2))
                .keyMaterial(n -> SecretBytes.wrap(keyMaterial.next(n).toByteArray()))
                .backend(backend).deterministic().build();
        bmsc.defineService("urn:3gpp:mbms:news", ServiceType.STREAMING, NEWS);
        bmsc.defineStreamingSession("news-live", NEWS, Endpoint.of("239.1.1.1", 5004),
                StreamingSession.of(0x5eed5eedL, 0, 10, SrtpAuthentication.RCCM1));
        return bmsc;
    }

    @ParameterizedTest
    @ValueSource(strings = {"native", "spring"})
    void aRegisteredUeGetsTheCurrentMskPushedAndAcknowledgesIt(String backend) {
        Bmsc bmsc = bmsc(backend);
        MskRef msk = bmsc.rotate(NEWS);
        HandWiredUe alice = new HandWiredUe("alice");

        alice.register("urn:3gpp:mbms:news");
        time.runDue();

        assertThat(alice.outcomes).hasSize(2);
        assertThat(alice.outcomes.get(0)).isInstanceOf(KeyManagementOutcome.Challenged.class);
        assertThat(alice.outcomes.get(1)).isInstanceOfSatisfying(KeyManagementOutcome.Answered.class,
                a -> assertThat(a.body().codes()).containsExactly(ItemStatus.OK));
        assertThat(bmsc.registration(IMPI)).hasValueSatisfying(r -> assertThat(r.source().host()).isEqualTo("alice"));
        assertThat(alice.store.msks()).singleElement().satisfies(m -> assertThat(m.ref()).isEqualTo(msk));
        assertThat(alice.acks).isEqualTo(1);
        assertThat(bmsc.deliveries(IMPI)).singleElement().satisfies(r -> {
            assertThat(r.msk()).isEqualTo(msk);
            assertThat(r.outcome()).isEqualTo(DeliveryOutcome.DELIVERED);
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"native", "spring"})
    void aLostPushIsSentAgainWithTheNextCounterAndAnOfflineUeIsGivenUp(String backend) {
        Bmsc bmsc = bmsc(backend);
        HandWiredUe alice = new HandWiredUe("alice");
        alice.register("urn:3gpp:mbms:news");
        time.runDue();

        network.inject(new Fault.Drop(Selector.nth(1)));   // the next message: the first push of the new MSK
        MskRef second = bmsc.rotate(NEWS);
        time.runDue();
        assertThat(alice.store.msks()).isEmpty();
        time.advance(Duration.ofSeconds(2));
        assertThat(alice.store.msks()).extracting(m -> m.ref()).containsExactly(second);
        assertThat(bmsc.deliveries(IMPI)).last().satisfies(r -> assertThat(r.outcome()).isEqualTo(DeliveryOutcome.DELIVERED));

        network.inject(new Fault.Partition("alice"));
        MskRef third = bmsc.rotate(NEWS);
        time.advance(Duration.ofMinutes(2));
        assertThat(alice.store.msks()).extracting(m -> m.ref()).doesNotContain(third);
        assertThat(bmsc.deliveries(IMPI)).last().satisfies(r -> {
            assertThat(r.msk()).isEqualTo(third);
            assertThat(r.outcome()).isEqualTo(DeliveryOutcome.GAVE_UP);
        });
        // the second MSK: lost, then sent again; the third: six sends (at 0, 2, 6, 14, 30 and 60 s), then given up
        assertThat(network.capture().stream().filter(c -> c.message().recipient().equals("alice")
                && c.message().kind() == Message.Kind.DATAGRAM)).hasSize(2 + 6);
    }

    /** A UE made of the UE role pieces, wired by hand: bootstrapped, one key management client, MIKEY reception. */
    private final class HandWiredUe {
        final UeKeyStore store = UeKeyStore.inMemory();
        final MikeyReception reception = MikeyReception.create(store, CryptoSuite.jca());
        final KeyManagementClient client;
        final Node node;
        final List<KeyManagementOutcome> outcomes = new ArrayList<>();
        int acks;

        HandWiredUe(String host) {
            bsf.addSubscriber(IMPI, K, OPC, Sqn.of(32), GbaMode.GBA_ME);
            GbaClient gba = new GbaClient(new SimulatedUsim(IMPI, K, OPC, Sqn.of(0), GbaMode.GBA_ME), time::now);
            BootstrappingContext context = gba.bootstrap(bsf);
            MukMrk keys = gba.mukMrk(NafId.forMbms(FQDN));
            store.uiccInserted(UiccId.of("8949440000001234567"));
            store.installMuk(MukId.of(FQDN, context.bTid().format()), keys.muk());
            client = new KeyManagementClient(FQDN, new DigestClient(context.bTid().format(),
                    MrkDigestPassword.derive(keys.mrk()), DigestRealm.bootstrapping(FQDN), RandomBytes.seeded(9)),
                    GbaUserAgent.with("mbms-keys test UE"), time::now);
            node = network.node(host);
            node.receive(this::datagram);
        }

        void register(String service) {
            send(client.register(RegistrationRequest.of(service)));
        }

        private void send(KeyManagementExchange exchange) {
            node.send(Envelope.of(Endpoint.of(node.name(), 2269), Endpoint.of(FQDN, 80), codec.encode(exchange.request()))
                    .withReplyHandle(answer -> {
                        KeyManagementOutcome outcome = client.interpret(exchange, codec.decodeResponse((Bytes) answer));
                        outcomes.add(outcome);
                        if (outcome instanceof KeyManagementOutcome.Challenged) {
                            send(client.resend(exchange));
                        }
                    }));
        }

        private void datagram(Envelope envelope) {
            Reception r = reception.receive(envelope.payload());
            if (r instanceof Reception.MskStored stored && stored.verification().isPresent()) {
                acks++;
                node.send(Envelope.of(envelope.to(), envelope.from(), stored.verification().get()));
            }
        }
    }
}
