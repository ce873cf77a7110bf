package org.mbmskeys.mbms.bmsc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mbmskeys.engine.bytes.Bytes;
import org.mbmskeys.engine.bytes.SecretBytes;
import org.mbmskeys.engine.spi.Endpoint;
import org.mbmskeys.engine.spi.Envelope;
import org.mbmskeys.engine.spi.RandomBytes;
import org.mbmskeys.mbms.bmsc.distribution.DeliveryOutcome;
import org.mbmskeys.mbms.bmsc.distribution.DeliveryRecord;
import org.mbmskeys.mbms.bmsc.distribution.DeliveryRecordStorage;
import org.mbmskeys.mbms.bmsc.distribution.KeyDistribution;
import org.mbmskeys.mbms.bmsc.distribution.MtkStream;
import org.mbmskeys.mbms.bmsc.distribution.PreparedPush;
import org.mbmskeys.mbms.bmsc.distribution.UeKeys;
import org.mbmskeys.mbms.bmsc.keys.KeyRegistry;
import org.mbmskeys.mbms.bmsc.keys.KeyRegistryStorage;
import org.mbmskeys.mbms.bmsc.keys.RegisteredMsk;
import org.mbmskeys.mbms.bmsc.procedure.KeyDelivery;
import org.mbmskeys.mbms.bmsc.procedure.MikeyArrived;
import org.mbmskeys.mbms.bmsc.registrations.LastMuk;
import org.mbmskeys.mbms.bmsc.registrations.RegistrationStorage;
import org.mbmskeys.mbms.bmsc.registrations.Registrations;
import org.mbmskeys.mbms.bmsc.services.KeyGroupRef;
import org.mbmskeys.mbms.bmsc.services.Membership;
import org.mbmskeys.mbms.bmsc.services.ServiceId;
import org.mbmskeys.mbms.bmsc.services.UserService;
import org.mbmskeys.mbms.bmsc.services.UserServices;
import org.mbmskeys.mbms.gba.BTid;
import org.mbmskeys.mbms.gba.NafId;
import org.mbmskeys.mbms.gba.NafKeyLookup;
import org.mbmskeys.mbms.gba.NafKeyMaterial;
import org.mbmskeys.mbms.keys.KeyDomainId;
import org.mbmskeys.mbms.keys.KeyGroup;
import org.mbmskeys.mbms.keys.KeyMaterialSource;
import org.mbmskeys.mbms.keys.KeyValidity;
import org.mbmskeys.mbms.keys.MskRef;
import org.mbmskeys.mbms.keys.ServiceType;
import org.mbmskeys.mbms.mikey.crypto.CryptoSuite;
import org.mbmskeys.mbms.mikey.protection.MikeyOpener;
import org.mbmskeys.mbms.mikey.protection.MikeyReader;
import org.mbmskeys.mbms.mikey.protection.MtkMessage;
import org.mbmskeys.mbms.mikey.protection.OpenedMtk;
import org.mbmskeys.mbms.traffic.SrtpMasterKey;
import org.mbmskeys.mbms.traffic.SrtpMki;

/**
 * What the BM-SC's key delivery answers the shipped scripts, beyond the acknowledgement of a push: a push given up
 * is recorded unacknowledged, a datagram that is no verification message is routed to no push, an unanswered
 * solicited pull names the MSK to push instead and only a pending pull is answered by an MSK request (TS 33.246
 * §6.3.2.2.4), and an MTK session resends its current MTK message byte for byte (§6.3.3.2.2), never a download
 * session's (§6.3.3.2.1), and hands each new MTK to the traffic protection before its message goes out (§6.6.1).
 */
class BmscKeyDeliveryServesItsScriptsTest {

    private static final String FQDN = "bmsc.example.org";
    private static final String IMPI = "001010000000001@ims.mnc001.mcc001.3gppnetwork.org";
    private static final BTid BTID = BTid.parse("I1U8vpY3qJ0hiuZNrke/NQ==@bsf.example.org");
    private static final String KS_NAF = "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f";
    private static final KeyDomainId DOMAIN = KeyDomainId.parse("001-01");
    private static final KeyGroupRef GROUP = KeyGroupRef.of(DOMAIN, KeyGroup.of(0x0101));
    private static final KeyGroupRef LIVE = KeyGroupRef.of(DOMAIN, KeyGroup.of(0x0202));
    private static final Endpoint UE = Endpoint.of("10.0.0.1", 2269);
    private static final Endpoint RTP = Endpoint.of("239.1.1.1", 5004);
    private static final Instant NOW = Instant.parse("2026-12-04T02:00:00Z");

    private static final BTid NEW_BTID = BTid.parse("AAECAwQFBgcICQoLDA0ODw==@bsf.example.org");

    private KeyRegistry registry;
    private UeKeys ueKeys;
    private BmscKeyDelivery delivery;
    private DeliveryRecordStorage records;
    private Registrations registrations;
    /** What the traffic protection was handed, by session; throws while {@link #protectionFails} is set. */
    private final List<String> handed = new ArrayList<>();
    private final List<SrtpMasterKey> keys = new ArrayList<>();
    private boolean protectionFails;

    @BeforeEach
    void aRegisteredUeAndTwoSessions() {
        InstantSource clock = InstantSource.fixed(NOW);
        registry = KeyRegistry.create(KeyRegistryStorage.inMemory(), seededKeys());
        registry.createGroup(DOMAIN, GROUP.keyGroup(), ServiceType.DOWNLOAD);
        registry.createGroup(DOMAIN, LIVE.keyGroup(), ServiceType.STREAMING);
        registry.rotate(DOMAIN, GROUP.keyGroup(), KeyValidity.of(10, 20));
        registry.rotate(DOMAIN, LIVE.keyGroup(), KeyValidity.of(10, 20));
        ueKeys = UeKeys.builder((bTid, nafId) -> new NafKeyLookup.Found(NafKeyMaterial.gbaMe(nafId, bTid, IMPI,
                NOW.plusSeconds(86_400), SecretBytes.ofHex(KS_NAF))), NafId.forMbms(FQDN), clock).build();
        UserServices services = new UserServices();
        services.define(UserService.of(ServiceId.of("news"), ServiceType.DOWNLOAD, GROUP));
        registrations = Registrations.create(RegistrationStorage.inMemory(), services, Membership.open());
        registrations.register(IMPI, BTID, UE, List.of(ServiceId.of("news")));
        ueKeys.lookUp(BTID);
        records = DeliveryRecordStorage.inMemory(10);
        Map<String, MtkStream> sessions = Map.of(
                "tv", MtkStream.streaming(registry, LIVE, MtkStream.mikeyDestinationFor(RTP), seededRandom(), CryptoSuite.jca()),
                "files", MtkStream.download(registry, GROUP, seededRandom(), CryptoSuite.jca()));
        delivery = new BmscKeyDelivery(new KeyDistribution(registry, ueKeys, group -> Optional.empty(),
                seededRandom(), CryptoSuite.jca()), ueKeys, registry, registrations, records, Endpoint.of(FQDN, 2269), clock,
                sessions, (session, key) -> {
                    if (protectionFails) {
                        throw new IllegalStateException("the SRTP sender of " + session + " is down");
                    }
                    handed.add(session);
                    keys.add(key);
                });
    }

    private MskRef current(KeyGroupRef group) {
        return registry.group(group.keyDomain(), group.keyGroup()).flatMap(r -> r.current()).orElseThrow();
    }

    @Test
    void aPushGivenUpIsRecordedUnacknowledgedAndTheRecordIsReturned() {
        PreparedPush push = delivery.push("push-1", IMPI, GROUP.current().toString(), KeyDelivery.Kind.DELIVER).orElseThrow();

        DeliveryRecord record = delivery.gaveUp(push);

        assertThat(record.outcome()).isEqualTo(DeliveryOutcome.GAVE_UP);
        assertThat(record.impi()).isEqualTo(IMPI);
        assertThat(records.byUe(IMPI, 10)).containsExactly(record);
    }

    /** The UE bootstrapped again between two attempts: what it has not acknowledged goes afresh under its new MUK. */
    @Test
    void aResendAfterTheUeBootstrappedAgainIsAFreshPushUnderItsNewMuk() {
        PreparedPush push = delivery.push("push-1", IMPI, GROUP.current().toString(), KeyDelivery.Kind.DELIVER).orElseThrow();
        ueKeys.lookUp(NEW_BTID);

        PreparedPush again = delivery.retransmission(push).orElseThrow();

        assertThat(again.mukId()).isNotEqualTo(push.mukId());
        assertThat(again.mukId().idr().toHex()).isEqualTo(Bytes.wrap(NEW_BTID.format().getBytes(
                java.nio.charset.StandardCharsets.US_ASCII)).toHex());
        assertThat(again.msk()).isEqualTo(push.msk());
        assertThat(again.ackRequested()).isTrue();
    }

    /** Recording as delivered what no answer acknowledged is a script error; the error names where the datagram came from. */
    @Test
    void aDeliveryNoAnswerAcknowledgedIsNotRecorded() {
        PreparedPush push = delivery.push("push-1", IMPI, GROUP.current().toString(), KeyDelivery.Kind.DELIVER).orElseThrow();

        assertThatThrownBy(() -> delivery.delivered(push, new MikeyArrived(UE, Bytes.wrap(new byte[] {1, 2, 3}))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("MIKEY from " + UE + " (3 bytes)");
        assertThat(records.byUe(IMPI, 10)).isEmpty();
    }

    /**
     * §6.3.2.1B: a UE that deregistered from everything has each MSK it held invalidated at the address it last used,
     * also when the first invalidation is over before the next one is prepared (scripts run on several threads).
     */
    @Test
    void everyInvalidationAfterADeregistrationFindsTheUeThoughAnEarlierOneIsOver() {
        MskRef previous = current(GROUP);
        registry.rotate(DOMAIN, GROUP.keyGroup(), KeyValidity.of(21, 30));
        delivery.rememberAddress(IMPI, UE, 2);
        registrations.deregister(IMPI, BTID, List.of(ServiceId.of("news")));

        PreparedPush first = delivery.push("inv-1", IMPI, previous.toString(), KeyDelivery.Kind.INVALIDATE).orElseThrow();
        delivery.gaveUp(first);
        PreparedPush second = delivery.push("inv-2", IMPI, current(GROUP).toString(), KeyDelivery.Kind.INVALIDATE)
                .orElseThrow();

        assertThat(first.to()).isEqualTo(UE);
        assertThat(second.to()).isEqualTo(UE);
        assertThat(delivery.push("inv-3", IMPI, current(GROUP).toString(), KeyDelivery.Kind.INVALIDATE))
                .as("the address is forgotten once each invalidation has taken it").isEmpty();
    }

    /** Two deregistrations before the first one's invalidations went: the later address, for all of them. */
    @Test
    void aSecondDeregistrationAddsItsInvalidationsAtItsAddress() {
        registrations.deregister(IMPI, BTID, List.of(ServiceId.of("news")));
        Endpoint moved = Endpoint.of("10.0.0.9", 2269);
        delivery.rememberAddress(IMPI, UE, 1);
        delivery.rememberAddress(IMPI, moved, 2);

        for (int i = 1; i <= 3; i++) {
            assertThat(delivery.push("inv-" + i, IMPI, current(GROUP).toString(), KeyDelivery.Kind.INVALIDATE)
                    .orElseThrow().to()).isEqualTo(moved);
        }
        assertThat(delivery.push("inv-4", IMPI, current(GROUP).toString(), KeyDelivery.Kind.INVALIDATE)).isEmpty();
    }

    /**
     * MUKs are never stored: a BM-SC started again has the registration, with the B-TID of the UE's last MUK, and
     * derives the MUK again over Zn for its first push, rather than finding none until the UE sends a request.
     */
    @Test
    void aBmscThatHoldsNoMukDerivesItAgainFromTheLastBTidOfTheRegistration() {
        ueKeys.forget(IMPI);
        assertThat(delivery.push("push-0", IMPI, GROUP.current().toString(), KeyDelivery.Kind.DELIVER))
                .as("no MUK held, and the registration names none").isEmpty();

        registrations.mukDerived(IMPI, new LastMuk(BTID, NOW));
        PreparedPush push = delivery.push("push-1", IMPI, GROUP.current().toString(), KeyDelivery.Kind.DELIVER).orElseThrow();

        assertThat(push.mukId().idr().toHex()).isEqualTo(Bytes.wrap(BTID.format().getBytes(
                java.nio.charset.StandardCharsets.US_ASCII)).toHex());
        ueKeys.forget(IMPI);
        assertThat(delivery.retransmission("push-1", push)).as("a resend after a restart, too").isPresent();
        ueKeys.forget(IMPI);
        assertThat(delivery.solicit(IMPI, GROUP.toString())).as("and a solicited pull after a restart").isPresent();
    }

    @Test
    void aDatagramThatIsNoVerificationMessageIsRoutedToNoPush() {
        PreparedPush push = delivery.push("push-1", IMPI, GROUP.current().toString(), KeyDelivery.Kind.DELIVER).orElseThrow();

        assertThat(delivery.pushAcknowledgedBy(new MikeyArrived(UE, Bytes.wrap(new byte[] {1, 2, 3})))).isEmpty();
        assertThat(delivery.pushAcknowledgedBy(new MikeyArrived(UE, push.datagram()))).as("the MSK message itself")
                .isEmpty();
    }

    @Test
    void anUnansweredPullEndsAndNamesTheCurrentMskOfItsGroupToPushInstead() {
        assertThat(delivery.solicit(IMPI, GROUP.toString())).isPresent();

        assertThat(delivery.unanswered(IMPI, GROUP.toString())).isEqualTo(current(GROUP).toString());
        assertThat(delivery.answersPull(IMPI, GROUP)).as("the pull is over").isFalse();
        KeyGroupRef none = KeyGroupRef.of(DOMAIN, KeyGroup.of(0x0777));
        assertThat(delivery.unanswered(IMPI, none.toString())).as("no such group: its current-MSK marker")
                .isEqualTo(none.current().toString());
    }

    @Test
    void onlyAPendingPullIsAnsweredByAnMskRequestAndOnlyOnce() {
        assertThat(delivery.answersPull(IMPI, GROUP)).isFalse();

        delivery.solicit(IMPI, GROUP.toString());

        assertThat(delivery.answersPull(IMPI, GROUP)).isTrue();
        assertThat(delivery.answersPull(IMPI, GROUP)).isFalse();
    }

    @Test
    void theCurrentMtkMessageOfASessionIsResentByteForByte() {
        Envelope first = delivery.current("tv");   // none sent yet: the first one is made

        Envelope again = delivery.current("tv");
        Envelope next = delivery.next("tv");

        assertThat(first.to()).isEqualTo(Endpoint.of("239.1.1.1", 2269));
        assertThat(again.payload()).isEqualTo(first.payload());
        assertThat(next.payload()).isNotEqualTo(first.payload());
        assertThat(delivery.current("tv").payload()).isEqualTo(next.payload());
    }

    @Test
    void eachNewMtkOfASessionIsHandedToTheTrafficProtectionAsTheMasterKeyTheMessageCarriesAndResendsAreNot() {
        Envelope first = delivery.current("tv");
        delivery.current("tv");
        Envelope next = delivery.next("tv");

        assertThat(handed).containsExactly("tv", "tv");
        MskRef msk = current(LIVE);
        for (int i = 0; i < 2; i++) {
            Envelope message = i == 0 ? first : next;
            SrtpMasterKey key = keys.get(i);
            MtkMessage read = (MtkMessage) MikeyReader.read(message.payload()).orElseThrow();
            assertThat(key.mki()).as("the MKI, MSK ID ‖ MTK ID (§6.6.2.1)").isEqualTo(SrtpMki.of(msk.mskId(), read.mtkId()));
            RegisteredMsk registered = registry.msk(msk).orElseThrow();
            OpenedMtk opened = new MikeyOpener(CryptoSuite.jca()).open(read, registered.key(), registered.rand(),
                    ServiceType.STREAMING).orElseThrow();
            assertThat(key.masterKey()).as("the master key: the MTK of the message (§6.5.4)").isEqualTo(opened.mtk());
            assertThat(key.masterSalt()).as("the master salt: the salt of its KEMAC").isEqualTo(opened.salt().orElseThrow());
            registered.key().destroy();
        }
    }

    @Test
    void aTrafficProtectionThatFailsStopsTheMtkMessageAndItsResends() {
        Envelope first = delivery.current("tv");
        protectionFails = true;

        assertThatThrownBy(() -> delivery.next("tv")).isInstanceOf(IllegalStateException.class).hasMessageContaining("down");
        assertThat(handed).containsExactly("tv");
        assertThat(delivery.current("tv").payload()).as("the resend: still the message before").isEqualTo(first.payload());
        keys.forEach(SrtpMasterKey::destroy);
    }

    @Test
    void aDownloadSessionsMtksAreNoDatagramsAndAnUnknownSessionIsNamed() {
        assertThatThrownBy(() -> delivery.next("files")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("download session");
        assertThatThrownBy(() -> delivery.current("radio")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("radio").hasMessageContaining("tv");
    }

    private static KeyMaterialSource seededKeys() {
        Random r = new Random(0x33246L);
        return n -> {
            byte[] b = new byte[n];
            r.nextBytes(b);
            return SecretBytes.wrap(b);
        };
    }

    private static RandomBytes seededRandom() {
        return RandomBytes.seeded(7);
    }
}
