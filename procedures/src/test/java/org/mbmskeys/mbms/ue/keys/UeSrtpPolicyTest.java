package org.mbmskeys.mbms.ue.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mbmskeys.mbms.ue.keys.UeFixtures.CSB_ID;
import static org.mbmskeys.mbms.ue.keys.UeFixtures.DOMAIN;
import static org.mbmskeys.mbms.ue.keys.UeFixtures.MSK_A;
import static org.mbmskeys.mbms.ue.keys.UeFixtures.MSK_B;
import static org.mbmskeys.mbms.ue.keys.UeFixtures.MSK_C;
import static org.mbmskeys.mbms.ue.keys.UeFixtures.MSK_ID_1;
import static org.mbmskeys.mbms.ue.keys.UeFixtures.MSK_ID_2;
import static org.mbmskeys.mbms.ue.keys.UeFixtures.MSK_ID_3;
import static org.mbmskeys.mbms.ue.keys.UeFixtures.MTK_1;
import static org.mbmskeys.mbms.ue.keys.UeFixtures.MUK_ID;
import static org.mbmskeys.mbms.ue.keys.UeFixtures.RAND;
import static org.mbmskeys.mbms.ue.keys.UeFixtures.SALT;
import static org.mbmskeys.mbms.ue.keys.UeFixtures.VALIDITY;
import static org.mbmskeys.mbms.ue.keys.UeFixtures.assertRejectedUnchanged;
import static org.mbmskeys.mbms.ue.keys.UeFixtures.counter;
import static org.mbmskeys.mbms.ue.keys.UeFixtures.deliverMsk;
import static org.mbmskeys.mbms.ue.keys.UeFixtures.deliverMtk;
import static org.mbmskeys.mbms.ue.keys.UeFixtures.ref;
import static org.mbmskeys.mbms.ue.keys.UeFixtures.storeWithMuk;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mbmskeys.engine.bytes.Bytes;
import org.mbmskeys.engine.bytes.SecretBytes;
import org.mbmskeys.mbms.keys.KeyValidity;
import org.mbmskeys.mbms.keys.MskId;
import org.mbmskeys.mbms.keys.MtkId;
import org.mbmskeys.mbms.keys.ServiceType;
import org.mbmskeys.mbms.mikey.ProtocolType;
import org.mbmskeys.mbms.mikey.SecurityPolicyPayload;
import org.mbmskeys.mbms.mikey.SpParameter;
import org.mbmskeys.mbms.mikey.SrtpCsEntry;
import org.mbmskeys.mbms.mikey.protection.MbmsSrtpPolicy;
import org.mbmskeys.mbms.mikey.protection.SrtpAuthentication;

/**
 * The SRTP policy and SRTP-ID map entry a streaming UE adopts from verified MSK messages (TS 33.246 §6.4.6.1 step 5)
 * and hands out with each MTK (§6.6.2.1), and the MTK length it implies (RFC 3830 §6.10.1: the session encryption key length is the
 * master key length).
 */
class UeSrtpPolicyTest {

    private static final SecurityPolicyPayload R_1 = MbmsSrtpPolicy.of(0, 1, SrtpAuthentication.RCCM1);
    private static final SecurityPolicyPayload R_10 = MbmsSrtpPolicy.of(0, 10, SrtpAuthentication.RCCM1);
    private static final SecretBytes MTK_32 = SecretBytes.ofHex(
            "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");

    private final UeKeyStore store = storeWithMuk();

    private static final SrtpCsEntry SESSION = new SrtpCsEntry(0, 0x0a0b0c0dL, 0);
    private static final SrtpCsEntry SESSION_LATER = new SrtpCsEntry(0, 0x0a0b0c0dL, 7);

    private void deliver(long counter, MskId mskId, SecretBytes msk, Optional<SecurityPolicyPayload> policy) {
        deliver(counter, mskId, msk, policy, Optional.of(SESSION));
    }

    private void deliver(long counter, MskId mskId, SecretBytes msk, Optional<SecurityPolicyPayload> policy,
                         Optional<SrtpCsEntry> cs) {
        assertThat(store.applyMsk(MUK_ID, counter(counter), DOMAIN, mskId, Optional.of(msk), VALIDITY, RAND,
                ServiceType.STREAMING, policy, cs).isAccepted()).isTrue();
    }

    @Test
    void thePolicyOfAVerifiedMskMessageComesWithEveryMtkOfThatMsk() {
        deliver(1, MSK_ID_1, MSK_A, Optional.of(R_10));
        CurrentMtk applied = deliverMtk(store, MSK_ID_1, 1, 11, MTK_1);

        assertThat(applied.srtpPolicy()).contains(R_10);
        assertThat(applied.srtpCs()).contains(SESSION);
        assertThat(store.currentMtk(DOMAIN, MSK_ID_1).orElseThrow().srtpPolicy()).contains(R_10);
        assertThat(store.mtk(DOMAIN, MSK_ID_1, MtkId.of(11)).orElseThrow().srtpPolicy()).contains(R_10);
        assertThat(store.mtks(DOMAIN, UeFixtures.GROUP)).extracting(CurrentMtk::srtpPolicy).containsExactly(Optional.of(R_10));
    }

    /** §6.4.5.1: the SP is optional in an MSK message the UE did not ask for, such as a push at rotation. */
    @Test
    void aNewMskWithoutAPolicyTakesTheOneHeldForItsKeyGroup() {
        deliver(1, MSK_ID_1, MSK_A, Optional.of(R_10));
        deliver(2, MSK_ID_2, MSK_B, Optional.empty());
        deliver(3, MSK_ID_3, MSK_C, Optional.empty());   // evicts MSK 1, the one the policy came with

        assertThat(store.snapshot().msks().values()).extracting(StoredMsk::srtpPolicy)
                .containsOnly(Optional.of(R_10));
    }

    /** Of two policies held for the group, the new MSK takes the one of the MSK it keeps, not of the one it evicts. */
    @Test
    void aNewMskTakesThePolicyOfTheMskThatStays() {
        deliver(1, MSK_ID_1, MSK_A, Optional.of(R_1));
        deliver(2, MSK_ID_2, MSK_B, Optional.of(R_10));
        deliver(3, MSK_ID_3, MSK_C, Optional.empty());   // evicts MSK 1 (R 1), keeps MSK 2 (R 10)

        assertThat(store.snapshot().msks().get(ref(MSK_ID_3)).srtpPolicy()).contains(R_10);
    }

    @Test
    void aLaterMessageWithAPolicyReplacesItAndOneWithoutKeepsIt() {
        deliver(1, MSK_ID_1, MSK_A, Optional.of(R_1));
        deliver(2, MSK_ID_1, MSK_A, Optional.of(R_10));   // a resend with another policy
        assertThat(store.snapshot().msks().get(ref(MSK_ID_1)).srtpPolicy()).contains(R_10);

        assertThat(store.applyMsk(MUK_ID, counter(3), DOMAIN, MSK_ID_1, Optional.empty(), KeyValidity.of(10, 30), RAND,
                ServiceType.STREAMING).isAccepted()).isTrue();   // a validity update without SP
        assertThat(store.snapshot().msks().get(ref(MSK_ID_1)).srtpPolicy()).contains(R_10);
    }

    /** The ROC of the SRTP-ID map is the sender's at the time of the message: the latest verified one is kept. */
    @Test
    void theMapEntryOfTheLatestMessageIsKeptAndAMessageWithoutOneKeepsIt() {
        deliver(1, MSK_ID_1, MSK_A, Optional.of(R_10));
        deliver(2, MSK_ID_1, MSK_A, Optional.empty(), Optional.of(SESSION_LATER));
        assertThat(store.snapshot().msks().get(ref(MSK_ID_1)).srtpCs()).contains(SESSION_LATER);
        assertThat(store.snapshot().msks().get(ref(MSK_ID_1)).srtpPolicy()).contains(R_10);

        deliver(3, MSK_ID_2, MSK_B, Optional.empty(), Optional.empty());
        assertThat(store.snapshot().msks().get(ref(MSK_ID_2)).srtpCs()).contains(SESSION_LATER);
    }

    @Test
    void aDownloadMskHasNoPolicy() {
        deliverMsk(store, 1, MSK_ID_1, MSK_A, VALIDITY);
        assertThat(store.snapshot().msks().get(ref(MSK_ID_1)).srtpPolicy()).isEmpty();
        CurrentMtk mtk = deliverMtk(store, MSK_ID_1, 1, 11, MTK_1);
        assertThat(mtk.srtpPolicy()).isEmpty();
        assertThat(mtk.srtpCs()).isEmpty();
    }

    /** RFC 3830 §6.10.1: "if 'Session Encr. key length' is set, this should also be seen as the Master key length". */
    @Test
    void anMtkOfAnotherLengthThanThePolicyStatesIsRefusedAndChangesNothing() {
        deliver(1, MSK_ID_1, MSK_A, Optional.of(R_10));   // key length 16
        KeyOutcome<CurrentMtk> refused = assertRejectedUnchanged(store, KeyRejection.MTK_LENGTH_DIFFERS_FROM_POLICY,
                () -> store.applyMtk(DOMAIN, MSK_ID_1, counter(1), MtkId.of(11), CSB_ID, MTK_32, Optional.of(SALT)));
        assertThat(refused.detail()).contains("32 bytes", "master key length of 16");

        assertThat(deliverMtk(store, MSK_ID_1, 1, 11, MTK_1).mtkId()).isEqualTo(MtkId.of(11));   // 16 bytes: accepted
    }

    @Test
    void aPolicyStating32BytesTakesA32ByteMtk() {
        deliver(1, MSK_ID_1, MSK_A, Optional.of(MbmsSrtpPolicy.of(0, 10, SrtpAuthentication.RCCM1, 32)));
        assertThat(store.applyMtk(DOMAIN, MSK_ID_1, counter(1), MtkId.of(11), CSB_ID, MTK_32, Optional.of(SALT)).isAccepted())
                .isTrue();
    }

    /** Without the parameter the text gives SRTP's default; a sender that leaves it out is not held to 16 bytes. */
    @Test
    void aPolicyWithoutAKeyLengthTakesAnyAcceptedMtkLength() {
        SecurityPolicyPayload noLength = new SecurityPolicyPayload(0, ProtocolType.SRTP,
                List.of(SpParameter.of(0, Bytes.of((byte) 1))));
        deliver(1, MSK_ID_1, MSK_A, Optional.of(noLength));
        assertThat(store.applyMtk(DOMAIN, MSK_ID_1, counter(1), MtkId.of(11), CSB_ID, MTK_32, Optional.of(SALT)).isAccepted())
                .isTrue();
    }
}
