package org.mbmskeys.mbms.bmsc;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mbmskeys.engine.bytes.Bytes;
import org.mbmskeys.engine.bytes.SecretBytes;
import org.mbmskeys.engine.spi.Endpoint;
import org.mbmskeys.engine.spi.RandomBytes;
import org.mbmskeys.mbms.bmsc.distribution.DeliveryOutcome;
import org.mbmskeys.mbms.bmsc.distribution.DeliveryRecordStorage;
import org.mbmskeys.mbms.bmsc.distribution.KeyDistribution;
import org.mbmskeys.mbms.bmsc.distribution.PreparedPush;
import org.mbmskeys.mbms.bmsc.distribution.UeKeys;
import org.mbmskeys.mbms.bmsc.keys.KeyRegistry;
import org.mbmskeys.mbms.bmsc.keys.KeyRegistryStorage;
import org.mbmskeys.mbms.bmsc.procedure.KeyDelivery;
import org.mbmskeys.mbms.bmsc.procedure.MikeyArrived;
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
import org.mbmskeys.mbms.keys.MukId;
import org.mbmskeys.mbms.keys.ServiceType;
import org.mbmskeys.mbms.mikey.crypto.CountingCryptoSuite;
import org.mbmskeys.mbms.mikey.crypto.CryptoSuite;
import org.mbmskeys.mbms.mikey.protection.MikeyOpener;
import org.mbmskeys.mbms.mikey.protection.MikeyReader;
import org.mbmskeys.mbms.mikey.protection.MikeySealer;
import org.mbmskeys.mbms.mikey.protection.MskMessage;
import org.mbmskeys.mbms.mikey.protection.OpenedMsk;

/**
 * The BM-SC reads a UE's verification message once: {@code pushAcknowledgedBy} decodes it to find the push, and
 * the guard that checks it ({@code acknowledges}) takes that reading instead of decoding the datagram again. The
 * reading stands in only for the very datagram it came from: another message with the same CSB ID and IDr (a
 * duplicate, or a forgery copying the clear-text fields) routed before the first one is checked must neither
 * make the genuine answer fail nor pass in its place.
 */
class BmscKeyDeliveryReadsEachAckOnceTest {

    private static final String FQDN = "bmsc.example.org";
    private static final String IMPI = "001010000000001@ims.mnc001.mcc001.3gppnetwork.org";
    private static final BTid BTID = BTid.parse("I1U8vpY3qJ0hiuZNrke/NQ==@bsf.example.org");
    private static final String KS_NAF = "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f";
    private static final KeyDomainId DOMAIN = KeyDomainId.parse("001-01");
    private static final KeyGroupRef GROUP = KeyGroupRef.of(DOMAIN, KeyGroup.of(0x0101));
    private static final Endpoint UE = Endpoint.of("10.0.0.1", 2269);
    private static final Instant NOW = Instant.parse("2026-12-04T02:00:00Z");

    /** The HMACs the BM-SC computed: sealing a push and verifying a verification message's MAC. */
    private final CountingCryptoSuite counting = new CountingCryptoSuite();
    private final java.util.concurrent.atomic.AtomicReference<Instant> now = new java.util.concurrent.atomic.AtomicReference<>(NOW);
    private BmscKeyDelivery delivery;
    private DeliveryRecordStorage records;
    private PreparedPush push;
    private Bytes genuine;
    private Bytes forged;

    @BeforeEach
    void aPushAndItsAnswers() {
        InstantSource clock = now::get;
        KeyRegistry registry = KeyRegistry.create(KeyRegistryStorage.inMemory(), seededKeys());
        registry.createGroup(DOMAIN, GROUP.keyGroup(), ServiceType.DOWNLOAD);
        registry.rotate(DOMAIN, GROUP.keyGroup(), KeyValidity.of(10, 20));
        UeKeys ueKeys = UeKeys.builder((bTid, nafId) -> new NafKeyLookup.Found(NafKeyMaterial.gbaMe(nafId, bTid, IMPI,
                NOW.plusSeconds(86_400), SecretBytes.ofHex(KS_NAF))), NafId.forMbms(FQDN), clock).build();
        UserServices services = new UserServices();
        services.define(UserService.of(ServiceId.of("news"), ServiceType.DOWNLOAD, GROUP));
        Registrations registrations = Registrations.create(RegistrationStorage.inMemory(), services, Membership.open());
        registrations.register(IMPI, BTID, UE, List.of(ServiceId.of("news")));
        ueKeys.lookUp(BTID);
        records = DeliveryRecordStorage.inMemory(10);
        delivery = new BmscKeyDelivery(new KeyDistribution(registry, ueKeys, group -> Optional.empty(),
                seededRandom(), counting), ueKeys, registry, registrations, records, Endpoint.of(FQDN, 2269), clock,
                Map.of(), TrafficProtection.NONE);

        push = delivery.push("push-1", IMPI, GROUP.current().toString(), KeyDelivery.Kind.DELIVER).orElseThrow();
        genuine = verificationMessageOf(push.datagram());
        forged = genuine.withByteXored(genuine.length() - 1, 0x01);   // same CSB ID and IDr, wrong MAC
    }

    @Test
    void theAnswerRoutedToItsPushIsCheckedAndRecorded() {
        MikeyArrived arrived = new MikeyArrived(UE, genuine);

        assertThat(delivery.pushAcknowledgedBy(arrived)).contains("push-1");
        assertThat(delivery.acknowledges(push, arrived)).isTrue();
        assertThat(delivery.delivered(push, arrived).outcome()).isEqualTo(DeliveryOutcome.DELIVERED);
    }

    /**
     * A resend of a push no instance awaits any more (it was given up) is prepared without being awaited: its answer
     * is routed to no push, and checked on its own bytes when a script asks.
     */
    @Test
    void anAnswerToAPushNobodyAwaitsIsRoutedNowhereYetCheckedOnItsOwnBytes() {
        delivery.gaveUp(push);
        PreparedPush unawaited = delivery.retransmission(push).orElseThrow();
        MikeyArrived arrived = new MikeyArrived(UE, verificationMessageOf(unawaited.datagram()));

        assertThat(delivery.pushAcknowledgedBy(arrived)).isEmpty();
        assertThat(delivery.acknowledges(unawaited, arrived)).isTrue();
        assertThat(delivery.delivered(unawaited, arrived).outcome()).isEqualTo(DeliveryOutcome.DELIVERED);
        assertThat(delivery.acknowledges(unawaited, new MikeyArrived(UE, forged))).as("another push's forgery").isFalse();
    }

    @Test
    void aForgeryRoutedAfterTheGenuineAnswerDoesNotStandInForIt() {
        MikeyArrived first = new MikeyArrived(UE, genuine);
        MikeyArrived second = new MikeyArrived(UE, forged);
        assertThat(delivery.pushAcknowledgedBy(first)).contains("push-1");
        assertThat(delivery.pushAcknowledgedBy(second)).contains("push-1");   // its clear-text fields name the push

        assertThat(delivery.acknowledges(push, first)).as("the genuine answer, checked after the forgery was routed")
                .isTrue();
        assertThat(delivery.acknowledges(push, second)).as("the forgery").isFalse();
    }

    @Test
    void aForgeryRoutedBeforeTheGenuineAnswerIsCheckedOnItsOwnBytes() {
        MikeyArrived forgery = new MikeyArrived(UE, forged);
        MikeyArrived answer = new MikeyArrived(UE, genuine);
        assertThat(delivery.pushAcknowledgedBy(answer)).contains("push-1");
        assertThat(delivery.pushAcknowledgedBy(forgery)).contains("push-1");

        assertThat(delivery.acknowledges(push, forgery)).as("the forgery, whose reading replaced the genuine one")
                .isFalse();
        assertThat(delivery.acknowledges(push, answer)).as("the genuine answer, read again").isTrue();
        assertThat(delivery.delivered(push, answer).outcome()).isEqualTo(DeliveryOutcome.DELIVERED);
    }

    /** A push that ended with its last resend refused awaits nothing more: a late answer is routed to no push. */
    @Test
    void anAnswerArrivingAfterThePushEndedIsRoutedToNoPush() {
        now.set(NOW.plusSeconds(2 * 86_400));   // past the UE's NAF keys, so past its MUK: no resend

        assertThat(delivery.retransmission(push)).isEmpty();
        assertThat(delivery.pushAcknowledgedBy(new MikeyArrived(UE, genuine))).isEmpty();
    }

    /** The action that records the delivery takes the check its guard passed: the MAC is verified once. */
    @Test
    void theMacOfTheAnswerIsVerifiedOnceForTheGuardAndTheRecord() {
        MikeyArrived arrived = new MikeyArrived(UE, genuine);
        assertThat(delivery.pushAcknowledgedBy(arrived)).contains("push-1");
        int before = counting.macs().get();

        assertThat(delivery.acknowledges(push, arrived)).isTrue();
        int checked = counting.macs().get();
        assertThat(delivery.delivered(push, arrived).outcome()).isEqualTo(DeliveryOutcome.DELIVERED);

        assertThat(checked).as("the guard verified the MAC").isGreaterThan(before);
        assertThat(counting.macs().get()).as("the record did not verify it again").isEqualTo(checked);
    }

    /** What a conforming UE answers to {@code datagram} (GBA_ME: MUK = Ks_NAF). */
    private static Bytes verificationMessageOf(Bytes datagram) {
        MskMessage message = (MskMessage) MikeyReader.read(datagram).orElseThrow();
        assertThat(new MukId(message.idi().data(), message.idr().data())).isEqualTo(MukId.of(FQDN, BTID.format()));
        SecretBytes muk = SecretBytes.ofHex(KS_NAF);
        OpenedMsk opened = new MikeyOpener(CryptoSuite.jca()).open(message, muk).orElseThrow();
        try {
            return new MikeySealer(CryptoSuite.jca()).acknowledge(opened, muk);
        } finally {
            opened.msk().ifPresent(SecretBytes::destroy);
            muk.destroy();
        }
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
