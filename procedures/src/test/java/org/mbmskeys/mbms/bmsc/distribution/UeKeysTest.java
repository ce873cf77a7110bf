package org.mbmskeys.mbms.bmsc.distribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mbmskeys.mbms.bmsc.distribution.BmscFixture.BTID_A;
import static org.mbmskeys.mbms.bmsc.distribution.BmscFixture.BTID_A2;
import static org.mbmskeys.mbms.bmsc.distribution.BmscFixture.BTID_B;
import static org.mbmskeys.mbms.bmsc.distribution.BmscFixture.IMPI_A;
import static org.mbmskeys.mbms.bmsc.distribution.BmscFixture.IMPI_B;
import static org.mbmskeys.mbms.bmsc.distribution.BmscFixture.KS_A;
import static org.mbmskeys.mbms.bmsc.distribution.BmscFixture.KS_A2;
import static org.mbmskeys.mbms.bmsc.distribution.BmscFixture.NAF_LIFETIME;
import static org.mbmskeys.mbms.bmsc.distribution.BmscFixture.START;
import static org.mbmskeys.mbms.bmsc.distribution.BmscFixture.mukId;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.mbmskeys.mbms.gba.BTid;
import org.mbmskeys.mbms.gba.MbmsKeyManagement;
import org.mbmskeys.mbms.gba.NafId;
import org.mbmskeys.mbms.gba.NafKeyMaterial;

/** The BM-SC's MUK per UE (TS 33.246 §6.1, §6.3.2.2.4). */
class UeKeysTest {

    private final BmscFixture bmsc = new BmscFixture();

    /** GBA_ME: MUK = Ks_NAF; by default it lives as long as the NAF keys. */
    @Test
    void aLookUpMakesKsNafTheUesMukNamedByFqdnAndBTid() {
        MukLookup found = bmsc.ueKeys.lookUp(BTID_A);

        KnownMuk known = ((MukLookup.Known) found).muk();
        assertThat(known.impi()).isEqualTo(IMPI_A);
        assertThat(known.bTid()).isEqualTo(BTID_A);
        assertThat(known.mukId()).isEqualTo(mukId(BTID_A));
        assertThat(known.keyManagement()).isEqualTo(MbmsKeyManagement.ME);
        assertThat(known.derivedAt()).isEqualTo(START);
        assertThat(known.expiresAt()).isEqualTo(START.plus(NAF_LIFETIME)).isEqualTo(known.nafKeysExpireAt());
        UeMuk muk = ((MukUse.Usable) bmsc.ueKeys.forDelivery(IMPI_A)).muk();
        assertThat(muk.key()).isEqualTo(KS_A);
        assertThat(muk.toString()).doesNotContainIgnoringCase(KS_A.revealHex())
                .as("names whose MUK it is").contains(IMPI_A, mukId(BTID_A).toString(), known.expiresAt().toString());
        muk.destroy();
        // The copy was wiped, not the key the BM-SC keeps.
        assertThat(((MukUse.Usable) bmsc.ueKeys.forDelivery(IMPI_A)).muk().key()).isEqualTo(KS_A);
    }

    /**
     * Memory per UE: every MUK ID shares one copy of IDi (the BM-SC's FQDN), and B-TIDs of one BSF share one
     * String for its domain; names, equality and look-ups by a freshly parsed B-TID are unchanged.
     */
    @Test
    void mukIdsShareTheirIdiAndBTidsTheirBsfDomain() {
        KnownMuk a = ((MukLookup.Known) bmsc.ueKeys.lookUp(BTid.parse(BTID_A.format()))).muk();
        KnownMuk b = ((MukLookup.Known) bmsc.ueKeys.lookUp(BTid.parse(BTID_B.format()))).muk();

        assertThat(a.mukId()).isEqualTo(mukId(BTID_A));
        assertThat(b.mukId()).isEqualTo(mukId(BTID_B));
        assertThat(a.mukId().idi()).isSameAs(b.mukId().idi());
        assertThat(a.bTid()).isEqualTo(BTID_A);
        assertThat(b.bTid()).isEqualTo(BTID_B);
        assertThat(a.bTid().bsfDomain()).isSameAs(b.bTid().bsfDomain());
        assertThat(bmsc.ueKeys.lookUp(BTid.parse(BTID_B.format()))).isEqualTo(new MukLookup.Known(b));
        assertThat(bmsc.bsf.lookups).isEqualTo(2);
        assertThat(bmsc.ueKeys.lastKnown(IMPI_B)).contains(b);
    }

    @Test
    void aValidCachedMukIsNotFetchedAgain() {
        bmsc.ueKeys.lookUp(BTID_A);
        bmsc.ueKeys.lookUp(BTID_A);
        assertThat(bmsc.bsf.lookups).isEqualTo(1);

        bmsc.clock.advance(NAF_LIFETIME);
        assertThat(bmsc.ueKeys.lookUp(BTID_A)).isInstanceOf(MukLookup.BootstrappingExpired.class);
        assertThat(bmsc.bsf.lookups).isEqualTo(2);
    }

    @Test
    void unknownAndExpiredBootstrappingsStoreNothing() {
        BTid unknown = BTid.parse("/////////////////////w==@bsf.example.org");
        assertThat(bmsc.ueKeys.lookUp(unknown)).isEqualTo(new MukLookup.UnknownBTid(unknown));
        bmsc.clock.advance(NAF_LIFETIME);
        assertThat(bmsc.ueKeys.lookUp(BTID_B)).isInstanceOf(MukLookup.BootstrappingExpired.class);
        assertThat(bmsc.ueKeys.size()).isZero();
        assertThat(bmsc.ueKeys.forDelivery(IMPI_B)).isEqualTo(new MukUse.Unknown(IMPI_B));
    }

    /**
     * §6.3.2.2.4: a BM-SC MUK lifetime shorter than the Ks_NAF lifetime ends deliveries; the last MUK stays for
     * the solicited pull (NOTE 1).
     */
    @Test
    void aShorterMukLifetimeEndsDeliveriesButNotTheSolicitedPull() {
        BmscFixture shortLived = new BmscFixture(Duration.ofHours(2));
        shortLived.ueKeys.lookUp(BTID_A);
        assertThat(shortLived.ueKeys.lastKnown(IMPI_A).orElseThrow().expiresAt()).isEqualTo(START.plus(Duration.ofHours(2)));

        shortLived.clock.advance(Duration.ofHours(2).minusNanos(1));
        assertThat(shortLived.ueKeys.mukExpired(IMPI_A, shortLived.clock.instant())).isFalse();
        assertThat(shortLived.ueKeys.forDelivery(IMPI_A)).isInstanceOf(MukUse.Usable.class);

        shortLived.clock.advance(Duration.ofNanos(1));
        assertThat(shortLived.ueKeys.mukExpired(IMPI_A, shortLived.clock.instant())).isTrue();
        assertThat(shortLived.ueKeys.forDelivery(IMPI_A)).isInstanceOf(MukUse.Expired.class);
        assertThat(shortLived.ueKeys.forSolicitedPull(IMPI_A).orElseThrow().key()).isEqualTo(KS_A);
    }

    /** The lifetime runs from the first derivation: the UE's next request with the same B-TID does not renew it. */
    @Test
    void theSameBTidAgainDoesNotRestartTheMukLifetime() {
        BmscFixture shortLived = new BmscFixture(Duration.ofHours(2));
        shortLived.ueKeys.lookUp(BTID_A);
        shortLived.clock.advance(Duration.ofHours(3));

        KnownMuk again = ((MukLookup.Known) shortLived.ueKeys.lookUp(BTID_A)).muk();
        NafKeyMaterial same = NafKeyMaterial.gbaMe(NafId.forMbms(BmscFixture.FQDN), BTID_A, IMPI_A, START.plus(NAF_LIFETIME),
                KS_A.copy());
        KnownMuk learned = shortLived.ueKeys.learn(same);

        assertThat(again.derivedAt()).isEqualTo(START);
        assertThat(learned.derivedAt()).isEqualTo(START);
        assertThat(again.isExpiredAt(shortLived.clock.instant())).isTrue();
        assertThat(shortLived.ueKeys.forDelivery(IMPI_A)).isInstanceOf(MukUse.Expired.class);
        assertThat(shortLived.bsf.lookups).isEqualTo(1);
        assertThat(shortLived.retired).isEmpty();
    }

    /** §6.3.2.2.4: a BM-SC MUK lifetime only ever shortens the Ks_NAF one; a MUK known to outlive it is refused. */
    @Test
    void aMukThatWouldOutliveItsNafKeysIsRefused() {
        Instant nafEnd = START.plus(NAF_LIFETIME);

        assertThat(new KnownMuk(IMPI_A, BTID_A, mukId(BTID_A), MbmsKeyManagement.ME, START, nafEnd, nafEnd).expiresAt())
                .isEqualTo(nafEnd);
        assertThatThrownBy(() -> new KnownMuk(IMPI_A, BTID_A, mukId(BTID_A), MbmsKeyManagement.ME, START, nafEnd,
                nafEnd.plusSeconds(1))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("outlive");
    }

    @Test
    void aLongerMukLifetimeNeverOutlivesTheNafKeys() {
        BmscFixture longLived = new BmscFixture(Duration.ofDays(30));
        longLived.ueKeys.lookUp(BTID_A);
        assertThat(longLived.ueKeys.lastKnown(IMPI_A).orElseThrow().expiresAt()).isEqualTo(START.plus(NAF_LIFETIME));
        assertThat(longLived.ueKeys.mukExpired(IMPI_B, START)).isTrue();   // no MUK at all
    }

    /** §6.1: the BSF's IMPI links the new B-TID to the UE; the new MUK replaces the old one. */
    @Test
    void aNewBTidOfTheSameSubscriberReplacesTheMukAndRetiresTheOldOne() {
        bmsc.ueKeys.lookUp(BTID_A);
        bmsc.clock.advance(Duration.ofMinutes(5));
        bmsc.ueKeys.lookUp(BTID_A2);

        assertThat(bmsc.ueKeys.lastKnown(IMPI_A).orElseThrow().bTid()).isEqualTo(BTID_A2);
        assertThat(bmsc.ueKeys.named(IMPI_A, mukId(BTID_A))).isEmpty();
        assertThat(bmsc.ueKeys.named(IMPI_A, mukId(BTID_A2)).orElseThrow().key()).isEqualTo(KS_A2);
        assertThat(bmsc.retired).extracting(KnownMuk::bTid).containsExactly(BTID_A);
        assertThat(bmsc.ueKeys.size()).isEqualTo(1);
        // The old B-TID is not the UE's any more: looking it up asks the BSF again.
        bmsc.ueKeys.lookUp(BTID_A2);
        assertThat(bmsc.bsf.lookups).isEqualTo(2);
    }

    /** A late answer for an older request does not roll the UE back to an older MUK. */
    @Test
    void anOlderMukNeverReplacesANewerOne() {
        bmsc.clock.advance(Duration.ofMinutes(5));
        bmsc.ueKeys.lookUp(BTID_A2);
        bmsc.clock.set(START);
        NafKeyMaterial old = NafKeyMaterial.gbaMe(NafId.forMbms(BmscFixture.FQDN), BTID_A, IMPI_A, START.plus(NAF_LIFETIME),
                KS_A.copy());

        KnownMuk kept = bmsc.ueKeys.learn(old);

        assertThat(kept.bTid()).isEqualTo(BTID_A2);
        assertThat(bmsc.ueKeys.lastKnown(IMPI_A).orElseThrow().bTid()).isEqualTo(BTID_A2);
        assertThat(bmsc.retired).isEmpty();
        assertThat(old.ksExtNaf().isDestroyed()).isFalse();   // the caller's keys stay the caller's
    }

    @Test
    void keysForAnotherNafAreRefused() {
        NafKeyMaterial elsewhere = NafKeyMaterial.gbaMe(NafId.forMbms("other.example.org"), BTID_A, IMPI_A,
                START.plus(NAF_LIFETIME), KS_A.copy());
        assertThatThrownBy(() -> bmsc.ueKeys.learn(elsewhere)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("other.example.org");
    }

    @Test
    void forgettingWipesTheMukButKeepsItsCounterStream() {
        bmsc.ueKeys.lookUp(BTID_A);
        bmsc.distribution.push(BmscFixture.ueA(), BmscFixture.DOWNLOAD.current(), false).orElseThrow();

        assertThat(bmsc.ueKeys.forget(IMPI_A)).isTrue();

        assertThat(bmsc.ueKeys.forDelivery(IMPI_A)).isEqualTo(new MukUse.Unknown(IMPI_A));
        assertThat(bmsc.ueKeys.forSolicitedPull(IMPI_A)).isEmpty();
        assertThat(bmsc.ueKeys.forget(IMPI_A)).isFalse();
        // Back with the same B-TID, the UE's MGV-S still holds counter 1 for this MUK: the stream goes on.
        bmsc.ueKeys.lookUp(BTID_A);
        assertThat(bmsc.distribution.push(BmscFixture.ueA(), BmscFixture.DOWNLOAD.current(), false).orElseThrow().counter().value())
                .isEqualTo(2);
    }

    /** U9: the key management choice decides the MUK; a GBA_ME key cannot serve UICC key management. */
    @Test
    void theKeyManagementChoiceIsConfigurable() {
        UeKeys uicc = UeKeys.builder(bmsc.bsf, NafId.forMbms(BmscFixture.FQDN), bmsc.clock)
                .keyManagement(k -> MbmsKeyManagement.UICC).build();
        assertThatThrownBy(() -> uicc.lookUp(BTID_A)).isInstanceOf(IllegalArgumentException.class);
        assertThat(uicc.size()).isZero();
    }

    /** The builder's settings chain: a MUK lifetime set in the chain is the one the MUKs get. */
    @Test
    void theMukLifetimeSetInTheBuilderChainIsTheOneInForce() {
        UeKeys oneHour = UeKeys.builder(bmsc.bsf, NafId.forMbms(BmscFixture.FQDN), bmsc.clock)
                .mukLifetime(Duration.ofHours(1)).onRetired(m -> { }).build();

        KnownMuk known = ((MukLookup.Known) oneHour.lookUp(BTID_A)).muk();

        assertThat(oneHour.mukLifetime()).contains(Duration.ofHours(1));
        assertThat(known.expiresAt()).isEqualTo(START.plus(Duration.ofHours(1)));
    }
}
