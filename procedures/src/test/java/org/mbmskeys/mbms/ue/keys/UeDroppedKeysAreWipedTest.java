package org.mbmskeys.mbms.ue.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mbmskeys.mbms.ue.keys.UeFixtures.DOMAIN;
import static org.mbmskeys.mbms.ue.keys.UeFixtures.GROUP;
import static org.mbmskeys.mbms.ue.keys.UeFixtures.MRK;
import static org.mbmskeys.mbms.ue.keys.UeFixtures.MSK_A;
import static org.mbmskeys.mbms.ue.keys.UeFixtures.MSK_B;
import static org.mbmskeys.mbms.ue.keys.UeFixtures.MSK_C;
import static org.mbmskeys.mbms.ue.keys.UeFixtures.MSK_ID_1;
import static org.mbmskeys.mbms.ue.keys.UeFixtures.MSK_ID_2;
import static org.mbmskeys.mbms.ue.keys.UeFixtures.MSK_ID_3;
import static org.mbmskeys.mbms.ue.keys.UeFixtures.MTK_1;
import static org.mbmskeys.mbms.ue.keys.UeFixtures.MTK_2;
import static org.mbmskeys.mbms.ue.keys.UeFixtures.MTK_3;
import static org.mbmskeys.mbms.ue.keys.UeFixtures.MUK;
import static org.mbmskeys.mbms.ue.keys.UeFixtures.MUK_ID;
import static org.mbmskeys.mbms.ue.keys.UeFixtures.NEW_MUK;
import static org.mbmskeys.mbms.ue.keys.UeFixtures.NEW_MUK_ID;
import static org.mbmskeys.mbms.ue.keys.UeFixtures.RAND;
import static org.mbmskeys.mbms.ue.keys.UeFixtures.VALIDITY;
import static org.mbmskeys.mbms.ue.keys.UeFixtures.counter;
import static org.mbmskeys.mbms.ue.keys.UeFixtures.deliverMsk;
import static org.mbmskeys.mbms.ue.keys.UeFixtures.deliverMtk;
import static org.mbmskeys.mbms.ue.keys.UeFixtures.ref;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mbmskeys.engine.bytes.SecretBytes;
import org.mbmskeys.mbms.keys.KeyValidity;
import org.mbmskeys.mbms.keys.MskId;
import org.mbmskeys.mbms.keys.ServiceType;

/**
 * The UE key store zeroes every key object it stops holding (MUK, MRK, MSK, MTK, salt), and only those:
 * a key it still holds, and the caller's own objects, stay readable. The test reads the very objects
 * the storage holds (a storage is given them as they are, {@link UeKeyStorage}), not the copies the store
 * hands out.
 */
class UeDroppedKeysAreWipedTest {

    private final UeKeyStorage storage = UeKeyStorage.inMemory();
    private final UeKeyStore store = new UeKeyStore(storage);

    UeDroppedKeysAreWipedTest() {
        store.uiccInserted(UiccId.of("8949440000001234567"));
        store.installMuk(MUK_ID, MUK);
    }

    private SecretBytes heldMuk() {
        return storage.load().currentMuks().get(MUK_ID.idi()).key();
    }

    private SecretBytes heldMsk(MskId id) {
        return storage.load().msks().get(ref(id)).key();
    }

    private List<SecretBytes> heldMtkMaterial() {
        return storage.load().mtks().stream().flatMap(m -> java.util.stream.Stream.concat(
                java.util.stream.Stream.of(m.key()), m.salt().stream())).toList();
    }

    @Test
    void aMukReplacedBeforeItVerifiedAnythingIsWiped() {
        SecretBytes first = heldMuk();

        store.installMuk(NEW_MUK_ID, NEW_MUK);

        assertThat(first.isDestroyed()).isTrue();
        assertThat(heldMuk().isDestroyed()).isFalse();
    }

    @Test
    void theLastUsedMukIsKeptWhenANewMukIsInstalledAndWipedWhenTheNewOneIsUsed() {
        deliverMsk(store, 1, MSK_ID_1, MSK_A, VALIDITY);
        SecretBytes lastUsed = storage.load().lastUsedMuks().get(MUK_ID.idi()).key();

        store.installMuk(NEW_MUK_ID, NEW_MUK);
        assertThat(lastUsed.isDestroyed()).as("still the last used MUK").isFalse();

        assertThat(store.applyMsk(NEW_MUK_ID, counter(1), DOMAIN, MSK_ID_1, Optional.of(MSK_A), VALIDITY, RAND,
                ServiceType.STREAMING).isAccepted()).isTrue();

        assertThat(lastUsed.isDestroyed()).isTrue();
    }

    @Test
    void aReplacedMrkIsWiped() {
        store.installMrk(MUK_ID, MRK);
        SecretBytes first = storage.load().mrks().get(MUK_ID.idi()).key();

        store.installMrk(MUK_ID, SecretBytes.ofHex("5f5e5d5c5b5a59585756555453525150"));

        assertThat(first.isDestroyed()).isTrue();
        assertThat(storage.load().mrks().get(MUK_ID.idi()).key().isDestroyed()).isFalse();
    }

    @Test
    void anMskReplacedByADifferentKeyIsWipedAndTheSameKeyAgainKeepsTheHeldObject() {
        deliverMsk(store, 1, MSK_ID_1, MSK_A, VALIDITY);
        SecretBytes first = heldMsk(MSK_ID_1);

        deliverMsk(store, 2, MSK_ID_1, MSK_A, VALIDITY);
        assertThat(heldMsk(MSK_ID_1)).isSameAs(first);
        assertThat(first.isDestroyed()).isFalse();

        deliverMsk(store, 3, MSK_ID_1, MSK_B, VALIDITY);
        assertThat(first.isDestroyed()).isTrue();
        assertThat(heldMsk(MSK_ID_1).isDestroyed()).isFalse();
    }

    @Test
    void anMskTheTwoMskRuleDeletesIsWipedWithItsMtk() {
        deliverMsk(store, 1, MSK_ID_1, MSK_A, VALIDITY);
        deliverMtk(store, MSK_ID_1, 1, 11, MTK_1);
        deliverMsk(store, 2, MSK_ID_2, MSK_B, VALIDITY);
        SecretBytes oldest = heldMsk(MSK_ID_1);
        List<SecretBytes> itsMtk = heldMtkMaterial();
        SecretBytes kept = heldMsk(MSK_ID_2);

        deliverMsk(store, 3, MSK_ID_3, MSK_C, VALIDITY);

        assertThat(oldest.isDestroyed()).isTrue();
        assertThat(itsMtk).hasSize(2).allSatisfy(k -> assertThat(k.isDestroyed()).isTrue());
        assertThat(kept.isDestroyed()).isFalse();
    }

    @Test
    void anInvalidatedMskIsWiped() {
        deliverMsk(store, 1, MSK_ID_1, MSK_A, VALIDITY);
        SecretBytes held = heldMsk(MSK_ID_1);

        store.applyMsk(MUK_ID, counter(2), DOMAIN, MSK_ID_1, Optional.empty(), KeyValidity.invalidated(), RAND,
                ServiceType.STREAMING);

        assertThat(held.isDestroyed()).isTrue();
    }

    @Test
    void theMtkAndSaltAThirdMtkDisplacesAreWipedAndTheOthersKept() {
        deliverMsk(store, 1, MSK_ID_1, MSK_A, KeyValidity.of(10, 20));
        deliverMtk(store, MSK_ID_1, 1, 11, MTK_1);
        List<SecretBytes> first = heldMtkMaterial();
        deliverMtk(store, MSK_ID_1, 2, 12, MTK_2);
        List<SecretBytes> firstTwo = heldMtkMaterial();

        deliverMtk(store, MSK_ID_1, 3, 13, MTK_3);

        assertThat(first).hasSize(2).allSatisfy(k -> assertThat(k.isDestroyed()).isTrue());
        assertThat(firstTwo.subList(2, 4)).allSatisfy(k -> assertThat(k.isDestroyed()).isFalse());
        assertThat(heldMsk(MSK_ID_1).isDestroyed()).isFalse();
    }

    @Test
    void theMtksOfAnEndedSessionAreWiped() {
        deliverMsk(store, 1, MSK_ID_1, MSK_A, KeyValidity.of(10, 20));
        deliverMtk(store, MSK_ID_1, 1, 11, MTK_1);
        List<SecretBytes> mtk = heldMtkMaterial();

        assertThat(store.endSession(DOMAIN, GROUP)).isEqualTo(1);

        assertThat(mtk).hasSize(2).allSatisfy(k -> assertThat(k.isDestroyed()).isTrue());
        assertThat(heldMsk(MSK_ID_1).isDestroyed()).isFalse();
    }

    @Test
    void anMtkAValidityUpdateNoLongerCoversIsWiped() {
        deliverMsk(store, 1, MSK_ID_1, MSK_A, KeyValidity.of(10, 20));
        deliverMtk(store, MSK_ID_1, 1, 11, MTK_1);
        List<SecretBytes> mtk = heldMtkMaterial();

        store.applyMsk(MUK_ID, counter(2), DOMAIN, MSK_ID_1, Optional.empty(), KeyValidity.of(12, 20), RAND,
                ServiceType.STREAMING);

        assertThat(mtk).hasSize(2).allSatisfy(k -> assertThat(k.isDestroyed()).isTrue());
    }

    @Test
    void aDifferentUiccWipesEveryKey() {
        store.installMrk(MUK_ID, MRK);
        deliverMsk(store, 1, MSK_ID_1, MSK_A, KeyValidity.of(10, 20));
        deliverMtk(store, MSK_ID_1, 1, 11, MTK_1);
        List<SecretBytes> all = storage.load().secrets().toList();
        assertThat(all).hasSize(6);   // current = last used MUK (one object each), MRK, MSK, MTK, salt

        store.uiccInserted(UiccId.of("8949440000007654321"));

        assertThat(all).allSatisfy(k -> assertThat(k.isDestroyed()).isTrue());
    }

    @Test
    void aRejectedMessageWipesNothing() {
        deliverMsk(store, 5, MSK_ID_1, MSK_A, KeyValidity.of(10, 20));
        List<SecretBytes> all = storage.load().secrets().toList();

        assertThat(store.applyMsk(MUK_ID, counter(5), DOMAIN, MSK_ID_1, Optional.of(MSK_B), VALIDITY, RAND,
                ServiceType.STREAMING).isAccepted()).isFalse();

        assertThat(all).isNotEmpty().allSatisfy(k -> assertThat(k.isDestroyed()).isFalse());
    }

    @Test
    void theCallersKeysAreNeverWiped() {
        SecretBytes muk = SecretBytes.ofHex("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");
        SecretBytes msk = SecretBytes.ofHex("a0a1a2a3a4a5a6a7a8a9aaabacadaeaf");
        SecretBytes otherMsk = SecretBytes.ofHex("b0b1b2b3b4b5b6b7b8b9babbbcbdbebf");
        store.installMuk(NEW_MUK_ID, muk);
        store.applyMsk(NEW_MUK_ID, counter(1), DOMAIN, MSK_ID_1, Optional.of(msk), VALIDITY, RAND, ServiceType.STREAMING);
        store.applyMsk(NEW_MUK_ID, counter(2), DOMAIN, MSK_ID_1, Optional.of(otherMsk), VALIDITY, RAND,
                ServiceType.STREAMING);

        store.uiccInserted(UiccId.of("8949440000007654321"));

        assertThat(List.of(muk, msk, otherMsk)).allSatisfy(k -> assertThat(k.isDestroyed()).isFalse());
    }
}
