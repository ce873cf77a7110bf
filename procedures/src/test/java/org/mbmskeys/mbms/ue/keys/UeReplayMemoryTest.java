package org.mbmskeys.mbms.ue.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mbmskeys.mbms.ue.keys.UeFixtures.*;
import static org.mbmskeys.mbms.ue.keys.UeFixtures.CSB_ID;

import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mbmskeys.engine.bytes.SecretBytes;
import org.mbmskeys.mbms.keys.KeyValidity;
import org.mbmskeys.mbms.keys.MtkId;
import org.mbmskeys.mbms.keys.MukId;
import org.mbmskeys.mbms.keys.ServiceType;

/**
 * TS 33.246 §6.4.3: "the MSK-message counter is reset when the MUK is updated, and the MTK-message
 * counter is reset when the MSK is updated", and nowhere else. A key the ME dropped (an invalidated or
 * evicted MSK, a MUK that is neither current nor last used) and that comes back unchanged under the same
 * ID keeps its counter, so messages accepted before stay replays; a different key under the same ID is
 * an update and starts afresh.
 */
class UeReplayMemoryTest {

    private static final SecretBytes OTHER_MUK =
            SecretBytes.ofHex("606162636465666768696a6b6c6d6e6f707172737475767778797a7b7c7d7e7f");
    private static final MukId THIRD_MUK_ID = MukId.of("bmsc.example.org", "MDEyMzQ1Njc4OTAxMjM0NQ==@bsf.example.org");

    private UeKeyStore store;

    @BeforeEach
    void setUp() {
        store = storeWithMuk();
        deliverMsk(store, 1, MSK_ID_1, MSK_A, VALIDITY);
        deliverMtk(store, MSK_ID_1, 5, 12, MTK_1);
    }

    @Test
    void theSameMskDeliveredAfterItsInvalidationKeepsItsMtkCounter() {
        store.applyMsk(MUK_ID, counter(2), DOMAIN, MSK_ID_1, Optional.empty(), KeyValidity.invalidated(), RAND,
                ServiceType.STREAMING);
        deliverMsk(store, 3, MSK_ID_1, MSK_A, VALIDITY);

        assertRejectedUnchanged(store, KeyRejection.REPLAYED_COUNTER,
                () -> store.checkMtk(DOMAIN, MSK_ID_1, counter(5), MtkId.of(13)));
        assertRejectedUnchanged(store, KeyRejection.STALE_MTK_ID,
                () -> store.applyMtk(DOMAIN, MSK_ID_1, counter(6), MtkId.of(12), CSB_ID, MTK_1, Optional.of(SALT)));
        deliverMtk(store, MSK_ID_1, 6, 13, MTK_2);
    }

    @Test
    void theSameMskDeliveredAfterTheTwoMskRuleDeletedItKeepsItsMtkCounter() {
        deliverMsk(store, 2, MSK_ID_2, MSK_B, VALIDITY);
        MskUpdate third = deliverMsk(store, 3, MSK_ID_3, MSK_C, VALIDITY);
        assertThat(third.evicted()).contains(ref(MSK_ID_1));
        deliverMsk(store, 4, MSK_ID_1, MSK_A, VALIDITY);

        assertRejectedUnchanged(store, KeyRejection.REPLAYED_COUNTER,
                () -> store.checkMtk(DOMAIN, MSK_ID_1, counter(5), MtkId.of(13)));
    }

    @Test
    void aDifferentKeyUnderTheSameMskIdAfterItsDeletionStartsANewMtkCounter() {
        store.applyMsk(MUK_ID, counter(2), DOMAIN, MSK_ID_1, Optional.empty(), KeyValidity.invalidated(), RAND,
                ServiceType.STREAMING);
        deliverMsk(store, 3, MSK_ID_1, MSK_B, VALIDITY);

        deliverMtk(store, MSK_ID_1, 1, 11, MTK_2);
        assertThat(store.snapshot().retiredMtkStates()).isEmpty();
    }

    @Test
    void theSameMukInstalledAgainAfterItWasDroppedKeepsItsCounter() {
        store.installMuk(NEW_MUK_ID, NEW_MUK);
        assertThat(store.applySolicitedPull(NEW_MUK_ID, counter(1), DOMAIN, GROUP).isAccepted()).isTrue();
        store.installMuk(THIRD_MUK_ID, OTHER_MUK);
        assertThat(store.counterFor(MUK_ID)).isEmpty();

        store.installMuk(MUK_ID, MUK);

        assertThat(store.counterFor(MUK_ID)).contains(counter(1));
        assertRejectedUnchanged(store, KeyRejection.REPLAYED_COUNTER, () -> store.checkMskCounter(MUK_ID, counter(1)));
    }

    @Test
    void aDifferentKeyUnderADroppedMukIdStartsANewCounter() {
        store.installMuk(NEW_MUK_ID, NEW_MUK);
        assertThat(store.applySolicitedPull(NEW_MUK_ID, counter(1), DOMAIN, GROUP).isAccepted()).isTrue();
        store.installMuk(THIRD_MUK_ID, OTHER_MUK);

        store.installMuk(MUK_ID, OTHER_MUK);

        assertThat(store.counterFor(MUK_ID)).isEmpty();
        assertThat(store.checkMskCounter(MUK_ID, counter(1)).isAccepted()).isTrue();
    }

    @Test
    void aDifferentKeyUnderTheCurrentMukIdIsAMukUpdateAndStartsANewCounter() {
        store.installMuk(MUK_ID, MUK);
        assertThat(store.counterFor(MUK_ID)).contains(counter(1));

        store.installMuk(MUK_ID, OTHER_MUK);

        assertThat(store.counterFor(MUK_ID)).isEmpty();
        assertThat(store.checkMskCounter(MUK_ID, counter(1)).isAccepted()).isTrue();
    }

    @Test
    void aValidityUpdateRaisingSeqLowAboveTheCurrentMtkLeavesNoCurrentMtk() {
        store.applyMsk(MUK_ID, counter(2), DOMAIN, MSK_ID_1, Optional.empty(), KeyValidity.of(15, 30), RAND,
                ServiceType.STREAMING);

        assertThat(store.currentMtk(DOMAIN, MSK_ID_1)).isEmpty();
        assertThat(store.mtk(DOMAIN, MSK_ID_1, MtkId.of(12))).isEmpty();
        assertRejectedUnchanged(store, KeyRejection.REPLAYED_COUNTER,
                () -> store.checkMtk(DOMAIN, MSK_ID_1, counter(5), MtkId.of(16)));
    }

    @Test
    void aValidityUpdateLoweringSeqHighBelowTheCurrentMtkLeavesNoCurrentMtk() {
        store.applyMsk(MUK_ID, counter(2), DOMAIN, MSK_ID_1, Optional.of(MSK_A), KeyValidity.of(5, 11), RAND,
                ServiceType.STREAMING);

        assertThat(store.currentMtk(DOMAIN, MSK_ID_1)).isEmpty();
    }

    @Test
    void aValidityUpdateThatStillCoversTheCurrentMtkKeepsIt() {
        store.applyMsk(MUK_ID, counter(2), DOMAIN, MSK_ID_1, Optional.empty(), KeyValidity.of(12, 40), RAND,
                ServiceType.STREAMING);

        assertThat(store.currentMtk(DOMAIN, MSK_ID_1)).map(CurrentMtk::mtkId).contains(MtkId.of(12));
    }
}
