package org.mbmskeys.features.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mbmskeys.adapters.http.HttpWire;
import org.mbmskeys.adapters.memory.Fault;
import org.mbmskeys.adapters.memory.MemoryNetwork;
import org.mbmskeys.adapters.memory.Selector;
import org.mbmskeys.engine.bytes.SecretBytes;
import org.mbmskeys.engine.spi.Endpoint;
import org.mbmskeys.engine.spi.ManualScheduler;
import org.mbmskeys.engine.spi.RandomBytes;
import org.mbmskeys.mbms.bmsc.Bmsc;
import org.mbmskeys.mbms.bmsc.distribution.DeliveryOutcome;
import org.mbmskeys.mbms.bmsc.services.KeyGroupRef;
import org.mbmskeys.mbms.gba.Fqdn;
import org.mbmskeys.mbms.gba.GbaMode;
import org.mbmskeys.mbms.gba.simulated.GbaClient;
import org.mbmskeys.mbms.gba.simulated.SimulatedBsf;
import org.mbmskeys.mbms.gba.simulated.SimulatedUsim;
import org.mbmskeys.mbms.gba.simulated.Sqn;
import org.mbmskeys.mbms.keys.KeyDomainId;
import org.mbmskeys.mbms.keys.KeyGroup;
import org.mbmskeys.mbms.keys.MskId;
import org.mbmskeys.mbms.keys.MskRef;
import org.mbmskeys.mbms.keys.ServiceType;
import org.mbmskeys.mbms.mikey.protection.SrtpAuthentication;
import org.mbmskeys.mbms.mikey.protection.StreamingSession;
import org.mbmskeys.mbms.ue.Ue;
import org.mbmskeys.mbms.ue.UeHost;
import org.mbmskeys.mbms.ue.UeProfile;
import org.mbmskeys.mbms.ue.announcement.ServiceProtection;
import org.mbmskeys.mbms.ue.announcement.UserServiceDescription;
import org.mbmskeys.mbms.ue.gba.UbClient;
import org.mbmskeys.mbms.ue.keys.MskKey;
import org.mbmskeys.mbms.ue.keys.UiccId;
import org.mbmskeys.mbms.ue.procedure.UeOutcome;

/**
 * Both roles running their shipped scripts, talking only through the in-memory network's bytes: a BM-SC
 * ({@link Bmsc}) and UEs hosted on one engine ({@link UeHost}), on virtual time, on each backend. A UE
 * bootstraps, registers with a Digest challenge, gets the current MSK pushed and acknowledges it, takes the
 * session's MTKs from the multicast group; a rotation reaches every UE, a lost push is sent again, and a
 * re-key by solicited pull ends with the UE's MSK request and the MSK.
 */
class BmscAndUesTest {

    private static final String BMSC = "bmsc.example.org";
    private static final String SERVICE = "urn:3gpp:mbms:news";
    private static final KeyGroupRef NEWS = KeyGroupRef.of(KeyDomainId.parse("001-01"), KeyGroup.of(0x0101));
    private static final String K = "465b5ce8b199b49faa5f0a2ee238a6bc";   // TS 35.208 Test Set 1
    private static final String OPC = "cd63cb71954a9f4e48a5994e37a02baf";
    private static final Endpoint RTP = Endpoint.of("239.1.1.1", 5004);

    private final ManualScheduler time = new ManualScheduler();
    private final MemoryNetwork network = MemoryNetwork.builder(time).seed(11).build();
    private final SimulatedBsf bsf = new SimulatedBsf("bsf.example.org", time::now, RandomBytes.seeded(1),
            Duration.ofDays(1));
    private final RandomBytes keys = RandomBytes.seeded(2);
    private final List<UeOutcome> outcomes = new CopyOnWriteArrayList<>();
    private Bmsc bmsc;
    private UeHost ues;

    private void start(String backend, Bmsc.Rekeying rekeying) {
        bmsc = Bmsc.builder(BMSC).bootstrapping(bsf).transport(network.node(BMSC)).httpCodec(HttpWire.codec())
                .scheduler(time).random(RandomBytes.seeded(3))
                .keyMaterial(n -> SecretBytes.wrap(keys.next(n).toByteArray()))
                .rekeying(rekeying).backend(backend).deterministic().build();
        bmsc.defineService(SERVICE, ServiceType.STREAMING, NEWS);
        bmsc.defineStreamingSession("news-live", NEWS, RTP, StreamingSession.of(0x5eed5eedL, 0, 10, SrtpAuthentication.RCCM1));
        bmsc.rotate(NEWS);
        ues = UeHost.builder().transport(network.hosts()).httpCodec(HttpWire.codec()).scheduler(time).deterministic()
                .random(RandomBytes.seeded(4)).backend(backend).keyManagementPort(80).listener(outcomes::add).build();
    }

    private Ue ue(String name, int n) {
        String impi = "00101012345678" + n + "@ims.mnc001.mcc001.3gppnetwork.org";
        bsf.addSubscriber(impi, SecretBytes.ofHex(K), SecretBytes.ofHex(OPC), Sqn.of(32), GbaMode.GBA_ME);
        GbaClient gba = new GbaClient(new SimulatedUsim(impi, SecretBytes.ofHex(K), SecretBytes.ofHex(OPC), Sqn.of(0),
                GbaMode.GBA_ME), time::now);
        // each UE on a node of its own, so that a multicast MTK message is known to be that UE's
        Ue ue = ues.add(UeProfile.usim(name, UiccId.of("894944000000000000" + n), UbClient.simulated(gba, bsf)),
                network.node(name).join(RTP.host()));
        MskRef current = MskRef.of(NEWS.keyDomain(), MskId.current(NEWS.keyGroup()));
        ue.announce(UserServiceDescription.protectedBy(SERVICE, new ServiceProtection(List.of(Fqdn.of(BMSC)), false, false,
                List.of(current), Optional.empty(), Map.of("news-live", current), ServiceType.STREAMING)));
        ue.powerOn();
        ue.use(SERVICE);
        return ue;
    }

    @AfterEach
    void close() {
        if (ues != null) {
            ues.close();
        }
        if (bmsc != null) {
            bmsc.close();
        }
    }

    private void settle() {
        time.advance(Duration.ofMillis(1));
    }

    private static String impi(int n) {
        return "00101012345678" + n + "@ims.mnc001.mcc001.3gppnetwork.org";
    }

    @ParameterizedTest
    @ValueSource(strings = {"native", "spring"})
    void uesRegisterGetTheMskPushedAcknowledgeItAndOpenTheSessionsMtks(String backend) {
        start(backend, Bmsc.Rekeying.PUSH);
        Ue alice = ue("alice", 1);
        Ue bob = ue("bob", 2);
        settle();

        MskRef msk = bmsc.currentMsk(NEWS).orElseThrow();
        for (Ue ue : List.of(alice, bob)) {
            assertThat(ue.msks(SERVICE)).extracting(MskKey::ref).containsExactly(msk);
        }
        assertThat(bmsc.registration(impi(1))).hasValueSatisfying(r -> assertThat(r.source().host()).isEqualTo("alice"));
        assertThat(bmsc.deliveries(impi(1))).singleElement().satisfies(r -> assertThat(r.outcome()).isEqualTo(DeliveryOutcome.DELIVERED));
        assertThat(bmsc.deliveries(impi(2))).singleElement().satisfies(r -> assertThat(r.outcome()).isEqualTo(DeliveryOutcome.DELIVERED));

        bmsc.startMtkDelivery("news-live");
        settle();
        assertThat(alice.currentMtk(SERVICE, "news-live")).isPresent();
        assertThat(bob.currentMtk(SERVICE, "news-live")).isPresent();
        assertThat(alice.currentMtk(SERVICE, "news-live").orElseThrow().key())
                .isEqualTo(bob.currentMtk(SERVICE, "news-live").orElseThrow().key());
        bmsc.nextMtk("news-live");
        settle();
        assertThat(alice.currentMtk(SERVICE, "news-live").orElseThrow().mtkId().value()).isEqualTo(2);
    }

    @ParameterizedTest
    @ValueSource(strings = {"native", "spring"})
    void aRotationReachesEveryUeAndALostPushIsSentAgain(String backend) {
        start(backend, Bmsc.Rekeying.PUSH);
        Ue alice = ue("alice", 1);
        Ue bob = ue("bob", 2);
        settle();

        java.util.concurrent.atomic.AtomicInteger pushesToAlice = new java.util.concurrent.atomic.AtomicInteger();
        network.inject(new Fault.Drop(Selector.matching("the first push to alice", m -> m.recipient().equals("alice")
                && m.kind() == org.mbmskeys.adapters.memory.Message.Kind.DATAGRAM && pushesToAlice.getAndIncrement() == 0)));
        MskRef second = bmsc.rotate(NEWS);
        settle();
        assertThat(bob.msks(SERVICE)).extracting(MskKey::ref).contains(second);
        assertThat(alice.msks(SERVICE)).extracting(MskKey::ref).doesNotContain(second);
        time.advance(Duration.ofSeconds(2));
        assertThat(alice.msks(SERVICE)).extracting(MskKey::ref).contains(second);
        assertThat(bmsc.deliveries(impi(1))).last().satisfies(r -> {
            assertThat(r.msk()).isEqualTo(second);
            assertThat(r.outcome()).isEqualTo(DeliveryOutcome.DELIVERED);
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"native", "spring"})
    void aReKeyBySolicitedPullEndsWithTheUesMskRequestAndTheMsk(String backend) {
        start(backend, Bmsc.Rekeying.SOLICITED_PULL);
        Ue alice = ue("alice", 1);
        settle();

        MskRef second = bmsc.rotate(NEWS);
        settle();

        assertThat(alice.msks(SERVICE)).extracting(MskKey::ref).contains(second);
        assertThat(outcomes).filteredOn(UeOutcome.MskRequestAnswered.class::isInstance).isNotEmpty();
        assertThat(bmsc.engine().instance(Bmsc.SOLICITED_PULL, impi(1) + "|" + NEWS)).isEmpty();   // ended: pulled
    }

    /**
     * Over a real network the BM-SC's solicited pull (UDP) can overtake the 200 of the registration it follows
     * (TCP). The pull is verified under the MUK the registration used, so the UE answers it with its MSK request
     * while the registration is still REGISTERING, instead of waiting for the pull's retransmission.
     */
    @ParameterizedTest
    @ValueSource(strings = {"native", "spring"})
    void aSolicitedPullThatOvertakesTheRegistrationsAnswerIsAnsweredAtOnce(String backend) {
        start(backend, Bmsc.Rekeying.SOLICITED_PULL);
        java.util.concurrent.atomic.AtomicInteger responsesToAlice = new java.util.concurrent.atomic.AtomicInteger();
        // The first response is the Digest challenge, the second the registration's 200: it takes 3 s.
        network.inject(new Fault.Delay(Selector.matching("the registration's 200 to alice", m -> m.recipient().equals("alice")
                && m.kind() == org.mbmskeys.adapters.memory.Message.Kind.RESPONSE && responsesToAlice.getAndIncrement() == 1),
                Duration.ofSeconds(3)));
        Ue alice = ue("alice", 1);
        settle();
        assertThat(bmsc.registration(impi(1))).isPresent();
        assertThat(alice.registration(SERVICE).orElseThrow().state())
                .isEqualTo(org.mbmskeys.mbms.ue.registration.RegistrationState.REGISTERING);

        MskRef second = bmsc.rotate(NEWS);
        time.advance(Duration.ofMillis(500));                              // the 200 is still on its way

        assertThat(alice.msks(SERVICE)).extracting(MskKey::ref).contains(second);
        assertThat(outcomes).filteredOn(UeOutcome.MskRequestAnswered.class::isInstance).isNotEmpty();
        time.advance(Duration.ofSeconds(3));
        assertThat(alice.registration(SERVICE).orElseThrow().state())
                .isEqualTo(org.mbmskeys.mbms.ue.registration.RegistrationState.REGISTERED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"native", "spring"})
    void aBmscThatRekeysOnRequestSendsNothingAtARotationAndTheUeAsksWhenAnMtkNamesTheNewMsk(String backend) {
        start(backend, Bmsc.Rekeying.PUSH);
        Ue alice = ue("alice", 1);
        settle();
        bmsc.rekeying(Bmsc.Rekeying.ON_REQUEST);
        int sent = network.capture().size();

        MskRef second = bmsc.rotate(NEWS);
        settle();
        assertThat(network.capture()).hasSize(sent);                      // nothing at the rotation
        assertThat(alice.msks(SERVICE)).extracting(MskKey::ref).doesNotContain(second);

        bmsc.startMtkDelivery("news-live");                               // an MTK under the new MSK (§6.3.2.2.3)
        settle();
        assertThat(alice.msks(SERVICE)).extracting(MskKey::ref).contains(second);
        assertThat(outcomes).filteredOn(UeOutcome.MskRequestAnswered.class::isInstance).isNotEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"native", "spring"})
    void anMskInvalidatedAtOneUeOpensNoMoreMtkMessagesThereButStaysWithTheOthers(String backend) {
        start(backend, Bmsc.Rekeying.PUSH);
        Ue alice = ue("alice", 1);
        Ue bob = ue("bob", 2);
        settle();
        MskRef msk = bmsc.currentMsk(NEWS).orElseThrow();

        bmsc.invalidate(impi(1), msk);
        settle();
        assertThat(alice.keyStore().isInvalidated(msk)).isTrue();
        assertThat(bmsc.deliveries(impi(1))).last().satisfies(r -> assertThat(r.outcome()).isEqualTo(DeliveryOutcome.INVALIDATED));
        assertThat(bmsc.currentMsk(NEWS)).contains(msk);                  // the registry keeps it

        bmsc.startMtkDelivery("news-live");
        settle();
        assertThat(alice.currentMtk(SERVICE, "news-live")).isEmpty();
        assertThat(outcomes).filteredOn(o -> o instanceof UeOutcome.DatagramDiscarded d && d.ue().equals("alice"))
                .last().satisfies(d -> assertThat(((UeOutcome.DatagramDiscarded) d).reason())
                        .isEqualTo(org.mbmskeys.mbms.ue.keys.KeyRejection.MSK_INVALIDATED));
        assertThat(bob.currentMtk(SERVICE, "news-live")).isPresent();
    }
}
