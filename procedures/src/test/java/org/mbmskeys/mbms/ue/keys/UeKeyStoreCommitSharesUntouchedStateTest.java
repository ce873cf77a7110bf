package org.mbmskeys.mbms.ue.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mbmskeys.mbms.ue.keys.UeFixtures.MSK_A;
import static org.mbmskeys.mbms.ue.keys.UeFixtures.MSK_B;
import static org.mbmskeys.mbms.ue.keys.UeFixtures.MSK_ID_1;
import static org.mbmskeys.mbms.ue.keys.UeFixtures.MSK_ID_2;
import static org.mbmskeys.mbms.ue.keys.UeFixtures.MUK;
import static org.mbmskeys.mbms.ue.keys.UeFixtures.MUK_ID;
import static org.mbmskeys.mbms.ue.keys.UeFixtures.VALIDITY;
import static org.mbmskeys.mbms.ue.keys.UeFixtures.deliverMsk;
import static org.mbmskeys.mbms.ue.keys.UeFixtures.ref;

import org.junit.jupiter.api.Test;

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
}
