package org.mbmskeys.mbms.ue.reception;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mbmskeys.mbms.ue.reception.BmscSide.BTID_OLD;
import static org.mbmskeys.mbms.ue.reception.BmscSide.MUK_ID_OLD;
import static org.mbmskeys.mbms.ue.reception.BmscSide.MUK_OLD;

import org.junit.jupiter.api.Test;
import org.mbmskeys.engine.bytes.Bytes;
import org.mbmskeys.engine.bytes.SecretAudit;
import org.mbmskeys.engine.bytes.SecretBytes;
import org.mbmskeys.mbms.bmsc.keys.RegisteredMsk;
import org.mbmskeys.mbms.keys.ServiceType;
import org.mbmskeys.mbms.mikey.crypto.CryptoSuite;
import org.mbmskeys.mbms.ue.keys.CurrentMtk;
import org.mbmskeys.mbms.ue.keys.UeKeyStore;
import org.mbmskeys.mbms.ue.keys.UiccId;

/**
 * What the UE's MIKEY reception leaves alive (TS 33.246 §6.4.6): the keys its store now holds and the MTK it
 * hands to the application, nothing else. The MUK and MSK copies it opens messages with, the derived KEMAC
 * keys and the decrypted plaintext are wiped before {@code receive} returns, on acceptance and on refusal;
 * only {@link SecretAudit} can see that.
 */
class ReceptionLeavesNoSecretBehindTest {

    private final UeKeyStore store = UeKeyStore.inMemory();
    private final MikeyReception reception = MikeyReception.create(store, CryptoSuite.jca());
    private final BmscSide bmsc = new BmscSide(ServiceType.STREAMING);

    ReceptionLeavesNoSecretBehindTest() {
        store.uiccInserted(UiccId.of("8949440000001234567"));
        store.installMuk(MUK_ID_OLD, MUK_OLD);
    }

    @Test
    void anMskMessageWithVLeavesOnlyTheStoredMsk() {
        RegisteredMsk msk = bmsc.rotate();
        Bytes push = bmsc.mskMessage(msk, BTID_OLD, MUK_OLD, true);

        try (SecretAudit audit = SecretAudit.begin()) {
            assertThat(reception.receive(push)).isInstanceOf(Reception.MskStored.class);

            assertThat(audit.createdCount()).as("MUK copy, KEMAC keys, plaintext, MSK").isGreaterThan(3);
            assertThat(audit.undestroyed()).as("the MSK the store now holds").singleElement()
                    .satisfies(c -> assertThat(c.secret()).isEqualTo(msk.key()));
        }
    }

    @Test
    void anMtkMessageLeavesTheStoredMtkAndTheOneHandedToTheApplication() {
        RegisteredMsk msk = bmsc.rotate();
        reception.receive(bmsc.mskMessage(msk, BTID_OLD, MUK_OLD, false));
        Bytes wire = bmsc.mtkMessage(msk, bmsc.nextMtk(msk));

        try (SecretAudit audit = SecretAudit.begin()) {
            Reception r = reception.receive(wire);
            CurrentMtk handedOut = ((Reception.MtkStored) r).mtk();
            handedOut.key().destroy();
            handedOut.salt().ifPresent(SecretBytes::destroy);

            assertThat(audit.undestroyed()).as("the MTK and salt the store now holds")
                    .extracting(c -> c.secret().length()).containsExactlyInAnyOrder(16, 14);
        }
    }

    /** A solicited pull carries no key: the MUK copy it was verified with is all there was, and it is wiped. */
    @Test
    void aSolicitedPullLeavesNothing() {
        Bytes pull = bmsc.solicitedPull(BTID_OLD, MUK_OLD);

        try (SecretAudit audit = SecretAudit.begin()) {
            assertThat(reception.receive(pull)).isInstanceOf(Reception.MskRequestNeeded.class);

            assertThat(audit.createdCount()).as("the MUK copy and the derived auth key").isPositive();
            assertThat(audit.undestroyed()).isEmpty();
        }
    }

    @Test
    void refusedMessagesLeaveNothing() {
        RegisteredMsk msk = bmsc.rotate();
        Bytes push = bmsc.mskMessage(msk, BTID_OLD, MUK_OLD, true);
        reception.receive(bmsc.mskMessage(msk, BTID_OLD, MUK_OLD, false));
        Bytes mtk = bmsc.mtkMessage(msk, bmsc.nextMtk(msk));

        try (SecretAudit audit = SecretAudit.begin()) {
            reception.receive(push.withByteXored(push.length() - 1, 0x01));   // bad MAC
            reception.receive(mtk.withByteXored(mtk.length() - 1, 0x01));     // bad MAC

            assertThat(audit.createdCount()).as("copies and derived keys were made").isPositive();
            assertThat(audit.undestroyed()).isEmpty();
        }
    }
}
