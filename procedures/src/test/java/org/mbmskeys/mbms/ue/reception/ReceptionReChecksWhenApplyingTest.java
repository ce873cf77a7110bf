package org.mbmskeys.mbms.ue.reception;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mbmskeys.mbms.ue.reception.BmscSide.BTID_OLD;
import static org.mbmskeys.mbms.ue.reception.BmscSide.DOMAIN;
import static org.mbmskeys.mbms.ue.reception.BmscSide.MUK_ID_NEW;
import static org.mbmskeys.mbms.ue.reception.BmscSide.MUK_ID_OLD;
import static org.mbmskeys.mbms.ue.reception.BmscSide.MUK_NEW;
import static org.mbmskeys.mbms.ue.reception.BmscSide.MUK_OLD;

import org.junit.jupiter.api.Test;
import org.mbmskeys.engine.bytes.Bytes;
import org.mbmskeys.mbms.bmsc.keys.RegisteredMsk;
import org.mbmskeys.mbms.keys.ServiceType;
import org.mbmskeys.mbms.mikey.crypto.WatchedCryptoSuite;
import org.mbmskeys.mbms.ue.keys.KeyRejection;
import org.mbmskeys.mbms.ue.keys.UeKeyStore;
import org.mbmskeys.mbms.ue.keys.UiccId;
import org.mbmskeys.mbms.ue.reception.Reception.Discarded;
import org.mbmskeys.mbms.ue.reception.Reception.MskStored;
import org.mbmskeys.mbms.ue.reception.Reception.Stage;

/**
 * The second phase of {@link MikeyReception}: the store checks a message before its MAC is verified and
 * checks it again, under its lock, when applying it (TS 33.246 §6.4.6, §6.5.3). The store is shared with the
 * rest of the UE (a GBA run installs a MUK, a card change deletes every key), so what the first check accepted
 * may no longer hold when the message is applied; the message is then discarded at {@link Stage#APPLY}, with
 * the store's reason, and nothing is committed.
 *
 * <p>The change is made deterministically between the two phases: the reception's crypto suite is the JCA
 * one, which runs the change once, at the first MAC or key derivation of the message, i.e. while the
 * reception verifies it.
 */
class ReceptionReChecksWhenApplyingTest {

    private static final UiccId UICC = UiccId.of("8949440000001234567");

    private final UeKeyStore store = UeKeyStore.inMemory();
    private final ChangeWhileVerifying suite = new ChangeWhileVerifying();
    private final MikeyReception reception = MikeyReception.create(store, suite);

    ReceptionReChecksWhenApplyingTest() {
        store.uiccInserted(UICC);
        store.installMuk(MUK_ID_OLD, MUK_OLD);
    }

    /** §6.3.2.2.4: a new GBA run while the pull is verified replaces its MUK, which was never used: unknown now. */
    @Test
    void aSolicitedPullWhoseMukANewGbaRunReplacedWhileItWasVerifiedIsDiscardedAtApply() {
        BmscSide bmsc = new BmscSide(ServiceType.DOWNLOAD);
        Bytes pull = bmsc.solicitedPull(BTID_OLD, MUK_OLD);
        suite.onNextUse(() -> store.installMuk(MUK_ID_NEW, MUK_NEW));

        Reception r = reception.receive(pull);

        assertThat(suite.changed).as("the change ran between the phases").isTrue();
        assertThat(r).as(r.toString()).isInstanceOfSatisfying(Discarded.class, d -> {
            assertThat(d.stage()).isEqualTo(Stage.APPLY);
            assertThat(d.reason()).isEqualTo(KeyRejection.UNKNOWN_MUK);
        });
        assertThat(store.lastUsedMuk(MUK_ID_OLD.idi())).isEmpty();
        assertThat(store.counterFor(MUK_ID_OLD)).isEmpty();
        assertThat(store.currentMuk(MUK_ID_NEW.idi())).contains(MUK_ID_NEW);
    }

    /** §6.1, §6.4.6.2: a card change while the MTK message is opened deletes its MSK: no MTK is stored. */
    @Test
    void anMtkMessageWhoseMskACardChangeDeletedWhileItWasOpenedIsDiscardedAtApply() {
        BmscSide bmsc = new BmscSide(ServiceType.STREAMING);
        RegisteredMsk msk = bmsc.rotate();
        assertThat(reception.receive(bmsc.mskMessage(msk, BTID_OLD, MUK_OLD, false))).isInstanceOf(MskStored.class);
        Bytes mtk = bmsc.mtkMessage(msk, bmsc.nextMtk(msk));
        suite.onNextUse(() -> store.uiccInserted(UiccId.of("8949440000007654321")));

        Reception r = reception.receive(mtk);

        assertThat(suite.changed).as("the change ran between the phases").isTrue();
        assertThat(r).as(r.toString()).isInstanceOfSatisfying(Discarded.class, d -> {
            assertThat(d.stage()).isEqualTo(Stage.APPLY);
            assertThat(d.reason()).isEqualTo(KeyRejection.UNKNOWN_KEY);
        });
        assertThat(store.currentMtk(DOMAIN, msk.ref().mskId())).isEmpty();
        assertThat(store.msks()).isEmpty();
    }

    /** The JCA suite, running a change of the store once, at its next use. */
    private static final class ChangeWhileVerifying extends WatchedCryptoSuite {

        private Runnable change;
        boolean changed;

        void onNextUse(Runnable storeChange) {
            change = storeChange;
        }

        @Override
        protected void onMac(byte[] key) {
            changeOnce();
        }

        @Override
        protected void onAesCtr(byte[] key16, byte[] data) {
            changeOnce();
        }

        private void changeOnce() {
            if (change != null) {
                Runnable c = change;
                change = null;
                c.run();
                changed = true;
            }
        }
    }
}
