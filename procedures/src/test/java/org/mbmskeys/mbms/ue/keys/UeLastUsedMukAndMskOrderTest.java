package org.mbmskeys.mbms.ue.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mbmskeys.mbms.ue.keys.UeFixtures.DOMAIN;
import static org.mbmskeys.mbms.ue.keys.UeFixtures.GROUP;
import static org.mbmskeys.mbms.ue.keys.UeFixtures.MSK_A;
import static org.mbmskeys.mbms.ue.keys.UeFixtures.MSK_B;
import static org.mbmskeys.mbms.ue.keys.UeFixtures.MSK_C;
import static org.mbmskeys.mbms.ue.keys.UeFixtures.MTK_1;
import static org.mbmskeys.mbms.ue.keys.UeFixtures.MTK_2;
import static org.mbmskeys.mbms.ue.keys.UeFixtures.MUK;
import static org.mbmskeys.mbms.ue.keys.UeFixtures.MUK_ID;
import static org.mbmskeys.mbms.ue.keys.UeFixtures.NEW_MUK;
import static org.mbmskeys.mbms.ue.keys.UeFixtures.NEW_MUK_ID;
import static org.mbmskeys.mbms.ue.keys.UeFixtures.OTHER_BMSC_MUK_ID;
import static org.mbmskeys.mbms.ue.keys.UeFixtures.OTHER_DOMAIN;
import static org.mbmskeys.mbms.ue.keys.UeFixtures.RAND;
import static org.mbmskeys.mbms.ue.keys.UeFixtures.VALIDITY;
import static org.mbmskeys.mbms.ue.keys.UeFixtures.counter;
import static org.mbmskeys.mbms.ue.keys.UeFixtures.deliverMsk;
import static org.mbmskeys.mbms.ue.keys.UeFixtures.deliverMtk;
import static org.mbmskeys.mbms.ue.keys.UeFixtures.ref;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.mbmskeys.engine.bytes.SecretBytes;
import org.mbmskeys.mbms.keys.KeyDomainId;
import org.mbmskeys.mbms.keys.KeyGroup;
import org.mbmskeys.mbms.keys.KeyValidity;
import org.mbmskeys.mbms.keys.MskId;
import org.mbmskeys.mbms.keys.MskRef;
import org.mbmskeys.mbms.keys.MukId;
import org.mbmskeys.mbms.keys.ServiceType;

/**
 * Which MSK is the newer (TS 33.246 §6.5.3: the one protected with the last successfully used MUK, with
 * the same MUK the higher counter), as the two-MSK rule deletes and {@link UeKeyStore#msks()} lists them;
 * which MUK is marked last used; and what a validity update or a new key does to the MTKs.
 */
class UeLastUsedMukAndMskOrderTest {

    private static final MskId ID_1 = MskId.of(1, 1);
    private static final MskId ID_2 = MskId.of(1, 2);
    private static final MskId ID_3 = MskId.of(1, 3);
    private static final MukId SECOND_MUK_OF_OTHER_BMSC =
            MukId.of("bmsc2.example.org", "AAECAwQFBgcICQoLDA0ODw==@bsf.example.org");

    private final UeKeyStorage storage = UeKeyStorage.inMemory();
    private final UeKeyStore store = new UeKeyStore(storage);

    UeLastUsedMukAndMskOrderTest() {
        store.uiccInserted(UiccId.of("8949440000001234567"));
        store.installMuk(MUK_ID, MUK);
    }

    private boolean apply(MukId muk, long counter, KeyDomainId domain, MskId id, SecretBytes key) {
        return store.applyMsk(muk, counter(counter), domain, id, Optional.of(key), VALIDITY, RAND, ServiceType.STREAMING)
                .isAccepted();
    }

    @Test
    void withTheSameMukTheLowerCounterIsOlderWhateverTheKeyNumbers() {
        deliverMsk(store, 1, ID_2, MSK_B, VALIDITY);
        deliverMsk(store, 2, ID_1, MSK_A, VALIDITY);

        assertThat(store.msks()).extracting(m -> m.ref().mskId()).containsExactly(ID_2, ID_1);
        assertThat(deliverMsk(store, 3, ID_3, MSK_C, VALIDITY).evicted()).contains(ref(ID_2));
    }

    @Test
    void theMskOfTheLastUsedMukIsNewerEvenIfItsMukWasInstalledFirst() {
        // BM-SC 1: MUK_ID (installed first) protects ID_1 and stays the last used MUK of BM-SC 1.
        assertThat(apply(MUK_ID, 1, DOMAIN, ID_1, MSK_A)).isTrue();
        // BM-SC 2: a later MUK protects ID_2, then a newer MUK of BM-SC 2 is used, so that one is not last used.
        store.installMuk(OTHER_BMSC_MUK_ID, NEW_MUK);
        assertThat(apply(OTHER_BMSC_MUK_ID, 1, DOMAIN, ID_2, MSK_B)).isTrue();
        store.installMuk(SECOND_MUK_OF_OTHER_BMSC,
                SecretBytes.ofHex("3031323334353637383930313233343536373839303132333435363738393031"));
        assertThat(store.applySolicitedPull(SECOND_MUK_OF_OTHER_BMSC, counter(1), OTHER_DOMAIN, GROUP).isAccepted()).isTrue();
        assertThat(store.lastUsedMuk(OTHER_BMSC_MUK_ID.idi())).contains(SECOND_MUK_OF_OTHER_BMSC);

        // ID_1 (protected by a last used MUK, though installed first) is newer than ID_2.
        assertThat(store.msks()).extracting(m -> m.ref().mskId()).containsExactly(ID_2, ID_1);
        assertThat(apply(SECOND_MUK_OF_OTHER_BMSC, 2, DOMAIN, ID_3, MSK_C)).isTrue();
        assertThat(store.msk(ref(ID_2))).isEmpty();
        assertThat(store.msk(ref(ID_1))).isPresent();
    }

    @Test
    void aStateWithMsksButNoLastUsedMukStillOrders() {
        StoredMsk one = UeKeyRecordsRefuseInconsistentValuesTest.msk(ref(ID_1));
        StoredMsk two = new StoredMsk(ref(ID_2), MSK_B, VALIDITY, RAND, ServiceType.STREAMING, NEW_MUK_ID, 0, counter(1),
                Optional.empty(), Optional.empty());
        storage.store(new UeKeyState(Optional.empty(), Map.of(), Map.of(), Map.of(), Map.of(), Map.of(), 2,
                Map.of(ref(ID_1), one, ref(ID_2), two), List.of(), Set.of(), Map.of(), Map.of()));

        // Neither MUK is last used: the MUK installed later (generation 1, not 0) protects the newer.
        assertThat(store.msks()).extracting(m -> m.ref().mskId()).containsExactly(ID_2, ID_1);
    }

    @Test
    void msksAreListedByKeyDomainThenKeyGroupThenAge() {
        MskId group2 = MskId.of(2, 1);
        deliverMsk(store, 1, group2, MSK_A, VALIDITY);
        deliverMsk(store, 2, ID_2, MSK_B, VALIDITY);
        deliverMsk(store, 3, ID_1, MSK_C, VALIDITY);
        assertThat(apply(MUK_ID, 4, OTHER_DOMAIN, ID_1, MSK_A)).isTrue();

        assertThat(store.msks()).extracting(m -> m.ref().keyDomain() + "/" + m.ref().mskId())
                .containsExactly("001-01/00010002", "001-01/00010001", "001-01/00020001", "310-410/00010001");
    }

    @Test
    void installingAMukKeepsInstallGenerationsOnlyForMuksThatCanStillVerify() {
        deliverMsk(store, 1, ID_1, MSK_A, VALIDITY);            // MUK_ID is last used
        store.installMuk(NEW_MUK_ID, NEW_MUK);                   // current, never used
        MukId third = MukId.of("bmsc.example.org", "BAUGBwgJCgsMDQ4PEBESEw==@bsf.example.org");
        store.installMuk(third, SecretBytes.ofHex("6061626364656667686970717273747576777879808182838485868788899091"));

        assertThat(store.snapshot().mukGenerations().keySet()).containsExactlyInAnyOrder(MUK_ID, third);
    }

    @Test
    void aSolicitedPullMarksItsMukAsLastUsedAndDropsTheOldOne() {
        deliverMsk(store, 1, ID_1, MSK_A, VALIDITY);
        store.installMuk(NEW_MUK_ID, NEW_MUK);

        assertThat(store.applySolicitedPull(NEW_MUK_ID, counter(1), DOMAIN, GROUP).value())
                .isEqualTo(MskRef.of(DOMAIN, MskId.current(GROUP)));

        assertThat(store.lastUsedMuk(MUK_ID.idi())).contains(NEW_MUK_ID);
        assertThat(store.mukFor(MUK_ID).rejection()).contains(KeyRejection.UNKNOWN_MUK);
        assertThat(store.snapshot().mukCounters()).containsOnlyKeys(NEW_MUK_ID);
    }

    @Test
    void aDifferentKeyForOneMskDropsOnlyThatMsksMtks() {
        MskId otherGroup = MskId.of(2, 1);
        deliverMsk(store, 1, ID_1, MSK_A, KeyValidity.of(10, 20));
        deliverMsk(store, 2, otherGroup, MSK_B, KeyValidity.of(10, 20));
        deliverMtk(store, ID_1, 1, 11, MTK_1);
        deliverMtk(store, otherGroup, 1, 11, MTK_2);

        deliverMsk(store, 3, ID_1, MSK_C, KeyValidity.of(10, 20));

        assertThat(store.currentMtk(DOMAIN, ID_1)).isEmpty();
        assertThat(store.currentMtk(DOMAIN, otherGroup)).isPresent();
    }

    @Test
    void aValidityUpdateWhoseBoundsAreTheCurrentMtkIdKeepsThatMtk() {
        deliverMsk(store, 1, ID_1, MSK_A, KeyValidity.of(10, 20));
        deliverMtk(store, ID_1, 1, 11, MTK_1);

        store.applyMsk(MUK_ID, counter(2), DOMAIN, ID_1, Optional.empty(), KeyValidity.of(11, 30), RAND, ServiceType.STREAMING);
        assertThat(store.currentMtk(DOMAIN, ID_1)).isPresent();

        store.applyMsk(MUK_ID, counter(3), DOMAIN, ID_1, Optional.empty(), KeyValidity.of(5, 11), RAND, ServiceType.STREAMING);
        assertThat(store.currentMtk(DOMAIN, ID_1)).isPresent();
    }

    @Test
    void endingASessionWithoutMtksWritesNothing() {
        int[] writes = {0};
        UeKeyStorage counting = new UeKeyStorage() {
            @Override
            public UeKeyState load() {
                return storage.load();
            }

            @Override
            public void store(UeKeyState state) {
                writes[0]++;
                storage.store(state);
            }
        };
        UeKeyStore over = new UeKeyStore(counting);
        deliverMsk(over, 1, ID_1, MSK_A, VALIDITY);
        int before = writes[0];

        assertThat(over.endSession(DOMAIN, KeyGroup.of(1))).isZero();

        assertThat(writes[0]).isEqualTo(before);
    }
}
