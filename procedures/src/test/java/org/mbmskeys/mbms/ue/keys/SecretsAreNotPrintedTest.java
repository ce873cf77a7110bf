package org.mbmskeys.mbms.ue.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mbmskeys.mbms.ue.keys.UeFixtures.DOMAIN;
import static org.mbmskeys.mbms.ue.keys.UeFixtures.MRK;
import static org.mbmskeys.mbms.ue.keys.UeFixtures.MSK_A;
import static org.mbmskeys.mbms.ue.keys.UeFixtures.MSK_ID_1;
import static org.mbmskeys.mbms.ue.keys.UeFixtures.MTK_1;
import static org.mbmskeys.mbms.ue.keys.UeFixtures.MUK;
import static org.mbmskeys.mbms.ue.keys.UeFixtures.MUK_ID;
import static org.mbmskeys.mbms.ue.keys.UeFixtures.SALT;
import static org.mbmskeys.mbms.ue.keys.UeFixtures.VALIDITY;
import static org.mbmskeys.mbms.ue.keys.UeFixtures.counter;
import static org.mbmskeys.mbms.ue.keys.UeFixtures.deliverMsk;
import static org.mbmskeys.mbms.ue.keys.UeFixtures.deliverMtk;
import static org.mbmskeys.mbms.ue.keys.UeFixtures.storeWithMuk;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mbmskeys.engine.bytes.SecretBytes;
import org.mbmskeys.mbms.bmsc.keys.KeyRegistry;
import org.mbmskeys.mbms.bmsc.keys.MtkAllocation;
import org.mbmskeys.mbms.bmsc.keys.RegisteredMsk;
import org.mbmskeys.mbms.keys.KeyValidity;
import org.mbmskeys.mbms.keys.MskId;
import org.mbmskeys.mbms.keys.MskRef;
import org.mbmskeys.mbms.keys.MtkId;
import org.mbmskeys.mbms.keys.ProtectingKey;
import org.mbmskeys.mbms.keys.ServiceType;

/** Key material never shows in toString or rejection messages of the key rule types (secrets never reach logs, exceptions or toString). */
class SecretsAreNotPrintedTest {

    private static final List<SecretBytes> UE_KEYS = List.of(MUK, MRK, MSK_A, MTK_1, SALT);

    private static void assertShowsNoKey(Object printed, List<SecretBytes> keys) {
        String text = String.valueOf(printed);
        for (SecretBytes key : keys) {
            assertThat(text).doesNotContainIgnoringCase(key.revealHex());
        }
        assertThat(text).contains("SecretBytes[");
    }

    @Test
    void ueResultsAndStateShowNoKeyMaterial() {
        UeKeyStore store = storeWithMuk();
        store.installMrk(MUK_ID, MRK);
        deliverMsk(store, 1, MSK_ID_1, MSK_A, VALIDITY);
        CurrentMtk mtk = deliverMtk(store, MSK_ID_1, 1, 11, MTK_1);

        assertShowsNoKey(store.mukFor(MUK_ID), UE_KEYS);
        assertShowsNoKey(store.checkMtk(DOMAIN, MSK_ID_1, counter(2), MtkId.of(12)), UE_KEYS);
        assertShowsNoKey(mtk, UE_KEYS);
        assertShowsNoKey(store.msks(), UE_KEYS);
        assertShowsNoKey(store.mtks(DOMAIN, UeFixtures.GROUP), UE_KEYS);
        assertShowsNoKey(store.mrk(MUK_ID.idi()), UE_KEYS);
        assertShowsNoKey(store.snapshot(), UE_KEYS);
    }

    @Test
    void rejectionsShowNoKeyMaterial() {
        UeKeyStore store = storeWithMuk();
        deliverMsk(store, 1, MSK_ID_1, MSK_A, VALIDITY);
        deliverMtk(store, MSK_ID_1, 1, 11, MTK_1);
        List<KeyOutcome<?>> rejections = new ArrayList<>();
        rejections.add(store.checkMskCounter(MUK_ID, counter(1)));
        rejections.add(store.checkMtk(DOMAIN, MSK_ID_1, counter(1), MtkId.of(12)));
        rejections.add(store.checkMtk(DOMAIN, MSK_ID_1, counter(2), MtkId.of(10)));
        rejections.add(store.checkMtk(DOMAIN, MSK_ID_1, counter(2), MtkId.of(99)));
        rejections.add(store.applyMsk(MUK_ID, counter(2), DOMAIN, MskId.of(1, 5), Optional.empty(), VALIDITY, UeFixtures.RAND, ServiceType.STREAMING));
        for (KeyOutcome<?> rejected : rejections) {
            assertThat(rejected.isAccepted()).isFalse();
            for (SecretBytes key : UE_KEYS) {
                assertThat(rejected.detail() + rejected).doesNotContainIgnoringCase(key.revealHex());
            }
        }
    }

    @Test
    void registryResultsShowNoKeyMaterial() {
        KeyRegistry registry = org.mbmskeys.mbms.bmsc.keys.RegistryFixtures.registryWithGroup();
        RegisteredMsk msk = registry.rotate(org.mbmskeys.mbms.bmsc.keys.RegistryFixtures.DOMAIN, org.mbmskeys.mbms.bmsc.keys.RegistryFixtures.GROUP, VALIDITY);
        MtkAllocation.Allocated mtk = (MtkAllocation.Allocated) registry.nextMtk(msk.ref());
        List<SecretBytes> keys = List.of(msk.key(), mtk.mtk(), mtk.salt().orElseThrow());
        assertShowsNoKey(msk, keys);
        assertShowsNoKey(mtk, keys);
    }
}
