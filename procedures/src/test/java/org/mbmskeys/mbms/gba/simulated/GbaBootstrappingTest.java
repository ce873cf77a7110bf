package org.mbmskeys.mbms.gba.simulated;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mbmskeys.mbms.gba.TestSupport.*;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.mbmskeys.engine.bytes.Bytes;
import org.mbmskeys.engine.bytes.SecretBytes;
import org.mbmskeys.mbms.gba.BTid;
import org.mbmskeys.mbms.gba.Bootstrapping;
import org.mbmskeys.mbms.gba.BootstrappingContext;
import org.mbmskeys.mbms.gba.GbaMode;
import org.mbmskeys.mbms.gba.GbaVectors;
import org.mbmskeys.mbms.gba.MbmsKeyManagement;
import org.mbmskeys.mbms.gba.MukMrk;
import org.mbmskeys.mbms.gba.NafId;
import org.mbmskeys.mbms.gba.NafKeyLookup;
import org.mbmskeys.mbms.gba.NafKeyMaterial;
import org.mbmskeys.mbms.gba.TestSupport;

/**
 * A real in-process GBA run: SimulatedUsim + GbaClient (UE) against SimulatedBsf, then the BM-SC side
 * through the Bootstrapping (Zn) SPI. No key is hard-wired: the subscriber K/OPc are the official TS 35.208
 * Test Set 1 values, RAND comes from a seeded random source, time from a settable clock.
 */
class GbaBootstrappingTest {

    private static final Instant START = Instant.parse("2026-11-22T10:00:00Z");
    private static final Duration LIFETIME = Duration.ofHours(1);
    private static final NafId BMSC = NafId.forMbms(TestSupport.NAF_FQDN);

    private final TestSupport.SettableClock clock = new TestSupport.SettableClock(START);
    private final SimulatedBsf bsf = new SimulatedBsf(TestSupport.BSF_DOMAIN, clock, TestSupport.seededRandom(20261122L),
            LIFETIME);

    private GbaClient ue(GbaMode mode, SecretBytes usimK) {
        bsf.addSubscriber(TestSupport.IMPI, TestSupport.k(), TestSupport.opc(), Sqn.of(32), mode);
        return new GbaClient(new SimulatedUsim(TestSupport.IMPI, usimK, TestSupport.opc(), Sqn.of(0), mode), clock);
    }

    private NafKeyMaterial bmscKeys(BTid bTid) {
        NafKeyLookup answer = bsf.lookUp(bTid, BMSC);
        assertThat(answer).isInstanceOf(NafKeyLookup.Found.class);
        return ((NafKeyLookup.Found) answer).keys();
    }

    @ParameterizedTest
    @EnumSource(GbaMode.class)
    void ueAndBmscDeriveIdenticalNafKeysAndMukMrk(GbaMode mode) {
        GbaClient ue = ue(mode, TestSupport.k());
        BootstrappingContext context = ue.bootstrap(bsf);

        NafKeyMaterial atUe = ue.nafKeys(BMSC);
        NafKeyMaterial atBmsc = bmscKeys(context.bTid());

        assertThat(atBmsc.mode()).isEqualTo(atUe.mode()).isEqualTo(mode);
        assertThat(atBmsc.ksExtNaf().revealHex()).isEqualTo(atUe.ksExtNaf().revealHex());
        assertThat(atBmsc.ksIntNaf().map(SecretBytes::revealHex)).isEqualTo(atUe.ksIntNaf().map(SecretBytes::revealHex));
        assertThat(atBmsc.ksIntNaf().isPresent()).isEqualTo(mode == GbaMode.GBA_U);
        assertThat(atBmsc.impi()).isEqualTo(atUe.impi()).isEqualTo(TestSupport.IMPI);
        assertThat(atBmsc.bTid()).isEqualTo(atUe.bTid()).isEqualTo(context.bTid());
        assertThat(atBmsc.expiresAt()).isEqualTo(atUe.expiresAt()).isEqualTo(START.plus(LIFETIME));

        MukMrk ueKeys = ue.mukMrk(BMSC);
        MukMrk bmscKeys = atBmsc.mukMrk();
        assertThat(bmscKeys.muk().revealHex()).isEqualTo(ueKeys.muk().revealHex());
        assertThat(bmscKeys.mrk().revealHex()).isEqualTo(ueKeys.mrk().revealHex());
        assertThat(bmscKeys.muk()).isNotEqualTo(bmscKeys.mrk());

        // ME-based key management exists after either run (TS 33.246 §6.1); both sides agree on it too.
        MukMrk ueMe = ue.mukMrk(BMSC, MbmsKeyManagement.ME);
        MukMrk bmscMe = atBmsc.mukMrk(MbmsKeyManagement.ME);
        assertThat(bmscMe.muk().revealHex()).isEqualTo(ueMe.muk().revealHex()).isEqualTo(atBmsc.ksExtNaf().revealHex());
        assertThat(bmscMe.mrk().revealHex()).isEqualTo(ueMe.mrk().revealHex());
    }

    @Test
    void bootstrappingWithTheTestSetRandReproducesTheGbaVectors() {
        SimulatedBsf fixedRandBsf = new SimulatedBsf(TestSupport.BSF_DOMAIN, clock,
                n -> Bytes.ofHex(TestSupport.RAND_SET1), LIFETIME);
        fixedRandBsf.addSubscriber(TestSupport.IMPI, TestSupport.k(), TestSupport.opc(), Sqn.of(7), GbaMode.GBA_U);
        GbaClient ue = new GbaClient(
                new SimulatedUsim(TestSupport.IMPI, TestSupport.k(), TestSupport.opc(), Sqn.of(0), GbaMode.GBA_U), clock);

        BootstrappingContext context = ue.bootstrap(fixedRandBsf);

        // Ks = CK ‖ IK of the official Test Set 1; the rest are the [SELF] values of vectors/gba.json.
        assertThat(context.ks().revealHex()).isEqualTo(GbaVectors.text("ck") + GbaVectors.text("ik"));
        assertThat(context.bTid().format()).isEqualTo(GbaVectors.text("btid_for_bsf_example_org"));
        NafKeyMaterial atBmsc = ((NafKeyLookup.Found) fixedRandBsf.lookUp(context.bTid(), BMSC)).keys();
        assertThat(atBmsc.ksExtNaf().revealHex()).isEqualTo(GbaVectors.text("ks_ext_naf"));
        assertThat(atBmsc.ksIntNaf()).get().extracting(SecretBytes::revealHex).isEqualTo(GbaVectors.text("ks_int_naf"));
    }

    @Test
    void wrongKOnTheUsimFailsWithMacFailure() {
        SecretBytes kWithLastBitFlipped = SecretBytes.ofHex("465b5ce8b199b49faa5f0a2ee238a6bd");
        GbaClient ue = ue(GbaMode.GBA_ME, kWithLastBitFlipped);

        assertThatThrownBy(() -> ue.bootstrap(bsf))
                .isInstanceOf(BootstrappingException.class)
                .extracting(e -> ((BootstrappingException) e).reason())
                .isEqualTo(BootstrappingFailure.MAC_FAILURE);
        assertThat(ue.context()).isEmpty();
    }

    @Test
    void expiredBootstrappingIsRefusedByBsfAndUe() {
        GbaClient ue = ue(GbaMode.GBA_ME, TestSupport.k());
        BTid bTid = ue.bootstrap(bsf).bTid();

        clock.set(START.plus(LIFETIME).minusNanos(1));
        assertThat(bsf.lookUp(bTid, BMSC)).isInstanceOf(NafKeyLookup.Found.class);
        assertThat(ue.nafKeys(BMSC).bTid()).isEqualTo(bTid);

        clock.set(START.plus(LIFETIME));
        assertThat(bsf.lookUp(bTid, BMSC)).isEqualTo(new NafKeyLookup.Expired(bTid, START.plus(LIFETIME)));
        assertThatThrownBy(() -> ue.mukMrk(BMSC))
                .isInstanceOf(BootstrappingException.class)
                .hasMessageContaining("expired at " + START.plus(LIFETIME))
                .extracting(e -> ((BootstrappingException) e).reason())
                .isEqualTo(BootstrappingFailure.EXPIRED);
    }

    @Test
    void bTidTheBsfNeverIssuedIsUnknown() {
        BTid stranger = BTid.parse(GbaVectors.text("btid_for_bsf_example_org"));

        assertThat(bsf.lookUp(stranger, BMSC)).isEqualTo(new NafKeyLookup.UnknownBTid(stranger));
    }

    @Test
    void newBootstrappingReplacesThePreviousBTid() {
        GbaClient ue = ue(GbaMode.GBA_ME, TestSupport.k());
        BTid first = ue.bootstrap(bsf).bTid();
        SecretBytes firstMuk = ue.mukMrk(BMSC).muk();

        BTid second = ue.bootstrap(bsf).bTid();

        assertThat(second).isNotEqualTo(first);
        assertThat(bsf.lookUp(first, BMSC)).isInstanceOf(NafKeyLookup.UnknownBTid.class);
        assertThat(bmscKeys(second).mukMrk().muk()).isNotEqualTo(firstMuk);
        assertThat(ue.context()).get().extracting(BootstrappingContext::bTid).isEqualTo(second);
    }

    @Test
    void usimAheadOfTheBsfIsResynchronisedAndBootstrappingSucceeds() {
        bsf.addSubscriber(TestSupport.IMPI, TestSupport.k(), TestSupport.opc(), Sqn.of(5), GbaMode.GBA_ME);
        SimulatedUsim usim = new SimulatedUsim(TestSupport.IMPI, TestSupport.k(), TestSupport.opc(), Sqn.of(1000),
                GbaMode.GBA_ME);

        BootstrappingContext context = new GbaClient(usim, clock).bootstrap(bsf);

        assertThat(usim.highestAcceptedSqn()).isEqualTo(Sqn.of(1001));
        assertThat(bsf.lookUp(context.bTid(), BMSC)).isInstanceOf(NafKeyLookup.Found.class);
    }

    @Test
    void forgedAutsIsRejected() {
        bsf.addSubscriber(TestSupport.IMPI, TestSupport.k(), TestSupport.opc(), Sqn.of(5), GbaMode.GBA_ME);
        SimulatedUsim usim = new SimulatedUsim(TestSupport.IMPI, TestSupport.k(), TestSupport.opc(), Sqn.of(1000),
                GbaMode.GBA_ME);
        AuthenticationChallenge challenge = bsf.challenge(TestSupport.IMPI);
        Bytes auts = ((AkaResult.SyncFailure) usim.authenticate(challenge.rand(), challenge.autn())).auts();

        assertThatThrownBy(() -> bsf.resynchronize(TestSupport.IMPI, challenge.rand(), auts.withByteXored(13, 0x01)))
                .isInstanceOf(BootstrappingException.class)
                .extracting(e -> ((BootstrappingException) e).reason())
                .isEqualTo(BootstrappingFailure.RESYNC_REJECTED);
    }

    @Test
    void wrongResIsRejectedAndUsesUpTheChallenge() {
        bsf.addSubscriber(TestSupport.IMPI, TestSupport.k(), TestSupport.opc(), Sqn.of(5), GbaMode.GBA_ME);
        SimulatedUsim usim = new SimulatedUsim(TestSupport.IMPI, TestSupport.k(), TestSupport.opc(), Sqn.of(0),
                GbaMode.GBA_ME);
        AuthenticationChallenge challenge = bsf.challenge(TestSupport.IMPI);
        Bytes res = ((AkaResult.Success) usim.authenticate(challenge.rand(), challenge.autn())).res();

        assertThatThrownBy(() -> bsf.complete(TestSupport.IMPI, res.withByteXored(7, 0x01)))
                .isInstanceOf(BootstrappingException.class)
                .extracting(e -> ((BootstrappingException) e).reason())
                .isEqualTo(BootstrappingFailure.RES_MISMATCH);
        assertThatThrownBy(() -> bsf.complete(TestSupport.IMPI, res))
                .isInstanceOf(BootstrappingException.class)
                .extracting(e -> ((BootstrappingException) e).reason())
                .isEqualTo(BootstrappingFailure.NO_PENDING_CHALLENGE);
    }

    @Test
    void unknownImpiIsRejected() {
        assertThatThrownBy(() -> bsf.challenge("999990000000001@ims.mnc999.mcc999.3gppnetwork.org"))
                .isInstanceOf(BootstrappingException.class)
                .hasMessageContaining("has no subscriber 999990000000001@")
                .extracting(e -> ((BootstrappingException) e).reason())
                .isEqualTo(BootstrappingFailure.UNKNOWN_IMPI);
    }

    @Test
    void subscriberCannotBeAddedTwice() {
        bsf.addSubscriber(TestSupport.IMPI, TestSupport.k(), TestSupport.opc(), Sqn.of(0), GbaMode.GBA_ME);

        assertThatThrownBy(() -> bsf.addSubscriber(TestSupport.IMPI, TestSupport.k(), TestSupport.opc(), Sqn.of(0),
                GbaMode.GBA_U))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("already registered");
    }

    @Test
    void keysBeforeAnyBootstrappingAreAnError() {
        GbaClient ue = ue(GbaMode.GBA_ME, TestSupport.k());

        assertThatThrownBy(() -> ue.nafKeys(BMSC))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("has not bootstrapped; call bootstrap(bsf)");
    }

    @Test
    void randomSourceOfWrongLengthOrRepeatingRandIsCaught() {
        SimulatedBsf shortRandom = new SimulatedBsf(TestSupport.BSF_DOMAIN, clock, n -> Bytes.ofHex("00"), LIFETIME);
        shortRandom.addSubscriber(TestSupport.IMPI, TestSupport.k(), TestSupport.opc(), Sqn.of(0), GbaMode.GBA_ME);
        assertThatThrownBy(() -> shortRandom.challenge(TestSupport.IMPI))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("random source returned 1 bytes when 16 were asked for RAND");

        SimulatedBsf constant = new SimulatedBsf(TestSupport.BSF_DOMAIN, clock, n -> Bytes.ofHex(TestSupport.RAND_SET1),
                LIFETIME);
        constant.addSubscriber(TestSupport.IMPI, TestSupport.k(), TestSupport.opc(), Sqn.of(0), GbaMode.GBA_ME);
        GbaClient ue = new GbaClient(
                new SimulatedUsim(TestSupport.IMPI, TestSupport.k(), TestSupport.opc(), Sqn.of(0), GbaMode.GBA_ME), clock);
        ue.bootstrap(constant);
        assertThatThrownBy(() -> ue.bootstrap(constant))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("B-TIDs must be unique");
    }

    @Test
    void bsfRejectsNonPositiveLifetimeAndBadDomain() {
        assertThatThrownBy(() -> new SimulatedBsf(TestSupport.BSF_DOMAIN, clock, TestSupport.seededRandom(1), Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("key lifetime must be positive, got PT0S");
        assertThatThrownBy(() -> new SimulatedBsf("bsf example", clock, TestSupport.seededRandom(1), LIFETIME))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("BSF domain 'bsf example' is not a host name");
    }

    @Test
    void contextRejectsABTidOfAnotherRandAndShortIk() {
        Bytes rand = Bytes.ofHex(TestSupport.RAND_SET1);
        BTid other = BTid.of(rand.withByteXored(0, 0x01), TestSupport.BSF_DOMAIN);

        assertThatThrownBy(() -> new BootstrappingContext(SecretBytes.wrap(new byte[32]), rand, TestSupport.IMPI, other,
                START))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("was not made from this bootstrapping's RAND");
        assertThatThrownBy(() -> BootstrappingContext.fromAka(SecretBytes.wrap(new byte[16]),
                SecretBytes.wrap(new byte[8]), rand, TestSupport.IMPI, BTid.of(rand, TestSupport.BSF_DOMAIN), START))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("CK and IK are 16 bytes each; got 16 and 8");
    }

    @Test
    void aSubscribersOwnKeyLifetimeAppliesToItsNextBootstrappingsWhichTheBsfLists() {
        GbaClient ue = ue(GbaMode.GBA_ME, TestSupport.k());
        assertThat(bsf.bootstrappings(TestSupport.IMPI)).isEmpty();
        BootstrappingContext first = ue.bootstrap(bsf);
        bsf.keyLifetime(TestSupport.IMPI, Duration.ofMinutes(5));
        clock.set(START.plusSeconds(60));
        BootstrappingContext second = ue.bootstrap(bsf);

        assertThat(first.expiresAt()).isEqualTo(START.plus(LIFETIME));
        assertThat(second.expiresAt()).isEqualTo(START.plusSeconds(60).plus(Duration.ofMinutes(5)));
        assertThat(bsf.bootstrappings(TestSupport.IMPI)).containsExactly(
                new BootstrapConfirmation(first.bTid(), first.expiresAt()),
                new BootstrapConfirmation(second.bTid(), second.expiresAt()));
        assertThat(bsf.lookUp(second.bTid(), BMSC)).isInstanceOf(NafKeyLookup.Found.class);
        clock.set(second.expiresAt());
        assertThat(bsf.lookUp(second.bTid(), BMSC)).isInstanceOf(NafKeyLookup.Expired.class);
        assertThatThrownBy(() -> bsf.keyLifetime(TestSupport.IMPI, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> bsf.keyLifetime("nobody@ims.example.org", Duration.ofMinutes(1)))
                .isInstanceOf(BootstrappingException.class);
    }
}
