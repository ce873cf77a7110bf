package org.mbmskeys.features.ue;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.mbmskeys.adapters.http.HttpWire;
import org.mbmskeys.adapters.memory.Captured;
import org.mbmskeys.adapters.memory.MemoryNetwork;
import org.mbmskeys.engine.bytes.SecretBytes;
import org.mbmskeys.engine.spi.ManualScheduler;
import org.mbmskeys.mbms.gba.Fqdn;
import org.mbmskeys.mbms.gba.GbaMode;
import org.mbmskeys.mbms.gba.simulated.GbaClient;
import org.mbmskeys.mbms.gba.simulated.SimulatedBsf;
import org.mbmskeys.mbms.gba.simulated.SimulatedUsim;
import org.mbmskeys.mbms.gba.simulated.Sqn;
import org.mbmskeys.mbms.keymanagement.BackOffParameters;
import org.mbmskeys.mbms.keymanagement.ItemStatus;
import org.mbmskeys.mbms.keys.MskId;
import org.mbmskeys.mbms.keys.MskRef;
import org.mbmskeys.mbms.keys.ServiceType;
import org.mbmskeys.mbms.ue.Ue;
import org.mbmskeys.mbms.ue.UeHost;
import org.mbmskeys.mbms.ue.UeProfile;
import org.mbmskeys.mbms.ue.announcement.ServiceProtection;
import org.mbmskeys.mbms.ue.announcement.UserServiceDescription;
import org.mbmskeys.mbms.ue.gba.UbClient;
import org.mbmskeys.mbms.ue.keys.CurrentMtk;
import org.mbmskeys.mbms.ue.keys.MskKey;
import org.mbmskeys.mbms.ue.keys.UiccId;
import org.mbmskeys.mbms.ue.procedure.UeOutcome;
import org.mbmskeys.mbms.ue.registration.RegistrationState;

/**
 * One UE ({@link Ue}, the shipped {@code ue.*} scripts) against a minimal BM-SC over the in-memory network, on
 * virtual time, with real bytes: GBA over Ub with the simulated BSF, registration over HTTP/1.1 with Digest
 * (challenge, then credentials), the MSK push with its verification message, an MTK to a multicast group, an
 * MSK request, 503 with Retry-After, deregistration at power-down (TS 33.246 §6.1, §6.3.2.1A/B, §6.3.2.2.1,
 * §6.3.2.3.1, §6.3.3, §6.4.6).
 */
class UeEndToEndTest {

    private static final String IMPI = "001010123456789@ims.mnc001.mcc001.3gppnetwork.org";
    private static final String K = "465b5ce8b199b49faa5f0a2ee238a6bc";   // TS 35.208 Test Set 1
    private static final String OPC = "cd63cb71954a9f4e48a5994e37a02baf";
    private static final String SERVICE = "urn:3gpp:mbms:news";
    private static final String GROUP_ADDRESS = "239.1.1.1";
    private static final MskRef MSK = MskRef.of(MinimalBmsc.DOMAIN, MskId.current(MinimalBmsc.GROUP));

    private final ManualScheduler time = new ManualScheduler();
    private final MemoryNetwork network = MemoryNetwork.builder(time).seed(42).build();
    private final SimulatedBsf bsf = new SimulatedBsf("bsf.example.org", time::now, MinimalBmsc.random(3),
            Duration.ofHours(2));
    private final MinimalBmsc bmsc = new MinimalBmsc(network.node(MinimalBmsc.FQDN), bsf, time::now);
    private final List<UeOutcome> outcomes = new CopyOnWriteArrayList<>();
    private Ue alice;

    private Ue alice(String backend) {
        bsf.addSubscriber(IMPI, SecretBytes.ofHex(K), SecretBytes.ofHex(OPC), Sqn.of(32), GbaMode.GBA_ME);
        GbaClient gba = new GbaClient(new SimulatedUsim(IMPI, SecretBytes.ofHex(K), SecretBytes.ofHex(OPC), Sqn.of(0),
                GbaMode.GBA_ME), time::now);
        alice = Ue.builder(UeProfile.usim("alice", UiccId.of("8949440000001234567"), UbClient.simulated(gba, bsf)))
                .transport(network.node("alice").join(GROUP_ADDRESS))
                .httpCodec(HttpWire.codec())
                .scheduler(time).deterministic().random(MinimalBmsc.random(5)).backend(backend)
                .keyManagementPort(MinimalBmsc.HTTP_PORT)
                .listener(outcomes::add)
                .build();
        alice.announce(description());
        return alice;
    }

    private static UserServiceDescription description() {
        return description(Optional.empty());
    }

    private static UserServiceDescription description(Optional<BackOffParameters> backOff) {
        return UserServiceDescription.protectedBy(SERVICE, new ServiceProtection(
                List.of(Fqdn.of(MinimalBmsc.FQDN)), false, false, List.of(MSK), backOff,
                Map.of("video", MSK), ServiceType.DOWNLOAD));
    }

    @AfterEach
    void close() {
        if (alice != null) {
            alice.host().close();
        }
    }

    private void settle() {
        time.advance(Duration.ofMillis(1));
    }

    @ParameterizedTest
    @ValueSource(strings = {"native", "spring"})
    void registersGetsTheMskAcknowledgesItAndDecryptsTheSession(String backend) {
        Ue ue = alice(backend);
        ue.powerOn();
        ue.use(SERVICE);
        settle();

        // Annex H: a first POST without credentials, challenged, then the same POST with Digest.
        assertThat(bmsc.calls()).containsExactly("register");
        assertThat(bmsc.refusals).singleElement().asString().startsWith("UNAUTHENTICATED");
        assertThat(ue.registration(SERVICE)).hasValueSatisfying(r -> assertThat(r.state())
                .isEqualTo(RegistrationState.REGISTERED));
        assertThat(outcomes).contains(new UeOutcome.ServiceRegistered("alice", SERVICE, MinimalBmsc.FQDN, 200));

        // §6.3.2.3.1: the push after the registration is stored and acknowledged to the BM-SC (§6.4.5.2).
        List<MskKey> msks = ue.msks(SERVICE);
        assertThat(msks).singleElement().satisfies(m -> {
            assertThat(m.ref()).isEqualTo(bmsc.currentMsk().ref());
            assertThat(m.key()).isEqualTo(bmsc.currentMsk().key());
        });
        assertThat(bmsc.verifications).hasSize(1);

        // §6.3.3: the MTK message to the group is opened with that MSK; no answer goes back.
        bmsc.sendMtk(GROUP_ADDRESS);
        settle();
        Optional<CurrentMtk> mtk = ue.currentMtk(SERVICE, "video");
        assertThat(mtk).isPresent();
        assertThat(outcomes).filteredOn(UeOutcome.MtkReceived.class::isInstance).hasSize(1);
        assertThat(bmsc.verifications).hasSize(1);
        assertThat(network.capture()).filteredOn(c -> c.message().sender().equals("alice")).hasSize(3);
    }

    /** One engine for many UEs on the network's hosts: each gets its own MUK and its own push (§6.3.1). */
    @Test
    void manyUesOnOneHostEachRegisterAndGetTheirPush() {
        org.mbmskeys.adapters.memory.Hosts hosts = network.hosts();
        UeHost host = UeHost.builder()
                .transport(hosts).httpCodec(HttpWire.codec())
                .scheduler(time).deterministic().random(MinimalBmsc.random(9))
                .keyManagementPort(MinimalBmsc.HTTP_PORT)
                .listener(outcomes::add)
                .build();
        try {
            List<Ue> ues = new java.util.ArrayList<>();
            for (int i = 1; i <= 3; i++) {
                String impi = "00101012345678" + i + "@ims.mnc001.mcc001.3gppnetwork.org";
                bsf.addSubscriber(impi, SecretBytes.ofHex(K), SecretBytes.ofHex(OPC), Sqn.of(32), GbaMode.GBA_ME);
                GbaClient gba = new GbaClient(new SimulatedUsim(impi, SecretBytes.ofHex(K), SecretBytes.ofHex(OPC),
                        Sqn.of(0), GbaMode.GBA_ME), time::now);
                hosts.add("ue-" + i);
                Ue ue = host.add(UeProfile.usim("ue-" + i, UiccId.of("894944000000000000" + i),
                        UbClient.simulated(gba, bsf)));
                ue.announce(description());
                ue.powerOn();
                ue.use(SERVICE);
                ues.add(ue);
            }
            settle();

            assertThat(bmsc.calls()).containsExactly("register", "register", "register");
            assertThat(ues).allSatisfy(ue -> assertThat(ue.msks(SERVICE)).singleElement()
                    .satisfies(m -> assertThat(m.key()).isEqualTo(bmsc.currentMsk().key())));
            assertThat(bmsc.verifications).hasSize(3);
            assertThat(host.engine().instance("ue.mikey-reception", "ue-2")).isPresent();
        } finally {
            host.close();
        }
    }

    @Test
    void anMtkUnderAnUnknownMskLeadsToAnMskRequestAndTheMsk() {
        Ue ue = alice("native");
        bmsc.itemStatus = ItemStatus.OK;
        ue.powerOn();
        ue.use(SERVICE);
        settle();
        // The BM-SC rotates: the UE lacks the new MSK when its MTK arrives (§6.3.2.2.3).
        bmsc.rotate();

        bmsc.sendMtk(GROUP_ADDRESS);
        settle();

        assertThat(bmsc.calls()).containsExactly("register", "msk-request");
        assertThat(outcomes).filteredOn(UeOutcome.MskRequestAnswered.class::isInstance).hasSize(1);
        assertThat(ue.msks(SERVICE)).extracting(MskKey::ref).contains(bmsc.currentMsk().ref());
    }

    /** §6.3.2.2.1: the announced back-off is waited before an MSK request, except for a solicited pull. */
    @Test
    void aSolicitedPullIsAnsweredAtOnceWhileAMissedKeyWaitsTheBackOff() {
        Ue ue = alice("native");
        ue.announce(description(Optional.of(new BackOffParameters(Duration.ofSeconds(60), Duration.ZERO))));
        ue.powerOn();
        ue.use(SERVICE);
        settle();
        bmsc.rotate();

        bmsc.sendMtk(GROUP_ADDRESS);                 // an MTK under an MSK the UE lacks: back-off first
        time.advance(Duration.ofSeconds(59));
        assertThat(bmsc.calls()).containsExactly("register");

        bmsc.solicitedPull();                        // the BM-SC asks: no more waiting
        settle();
        assertThat(bmsc.calls()).containsExactly("register", "msk-request");
        assertThat(ue.msks(SERVICE)).extracting(MskKey::ref).contains(bmsc.currentMsk().ref());
        time.advance(Duration.ofMinutes(2));
        assertThat(bmsc.calls()).containsExactly("register", "msk-request");
    }

    @Test
    void leavingAServiceDeregistersItAndPowerOnDoesNotRegisterItAgain() {
        Ue ue = alice("native");
        ue.powerOn();
        ue.use(SERVICE);
        settle();

        ue.leave(SERVICE);
        settle();
        ue.powerDown();
        ue.powerOn();
        settle();

        assertThat(bmsc.calls()).containsExactly("register", "deregister");
        assertThat(ue.registration(SERVICE).orElseThrow().userLeft()).isTrue();
    }

    @Test
    void aLostConnectionRegistersAgainAndACardChangeDeletesEveryKey() {
        Ue ue = alice("native");
        ue.powerOn();
        ue.use(SERVICE);
        settle();

        ue.connectionLost();
        settle();
        assertThat(bmsc.calls()).containsExactly("register", "register");

        ue.uiccChanged(UiccId.of("8949440000007654321"));
        settle();
        assertThat(ue.msks(SERVICE)).isEmpty();
        assertThat(ue.registrations()).isEmpty();
    }

    @Test
    void a503IsWaitedOutAndTheRegistrationRepeated() {
        Ue ue = alice("native");
        bmsc.unavailableOnce = Optional.of(Duration.ofSeconds(20));
        ue.powerOn();
        ue.use(SERVICE);
        settle();
        assertThat(ue.registration(SERVICE).orElseThrow().state()).isEqualTo(RegistrationState.REGISTERING);

        time.advance(Duration.ofSeconds(19));
        assertThat(bmsc.calls()).containsExactly("register");
        time.advance(Duration.ofSeconds(1));

        assertThat(bmsc.calls()).containsExactly("register", "register");
        assertThat(ue.registration(SERVICE).orElseThrow().state()).isEqualTo(RegistrationState.REGISTERED);
    }

    @Test
    void aForbiddenServiceIsRefusedAndNotAskedAgain() {
        Ue ue = alice("native");
        bmsc.itemStatus = ItemStatus.FORBIDDEN;
        ue.powerOn();
        ue.use(SERVICE);
        time.advance(Duration.ofMinutes(10));

        assertThat(bmsc.calls()).containsExactly("register");
        assertThat(ue.registration(SERVICE).orElseThrow().state()).isEqualTo(RegistrationState.REFUSED);
        assertThat(outcomes).contains(new UeOutcome.ServiceRefused("alice", SERVICE, MinimalBmsc.FQDN, 403));
    }

    @Test
    void powerDownDeregistersAndPowerOnRegistersAgain() {
        Ue ue = alice("native");
        ue.powerOn();
        ue.use(SERVICE);
        settle();

        ue.powerDown();
        settle();
        assertThat(outcomes).contains(new UeOutcome.ServiceDeregistered("alice", SERVICE, MinimalBmsc.FQDN, 200));
        ue.powerOn();
        settle();

        assertThat(bmsc.calls()).containsExactly("register", "deregister", "register");
        assertThat(ue.registration(SERVICE).orElseThrow().state()).isEqualTo(RegistrationState.REGISTERED);
    }

    @Test
    void aTamperedPushIsDiscardedWithItsReasonAndNotAcknowledged() {
        Ue ue = alice("native");
        network.inject(new org.mbmskeys.adapters.memory.Fault.Corrupt(
                org.mbmskeys.adapters.memory.Selector.matching("push to alice",
                        m -> m.recipient().equals("alice") && m.kind().name().equals("DATAGRAM")), 40, 0x01));
        ue.powerOn();
        ue.use(SERVICE);
        settle();

        assertThat(outcomes).filteredOn(UeOutcome.DatagramDiscarded.class::isInstance).hasSize(1);
        assertThat(bmsc.verifications).isEmpty();
        assertThat(ue.msks(SERVICE)).isEmpty();
    }

    @Test
    void noAnswerIsResentWithBackOffThenGivenUp() {
        Ue ue = alice("native");
        network.inject(new org.mbmskeys.adapters.memory.Fault.Partition(MinimalBmsc.FQDN));
        ue.powerOn();
        ue.use(SERVICE);
        time.advance(Duration.ofMinutes(5));

        assertThat(network.capture()).filteredOn(c -> c.message().sender().equals("alice")).hasSize(4);
        assertThat(outcomes).filteredOn(UeOutcome.KeyManagementFailed.class::isInstance).singleElement()
                .satisfies(o -> assertThat(((UeOutcome.KeyManagementFailed) o).failure())
                        .isEqualTo(UeOutcome.Failure.NO_ANSWER));
        assertThat(ue.registration(SERVICE).orElseThrow().state()).isEqualTo(RegistrationState.NOT_REGISTERED);
    }
}
