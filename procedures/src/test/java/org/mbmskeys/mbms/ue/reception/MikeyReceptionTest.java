package org.mbmskeys.mbms.ue.reception;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mbmskeys.mbms.ue.reception.BmscSide.BTID_NEW;
import static org.mbmskeys.mbms.ue.reception.BmscSide.BTID_OLD;
import static org.mbmskeys.mbms.ue.reception.BmscSide.DOMAIN;
import static org.mbmskeys.mbms.ue.reception.BmscSide.FQDN;
import static org.mbmskeys.mbms.ue.reception.BmscSide.GROUP;
import static org.mbmskeys.mbms.ue.reception.BmscSide.MUK_ID_NEW;
import static org.mbmskeys.mbms.ue.reception.BmscSide.MUK_ID_OLD;
import static org.mbmskeys.mbms.ue.reception.BmscSide.MUK_NEW;
import static org.mbmskeys.mbms.ue.reception.BmscSide.MUK_OLD;
import static org.mbmskeys.mbms.ue.reception.BmscSide.VALIDITY;

import java.time.Instant;
import java.time.InstantSource;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.mbmskeys.engine.bytes.Bytes;
import org.mbmskeys.mbms.bmsc.keys.MtkAllocation;
import org.mbmskeys.mbms.bmsc.keys.RegisteredMsk;
import org.mbmskeys.mbms.keys.KeyValidity;
import org.mbmskeys.mbms.keys.ServiceType;
import org.mbmskeys.mbms.mikey.crypto.CryptoSuite;
import org.mbmskeys.mbms.mikey.protection.AckExpectation;
import org.mbmskeys.mbms.mikey.protection.MikeyOpener;
import org.mbmskeys.mbms.mikey.protection.MikeyReader;
import org.mbmskeys.mbms.mikey.protection.MikeyRejection;
import org.mbmskeys.mbms.mikey.protection.MskMessage;
import org.mbmskeys.mbms.mikey.protection.VerificationMessage;
import org.mbmskeys.mbms.ue.keys.KeyRejection;
import org.mbmskeys.mbms.ue.keys.MskChange;
import org.mbmskeys.mbms.ue.keys.MskUpdate;
import org.mbmskeys.mbms.ue.keys.UeKeyState;
import org.mbmskeys.mbms.ue.keys.UeKeyStore;
import org.mbmskeys.mbms.ue.keys.UiccCheck;
import org.mbmskeys.mbms.ue.keys.UiccId;
import org.mbmskeys.mbms.ue.reception.Reception.Discarded;
import org.mbmskeys.mbms.ue.reception.Reception.Duplicate;
import org.mbmskeys.mbms.ue.reception.Reception.MskRequestNeeded;
import org.mbmskeys.mbms.ue.reception.Reception.MskRequestNeeded.Cause;
import org.mbmskeys.mbms.ue.reception.Reception.MskStored;
import org.mbmskeys.mbms.ue.reception.Reception.MtkRepeated;
import org.mbmskeys.mbms.ue.reception.Reception.MtkStored;
import org.mbmskeys.mbms.ue.reception.Reception.Stage;

/**
 * {@link MikeyReception} against datagrams a conforming BM-SC sends (TS 33.246 §6.4.6): every accepted kind
 * of message, what the UE owes in return, and every refusal with its stage, typed reason and the key store
 * unchanged.
 */
class MikeyReceptionTest {

    private static final UiccId UICC = UiccId.of("8949440000001234567");
    private static final Instant NOW = Instant.parse("2026-12-02T12:00:00Z");

    private final UeKeyStore store = UeKeyStore.inMemory();
    private MikeyReception reception = MikeyReception.create(store, CryptoSuite.jca());

    MikeyReceptionTest() {
        store.uiccInserted(UICC);
        store.installMuk(MUK_ID_OLD, MUK_OLD);
    }

    // ------------------------------------------------------------------------------------ accepted

    @ParameterizedTest
    @EnumSource(ServiceType.class)
    void anMskMessageWithoutVIsStoredAndNotAcknowledged(ServiceType type) {
        BmscSide bmsc = new BmscSide(type);
        RegisteredMsk msk = bmsc.rotate();

        Reception r = reception.receive(bmsc.mskMessage(msk, BTID_OLD, MUK_OLD, false));

        assertThat(r).isInstanceOfSatisfying(MskStored.class, s -> {
            assertThat(s.update().change()).isEqualTo(MskChange.STORED);
            assertThat(s.update().msk()).isEqualTo(msk.ref());
            assertThat(s.verification()).isEmpty();
        });
        assertThat(store.msk(msk.ref())).hasValueSatisfying(held -> {
            assertThat(held.key()).isEqualTo(msk.key());
            assertThat(held.rand()).isEqualTo(msk.rand());
            assertThat(held.serviceType()).isEqualTo(type);
        });
        assertThat(store.lastUsedMuk(MUK_ID_OLD.idi())).contains(MUK_ID_OLD);
    }

    /** §6.4.5.2, RFC 3830 §5.2: the verification message is one the BM-SC's own check accepts. */
    @ParameterizedTest
    @EnumSource(ServiceType.class)
    void anMskMessageWithVIsStoredAndAnsweredWithAVerificationMessageTheBmscAccepts(ServiceType type) {
        BmscSide bmsc = new BmscSide(type);
        RegisteredMsk msk = bmsc.rotate();
        Bytes wire = bmsc.mskMessage(msk, BTID_OLD, MUK_OLD, true);

        Reception r = reception.receive(wire);

        Bytes ack = ((MskStored) r).verification().orElseThrow();
        assertThat(bmscAccepts(wire, ack, MUK_OLD)).isTrue();
        assertThat(store.msk(msk.ref())).isPresent();
    }

    /**
     * IDi is the BM-SC's FQDN (§6.4.5.1), and DNS names ignore letter case: a BM-SC that writes it otherwise than
     * the UE bootstrapped with still reaches the MUK. The verification message's MAC covers IDi as received, so the
     * BM-SC's check, over the identities it sent, accepts it; the counter is kept under the held MUK ID.
     */
    @Test
    void anMskMessageWhoseIdiDiffersOnlyInLetterCaseFindsTheMukAndIsAnswered() {
        BmscSide bmsc = new BmscSide(ServiceType.DOWNLOAD);
        RegisteredMsk msk = bmsc.rotate();
        Bytes wire = bmsc.mskMessage(msk, "BMSC.Example.ORG", BTID_OLD, MUK_OLD, true);

        Reception r = reception.receive(wire);

        assertThat(r).isInstanceOf(MskStored.class);
        Bytes ack = ((MskStored) r).verification().orElseThrow();
        assertThat(bmscAccepts(wire, ack, MUK_OLD)).isTrue();   // its MAC covers IDi as the BM-SC wrote it
        assertThat(store.msk(msk.ref())).isPresent();
        assertThat(store.counterFor(MUK_ID_OLD)).isPresent();
        // The same bytes again are the held MUK's counter replayed: answered from memory, nothing stored twice.
        assertThat(reception.receive(wire)).isInstanceOfSatisfying(Duplicate.class,
                d -> assertThat(d.verification()).isEqualTo(ack));
    }

    @Test
    void aSolicitedPullWhoseIdiDiffersOnlyInLetterCaseAsksForAnMskRequest() {
        BmscSide bmsc = new BmscSide(ServiceType.DOWNLOAD);

        Reception r = reception.receive(bmsc.solicitedPull("Bmsc.Example.Org", BTID_OLD, MUK_OLD));

        assertThat(r).isEqualTo(new MskRequestNeeded(DOMAIN, GROUP, Cause.SOLICITED_PULL, Optional.empty()));
        assertThat(store.lastUsedMuk(MUK_ID_OLD.idi())).contains(MUK_ID_OLD);
    }

    @Test
    void anIdiNamingAnotherBmscOrAnIdrInAnotherLetterCaseFindsNoMuk() {
        BmscSide bmsc = new BmscSide(ServiceType.DOWNLOAD);

        assertDiscardedUnchanged(bmsc.mskMessage(bmsc.rotate(), "bmsc.example.net", BTID_OLD, MUK_OLD, true),
                Stage.CHECK, KeyRejection.UNKNOWN_MUK);
        assertDiscardedUnchanged(bmsc.mskMessage(bmsc.rotate(), FQDN, BTID_OLD.toLowerCase(Locale.ROOT),
                MUK_OLD, true), Stage.CHECK, KeyRejection.UNKNOWN_MUK);
    }

    @ParameterizedTest
    @EnumSource(ServiceType.class)
    void anMtkMessageUnderAHeldMskIsStored(ServiceType type) {
        BmscSide bmsc = new BmscSide(type);
        RegisteredMsk msk = bmsc.rotate();
        reception.receive(bmsc.mskMessage(msk, BTID_OLD, MUK_OLD, false));
        MtkAllocation.Allocated mtk = bmsc.nextMtk(msk);
        Bytes expectedKey = Bytes.wrap(mtk.mtk().copyBytes());
        Bytes wire = bmsc.mtkMessage(msk, mtk);

        Reception r = reception.receive(wire);

        assertThat(r).isInstanceOfSatisfying(MtkStored.class, s -> {
            assertThat(s.mtk().msk()).isEqualTo(msk.ref());
            assertThat(s.mtk().mtkId()).isEqualTo(mtk.mtkId());
            assertThat(Bytes.wrap(s.mtk().key().copyBytes())).isEqualTo(expectedKey);
            assertThat(s.mtk().salt().isPresent()).isEqualTo(type == ServiceType.STREAMING);
        });
        assertThat(store.currentMtk(DOMAIN, msk.ref().mskId())).isPresent();
    }

    /** §6.3.3.2.1: an application/mikey object of a download session is an MTK message, taken as over UDP. */
    @Test
    void anMtkObjectOfADownloadSessionIsTakenLikeAnMtkMessage() {
        BmscSide bmsc = new BmscSide(ServiceType.DOWNLOAD);
        RegisteredMsk msk = bmsc.rotate();
        reception.receive(bmsc.mskMessage(msk, BTID_OLD, MUK_OLD, false));
        MtkAllocation.Allocated mtk = bmsc.nextMtk(msk);
        Bytes object = bmsc.mtkMessage(msk, mtk);

        Reception r = reception.receiveMtkObject(object);

        assertThat(r).isInstanceOfSatisfying(MtkStored.class, s -> {
            assertThat(s.mtk().mtkId()).isEqualTo(mtk.mtkId());
            assertThat(s.mtk().salt()).isEmpty();
        });
        assertThat(store.currentMtk(DOMAIN, msk.ref().mskId())).isPresent();
        UeKeyState before = store.snapshot();
        assertThat(reception.receiveMtkObject(object)).as("the same object again (a file fetched again): its MTK is held")
                .isEqualTo(new MtkRepeated(msk.ref(), mtk.mtkId()));
        assertThat(store.snapshot()).isEqualTo(before);
    }

    /** Only an MTK message travels as a FLUTE object: an MSK message handed over that way is neither checked nor applied. */
    @Test
    void anMskMessageOrBytesThatAreNoMikeyHandedOverAsAnObjectAreDiscardedUnchanged() {
        BmscSide bmsc = new BmscSide(ServiceType.DOWNLOAD);
        Bytes push = bmsc.mskMessage(bmsc.rotate(), BTID_OLD, MUK_OLD, true);
        UeKeyState before = store.snapshot();

        assertThat(reception.receiveMtkObject(push)).isInstanceOfSatisfying(Discarded.class, d -> {
            assertThat(d.stage()).isEqualTo(Stage.READ);
            assertThat(d.reason()).isEqualTo(MikeyRejection.UNEXPECTED_MESSAGE);
            assertThat(d.detail()).contains("§6.3.3.2.1");
        });
        assertThat(reception.receiveMtkObject(Bytes.ofHex("01"))).isInstanceOfSatisfying(Discarded.class,
                d -> assertThat(d.stage()).isEqualTo(Stage.READ));
        assertThat(store.snapshot()).isEqualTo(before);
        assertThat(reception.receive(push)).as("the same message over UDP").isInstanceOf(MskStored.class);
    }

    @Test
    void aValidityUpdateAndAnInvalidationAreApplied() {
        BmscSide bmsc = new BmscSide(ServiceType.DOWNLOAD);
        RegisteredMsk msk = bmsc.rotate();
        reception.receive(bmsc.mskMessage(msk, BTID_OLD, MUK_OLD, false));

        Reception updated = reception.receive(bmsc.validityUpdate(msk, KeyValidity.of(10, 40), BTID_OLD, MUK_OLD));
        assertThat(((MskStored) updated).update().change()).isEqualTo(MskChange.VALIDITY_UPDATED);
        assertThat(store.msk(msk.ref()).orElseThrow().validity()).isEqualTo(KeyValidity.of(10, 40));

        Reception invalidated = reception.receive(bmsc.invalidation(msk, BTID_OLD, MUK_OLD));
        assertThat(((MskStored) invalidated).update().change()).isEqualTo(MskChange.INVALIDATED);
        assertThat(store.msk(msk.ref())).isEmpty();
    }

    // ------------------------------------------------------------------------------------ MSK request due

    /**
     * §6.3.2.2.4: after a new GBA run the BM-SC still knows only the old MUK; its solicited pull verifies with
     * the last successfully used MUK, even when that MUK's lifetime is over (NOTE 1).
     */
    @Test
    void aSolicitedPullUnderTheLastUsedMukPastItsLifetimeAsksForAnMskRequest() {
        BmscSide bmsc = new BmscSide(ServiceType.STREAMING);
        useOldMukThenBootstrapAgain(bmsc);
        reception = MikeyReception.create(store, CryptoSuite.jca(),
                id -> id.equals(MUK_ID_OLD) ? Optional.of(NOW.minusSeconds(1)) : Optional.empty(), fixed(NOW));
        UeKeyState before = store.snapshot();

        Reception r = reception.receive(bmsc.solicitedPull(BTID_OLD, MUK_OLD));

        assertThat(r).isEqualTo(new MskRequestNeeded(DOMAIN, GROUP, Cause.SOLICITED_PULL, Optional.empty()));
        // Keys untouched: only the counter of that MUK moves (§6.5.3: "updates the stored timestamp").
        assertThat(store.snapshot().msks()).isEqualTo(before.msks());
        assertThat(store.counterFor(MUK_ID_OLD)).isNotEqualTo(Optional.ofNullable(before.mukCounters().get(MUK_ID_OLD)));
    }

    @Test
    void aSolicitedPullUnderTheCurrentMukAsksForAnMskRequest() {
        BmscSide bmsc = new BmscSide(ServiceType.DOWNLOAD);

        Reception r = reception.receive(bmsc.solicitedPull(BTID_OLD, MUK_OLD));

        assertThat(r).isEqualTo(new MskRequestNeeded(DOMAIN, GROUP, Cause.SOLICITED_PULL, Optional.empty()));
        assertThat(store.lastUsedMuk(MUK_ID_OLD.idi())).contains(MUK_ID_OLD);
    }

    /** §6.3.2.3.1: verified only with the last used MUK: stored per the store's rules, no ACK even with V. */
    @Test
    void aPushUnderTheLastUsedMukIsStoredWithoutAckAndAsksForAnMskRequest() {
        BmscSide bmsc = new BmscSide(ServiceType.DOWNLOAD);
        useOldMukThenBootstrapAgain(bmsc);
        RegisteredMsk next = bmsc.rotate();

        Reception r = reception.receive(bmsc.mskMessage(next, BTID_OLD, MUK_OLD, true));

        assertThat(r).isInstanceOfSatisfying(MskRequestNeeded.class, n -> {
            assertThat(n.cause()).isEqualTo(Cause.LAST_USED_MUK_PUSH);
            assertThat(n.keyDomain()).isEqualTo(DOMAIN);
            assertThat(n.keyGroup()).isEqualTo(GROUP);
            assertThat(n.update().map(MskUpdate::answer)).contains(MskUpdate.Answer.REQUEST_MSK_NO_ACK);
        });
        assertThat(store.msk(next.ref())).isPresent();
    }

    /** §6.3.2.2.3: the MTK message under an MSK the UE lacks is discarded and the MSK is to be requested. */
    @Test
    void anMtkMessageUnderAnUnknownMskAsksForAnMskRequestAndChangesNothing() {
        BmscSide bmsc = new BmscSide(ServiceType.STREAMING);
        RegisteredMsk msk = bmsc.rotate();
        Bytes wire = bmsc.mtkMessage(msk, bmsc.nextMtk(msk));
        UeKeyState before = store.snapshot();

        Reception r = reception.receive(wire);

        assertThat(r).isEqualTo(new MskRequestNeeded(DOMAIN, GROUP, Cause.UNKNOWN_MSK, Optional.empty()));
        assertThat(store.snapshot()).isEqualTo(before);
    }

    // ------------------------------------------------------------------------------------ duplicates

    /** The BM-SC resends an unacknowledged push as the same bytes: the UE answers the same ACK again. */
    @ParameterizedTest
    @EnumSource(ServiceType.class)
    void theExactBytesOfAnAcceptedVMessageAreAnsweredWithTheSameAckAndChangeNothing(ServiceType type) {
        BmscSide bmsc = new BmscSide(type);
        Bytes wire = bmsc.mskMessage(bmsc.rotate(), BTID_OLD, MUK_OLD, true);
        Bytes firstAck = ((MskStored) reception.receive(wire)).verification().orElseThrow();
        UeKeyState before = store.snapshot();

        Reception again = reception.receive(wire);

        assertThat(again).isEqualTo(new Duplicate(firstAck));
        assertThat(store.snapshot()).isEqualTo(before);
        assertThat(reception.receive(wire)).isEqualTo(new Duplicate(firstAck));
    }

    @Test
    void theSameBytesOfAMessageWithoutVAreAReplay() {
        BmscSide bmsc = new BmscSide(ServiceType.DOWNLOAD);
        Bytes wire = bmsc.mskMessage(bmsc.rotate(), BTID_OLD, MUK_OLD, false);
        reception.receive(wire);

        assertDiscardedUnchanged(wire, Stage.CHECK, KeyRejection.REPLAYED_COUNTER);
    }

    /** Only the last accepted V-message per MUK is remembered: an older one is a replay. */
    @Test
    void anOlderVMessageAfterANewerOneIsAReplay() {
        BmscSide bmsc = new BmscSide(ServiceType.DOWNLOAD);
        RegisteredMsk msk = bmsc.rotate();
        Bytes first = bmsc.mskMessage(msk, BTID_OLD, MUK_OLD, true);
        Bytes second = bmsc.mskMessage(msk, BTID_OLD, MUK_OLD, true);
        reception.receive(first);
        Bytes secondAck = ((MskStored) reception.receive(second)).verification().orElseThrow();

        assertDiscardedUnchanged(first, Stage.CHECK, KeyRejection.REPLAYED_COUNTER);
        assertThat(reception.receive(second)).isEqualTo(new Duplicate(secondAck));
    }

    /** §6.1: a different UICC wipes the keys, and the remembered ACKs with them. */
    @Test
    void aUiccChangeWipesKeysAndRememberedAcks() {
        BmscSide bmsc = new BmscSide(ServiceType.DOWNLOAD);
        Bytes wire = bmsc.mskMessage(bmsc.rotate(), BTID_OLD, MUK_OLD, true);
        reception.receive(wire);

        assertThat(reception.uiccChanged(UICC)).isEqualTo(UiccCheck.SAME_UICC);
        assertThat(reception.receive(wire)).isInstanceOf(Duplicate.class);

        assertThat(reception.uiccChanged(UiccId.of("8949440000007654321")))
                .isEqualTo(UiccCheck.DIFFERENT_UICC_KEYS_DELETED);
        assertThat(store.msks()).isEmpty();
        assertThat(store.currentMuk(MUK_ID_OLD.idi())).isEmpty();
        assertDiscardedUnchanged(wire, Stage.CHECK, KeyRejection.UNKNOWN_MUK);
    }

    /**
     * §6.1: what was acknowledged for the old card answers nothing for the new one, even under the same MUK ID
     * installed again: the push is taken as new and its MSK stored, not answered from memory with a key the
     * store no longer holds.
     */
    @Test
    void aPushAcknowledgedBeforeACardChangeIsStoredAgainNotAnsweredFromMemory() {
        BmscSide bmsc = new BmscSide(ServiceType.DOWNLOAD);
        RegisteredMsk msk = bmsc.rotate();
        Bytes wire = bmsc.mskMessage(msk, BTID_OLD, MUK_OLD, true);
        assertThat(reception.receive(wire)).isInstanceOf(MskStored.class);

        assertThat(reception.uiccChanged(UiccId.of("8949440000007654321")))
                .isEqualTo(UiccCheck.DIFFERENT_UICC_KEYS_DELETED);
        store.installMuk(MUK_ID_OLD, MUK_OLD);

        Reception again = reception.receive(wire);

        assertThat(again).as(again.toString()).isInstanceOfSatisfying(MskStored.class, s -> {
            assertThat(s.update().change()).isEqualTo(MskChange.STORED);
            assertThat(s.verification()).isPresent();
        });
        assertThat(store.msk(msk.ref())).isPresent();
    }

    /**
     * A new GBA run keeps the MUK that verified a push as the last used one (§6.3.2.2.4): the BM-SC, which knows
     * only that MUK, may still resend the push, and it is answered again; once the new MUK verifies a message
     * the old one is gone and so is the answer.
     */
    @Test
    void aRepeatAfterANewGbaRunIsAnsweredAgainWhileItsMukIsTheLastUsedOne() {
        BmscSide bmsc = new BmscSide(ServiceType.DOWNLOAD);
        Bytes wire = bmsc.mskMessage(bmsc.rotate(), BTID_OLD, MUK_OLD, true);
        Bytes firstAck = ((MskStored) reception.receive(wire)).verification().orElseThrow();
        store.installMuk(MUK_ID_NEW, MUK_NEW);
        assertThat(store.currentMuk(MUK_ID_OLD.idi())).contains(MUK_ID_NEW);
        assertThat(store.lastUsedMuk(MUK_ID_OLD.idi())).contains(MUK_ID_OLD);
        UeKeyState before = store.snapshot();

        assertThat(reception.receive(wire)).isEqualTo(new Duplicate(firstAck));
        assertThat(store.snapshot()).isEqualTo(before);

        assertThat(reception.receive(bmsc.mskMessage(bmsc.rotate(), BTID_NEW, MUK_NEW, false)))
                .isInstanceOf(MskStored.class);
        assertDiscardedUnchanged(wire, Stage.CHECK, KeyRejection.UNKNOWN_MUK);
    }

    /** A card change made on the store directly also ends the duplicate answers: the MUK is gone. */
    @Test
    void noDuplicateAnswerOnceTheMukIsGone() {
        BmscSide bmsc = new BmscSide(ServiceType.DOWNLOAD);
        Bytes wire = bmsc.mskMessage(bmsc.rotate(), BTID_OLD, MUK_OLD, true);
        reception.receive(wire);

        store.uiccInserted(UiccId.of("8949440000007654321"));

        assertDiscardedUnchanged(wire, Stage.CHECK, KeyRejection.UNKNOWN_MUK);
    }

    // ------------------------------------------------------------------------------------ discarded

    @Test
    void aTruncatedDatagramIsMalformed() {
        BmscSide bmsc = new BmscSide(ServiceType.DOWNLOAD);
        Bytes wire = bmsc.mskMessage(bmsc.rotate(), BTID_OLD, MUK_OLD, false);

        assertDiscardedUnchanged(wire.slice(0, wire.length() - 7), Stage.READ, MikeyRejection.MALFORMED);
        assertDiscardedUnchanged(Bytes.empty(), Stage.READ, MikeyRejection.MALFORMED);
    }

    /** The MAC covers the received bytes: a flipped bit in the key data or in the MAC itself fails it. */
    @ParameterizedTest
    @EnumSource(ServiceType.class)
    void aTamperedByteFailsTheMac(ServiceType type) {
        BmscSide bmsc = new BmscSide(type);
        RegisteredMsk msk = bmsc.rotate();
        Bytes mskWire = bmsc.mskMessage(msk, BTID_OLD, MUK_OLD, true);

        assertDiscardedUnchanged(mskWire.withByteXored(mskWire.length() - 1, 0x01), Stage.OPEN, MikeyRejection.BAD_MAC);
        assertDiscardedUnchanged(mskWire.withByteXored(mskWire.length() - 22, 0x80), Stage.OPEN, MikeyRejection.BAD_MAC);

        reception.receive(mskWire);
        Bytes mtkWire = bmsc.mtkMessage(msk, bmsc.nextMtk(msk));
        assertDiscardedUnchanged(mtkWire.withByteXored(mtkWire.length() - 22, 0x01), Stage.OPEN, MikeyRejection.BAD_MAC);
        // Nothing was committed by the tampered copies: the genuine message is still accepted.
        assertThat(reception.receive(mtkWire)).isInstanceOf(MtkStored.class);
    }

    @Test
    void anMskMessageUnderAnUnknownMukIsDiscarded() {
        BmscSide bmsc = new BmscSide(ServiceType.DOWNLOAD);

        assertDiscardedUnchanged(bmsc.mskMessage(bmsc.rotate(), BTID_NEW, MUK_NEW, true), Stage.CHECK,
                KeyRejection.UNKNOWN_MUK);
    }

    @Test
    void aSolicitedPullUnderAnUnknownMukOrWithABadMacIsDiscarded() {
        BmscSide bmsc = new BmscSide(ServiceType.DOWNLOAD);

        assertDiscardedUnchanged(bmsc.solicitedPull(BTID_NEW, MUK_NEW), Stage.CHECK, KeyRejection.UNKNOWN_MUK);
        assertDiscardedUnchanged(bmsc.solicitedPull(BTID_OLD, MUK_NEW), Stage.OPEN, MikeyRejection.BAD_MAC);
    }

    @Test
    void aReplayedMtkMessageAndOneOutsideTheValidityAreDiscarded() {
        BmscSide bmsc = new BmscSide(ServiceType.STREAMING);
        RegisteredMsk msk = bmsc.rotate();
        reception.receive(bmsc.mskMessage(msk, BTID_OLD, MUK_OLD, false));
        Bytes mtkWire = bmsc.mtkMessage(msk, bmsc.nextMtk(msk));
        reception.receive(mtkWire);
        reception.receive(bmsc.mtkMessage(msk, bmsc.nextMtk(msk)));

        assertDiscardedUnchanged(mtkWire, Stage.CHECK, KeyRejection.REPLAYED_COUNTER);

        // The key validity shrinks below the next MTK ID: SEQl < MTK ID <= SEQu no longer holds (§6.5.4).
        reception.receive(bmsc.validityUpdate(msk, KeyValidity.of(VALIDITY.seqLow().value(),
                VALIDITY.seqLow().value() + 1), BTID_OLD, MUK_OLD));
        assertDiscardedUnchanged(bmsc.mtkMessage(msk, bmsc.nextMtk(msk)), Stage.CHECK, KeyRejection.OUTSIDE_VALIDITY);
    }

    /**
     * §6.3.3.2.2: the BM-SC sends the current MTK message again periodically. Its copies are taken as such, changing
     * nothing and reporting no discard; the same bytes once a newer MTK came are a replay again.
     */
    @Test
    void theLastAcceptedMtkMessageAgainIsARepeatAndChangesNothing() {
        BmscSide bmsc = new BmscSide(ServiceType.STREAMING);
        RegisteredMsk msk = bmsc.rotate();
        reception.receive(bmsc.mskMessage(msk, BTID_OLD, MUK_OLD, false));
        MtkAllocation.Allocated first = bmsc.nextMtk(msk);
        Bytes mtkWire = bmsc.mtkMessage(msk, first);
        reception.receive(mtkWire);
        UeKeyState before = store.snapshot();

        assertThat(reception.receive(mtkWire)).isEqualTo(new MtkRepeated(msk.ref(), first.mtkId()));
        assertThat(store.snapshot()).isEqualTo(before);

        reception.receive(bmsc.mtkMessage(msk, bmsc.nextMtk(msk)));
        assertDiscardedUnchanged(mtkWire, Stage.CHECK, KeyRejection.REPLAYED_COUNTER);
    }

    @Test
    void anMtkMessageUnderAnInvalidatedMskIsDiscardedWithoutAnMskRequest() {
        BmscSide bmsc = new BmscSide(ServiceType.DOWNLOAD);
        RegisteredMsk msk = bmsc.rotate();
        reception.receive(bmsc.mskMessage(msk, BTID_OLD, MUK_OLD, false));
        reception.receive(bmsc.invalidation(msk, BTID_OLD, MUK_OLD));

        assertDiscardedUnchanged(bmsc.mtkMessage(msk, bmsc.nextMtk(msk)), Stage.CHECK, KeyRejection.MSK_INVALIDATED);
    }

    /** §6.5.3: a key-less update for an MSK the UE never had verifies, then the store refuses it. */
    @Test
    void aValidityUpdateForAnMskTheUeLacksIsDiscardedAtApply() {
        BmscSide bmsc = new BmscSide(ServiceType.DOWNLOAD);
        RegisteredMsk msk = bmsc.rotate();

        assertDiscardedUnchanged(bmsc.validityUpdate(msk, KeyValidity.of(10, 40), BTID_OLD, MUK_OLD), Stage.APPLY,
                KeyRejection.NO_MSK_FOR_VALIDITY_UPDATE);
    }

    @Test
    void aVerificationMessageIsNotForTheUe() {
        BmscSide bmsc = new BmscSide(ServiceType.DOWNLOAD);
        Bytes wire = bmsc.mskMessage(bmsc.rotate(), BTID_OLD, MUK_OLD, true);
        Bytes ack = ((MskStored) reception.receive(wire)).verification().orElseThrow();

        assertDiscardedUnchanged(ack, Stage.READ, MikeyRejection.UNEXPECTED_MESSAGE);
    }

    /** §6.3.2.2.4 NOTE 1 allows an expired MUK only for a solicited pull: a push under it is discarded. */
    @Test
    void aPushUnderAnExpiredMukIsDiscardedAndOneStillValidIsStored() {
        BmscSide bmsc = new BmscSide(ServiceType.DOWNLOAD);
        Instant expiry = NOW.plusSeconds(60);
        InstantSource[] clock = {fixed(expiry.minusNanos(1))};
        reception = MikeyReception.create(store, CryptoSuite.jca(),
                id -> id.equals(MUK_ID_OLD) ? Optional.of(expiry) : Optional.empty(), () -> clock[0].instant());
        RegisteredMsk msk = bmsc.rotate();

        assertThat(reception.receive(bmsc.mskMessage(msk, BTID_OLD, MUK_OLD, false))).isInstanceOf(MskStored.class);

        clock[0] = fixed(expiry);
        assertDiscardedUnchanged(bmsc.mskMessage(msk, BTID_OLD, MUK_OLD, true), Stage.CHECK,
                ReceptionRejection.MUK_EXPIRED);
    }

    @Test
    void noAnswerPrintsKeyMaterial() {
        BmscSide bmsc = new BmscSide(ServiceType.STREAMING);
        RegisteredMsk msk = bmsc.rotate();
        Bytes wire = bmsc.mskMessage(msk, BTID_OLD, MUK_OLD, true);
        Reception stored = reception.receive(wire);
        Reception discarded = reception.receive(bmsc.mskMessage(msk, BTID_NEW, MUK_NEW, false));
        MtkAllocation.Allocated mtk = bmsc.nextMtk(msk);
        String mtkHex = mtk.mtk().revealHex();
        String saltHex = mtk.salt().orElseThrow().revealHex();
        Reception mtkStored = reception.receive(bmsc.mtkMessage(msk, mtk));

        for (Reception r : new Reception[] {stored, discarded, mtkStored, reception.receive(wire)}) {
            assertThat(r.toString()).doesNotContain(msk.key().revealHex()).doesNotContain(MUK_OLD.revealHex())
                    .doesNotContain(mtkHex).doesNotContain(saltHex);
        }
        assertThat(mtkStored).isInstanceOf(MtkStored.class);
    }

    // ------------------------------------------------------------------------------------ helpers

    /**
     * The old MUK protects one accepted MSK message (so it is the last successfully used MUK), then a new GBA
     * run installs a new current MUK (§6.1: two MUKs in the UE).
     */
    private void useOldMukThenBootstrapAgain(BmscSide bmsc) {
        assertThat(reception.receive(bmsc.mskMessage(bmsc.rotate(), BTID_OLD, MUK_OLD, false)))
                .isInstanceOf(MskStored.class);
        store.installMuk(MUK_ID_NEW, MUK_NEW);
        assertThat(store.currentMuk(MUK_ID_NEW.idi())).contains(MUK_ID_NEW);
        assertThat(store.lastUsedMuk(MUK_ID_OLD.idi())).contains(MUK_ID_OLD);
    }

    private void assertDiscardedUnchanged(Bytes datagram, Stage stage, Enum<?> reason) {
        UeKeyState before = store.snapshot();
        Reception r = reception.receive(datagram);
        assertThat(r).as(r.toString()).isInstanceOfSatisfying(Discarded.class, d -> {
            assertThat(d.stage()).isEqualTo(stage);
            assertThat(d.reason()).isEqualTo(reason);
            assertThat(d.detail()).isNotBlank();
        });
        assertThat(store.snapshot()).isEqualTo(before);
    }

    private static boolean bmscAccepts(Bytes mskWire, Bytes ackWire, org.mbmskeys.engine.bytes.SecretBytes muk) {
        MskMessage sent = (MskMessage) MikeyReader.read(mskWire).orElseThrow();
        VerificationMessage ack = (VerificationMessage) MikeyReader.read(ackWire).orElseThrow();
        AckExpectation expected = new AckExpectation(sent.csbId(), sent.rand(), sent.idi().data(), sent.idr().data(),
                sent.counter());
        return new MikeyOpener(CryptoSuite.jca()).verify(ack, expected, muk).isOpened();
    }

    private static InstantSource fixed(Instant at) {
        return () -> at;
    }
}
