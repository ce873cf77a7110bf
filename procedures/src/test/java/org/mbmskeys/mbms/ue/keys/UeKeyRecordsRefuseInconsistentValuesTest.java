package org.mbmskeys.mbms.ue.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mbmskeys.mbms.ue.keys.UeFixtures.CSB_ID;
import static org.mbmskeys.mbms.ue.keys.UeFixtures.DOMAIN;
import static org.mbmskeys.mbms.ue.keys.UeFixtures.MSK_A;
import static org.mbmskeys.mbms.ue.keys.UeFixtures.MSK_ID_1;
import static org.mbmskeys.mbms.ue.keys.UeFixtures.MSK_ID_2;
import static org.mbmskeys.mbms.ue.keys.UeFixtures.MTK_1;
import static org.mbmskeys.mbms.ue.keys.UeFixtures.MUK;
import static org.mbmskeys.mbms.ue.keys.UeFixtures.MUK_ID;
import static org.mbmskeys.mbms.ue.keys.UeFixtures.NEW_MUK_ID;
import static org.mbmskeys.mbms.ue.keys.UeFixtures.RAND;
import static org.mbmskeys.mbms.ue.keys.UeFixtures.VALIDITY;
import static org.mbmskeys.mbms.ue.keys.UeFixtures.counter;
import static org.mbmskeys.mbms.ue.keys.UeFixtures.ref;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.mbmskeys.engine.bytes.Bytes;
import org.mbmskeys.engine.bytes.SecretBytes;
import org.mbmskeys.mbms.keys.KeyValidity;
import org.mbmskeys.mbms.keys.MskId;
import org.mbmskeys.mbms.keys.MskRef;
import org.mbmskeys.mbms.keys.MtkId;
import org.mbmskeys.mbms.keys.ServiceType;

/**
 * The records a {@link UeKeyStorage} loads keep the invariants of the UE key state, whoever built them (a
 * storage reading a file, a test): a wrong record is refused with what is wrong, so a rule never runs on a
 * state the rules could not have produced.
 */
class UeKeyRecordsRefuseInconsistentValuesTest {

    private static final Map<Bytes, StoredGbaKey> NONE = Map.of();

    static StoredMsk msk(MskRef ref, KeyValidity validity, Optional<MtkId> currentMtkId,
                         Optional<org.mbmskeys.mbms.keys.TimestampCounter> mtkCounter) {
        return new StoredMsk(ref, MSK_A, validity, RAND, ServiceType.STREAMING, MUK_ID, 1, counter(1), currentMtkId,
                mtkCounter);
    }

    static StoredMsk msk(MskRef ref) {
        return msk(ref, VALIDITY, Optional.empty(), Optional.empty());
    }

    static UeKeyState state(Map<Bytes, StoredGbaKey> current, Map<Bytes, StoredGbaKey> lastUsed,
                            Map<Bytes, StoredGbaKey> mrks, Map<MskRef, StoredMsk> msks, List<StoredMtk> mtks) {
        return new UeKeyState(Optional.empty(), current, lastUsed, mrks, Map.of(), Map.of(), 0, msks, mtks, Set.of(),
                Map.of(), Map.of());
    }

    private static StoredMtk mtk(MskRef under, int id) {
        return new StoredMtk(under, MtkId.of(id), counter(id), Optional.of(CSB_ID), MTK_1, Optional.empty());
    }

    @Test
    void storedGbaKeyAndStoredMtkNeedKeyMaterial() {
        assertThatThrownBy(() -> new StoredGbaKey(MUK_ID, SecretBytes.of())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is empty");
        assertThatThrownBy(() -> new StoredMtk(ref(MSK_ID_1), MtkId.of(11), counter(1), Optional.of(CSB_ID), SecretBytes.of(),
                Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is empty");
    }

    @Test
    void storedMskRefusesHalfAnMtkStateKeyNumberZeroNoKeyNoRandAndAnInvalidation() {
        assertThatThrownBy(() -> msk(ref(MSK_ID_1), VALIDITY, Optional.of(MtkId.of(11)), Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("set together");
        assertThatThrownBy(() -> msk(ref(MSK_ID_1), VALIDITY, Optional.empty(), Optional.of(counter(1))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("set together");
        assertThatThrownBy(() -> msk(ref(MskId.of(1, 0)))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Key Number 0");
        assertThatThrownBy(() -> new StoredMsk(ref(MSK_ID_1), SecretBytes.of(), VALIDITY, RAND, ServiceType.STREAMING,
                MUK_ID, 1, counter(1), Optional.empty(), Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is empty");
        assertThatThrownBy(() -> new StoredMsk(ref(MSK_ID_1), MSK_A, VALIDITY, Bytes.empty(), ServiceType.STREAMING,
                MUK_ID, 1, counter(1), Optional.empty(), Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("empty MIKEY-RAND");
        assertThatThrownBy(() -> msk(ref(MSK_ID_1), KeyValidity.invalidated(), Optional.empty(), Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("SEQl > SEQu");
        assertThat(msk(ref(MSK_ID_1), VALIDITY, Optional.of(MtkId.of(11)), Optional.of(counter(1))).currentMtkId())
                .contains(MtkId.of(11));
    }

    @Test
    void stateRefusesAKeyFiledUnderAnotherIdi() {
        StoredGbaKey key = new StoredGbaKey(MUK_ID, MUK);
        Map<Bytes, StoredGbaKey> misfiled = Map.of(Bytes.ofHex("00"), key);

        assertThatThrownBy(() -> state(misfiled, NONE, NONE, Map.of(), List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("currentMuks");
        assertThatThrownBy(() -> state(NONE, misfiled, NONE, Map.of(), List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("lastUsedMuks");
        assertThatThrownBy(() -> state(NONE, NONE, misfiled, Map.of(), List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("mrks");
        assertThatThrownBy(() -> state(NONE, NONE, NONE, Map.of(ref(MSK_ID_2), msk(ref(MSK_ID_1))), List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("msks");
        Map<Bytes, StoredGbaKey> filed = Map.of(MUK_ID.idi(), key);
        assertThat(state(filed, filed, filed, Map.of(), List.of()).currentMuks()).isEqualTo(filed);
    }

    @Test
    void stateRefusesAnMtkWithoutItsMskAndAThirdMtkOfASession() {
        MskRef one = ref(MSK_ID_1);
        MskRef two = ref(MSK_ID_2);
        Map<MskRef, StoredMsk> msks = Map.of(one, msk(one), two, msk(two));

        assertThatThrownBy(() -> state(NONE, NONE, NONE, Map.of(one, msk(one)), List.of(mtk(two, 11))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("which is not held");
        assertThatThrownBy(() -> state(NONE, NONE, NONE, msks, List.of(mtk(one, 11), mtk(two, 12), mtk(one, 13))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("more than two MTKs");
        assertThat(state(NONE, NONE, NONE, msks, List.of(mtk(one, 11), mtk(two, 12))).mtks()).hasSize(2);
    }

    @Test
    void holdsNoKeysOnlyWhenNothingIsHeldButTheUicc() {
        UeKeyStore store = UeKeyStore.inMemory();
        store.uiccInserted(UiccId.of("8949440000001234567"));
        assertThat(store.snapshot().holdsNoKeys()).isTrue();

        store.installMrk(MUK_ID, MUK);

        assertThat(store.snapshot().holdsNoKeys()).isFalse();
        assertThat(state(NONE, NONE, NONE, Map.of(ref(MSK_ID_1), msk(ref(MSK_ID_1))), List.of()).holdsNoKeys()).isFalse();
    }

    @Test
    void uiccIdentityIsOneToSixtyFourPrintableCharactersAndPrintsAsItself() {
        String longest = "8".repeat(64);

        assertThat(UiccId.of(longest).value()).isEqualTo(longest);
        assertThat(UiccId.of("!~").toString()).isEqualTo("!~");
        assertThatThrownBy(() -> UiccId.of(longest + "9")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> UiccId.of("a\u007f")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> UiccId.of("a b")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void keyFingerprintIsSha256OverItsLabelAndTheKeyAndPrintsNothing() throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        sha.update("mbms-keys replay memory".getBytes(StandardCharsets.US_ASCII));
        byte[] expected = sha.digest(MSK_A.copyBytes());

        KeyFingerprint fingerprint = KeyFingerprint.of(MSK_A);

        assertThat(fingerprint.value().toByteArray()).isEqualTo(expected);
        assertThat(fingerprint.matches(MSK_A)).isTrue();
        assertThat(fingerprint.matches(MUK)).isFalse();
        assertThat(fingerprint).hasToString("KeyFingerprint[…]");
        assertThat(MSK_A.isDestroyed()).isFalse();
    }

    @Test
    void anAcceptedOutcomeSaysSo() {
        assertThat(KeyOutcome.accepted(1).detail()).isEqualTo("accepted");
    }

    @Test
    void theUnknownMukRejectionNamesTheMuksTheUeHolds() {
        UeKeyStore store = UeFixtures.storeWithMuk();

        KeyOutcome<MukKey> outcome = store.mukFor(NEW_MUK_ID);

        assertThat(outcome.rejection()).contains(KeyRejection.UNKNOWN_MUK);
        assertThat(outcome.detail()).contains("the current MUK is " + MUK_ID).contains("last used MUK is none");
        UeFixtures.deliverMsk(store, 1, MSK_ID_1, MSK_A, VALIDITY);
        assertThat(store.mukFor(NEW_MUK_ID).detail()).contains("the last used MUK is " + MUK_ID);
    }

    @Test
    void argumentErrorsAreReportedBeforeAnyRuleLooksAtTheState() {
        UeKeyStore store = UeFixtures.storeWithMuk();
        UeFixtures.deliverMsk(store, 5, MSK_ID_1, MSK_A, VALIDITY);

        // A replayed counter and an unknown MUK would be rejections; the caller's mistake comes first.
        assertThatThrownBy(() -> store.applyMsk(MUK_ID, counter(5), DOMAIN, MSK_ID_2, Optional.of(MSK_A), VALIDITY,
                Bytes.empty(), ServiceType.STREAMING)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("applyMsk");
        assertThatThrownBy(() -> store.applyMsk(NEW_MUK_ID, counter(6), DOMAIN, MSK_ID_2, Optional.of(MSK_A), VALIDITY,
                Bytes.empty(), ServiceType.STREAMING)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("applyMsk");
        // A validity-only update needs no RAND.
        assertThat(store.applyMsk(MUK_ID, counter(6), DOMAIN, MSK_ID_1, Optional.empty(), KeyValidity.of(10, 30),
                Bytes.empty(), ServiceType.STREAMING).isAccepted()).isTrue();
    }
}
