package org.mbmskeys.mbms.ue.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mbmskeys.mbms.ue.keys.UeFixtures.DOMAIN;
import static org.mbmskeys.mbms.ue.keys.UeFixtures.GROUP;
import static org.mbmskeys.mbms.ue.keys.UeFixtures.MRK;
import static org.mbmskeys.mbms.ue.keys.UeFixtures.MSK_A;
import static org.mbmskeys.mbms.ue.keys.UeFixtures.MSK_B;
import static org.mbmskeys.mbms.ue.keys.UeFixtures.MSK_ID_1;
import static org.mbmskeys.mbms.ue.keys.UeFixtures.MSK_ID_2;
import static org.mbmskeys.mbms.ue.keys.UeFixtures.MUK;
import static org.mbmskeys.mbms.ue.keys.UeFixtures.MUK_ID;
import static org.mbmskeys.mbms.ue.keys.UeFixtures.NEW_MUK;
import static org.mbmskeys.mbms.ue.keys.UeFixtures.NEW_MUK_ID;
import static org.mbmskeys.mbms.ue.keys.UeFixtures.OTHER_BMSC_MUK_ID;
import static org.mbmskeys.mbms.ue.keys.UeFixtures.VALIDITY;
import static org.mbmskeys.mbms.ue.keys.UeFixtures.assertRejectedUnchanged;
import static org.mbmskeys.mbms.ue.keys.UeFixtures.counter;
import static org.mbmskeys.mbms.ue.keys.UeFixtures.deliverMsk;
import static org.mbmskeys.mbms.ue.keys.UeFixtures.storeWithMuk;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mbmskeys.engine.bytes.Bytes;
import org.mbmskeys.mbms.keys.MskId;
import org.mbmskeys.mbms.keys.MskRef;
import org.mbmskeys.mbms.keys.MukId;
import org.mbmskeys.mbms.keys.ServiceType;

/**
 * MUK rules of the UE key store: MUK ID = IDi ‖ IDr (TS 33.246 §6.4.6.1), one current MUK per IDi
 * (TS 31.102 EF_MUK), and the last successfully used MUK that the ME keeps so that a solicited pull
 * protected with the MUK the BM-SC last knew still verifies (§6.3.2.2.4; seeds {@code 001}, {@code 004}).
 */
class UeMukRulesTest {

    private final UeKeyStore store = storeWithMuk();

    @Test
    void currentMukIsFoundByItsId() {
        MukKey found = store.mukFor(MUK_ID).value();
        assertThat(found.id()).isEqualTo(MUK_ID);
        assertThat(found.key()).isEqualTo(MUK);
        assertThat(found.role()).isEqualTo(MukKey.Role.CURRENT);
    }

    /**
     * IDi is the BM-SC's FQDN, which DNS compares without letter case (RFC 4343): {@link UeKeyStore#heldIdFor} maps a
     * received MUK ID to the held one; the rules themselves compare exactly. IDr (the B-TID, base64) keeps its case.
     */
    @Test
    void heldIdForMapsAnIdiInAnotherLetterCaseToTheHeldMukIdAndNothingElse() {
        store.installMuk(OTHER_BMSC_MUK_ID, NEW_MUK);
        MukId shouted = MukId.of("BMSC.EXAMPLE.ORG", "I1U8vpY3qJ0hiuZNrke/NQ==@bsf.example.org");
        MukId otherIdr = MukId.of("bmsc.example.org", "i1u8vpy3qj0hiuznrke/nq==@bsf.example.org");
        MukId otherBmsc = MukId.of("bmsc3.example.org", "I1U8vpY3qJ0hiuZNrke/NQ==@bsf.example.org");
        UeKeyState before = store.snapshot();

        assertThat(store.heldIdFor(MukId.of("bmsc.example.org", "I1U8vpY3qJ0hiuZNrke/NQ==@bsf.example.org"))).isEqualTo(MUK_ID);
        assertThat(store.heldIdFor(shouted)).isEqualTo(MUK_ID);
        assertThat(store.heldIdFor(MukId.of("Bmsc2.Example.Org", "I1U8vpY3qJ0hiuZNrke/NQ==@bsf.example.org")))
                .isEqualTo(OTHER_BMSC_MUK_ID);
        assertThat(store.heldIdFor(otherIdr)).isSameAs(otherIdr);
        assertThat(store.heldIdFor(otherBmsc)).isSameAs(otherBmsc);
        assertThat(store.mukFor(shouted).isAccepted()).isFalse();
        assertThat(store.snapshot()).isEqualTo(before);
    }

    @Test
    void heldIdForAlsoFindsTheLastUsedMuk() {
        deliverMsk(store, 1, MSK_ID_1, MSK_A, VALIDITY);   // MUK_ID becomes the last used MUK
        store.installMuk(NEW_MUK_ID, NEW_MUK);             // and stays so beside the new current one

        assertThat(store.heldIdFor(MukId.of("bmsc.EXAMPLE.org", "I1U8vpY3qJ0hiuZNrke/NQ==@bsf.example.org")))
                .isEqualTo(MUK_ID);
    }

    /** One-byte mutations of IDi ‖ IDr name a different MUK. */
    @ParameterizedTest(name = "byte {0} flipped")
    @ValueSource(ints = {0, 5, 15, 16, 30, 55})
    void anyChangedByteOfIdiOrIdrIsAnUnknownMuk(int index) {
        Bytes both = MUK_ID.concatenated().withByteXored(index, 0x01);
        int idiLength = MUK_ID.idi().length();
        MukId mutated = new MukId(both.slice(0, idiLength), both.slice(idiLength, both.length() - idiLength));
        assertRejectedUnchanged(store, KeyRejection.UNKNOWN_MUK, () -> store.mukFor(mutated));
        assertRejectedUnchanged(store, KeyRejection.UNKNOWN_MUK, () -> store.checkMskCounter(mutated, counter(1)));
    }

    @Test
    void successfulMskMessageMarksItsMukAsLastUsed() {
        assertThat(store.lastUsedMuk(MUK_ID.idi())).isEmpty();
        deliverMsk(store, 1, MSK_ID_1, MSK_A, VALIDITY);
        assertThat(store.lastUsedMuk(MUK_ID.idi())).contains(MUK_ID);
    }

    @Test
    void rejectedMskMessageDoesNotMarkItsMukAsLastUsed() {
        store.applyMsk(MUK_ID, counter(1), DOMAIN, MSK_ID_1, Optional.empty(), VALIDITY, UeFixtures.RAND, ServiceType.STREAMING);
        assertThat(store.lastUsedMuk(MUK_ID.idi())).isEmpty();
    }

    /** Seed 001/003: the BM-SC still knows only the old MUK and sends a solicited pull with it. */
    @Test
    void lastUsedMukStillVerifiesASolicitedPullAfterAMukChange() {
        deliverMsk(store, 10, MSK_ID_1, MSK_A, VALIDITY);
        store.installMuk(NEW_MUK_ID, NEW_MUK);

        KeyOutcome<MukKey> old = store.checkMskCounter(MUK_ID, counter(11));
        assertThat(old.value().role()).isEqualTo(MukKey.Role.LAST_USED);
        assertThat(old.value().key()).isEqualTo(MUK);
        assertThat(store.mukFor(NEW_MUK_ID).value().role()).isEqualTo(MukKey.Role.CURRENT);

        KeyOutcome<MskRef> pull = store.applySolicitedPull(MUK_ID, counter(11), DOMAIN, GROUP);
        assertThat(pull.value()).isEqualTo(MskRef.of(DOMAIN, MskId.current(GROUP)));
        assertThat(store.counterFor(MUK_ID)).contains(counter(11));
    }

    @Test
    void replayedSolicitedPullIsRejectedWithoutChange() {
        deliverMsk(store, 10, MSK_ID_1, MSK_A, VALIDITY);
        store.installMuk(NEW_MUK_ID, NEW_MUK);
        store.applySolicitedPull(MUK_ID, counter(11), DOMAIN, GROUP);
        assertRejectedUnchanged(store, KeyRejection.REPLAYED_COUNTER,
                () -> store.applySolicitedPull(MUK_ID, counter(11), DOMAIN, GROUP));
    }

    @Test
    void lastUsedMukSurvivesAMukChangeUntilTheNewMukIsUsed() {
        deliverMsk(store, 10, MSK_ID_1, MSK_A, VALIDITY);
        store.installMuk(NEW_MUK_ID, NEW_MUK);
        assertThat(store.lastUsedMuk(MUK_ID.idi())).contains(MUK_ID);

        assertThat(store.applyMsk(NEW_MUK_ID, counter(1), DOMAIN, MSK_ID_2, Optional.of(MSK_B), VALIDITY, UeFixtures.RAND, ServiceType.STREAMING).isAccepted()).isTrue();
        assertThat(store.lastUsedMuk(MUK_ID.idi())).contains(NEW_MUK_ID);
        assertRejectedUnchanged(store, KeyRejection.UNKNOWN_MUK, () -> store.checkMskCounter(MUK_ID, counter(12)));
        assertThat(store.counterFor(MUK_ID)).isEmpty();
    }

    /**
     * TS 33.246 §6.3.2.3.1: a push under "a still valid MUK that is not the last generated MUK at the UE":
     * "upon a successful integrity check the UE shall initiate an MSK request with the specified Key Group.
     * Additionally, in this case, the UE shall not create a MIKEY acknowledgement message." Annex D.1: the
     * ACK only when "the received MSK ID corresponds to the last generated MUK". MUK 1 used, MUK 2
     * installed: a push with V=1 under MUK 1 is accepted and stored (U15) but answered with an MSK request
     * and no ACK; under MUK 2 it is answered with the ACK.
     */
    @Test
    void pushUnderTheLastUsedMukRequestsTheMskAndSendsNoAck() {
        deliverMsk(store, 10, MSK_ID_1, MSK_A, VALIDITY);
        store.installMuk(NEW_MUK_ID, NEW_MUK);

        MskUpdate underOld = store.applyMsk(MUK_ID, counter(11), DOMAIN, MSK_ID_2, Optional.of(MSK_B), VALIDITY,
                UeFixtures.RAND, ServiceType.STREAMING).value();
        assertThat(underOld.answer()).isEqualTo(MskUpdate.Answer.REQUEST_MSK_NO_ACK);
        assertThat(underOld.mskToRequest()).contains(MskRef.of(DOMAIN, MskId.current(GROUP)));
        assertThat(underOld.change()).isEqualTo(MskChange.STORED);
        assertThat(store.msk(MskRef.of(DOMAIN, MSK_ID_2))).isPresent();
        assertThat(store.counterFor(MUK_ID)).contains(counter(11));
        assertThat(store.lastUsedMuk(MUK_ID.idi())).contains(MUK_ID);

        MskUpdate underNew = store.applyMsk(NEW_MUK_ID, counter(1), DOMAIN, MSK_ID_2, Optional.of(MSK_B), VALIDITY,
                UeFixtures.RAND, ServiceType.STREAMING).value();
        assertThat(underNew.answer()).isEqualTo(MskUpdate.Answer.ACK_IF_ASKED);
        assertThat(underNew.mskToRequest()).isEmpty();
    }

    /** The other reading of U15: such a push only triggers the request; its MSK is not stored. */
    @Test
    void aStoreThatDoesNotApplyPushesUnderTheLastUsedMukOnlyStoresTheCounter() {
        UeKeyStore strict = new UeKeyStore(UeKeyStorage.inMemory(), false);
        strict.uiccInserted(UiccId.of("8949440000001234567"));
        strict.installMuk(MUK_ID, MUK);
        deliverMsk(strict, 10, MSK_ID_1, MSK_A, VALIDITY);
        strict.installMuk(NEW_MUK_ID, NEW_MUK);
        MskUpdate underOld = strict.applyMsk(MUK_ID, counter(11), DOMAIN, MSK_ID_2, Optional.of(MSK_B), VALIDITY,
                UeFixtures.RAND, ServiceType.STREAMING).value();
        assertThat(underOld.change()).isEqualTo(MskChange.NOT_APPLIED);
        assertThat(underOld.answer()).isEqualTo(MskUpdate.Answer.REQUEST_MSK_NO_ACK);
        assertThat(strict.msk(MskRef.of(DOMAIN, MSK_ID_2))).isEmpty();
        assertThat(strict.counterFor(MUK_ID)).contains(counter(11));
    }

    @Test
    void aMukThatNeverVerifiedAMessageIsForgottenWhenReplaced() {
        store.installMuk(NEW_MUK_ID, NEW_MUK);
        assertRejectedUnchanged(store, KeyRejection.UNKNOWN_MUK, () -> store.mukFor(MUK_ID));
    }

    /** Each MUK ID has its own counter stream: a new MUK starts fresh, the old one keeps its counter. */
    @Test
    void countersArePerMukId() {
        deliverMsk(store, 500, MSK_ID_1, MSK_A, VALIDITY);
        store.installMuk(NEW_MUK_ID, NEW_MUK);
        assertThat(store.applyMsk(NEW_MUK_ID, counter(1), DOMAIN, MSK_ID_2, Optional.of(MSK_B), VALIDITY, UeFixtures.RAND, ServiceType.STREAMING).isAccepted()).isTrue();
        assertThat(store.counterFor(NEW_MUK_ID)).contains(counter(1));
    }

    /** TS 31.102: one MUK per IDi, so two BM-SCs have a current MUK each. */
    @Test
    void eachBmscHasItsOwnCurrentAndLastUsedMuk() {
        store.installMuk(OTHER_BMSC_MUK_ID, NEW_MUK);
        deliverMsk(store, 1, MSK_ID_1, MSK_A, VALIDITY);
        assertThat(store.applyMsk(OTHER_BMSC_MUK_ID, counter(1), DOMAIN, MSK_ID_2, Optional.of(MSK_B), VALIDITY, UeFixtures.RAND, ServiceType.STREAMING).isAccepted()).isTrue();
        assertThat(store.currentMuk(MUK_ID.idi())).contains(MUK_ID);
        assertThat(store.currentMuk(OTHER_BMSC_MUK_ID.idi())).contains(OTHER_BMSC_MUK_ID);
        assertThat(store.lastUsedMuk(MUK_ID.idi())).contains(MUK_ID);
        assertThat(store.lastUsedMuk(OTHER_BMSC_MUK_ID.idi())).contains(OTHER_BMSC_MUK_ID);
    }

    @Test
    void solicitedPullWithAnUnknownMukIsRejectedWithoutChange() {
        KeyOutcome<MskRef> outcome = assertRejectedUnchanged(store, KeyRejection.UNKNOWN_MUK,
                () -> store.applySolicitedPull(NEW_MUK_ID, counter(1), DOMAIN, GROUP));
        assertThat(outcome.detail()).contains("solicited pull", NEW_MUK_ID.toString());
    }

    @Test
    void mrkIsKeptPerBmsc() {
        store.installMrk(MUK_ID, MRK);
        assertThat(store.mrk(MUK_ID.idi())).contains(new StoredGbaKey(MUK_ID, MRK));
        assertThat(store.mrk(OTHER_BMSC_MUK_ID.idi())).isEmpty();
    }
}
