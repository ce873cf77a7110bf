package org.mbmskeys.mbms.bmsc.distribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mbmskeys.mbms.bmsc.distribution.BmscFixture.BTID_A;
import static org.mbmskeys.mbms.bmsc.distribution.BmscFixture.DOMAIN;
import static org.mbmskeys.mbms.bmsc.distribution.BmscFixture.DOWNLOAD;
import static org.mbmskeys.mbms.bmsc.distribution.BmscFixture.KS_A;
import static org.mbmskeys.mbms.bmsc.distribution.BmscFixture.UE_A;
import static org.mbmskeys.mbms.bmsc.distribution.BmscFixture.mukId;
import static org.mbmskeys.mbms.bmsc.distribution.BmscFixture.ueA;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.mbmskeys.engine.bytes.SecretBytes;
import org.mbmskeys.mbms.keys.KeyGroup;
import org.mbmskeys.mbms.keys.MskRef;
import org.mbmskeys.mbms.keys.TimestampCounter;
import org.mbmskeys.mbms.mikey.crypto.CryptoSuite;
import org.mbmskeys.mbms.mikey.protection.InboundMikey;
import org.mbmskeys.mbms.mikey.protection.MikeyOpener;
import org.mbmskeys.mbms.mikey.protection.MikeyReader;
import org.mbmskeys.mbms.mikey.protection.MikeyRejection;
import org.mbmskeys.mbms.mikey.protection.OpenResult;
import org.mbmskeys.mbms.mikey.protection.SolicitedPullMessage;
import org.mbmskeys.mbms.ue.keys.KeyOutcome;
import org.mbmskeys.mbms.ue.keys.UeKeyStore;
import org.mbmskeys.mbms.ue.keys.UiccId;

/** The BM-SC solicited pull (TS 33.246 §6.3.2.2.4) as a conforming UE reads and verifies it. */
class SolicitedPullTest {

    private final MikeyOpener opener = new MikeyOpener(CryptoSuite.jca());

    @Test
    void aPullNamesTheGroupWithKeyNumberZeroWithoutVAndVerifiesWithTheLastMuk() {
        BmscFixture bmsc = new BmscFixture();
        bmsc.ueKeys.lookUp(BTID_A);

        PreparedPull pull = bmsc.distribution.solicitedPull(ueA(), DOMAIN, DOWNLOAD.keyGroup()).orElseThrow();

        assertThat(pull.to()).isEqualTo(UE_A);
        assertThat(pull.keyGroup()).isEqualTo(DOWNLOAD);
        assertThat(pull.mukId()).isEqualTo(mukId(BTID_A));
        assertThat(pull.counter()).isEqualTo(TimestampCounter.of(1));
        assertThat(pull.mukExpired()).isFalse();
        InboundMikey read = MikeyReader.read(pull.datagram()).orElseThrow();
        assertThat(read).isInstanceOf(SolicitedPullMessage.class);   // the reader refuses V or key data with Key Number 0
        SolicitedPullMessage message = (SolicitedPullMessage) read;
        assertThat(message.keyGroup()).isEqualTo(DOWNLOAD.keyGroup());
        assertThat(message.csbId()).isEqualTo(pull.csbId());
        assertThat(opener.verify(message, KS_A).isOpened()).isTrue();
        OpenResult<SolicitedPullMessage> wrongMuk = opener.verify(message, SecretBytes.ofHex("00".repeat(32)));
        assertThat(wrongMuk.rejection().reason()).isEqualTo(MikeyRejection.BAD_MAC);

        UeKeyStore store = UeKeyStore.inMemory();
        store.uiccInserted(UiccId.of("8949440000001234567"));
        store.installMuk(mukId(BTID_A), KS_A.copy());
        KeyOutcome<MskRef> wanted = store.applySolicitedPull(mukId(BTID_A), message.counter(), message.keyDomain(),
                message.keyGroup());
        assertThat(wanted.value()).isEqualTo(DOWNLOAD.current());
    }

    /** NOTE 1: the last MUK may be used past its lifetime for this message, and the pull says so. */
    @Test
    void pastTheMukLifetimeThePullStillGoesUnderTheLastMuk() {
        BmscFixture bmsc = new BmscFixture(Duration.ofHours(1));
        bmsc.ueKeys.lookUp(BTID_A);
        bmsc.clock.advance(Duration.ofDays(3));   // past the BM-SC MUK lifetime and the Ks_NAF lifetime

        PreparedPull pull = bmsc.distribution.solicitedPull(ueA(), DOMAIN, DOWNLOAD.keyGroup()).orElseThrow();

        assertThat(pull.mukExpired()).isTrue();
        SolicitedPullMessage message = (SolicitedPullMessage) MikeyReader.read(pull.datagram()).orElseThrow();
        assertThat(opener.verify(message, KS_A).isOpened()).isTrue();
    }

    @Test
    void aPullNeedsAKnownMukAndAKnownGroup() {
        BmscFixture bmsc = new BmscFixture();
        Preparation<PreparedPull> noMuk = bmsc.distribution.solicitedPull(ueA(), DOMAIN, DOWNLOAD.keyGroup());
        assertThat(((Preparation.Refused<PreparedPull>) noMuk).reason()).isEqualTo(DistributionRefusal.NO_MUK);

        bmsc.ueKeys.lookUp(BTID_A);
        Preparation<PreparedPull> noGroup = bmsc.distribution.solicitedPull(ueA(), DOMAIN, KeyGroup.of(0x42));
        assertThat(((Preparation.Refused<PreparedPull>) noGroup).reason())
                .isEqualTo(DistributionRefusal.UNKNOWN_KEY_GROUP);
    }

    /** The pull shares the counter stream of the UE's MUK with the MSK messages (§6.4.3: one per UE). */
    @Test
    void aPullTakesTheNextCounterOfTheMuk() {
        BmscFixture bmsc = new BmscFixture();
        bmsc.ueKeys.lookUp(BTID_A);
        bmsc.distribution.push(ueA(), DOWNLOAD.current(), false).orElseThrow();

        assertThat(bmsc.distribution.solicitedPull(ueA(), DOMAIN, DOWNLOAD.keyGroup()).orElseThrow().counter())
                .isEqualTo(TimestampCounter.of(2));
    }
}
