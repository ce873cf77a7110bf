package org.mbmskeys.mbms.ue.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mbmskeys.mbms.ue.keys.UeFixtures.CSB_ID;
import static org.mbmskeys.mbms.ue.keys.UeFixtures.DOMAIN;
import static org.mbmskeys.mbms.ue.keys.UeFixtures.MSK_A;
import static org.mbmskeys.mbms.ue.keys.UeFixtures.MSK_ID_1;
import static org.mbmskeys.mbms.ue.keys.UeFixtures.MTK_1;
import static org.mbmskeys.mbms.ue.keys.UeFixtures.MTK_2;
import static org.mbmskeys.mbms.ue.keys.UeFixtures.MUK_ID;
import static org.mbmskeys.mbms.ue.keys.UeFixtures.RAND;
import static org.mbmskeys.mbms.ue.keys.UeFixtures.SALT;
import static org.mbmskeys.mbms.ue.keys.UeFixtures.VALIDITY;
import static org.mbmskeys.mbms.ue.keys.UeFixtures.counter;
import static org.mbmskeys.mbms.ue.keys.UeFixtures.deliverMsk;
import static org.mbmskeys.mbms.ue.keys.UeFixtures.storeWithMuk;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mbmskeys.mbms.keys.MtkId;
import org.mbmskeys.mbms.keys.ServiceType;
import org.mbmskeys.mbms.mikey.crypto.CryptoSuite;
import org.mbmskeys.mbms.traffic.DcfKeyId;
import org.mbmskeys.mbms.traffic.DcfKeys;

/**
 * TS 33.246 §6.5.4: "In case of download service, key derivation as defined in section 4.1.3 of RFC 3830 shall be
 * used to derive authentication and encryption keys from MTK in the ME ... The derived authentication and encryption
 * keys shall be provided to the download protection protocol." The store gives them for the KeyID a DCF names
 * (§6.6.3.2), from the MTK it holds, the CSB ID of that MTK's message and the MIKEY-RAND of its MSK.
 */
class UeDcfKeysTest {

    private static final DcfKeyId KEY_ID_11 = DcfKeyId.of(DOMAIN, MSK_ID_1, MtkId.of(11));

    /** A store holding the download MSK MSK_ID_1 (RAND) and its MTK 11 (MTK_1, CSB_ID), as a download MTK: no salt. */
    private static UeKeyStore withDownloadMtk11() {
        UeKeyStore store = storeWithMuk();
        assertThat(store.applyMsk(MUK_ID, counter(1), DOMAIN, MSK_ID_1, Optional.of(MSK_A), VALIDITY, RAND,
                ServiceType.DOWNLOAD).isAccepted()).isTrue();
        assertThat(store.applyMtk(DOMAIN, MSK_ID_1, counter(1), MtkId.of(11), CSB_ID, MTK_1, Optional.empty())
                .isAccepted()).isTrue();
        return store;
    }

    @Test
    void theKeysOfAHeldDownloadMtkAreDerivedFromItItsMessagesCsbIdAndItsMsksRand() {
        Optional<DcfKeys> keys = withDownloadMtk11().dcfKeys(KEY_ID_11, CryptoSuite.jca());

        DcfKeys expected = DcfKeys.derive(KEY_ID_11, MTK_1, CSB_ID, RAND, CryptoSuite.jca());
        assertThat(keys).hasValueSatisfying(k -> {
            assertThat(k.keyId()).isEqualTo(KEY_ID_11);
            assertThat(k.encryptionKey()).isEqualTo(expected.encryptionKey());
            assertThat(k.authenticationKey()).isEqualTo(expected.authenticationKey());
        });
    }

    @Test
    void eachCallGivesCopiesTheCallerMayDestroy() {
        UeKeyStore store = withDownloadMtk11();
        store.dcfKeys(KEY_ID_11, CryptoSuite.jca()).orElseThrow().destroy();

        assertThat(store.dcfKeys(KEY_ID_11, CryptoSuite.jca()).orElseThrow().encryptionKey().isDestroyed()).isFalse();
        assertThat(store.mtk(DOMAIN, MSK_ID_1, MtkId.of(11)).orElseThrow().key()).isEqualTo(MTK_1);
    }

    @Test
    void anMtkNotHeldGivesNoKeys() {
        UeKeyStore store = withDownloadMtk11();

        assertThat(store.dcfKeys(DcfKeyId.of(DOMAIN, MSK_ID_1, MtkId.of(12)), CryptoSuite.jca())).isEmpty();
        assertThat(store.dcfKeys(DcfKeyId.of(DOMAIN, UeFixtures.MSK_ID_2, MtkId.of(11)), CryptoSuite.jca())).isEmpty();
        assertThat(UeKeyStore.inMemory().dcfKeys(KEY_ID_11, CryptoSuite.jca())).isEmpty();
    }

    @Test
    void aStreamingMtkHasNoDcfKeys() {
        UeKeyStore store = storeWithMuk();
        deliverMsk(store, 1, MSK_ID_1, MSK_A, VALIDITY);   // a streaming MSK
        assertThat(store.applyMtk(DOMAIN, MSK_ID_1, counter(1), MtkId.of(11), CSB_ID, MTK_2, Optional.of(SALT))
                .isAccepted()).isTrue();

        assertThat(store.dcfKeys(KEY_ID_11, CryptoSuite.jca())).isEmpty();
    }

    @Test
    void anMtkStoredWithoutItsCsbIdGivesNoKeys() {
        UeKeyStore written = withDownloadMtk11();
        UeKeyState state = written.snapshot();
        StoredMtk held = state.mtks().get(0);
        UeKeyState older = new UeKeyState(state.uicc(), state.currentMuks(), state.lastUsedMuks(), state.mrks(),
                state.mukCounters(), state.mukGenerations(), state.lastMukGeneration(), state.msks(),
                List.of(new StoredMtk(held.msk(), held.mtkId(), held.counter(), Optional.empty(), held.key(), held.salt())),
                state.invalidatedMsks(), state.retiredMukCounters(), state.retiredMtkStates());
        UeKeyStorage storage = UeKeyStorage.inMemory();
        storage.store(older);

        assertThat(new UeKeyStore(storage).dcfKeys(KEY_ID_11, CryptoSuite.jca())).isEmpty();
        assertThat(new UeKeyStore(storage).mtk(DOMAIN, MSK_ID_1, MtkId.of(11))).isPresent();
        assertThat(held.csbId()).as("what applyMtk stored, before the state was rewritten without it").hasValue(CSB_ID);
    }
}
