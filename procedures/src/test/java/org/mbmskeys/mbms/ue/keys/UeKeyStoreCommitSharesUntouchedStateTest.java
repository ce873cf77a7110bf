package org.mbmskeys.mbms.ue.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mbmskeys.mbms.ue.keys.UeFixtures.MSK_A;
import static org.mbmskeys.mbms.ue.keys.UeFixtures.MSK_B;
import static org.mbmskeys.mbms.ue.keys.UeFixtures.MSK_ID_1;
import static org.mbmskeys.mbms.ue.keys.UeFixtures.MSK_ID_2;
import static org.mbmskeys.mbms.ue.keys.UeFixtures.MRK;
import static org.mbmskeys.mbms.ue.keys.UeFixtures.MUK;
import static org.mbmskeys.mbms.ue.keys.UeFixtures.MTK_1;
import static org.mbmskeys.mbms.ue.keys.UeFixtures.MTK_2;
import static org.mbmskeys.mbms.ue.keys.UeFixtures.MUK_ID;
import static org.mbmskeys.mbms.ue.keys.UeFixtures.OTHER_BMSC_MUK_ID;
import static org.mbmskeys.mbms.ue.keys.UeFixtures.VALIDITY;
import static org.mbmskeys.mbms.ue.keys.UeFixtures.deliverMsk;
import static org.mbmskeys.mbms.ue.keys.UeFixtures.deliverMtk;
import static org.mbmskeys.mbms.ue.keys.UeFixtures.ref;

import org.junit.jupiter.api.Test;
import org.mbmskeys.engine.bytes.SecretBytes;
import org.mbmskeys.mbms.keys.KeyValidity;

/**
 * A commit copies only what the change edits: the new state shares the other collections with the old one
 * (cost per re-key), and the keys of shared collections stay usable.
 */
class UeKeyStoreCommitSharesUntouchedStateTest {

    private final UeKeyStorage storage = UeKeyStorage.inMemory();
    private final UeKeyStore store = new UeKeyStore(storage);

    UeKeyStoreCommitSharesUntouchedStateTest() {
        store.uiccInserted(UiccId.of("8949440000001234567"));
        store.installMuk(MUK_ID, MUK);
        deliverMsk(store, 1, MSK_ID_1, MSK_A, VALIDITY);
    }

    @Test
    void aSecondMskWithTheSameMukSharesTheMukMapsAndKeepsTheirKeys() {
        UeKeyState before = storage.load();

        deliverMsk(store, 2, MSK_ID_2, MSK_B, VALIDITY);

        UeKeyState after = storage.load();
        assertThat(after.currentMuks()).isSameAs(before.currentMuks());
        assertThat(after.lastUsedMuks()).isSameAs(before.lastUsedMuks());
        assertThat(after.mrks()).isSameAs(before.mrks());
        assertThat(after.mtks()).isSameAs(before.mtks());
        assertThat(after.retiredMtkStates()).isSameAs(before.retiredMtkStates());
        assertThat(after.msks()).isNotSameAs(before.msks()).containsKeys(ref(MSK_ID_1), ref(MSK_ID_2));
        assertThat(after.mukCounters()).isNotSameAs(before.mukCounters());
        assertThat(after.currentMuks().get(MUK_ID.idi()).key().isDestroyed()).isFalse();
        assertThat(after.msks().get(ref(MSK_ID_1)).key().isDestroyed()).isFalse();
        assertThat(store.msk(ref(MSK_ID_2))).isPresent();
    }

    /**
     * The MUK and MRK maps change (a second BM-SC's keys) and the first BM-SC's MUK, held only as current (no
     * message used it yet, so it is not also the last used one), and its MRK are not wiped.
     */
    @Test
    void theKeysOfASecondBmscLeaveTheFirstOnesUsable() {
        UeKeyStorage fresh = UeKeyStorage.inMemory();
        UeKeyStore ue = new UeKeyStore(fresh);
        ue.uiccInserted(UiccId.of("8949440000001234567"));
        ue.installMuk(MUK_ID, MUK);
        ue.installMrk(MUK_ID, MRK);
        SecretBytes firstMuk = fresh.load().currentMuks().get(MUK_ID.idi()).key();
        SecretBytes firstMrk = fresh.load().mrks().get(MUK_ID.idi()).key();
        assertThat(fresh.load().lastUsedMuks()).isEmpty();

        ue.installMuk(OTHER_BMSC_MUK_ID, SecretBytes.ofHex("55".repeat(32)));
        ue.installMrk(OTHER_BMSC_MUK_ID, SecretBytes.ofHex("66".repeat(32)));

        UeKeyState after = fresh.load();
        assertThat(after.currentMuks()).containsKeys(MUK_ID.idi(), OTHER_BMSC_MUK_ID.idi());
        assertThat(after.currentMuks().get(MUK_ID.idi()).key()).isSameAs(firstMuk);
        assertThat(firstMuk.isDestroyed()).isFalse();
        assertThat(after.mrks().get(MUK_ID.idi()).key()).isSameAs(firstMrk);
        assertThat(firstMrk.isDestroyed()).isFalse();
        deliverMsk(ue, 1, MSK_ID_2, MSK_B, VALIDITY);
    }

    /**
     * Storing another MSK neither copies the invalidation markers nor the retired MTK replay states to find
     * out that it has none of its own to drop (they are shared, and still hold the invalidated MSK's).
     */
    @Test
    void aNewMskSharesTheInvalidationMarkersAndRetiredMtkStatesOfOthers() {
        deliverMtk(store, MSK_ID_1, 1, 11, MTK_1);
        deliverMsk(store, 2, MSK_ID_1, MSK_A, KeyValidity.invalidated());
        UeKeyState before = storage.load();
        assertThat(before.invalidatedMsks()).containsExactly(ref(MSK_ID_1));
        assertThat(before.retiredMtkStates()).containsOnlyKeys(ref(MSK_ID_1));

        deliverMsk(store, 3, MSK_ID_2, MSK_B, VALIDITY);

        UeKeyState after = storage.load();
        assertThat(after.msks()).containsOnlyKeys(ref(MSK_ID_2));
        assertThat(after.invalidatedMsks()).isSameAs(before.invalidatedMsks());
        assertThat(after.retiredMtkStates()).isSameAs(before.retiredMtkStates());
    }

    /** Invalidating one MSK takes its MTKs along and only its MTKs (§6.5.4: an MTK is usable only with its MSK). */
    @Test
    void anInvalidatedMskTakesOnlyItsOwnMtksAlong() {
        deliverMsk(store, 2, MSK_ID_2, MSK_B, VALIDITY);
        deliverMtk(store, MSK_ID_1, 1, 11, MTK_1);
        deliverMtk(store, MSK_ID_2, 2, 11, MTK_2);

        deliverMsk(store, 3, MSK_ID_1, MSK_A, KeyValidity.invalidated());

        assertThat(storage.load().mtks()).extracting(StoredMtk::msk).containsExactly(ref(MSK_ID_2));
        assertThat(storage.load().mtks().get(0).key().isDestroyed()).isFalse();
    }
}
