package org.mbmskeys.mbms.ue.gba;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.mbmskeys.engine.bytes.Bytes;
import org.mbmskeys.engine.bytes.SecretBytes;
import org.mbmskeys.mbms.gba.BTid;
import org.mbmskeys.mbms.gba.GbaMode;
import org.mbmskeys.mbms.gba.MbmsKeyManagement;
import org.mbmskeys.mbms.gba.MukMrk;
import org.mbmskeys.mbms.gba.NafId;
import org.mbmskeys.mbms.gba.NafKeyLookup;
import org.mbmskeys.mbms.gba.TestSupport;
import org.mbmskeys.mbms.gba.simulated.BootstrappingFailure;
import org.mbmskeys.mbms.gba.simulated.GbaClient;
import org.mbmskeys.mbms.gba.simulated.SimulatedBsf;
import org.mbmskeys.mbms.gba.simulated.SimulatedUsim;
import org.mbmskeys.mbms.gba.simulated.Sqn;
import org.mbmskeys.mbms.keys.KeyDomainId;
import org.mbmskeys.mbms.keys.KeyGroup;
import org.mbmskeys.mbms.keys.KeyValidity;
import org.mbmskeys.mbms.keys.MskId;
import org.mbmskeys.mbms.keys.MukId;
import org.mbmskeys.mbms.keys.TimestampCounter;
import org.mbmskeys.mbms.mikey.CsbId;
import org.mbmskeys.mbms.mikey.crypto.CryptoSuite;
import org.mbmskeys.mbms.mikey.protection.MikeySealer;
import org.mbmskeys.mbms.mikey.protection.MskDelivery;
import org.mbmskeys.mbms.mikey.protection.SolicitedPull;
import org.mbmskeys.mbms.ue.keys.UeKeyStore;
import org.mbmskeys.mbms.ue.keys.UiccId;
import org.mbmskeys.mbms.ue.reception.MikeyReception;
import org.mbmskeys.mbms.ue.reception.Reception;
import org.mbmskeys.mbms.ue.reception.ReceptionRejection;

/**
 * {@link UeBootstrapping} over a real simulated GBA run (SimulatedUsim and SimulatedBsf, TS 35.208 Test Set 1
 * subscriber): key lifetime boundaries, MUK and MRK per BM-SC equal to what the BM-SC gets over Zn, a new
 * MUK ID per run, and the old MUK still verifying a solicited pull (TS 33.246 §6.1, §6.3.2.2.4).
 */
class UeBootstrappingTest {

    private static final Instant START = Instant.parse("2026-12-02T10:00:00Z");
    private static final Duration LIFETIME = Duration.ofHours(1);
    private static final String BMSC = TestSupport.NAF_FQDN;
    private static final KeyDomainId DOMAIN = KeyDomainId.parse("001-01");
    private static final KeyGroup GROUP = KeyGroup.of(7);

    private final TestSupport.SettableClock clock = new TestSupport.SettableClock(START);
    private final SimulatedBsf bsf = new SimulatedBsf(TestSupport.BSF_DOMAIN, clock, TestSupport.seededRandom(33246L),
            LIFETIME);
    private final UeKeyStore store = UeKeyStore.inMemory();
    private final MikeySealer sealer = new MikeySealer(CryptoSuite.jca());
    private int counter = 1;

    UeBootstrappingTest() {
        store.uiccInserted(UiccId.of("8949440000001234567"));
    }

    private UeBootstrapping gba(GbaMode mode) {
        bsf.addSubscriber(TestSupport.IMPI, TestSupport.k(), TestSupport.opc(), Sqn.of(32), mode);
        GbaClient client = new GbaClient(new SimulatedUsim(TestSupport.IMPI, TestSupport.k(), TestSupport.opc(),
                Sqn.of(0), mode), clock);
        return UeBootstrapping.create(store, UbClient.simulated(client, bsf), mode, clock);
    }

    @Test
    void withoutABootstrapTheUeMustBootstrapAndHasNoKeys() {
        UeBootstrapping gba = gba(GbaMode.GBA_ME);

        assertThat(gba.needsBootstrap(START)).isTrue();
        assertThat(gba.current()).isEmpty();
        assertThat(gba.keysFor(BMSC, MbmsKeyManagement.ME)).isInstanceOf(BmscKeys.BootstrapNeeded.class);
        assertThat(store.currentMuk(idi(BMSC))).isEmpty();
    }

    @Test
    void itsTextNamesTheModeTheBTidItsExpiryAndTheBmscsButNoKey() {
        UeBootstrapping gba = gba(GbaMode.GBA_ME);
        assertThat(gba.toString()).contains("GBA_ME").contains("not bootstrapped");

        gba.bootstrap();
        gba.keysFor(BMSC, MbmsKeyManagement.ME);

        CurrentBootstrap current = gba.current().orElseThrow();
        assertThat(gba.toString()).contains(current.bTid().toString()).contains(START.plus(LIFETIME).toString())
                .contains(BMSC).doesNotContain("not bootstrapped");
    }

    /** Ks and its NAF keys are valid strictly before the expiry the BSF gave (TS 33.220 key lifetime). */
    @Test
    void theKeyLifetimeEndsExactlyAtTheExpiry() {
        UeBootstrapping gba = gba(GbaMode.GBA_ME);
        BootstrapResult result = gba.bootstrap();

        Instant expiry = START.plus(LIFETIME);
        assertThat(result).isInstanceOfSatisfying(BootstrapResult.Bootstrapped.class,
                b -> assertThat(b.expiresAt()).isEqualTo(expiry));
        assertThat(gba.current().orElseThrow().expiresAt()).isEqualTo(expiry);
        assertThat(gba.needsBootstrap(expiry.minusNanos(1))).isFalse();
        assertThat(gba.needsBootstrap(expiry)).isTrue();

        clock.set(expiry.minusNanos(1));
        assertThat(gba.keysFor(BMSC, MbmsKeyManagement.ME)).isInstanceOf(BmscKeys.Installed.class);
        clock.set(expiry);
        assertThat(gba.keysFor(BMSC, MbmsKeyManagement.ME)).isInstanceOf(BmscKeys.BootstrapNeeded.class);
    }

    /** §6.1: the UE's MUK and MRK for a BM-SC are those the BM-SC derives from the BSF's answer over Zn. */
    @ParameterizedTest
    @EnumSource(MbmsKeyManagement.class)
    void theInstalledMukAndMrkAreTheBmscs(MbmsKeyManagement keyManagement) {
        UeBootstrapping gba = gba(GbaMode.GBA_U);
        BTid bTid = ((BootstrapResult.Bootstrapped) gba.bootstrap()).bTid();

        BmscKeys keys = gba.keysFor(org.mbmskeys.mbms.gba.Fqdn.of(BMSC), keyManagement);

        MukId expectedId = MukId.of(BMSC, bTid.format());
        assertThat(keys).isEqualTo(new BmscKeys.Installed(expectedId, START.plus(LIFETIME)));
        assertThat(store.currentMuk(idi(BMSC))).contains(expectedId);
        MukMrk atBmsc = bmscKeys(bTid, keyManagement);
        assertThat(store.mukFor(expectedId).value().key()).isEqualTo(atBmsc.muk());
        assertThat(store.mrk(idi(BMSC)).orElseThrow().key()).isEqualTo(atBmsc.mrk());
        assertThat(gba.expiresAt(expectedId)).contains(START.plus(LIFETIME));
    }

    /** Refused when asked, before any run: the BM-SC is not kept for a run that could never serve it. */
    @Test
    void uiccKeyManagementOfAGbaMeUeIsRefusedBeforeAnyBootstrap() {
        UeBootstrapping gba = gba(GbaMode.GBA_ME);

        assertThatThrownBy(() -> gba.keysFor(BMSC, MbmsKeyManagement.UICC))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs a GBA_U run");
        assertThat(gba.bootstrap()).isInstanceOfSatisfying(BootstrapResult.Bootstrapped.class,
                b -> assertThat(b.installed()).isEmpty());
    }

    @Test
    void uiccKeyManagementNeedsAGbaURun() {
        UeBootstrapping gba = gba(GbaMode.GBA_ME);
        gba.bootstrap();

        assertThatThrownBy(() -> gba.keysFor(BMSC, MbmsKeyManagement.UICC))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("GBA_U");
        assertThatThrownBy(() -> gba.keysFor("not a host", MbmsKeyManagement.ME))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** The refusal comes from the GBA mode alone, before any run; ME key management is then only waiting for one. */
    @Test
    void uiccKeyManagementIsRefusedToAGbaMeUeBeforeItsFirstRunToo() {
        UeBootstrapping gba = gba(GbaMode.GBA_ME);

        assertThatThrownBy(() -> gba.keysFor(BMSC, MbmsKeyManagement.UICC))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs a GBA_U run");
        assertThat(gba.keysFor(BMSC, MbmsKeyManagement.ME)).isInstanceOf(BmscKeys.BootstrapNeeded.class);
    }

    /**
     * The key lifetimes of the last four runs are remembered (for MUKs still verifying a solicited pull); the
     * lifetime of an older run is forgotten.
     */
    @Test
    void theLifetimesOfTheLastFourBootstrapsAreRememberedAndNoOlderOne() {
        UeBootstrapping gba = gba(GbaMode.GBA_ME);
        java.util.List<MukId> muks = new java.util.ArrayList<>();
        for (int run = 0; run < 5; run++) {
            clock.set(START.plus(LIFETIME.multipliedBy(run)));
            BootstrapResult.Bootstrapped b = (BootstrapResult.Bootstrapped) gba.bootstrap();
            muks.add(MukId.of(BMSC, b.bTid().format()));
        }

        assertThat(gba.expiresAt(muks.get(0))).isEmpty();
        for (int run = 1; run < 5; run++) {
            assertThat(gba.expiresAt(muks.get(run))).as("run %d", run).contains(START.plus(LIFETIME.multipliedBy(run + 1)));
        }
    }

    /** A new run installs a new MUK ID (new B-TID) for every BM-SC in use, and a new MRK. */
    @Test
    void aNewBootstrapInstallsANewMukIdForEveryBmscInUse() {
        UeBootstrapping gba = gba(GbaMode.GBA_ME);
        gba.bootstrap();
        MukId first = ((BmscKeys.Installed) gba.keysFor(BMSC, MbmsKeyManagement.ME)).mukId();
        MukId firstOther = ((BmscKeys.Installed) gba.keysFor("bmsc2.example.org", MbmsKeyManagement.ME)).mukId();

        clock.set(START.plus(LIFETIME));
        BootstrapResult.Bootstrapped second = (BootstrapResult.Bootstrapped) gba.bootstrap();

        MukId renewed = MukId.of(BMSC, second.bTid().format());
        MukId renewedOther = MukId.of("bmsc2.example.org", second.bTid().format());
        assertThat(renewed).isNotEqualTo(first);
        assertThat(second.installed()).containsExactly(renewed, renewedOther);
        assertThat(store.currentMuk(idi(BMSC))).contains(renewed);
        assertThat(store.currentMuk(firstOther.idi())).contains(renewedOther);
        assertThat(store.mrk(idi(BMSC)).orElseThrow().id()).isEqualTo(renewed);
        assertThat(gba.needsBootstrap(clock.instant())).isFalse();
        assertThat(gba.expiresAt(first)).contains(START.plus(LIFETIME));
        assertThat(gba.expiresAt(renewed)).contains(START.plus(LIFETIME).plus(LIFETIME));
    }

    /**
     * §6.1, §6.3.2.2.4: after a new run, the MUK an MSK message was last verified with stays usable for a
     * solicited pull, even past its key lifetime (NOTE 1), while a push under it past its lifetime is refused.
     */
    @Test
    void theLastUsedMukStillVerifiesASolicitedPullAfterANewBootstrap() {
        UeBootstrapping gba = gba(GbaMode.GBA_ME);
        MikeyReception reception = MikeyReception.create(store, CryptoSuite.jca(), gba, clock);
        BTid oldBTid = ((BootstrapResult.Bootstrapped) gba.bootstrap()).bTid();
        gba.keysFor(BMSC, MbmsKeyManagement.ME);
        SecretBytes oldMuk = bmscKeys(oldBTid, MbmsKeyManagement.ME).muk();
        assertThat(reception.receive(mskMessage(oldBTid, oldMuk))).isInstanceOf(Reception.MskStored.class);

        clock.set(START.plus(LIFETIME).plusSeconds(5));
        assertThat(gba.needsBootstrap(clock.instant())).isTrue();
        gba.bootstrap();
        assertThat(store.lastUsedMuk(idi(BMSC))).contains(MukId.of(BMSC, oldBTid.format()));

        assertThat(reception.receive(mskMessage(oldBTid, oldMuk))).isInstanceOfSatisfying(Reception.Discarded.class,
                d -> assertThat(d.reason()).isEqualTo(ReceptionRejection.MUK_EXPIRED));
        assertThat(reception.receive(solicitedPull(oldBTid, oldMuk)))
                .isEqualTo(new Reception.MskRequestNeeded(DOMAIN, GROUP,
                        Reception.MskRequestNeeded.Cause.SOLICITED_PULL, Optional.empty()));
    }

    @Test
    void aFailedRunKeepsThePreviousBootstrapAndItsKeys() {
        bsf.addSubscriber(TestSupport.IMPI, TestSupport.k(), TestSupport.opc(), Sqn.of(32), GbaMode.GBA_ME);
        GbaClient rightCard = new GbaClient(new SimulatedUsim(TestSupport.IMPI, TestSupport.k(), TestSupport.opc(),
                Sqn.of(0), GbaMode.GBA_ME), clock);
        // A USIM whose K is not the subscriber's: the AKA MAC fails on the UE side.
        GbaClient wrongCard = new GbaClient(new SimulatedUsim(TestSupport.IMPI,
                SecretBytes.ofHex("000102030405060708090a0b0c0d0e0f"), TestSupport.opc(), Sqn.of(0), GbaMode.GBA_ME),
                clock);
        GbaClient[] card = {rightCard};
        UeBootstrapping gba = UeBootstrapping.create(store, () -> card[0].bootstrap(bsf), GbaMode.GBA_ME, clock);
        gba.bootstrap();
        MukId installed = ((BmscKeys.Installed) gba.keysFor(BMSC, MbmsKeyManagement.ME)).mukId();
        CurrentBootstrap before = gba.current().orElseThrow();

        card[0] = wrongCard;
        assertThat(gba.bootstrap()).isInstanceOfSatisfying(BootstrapResult.Failed.class,
                f -> assertThat(f.reason()).isEqualTo(BootstrappingFailure.MAC_FAILURE));

        assertThat(gba.current()).contains(before);
        assertThat(gba.needsBootstrap(START)).isFalse();
        assertThat(store.currentMuk(idi(BMSC))).contains(installed);
        assertThat(gba.keysFor(BMSC, MbmsKeyManagement.ME)).isEqualTo(new BmscKeys.Installed(installed,
                before.expiresAt()));
    }

    @Test
    void discardForgetsTheBootstrapAndItsLifetimes() {
        UeBootstrapping gba = gba(GbaMode.GBA_ME);
        BTid bTid = ((BootstrapResult.Bootstrapped) gba.bootstrap()).bTid();
        MukId mukId = ((BmscKeys.Installed) gba.keysFor(BMSC, MbmsKeyManagement.ME)).mukId();

        gba.discard();

        assertThat(gba.needsBootstrap(START)).isTrue();
        assertThat(gba.current()).isEmpty();
        assertThat(gba.expiresAt(mukId)).isEmpty();
        assertThat(gba.toString()).doesNotContain(bmscKeys(bTid, MbmsKeyManagement.ME).muk().revealHex());
    }

    // ------------------------------------------------------------------------------------ helpers

    private MukMrk bmscKeys(BTid bTid, MbmsKeyManagement keyManagement) {
        NafKeyLookup answer = bsf.lookUp(bTid, NafId.forMbms(BMSC));
        assertThat(answer).isInstanceOf(NafKeyLookup.Found.class);
        return ((NafKeyLookup.Found) answer).keys().mukMrk(keyManagement);
    }

    private Bytes mskMessage(BTid bTid, SecretBytes muk) {
        return sealer.seal(MskDelivery.delivery(CsbId.of(counter), DOMAIN, MskId.of(GROUP, 1),
                SecretBytes.ofHex("a0a1a2a3a4a5a6a7a8a9aaabacadaeaf"), KeyValidity.of(0, 100),
                TimestampCounter.of(counter++), Bytes.ofHex("00112233445566778899aabbccddeeff"), BMSC, bTid.format(),
                false), muk);
    }

    private Bytes solicitedPull(BTid bTid, SecretBytes muk) {
        return sealer.seal(new SolicitedPull(CsbId.of(counter), DOMAIN, GROUP, TimestampCounter.of(counter++),
                Bytes.ofHex("00112233445566778899aabbccddeeff"), BMSC, bTid.format()), muk);
    }

    private static Bytes idi(String fqdn) {
        return MukId.of(fqdn, "x").idi();
    }
}
