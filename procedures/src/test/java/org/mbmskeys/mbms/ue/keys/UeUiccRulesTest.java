package org.mbmskeys.mbms.ue.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mbmskeys.mbms.ue.keys.UeFixtures.DOMAIN;
import static org.mbmskeys.mbms.ue.keys.UeFixtures.MRK;
import static org.mbmskeys.mbms.ue.keys.UeFixtures.MSK_A;
import static org.mbmskeys.mbms.ue.keys.UeFixtures.MSK_B;
import static org.mbmskeys.mbms.ue.keys.UeFixtures.MSK_ID_1;
import static org.mbmskeys.mbms.ue.keys.UeFixtures.MSK_ID_2;
import static org.mbmskeys.mbms.ue.keys.UeFixtures.MSK_ID_3;
import static org.mbmskeys.mbms.ue.keys.UeFixtures.MTK_1;
import static org.mbmskeys.mbms.ue.keys.UeFixtures.MUK;
import static org.mbmskeys.mbms.ue.keys.UeFixtures.MUK_ID;
import static org.mbmskeys.mbms.ue.keys.UeFixtures.NEW_MUK;
import static org.mbmskeys.mbms.ue.keys.UeFixtures.NEW_MUK_ID;
import static org.mbmskeys.mbms.ue.keys.UeFixtures.VALIDITY;
import static org.mbmskeys.mbms.ue.keys.UeFixtures.assertRejectedUnchanged;
import static org.mbmskeys.mbms.ue.keys.UeFixtures.counter;
import static org.mbmskeys.mbms.ue.keys.UeFixtures.deliverMsk;
import static org.mbmskeys.mbms.ue.keys.UeFixtures.deliverMtk;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mbmskeys.mbms.keys.KeyValidity;
import org.mbmskeys.mbms.keys.MskRef;
import org.mbmskeys.mbms.keys.MtkId;

/**
 * UICC change (TS 33.246 §6.1, ME-based key management, seed {@code 004}): all MBMS keys (MUK, MRK, MSK,
 * MTK) are deleted when a different UICC is inserted; the ME compares the stored last UICC identity at
 * insertion and power-on.
 */
class UeUiccRulesTest {

    private static final UiccId FIRST_UICC = UiccId.of("8949440000001234567");
    private static final UiccId OTHER_UICC = UiccId.of("8949440000007654321");

    private final UeKeyStore store = UeKeyStore.inMemory();

    /** A UE with every kind of key state: current and last used MUK, MRK, two MSKs, an MTK, a marker. */
    @BeforeEach
    void fillEveryKindOfKeyState() {
        assertThat(store.uiccInserted(FIRST_UICC)).isEqualTo(UiccCheck.FIRST_UICC_RECORDED);
        store.installMuk(MUK_ID, MUK);
        store.installMrk(MUK_ID, MRK);
        deliverMsk(store, 1, MSK_ID_1, MSK_A, VALIDITY);
        deliverMsk(store, 2, MSK_ID_2, MSK_B, VALIDITY);
        deliverMsk(store, 3, MSK_ID_3, MSK_B, KeyValidity.invalidated());
        deliverMtk(store, MSK_ID_2, 1, 11, MTK_1);
        store.installMuk(NEW_MUK_ID, NEW_MUK);
        UeKeyState filled = store.snapshot();
        assertThat(filled.currentMuks()).hasSize(1);
        assertThat(filled.lastUsedMuks()).hasSize(1);
        assertThat(filled.mrks()).hasSize(1);
        assertThat(filled.mukCounters()).hasSize(1);
        assertThat(filled.msks()).hasSize(2);
        assertThat(filled.invalidatedMsks()).hasSize(1);
    }

    @Test
    void sameUiccKeepsEverything() {
        UeKeyState before = store.snapshot();
        assertThat(store.uiccInserted(UiccId.of("8949440000001234567"))).isEqualTo(UiccCheck.SAME_UICC);
        assertThat(store.snapshot()).isEqualTo(before);
    }

    @Test
    void differentUiccDeletesEveryKeyAndCounterAndRemembersTheNewUicc() {
        assertThat(store.uiccInserted(OTHER_UICC)).isEqualTo(UiccCheck.DIFFERENT_UICC_KEYS_DELETED);
        UeKeyState after = store.snapshot();
        assertThat(after.holdsNoKeys()).isTrue();
        assertThat(after).isEqualTo(new UeKeyState(Optional.of(OTHER_UICC), Map.of(), Map.of(),
                Map.of(), Map.of(), Map.of(), 0, Map.of(), List.of(), Set.of(), Map.of(), Map.of()));
        assertThat(store.uicc()).contains(OTHER_UICC);
    }

    @Test
    void afterAUiccChangeOldMessagesFindNoKeys() {
        store.uiccInserted(OTHER_UICC);
        assertRejectedUnchanged(store, KeyRejection.UNKNOWN_MUK, () -> store.checkMskCounter(MUK_ID, counter(9)));
        assertRejectedUnchanged(store, KeyRejection.UNKNOWN_MUK, () -> store.checkMskCounter(NEW_MUK_ID, counter(9)));
        assertRejectedUnchanged(store, KeyRejection.UNKNOWN_KEY, () -> store.checkMtk(DOMAIN, MSK_ID_2, counter(9), MtkId.of(11)));
        assertThat(store.currentMtk(DOMAIN, MSK_ID_2)).isEmpty();
        assertThat(store.isInvalidated(MskRef.of(DOMAIN, MSK_ID_3))).isFalse();
    }

    @Test
    void goingBackToTheFirstUiccDoesNotBringKeysBack() {
        store.uiccInserted(OTHER_UICC);
        assertThat(store.uiccInserted(FIRST_UICC)).isEqualTo(UiccCheck.DIFFERENT_UICC_KEYS_DELETED);
        assertThat(store.snapshot().holdsNoKeys()).isTrue();
    }

    /** Keys present before any UICC was recorded are of unknown origin and are deleted. */
    @Test
    void firstUiccOnAStoreWithKeysDeletesThem() {
        UeKeyStore fresh = UeKeyStore.inMemory();
        fresh.installMuk(MUK_ID, MUK);
        assertThat(fresh.uiccInserted(FIRST_UICC)).isEqualTo(UiccCheck.FIRST_UICC_RECORDED);
        assertThat(fresh.snapshot().holdsNoKeys()).isTrue();
    }
}
