package org.mbmskeys.mbms.ue.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.mbmskeys.mbms.ue.keys.UeFixtures.CSB_ID;
import static org.mbmskeys.mbms.ue.keys.UeFixtures.DOMAIN;
import static org.mbmskeys.mbms.ue.keys.UeFixtures.GROUP;
import static org.mbmskeys.mbms.ue.keys.UeFixtures.MSK_A;
import static org.mbmskeys.mbms.ue.keys.UeFixtures.MSK_B;
import static org.mbmskeys.mbms.ue.keys.UeFixtures.MSK_ID_1;
import static org.mbmskeys.mbms.ue.keys.UeFixtures.MSK_ID_2;
import static org.mbmskeys.mbms.ue.keys.UeFixtures.MTK_1;
import static org.mbmskeys.mbms.ue.keys.UeFixtures.MTK_2;
import static org.mbmskeys.mbms.ue.keys.UeFixtures.MTK_3;
import static org.mbmskeys.mbms.ue.keys.UeFixtures.OTHER_DOMAIN;
import static org.mbmskeys.mbms.ue.keys.UeFixtures.SALT;
import static org.mbmskeys.mbms.ue.keys.UeFixtures.assertRejectedUnchanged;
import static org.mbmskeys.mbms.ue.keys.UeFixtures.counter;
import static org.mbmskeys.mbms.ue.keys.UeFixtures.deliverMsk;
import static org.mbmskeys.mbms.ue.keys.UeFixtures.deliverMtk;
import static org.mbmskeys.mbms.ue.keys.UeFixtures.ref;
import static org.mbmskeys.mbms.ue.keys.UeFixtures.storeWithMuk;

import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mbmskeys.engine.bytes.SecretBytes;
import org.mbmskeys.mbms.keys.KeyGroup;
import org.mbmskeys.mbms.keys.KeyValidity;
import org.mbmskeys.mbms.keys.MskId;
import org.mbmskeys.mbms.keys.MtkId;
import org.mbmskeys.mbms.keys.ServiceType;

/**
 * MTK message rules of the UE key store (TS 33.246 §6.4.6.2, §6.5.4): MSK held, counter RFC 1982-newer
 * than the one stored for the MSK, MTK ID greater than the ME's current MTK ID, SEQl &lt; MTK ID ≤ SEQu,
 * and SEQl := MTK ID after success. The MSK here has key validity 10..20.
 */
class UeMtkRulesTest {

    private final UeKeyStore store = storeWithMuk();

    @BeforeEach
    void holdMsk() {
        deliverMsk(store, 1, MSK_ID_1, MSK_A, KeyValidity.of(10, 20));
    }

    @Test
    void noCurrentMtkBeforeTheFirstMtkMessage() {
        assertThat(store.currentMtk(DOMAIN, MSK_ID_1)).isEmpty();
    }

    /** Tells the BM-SC's periodic resend of the current MTK message (§6.3.3.2.2) from an older one. */
    @Test
    void onlyTheCounterAndMtkIdOfTheLastAcceptedMtkMessageAreItsRepeat() {
        assertThat(store.isLastAcceptedMtk(DOMAIN, MSK_ID_1, counter(1), MtkId.of(11))).isFalse();   // none yet
        deliverMtk(store, MSK_ID_1, 1, 11, MTK_1);
        deliverMtk(store, MSK_ID_1, 2, 12, MTK_2);

        assertThat(store.isLastAcceptedMtk(DOMAIN, MSK_ID_1, counter(2), MtkId.of(12))).isTrue();
        assertThat(store.isLastAcceptedMtk(DOMAIN, MSK_ID_1, counter(1), MtkId.of(11))).isFalse();
        assertThat(store.isLastAcceptedMtk(DOMAIN, MSK_ID_1, counter(2), MtkId.of(11))).isFalse();
        assertThat(store.isLastAcceptedMtk(DOMAIN, MSK_ID_1, counter(1), MtkId.of(12))).isFalse();
        assertThat(store.isLastAcceptedMtk(DOMAIN, MSK_ID_2, counter(2), MtkId.of(12))).isFalse();   // no such MSK
    }

    @Test
    void checkIsReadOnlyAndHandsOutTheMsk() {
        UeKeyState before = store.snapshot();
        MskKey msk = store.checkMtk(DOMAIN, MSK_ID_1, counter(1), MtkId.of(11)).value();
        assertThat(msk).isEqualTo(new MskKey(ref(MSK_ID_1), MSK_A, KeyValidity.of(10, 20), UeFixtures.RAND, ServiceType.STREAMING));
        assertThat(store.snapshot()).isEqualTo(before);
    }

    @Test
    void mtkIdAboveSeqLowIsTheFirstAcceptable() {
        CurrentMtk mtk = deliverMtk(store, MSK_ID_1, 1, 11, MTK_1);
        assertThat(mtk).isEqualTo(new CurrentMtk(ref(MSK_ID_1), MtkId.of(11), counter(1), MTK_1, Optional.of(SALT)));
        assertThat(store.currentMtk(DOMAIN, MSK_ID_1)).contains(mtk);
    }

    /**
     * Known answers for key validity [5..10], TS 33.246 §6.5.4: "If SEQp is equal to or lower than SEQl or
     * SEQp is greater than SEQu, then the MGV-F shall indicate a failure to the ME. [...] If the
     * verification is successful, then the MGV-F shall update SEQl with SEQp value"; and §6.4.6.2 step 3:
     * "If the MTK ID [...] is less than or equal to the current MTK ID (kept in the ME), the message shall
     * be discarded."
     */
    @Test
    void mtkIdWindowKnownAnswers() {
        deliverMsk(store, 2, MSK_ID_2, MSK_A, KeyValidity.of(5, 10));
        assertRejectedUnchanged(store, KeyRejection.OUTSIDE_VALIDITY,
                () -> store.applyMtk(DOMAIN, MSK_ID_2, counter(1), MtkId.of(5), CSB_ID, MTK_1, Optional.of(SALT)));
        deliverMtk(store, MSK_ID_2, 2, 6, MTK_1);
        assertThat(store.msk(ref(MSK_ID_2)).orElseThrow().validity()).isEqualTo(KeyValidity.of(6, 10));
        assertRejectedUnchanged(store, KeyRejection.STALE_MTK_ID,
                () -> store.applyMtk(DOMAIN, MSK_ID_2, counter(3), MtkId.of(6), CSB_ID, MTK_2, Optional.of(SALT)));
        deliverMtk(store, MSK_ID_2, 4, 10, MTK_2);
        assertThat(store.msk(ref(MSK_ID_2)).orElseThrow().validity()).isEqualTo(KeyValidity.of(10, 10));
        assertRejectedUnchanged(store, KeyRejection.OUTSIDE_VALIDITY,
                () -> store.applyMtk(DOMAIN, MSK_ID_2, counter(5), MtkId.of(11), CSB_ID, MTK_1, Optional.of(SALT)));
    }

    /**
     * A key validity update replaces SEQl and SEQu (TS 33.246 §6.5.3) but not the ME's current MTK ID
     * (§6.4.6.2 step 3), so a lowered SEQl does not re-open MTK IDs already passed.
     */
    @Test
    void validityUpdateReplacesSeqLowButKeepsTheCurrentMtkId() {
        deliverMtk(store, MSK_ID_1, 1, 15, MTK_1);
        store.applyMsk(UeFixtures.MUK_ID, counter(2), DOMAIN, MSK_ID_1, Optional.empty(), KeyValidity.of(10, 30), UeFixtures.RAND, ServiceType.STREAMING);
        assertThat(store.msk(ref(MSK_ID_1)).orElseThrow().validity()).isEqualTo(KeyValidity.of(10, 30));
        assertRejectedUnchanged(store, KeyRejection.STALE_MTK_ID,
                () -> store.checkMtk(DOMAIN, MSK_ID_1, counter(2), MtkId.of(12)));
        store.applyMsk(UeFixtures.MUK_ID, counter(3), DOMAIN, MSK_ID_1, Optional.empty(), KeyValidity.of(20, 30), UeFixtures.RAND, ServiceType.STREAMING);
        assertRejectedUnchanged(store, KeyRejection.OUTSIDE_VALIDITY,
                () -> store.checkMtk(DOMAIN, MSK_ID_1, counter(2), MtkId.of(16)));
        deliverMtk(store, MSK_ID_1, 2, 21, MTK_2);
    }

    /**
     * The BM-SC never sets SEQu to its maximum (TS 33.246 §6.4.5.1), but nothing tells the UE to refuse
     * one that does: the UE is lenient and admits MTK ID 65535 under SEQu = 65535.
     */
    @Test
    void seqHighAtTheMaximumIsAcceptedFromTheBmsc() {
        deliverMsk(store, 2, MSK_ID_2, MSK_A, KeyValidity.of(0, 0xFFFF));
        deliverMtk(store, MSK_ID_2, 1, 0xFFFF, MTK_1);
    }

    @Test
    void seqHighIsAcceptable() {
        deliverMtk(store, MSK_ID_1, 1, 20, MTK_1);
    }

    @ParameterizedTest(name = "MTK ID {0}")
    @CsvSource({"0", "9", "10", "21", "65535"})
    void mtkIdOutsideTheKeyValidityIsRejectedWithoutChange(int mtkId) {
        KeyOutcome<MskKey> outcome = assertRejectedUnchanged(store, KeyRejection.OUTSIDE_VALIDITY,
                () -> store.checkMtk(DOMAIN, MSK_ID_1, counter(1), MtkId.of(mtkId)));
        assertThat(outcome.detail()).contains("MTK ID " + mtkId, "[10..20]", "§6.5.4", "above 10 up to 20");
        assertRejectedUnchanged(store, KeyRejection.OUTSIDE_VALIDITY,
                () -> store.applyMtk(DOMAIN, MSK_ID_1, counter(1), MtkId.of(mtkId), CSB_ID, MTK_1, Optional.empty()));
    }

    @Test
    void greaterMtkIdWithNewerCounterBecomesCurrent() {
        deliverMtk(store, MSK_ID_1, 1, 11, MTK_1);
        KeyOutcome<CurrentMtk> next = store.applyMtk(DOMAIN, MSK_ID_1, counter(2), MtkId.of(12), CSB_ID, MTK_2, Optional.empty());
        assertThat(next.value()).isEqualTo(new CurrentMtk(ref(MSK_ID_1), MtkId.of(12), counter(2), MTK_2, Optional.empty()));
        assertThat(store.currentMtk(DOMAIN, MSK_ID_1)).contains(next.value());
    }

    @ParameterizedTest(name = "MTK ID {0} after 15")
    @CsvSource({"15", "14", "10"})
    void mtkIdNotAboveTheCurrentIsStaleEvenWithANewerCounter(int mtkId) {
        deliverMtk(store, MSK_ID_1, 1, 15, MTK_1);
        KeyOutcome<MskKey> outcome = assertRejectedUnchanged(store, KeyRejection.STALE_MTK_ID,
                () -> store.checkMtk(DOMAIN, MSK_ID_1, counter(2), MtkId.of(mtkId)));
        assertThat(outcome.detail()).contains("current MTK ID 15", "§6.4.6.2 step 3");
    }

    @Test
    void sameMtkMessageAgainIsRejectedAsReplay() {
        deliverMtk(store, MSK_ID_1, 100, 12, MTK_1);
        assertRejectedUnchanged(store, KeyRejection.REPLAYED_COUNTER,
                () -> store.applyMtk(DOMAIN, MSK_ID_1, counter(100), MtkId.of(12), CSB_ID, MTK_1, Optional.of(SALT)));
    }

    @Test
    void newerMtkIdWithAnOlderCounterIsRejectedAsReplay() {
        deliverMtk(store, MSK_ID_1, 100, 12, MTK_1);
        assertRejectedUnchanged(store, KeyRejection.REPLAYED_COUNTER,
                () -> store.checkMtk(DOMAIN, MSK_ID_1, counter(99), MtkId.of(13)));
    }

    /** RFC 1982: 0 follows 4294967295. */
    @Test
    void counterWrapFromMaximumToZeroIsNewer() {
        deliverMtk(store, MSK_ID_1, 4294967295L, 12, MTK_1);
        deliverMtk(store, MSK_ID_1, 0, 13, MTK_2);
    }

    @Test
    void counterExactlyHalfTheSpaceAwayIsRejected() {
        deliverMtk(store, MSK_ID_1, 5, 12, MTK_1);
        assertRejectedUnchanged(store, KeyRejection.REPLAYED_COUNTER,
                () -> store.checkMtk(DOMAIN, MSK_ID_1, counter(5L + (1L << 31)), MtkId.of(13)));
    }

    @Test
    void eachMskHasItsOwnCounterAndMtkIds() {
        deliverMsk(store, 2, MSK_ID_2, MSK_A, KeyValidity.of(10, 20));
        deliverMtk(store, MSK_ID_1, 100, 15, MTK_1);
        deliverMtk(store, MSK_ID_2, 1, 11, MTK_2);
    }

    @Test
    void mtkUnderAnMskTheUeDoesNotHoldIsRejectedAsUnknownKey() {
        KeyOutcome<MskKey> outcome = assertRejectedUnchanged(store, KeyRejection.UNKNOWN_KEY,
                () -> store.checkMtk(DOMAIN, MSK_ID_2, counter(1), MtkId.of(11)));
        assertThat(outcome.detail()).contains(ref(MSK_ID_2).toString());
        assertRejectedUnchanged(store, KeyRejection.UNKNOWN_KEY,
                () -> store.applyMtk(OTHER_DOMAIN, MSK_ID_1, counter(1), MtkId.of(11), CSB_ID, MTK_1, Optional.empty()));
    }

    @Test
    void applyChecksAgainSoTheSecondOfTwoCheckedCopiesIsRejected() {
        assertThat(store.checkMtk(DOMAIN, MSK_ID_1, counter(3), MtkId.of(11)).isAccepted()).isTrue();
        assertThat(store.checkMtk(DOMAIN, MSK_ID_1, counter(3), MtkId.of(11)).isAccepted()).isTrue();
        assertThat(store.applyMtk(DOMAIN, MSK_ID_1, counter(3), MtkId.of(11), CSB_ID, MTK_1, Optional.empty()).isAccepted()).isTrue();
        assertRejectedUnchanged(store, KeyRejection.REPLAYED_COUNTER,
                () -> store.applyMtk(DOMAIN, MSK_ID_1, counter(3), MtkId.of(11), CSB_ID, MTK_1, Optional.empty()));
    }

    @Test
    void narrowedValidityAppliesToTheNextMtk() {
        deliverMtk(store, MSK_ID_1, 1, 11, MTK_1);
        store.applyMsk(UeFixtures.MUK_ID, counter(2), DOMAIN, MSK_ID_1, Optional.empty(), KeyValidity.of(10, 12), UeFixtures.RAND, ServiceType.STREAMING);
        deliverMtk(store, MSK_ID_1, 2, 12, MTK_2);
        assertRejectedUnchanged(store, KeyRejection.OUTSIDE_VALIDITY,
                () -> store.checkMtk(DOMAIN, MSK_ID_1, counter(3), MtkId.of(13)));
    }

    /**
     * TS 33.246 §6.5.4: "The ME shall store the two most recent MTKs used per MBMS streaming or download
     * session. In particular, if the ME receives an MTK and already stores two other MTKs for that MBMS
     * streaming or download session, then the UE shall keep the newer and delete the older of the two stored
     * MTKs before storing the received MTK. Any MTKs stored in association with a particular MBMS streaming
     * or download session should be deleted at the end of that session." One Key Group protects one session
     * (§4.2), so a session is a Key Domain ID and Key Group.
     */
    @Nested
    class TwoMtksPerSession {

        @Test
        void aThirdMtkDeletesTheOldestAndTheCountersStay() {
            deliverMtk(store, MSK_ID_1, 1, 11, MTK_1);
            deliverMtk(store, MSK_ID_1, 2, 12, MTK_2);
            deliverMtk(store, MSK_ID_1, 3, 13, MTK_3);
            assertThat(store.mtks(DOMAIN, GROUP)).extracting(CurrentMtk::mtkId).containsExactly(MtkId.of(13), MtkId.of(12));
            assertThat(store.mtk(DOMAIN, MSK_ID_1, MtkId.of(11))).isEmpty();
            assertThat(store.mtk(DOMAIN, MSK_ID_1, MtkId.of(12))).map(CurrentMtk::key).contains(MTK_2);
            assertRejectedUnchanged(store, KeyRejection.REPLAYED_COUNTER,
                    () -> store.applyMtk(DOMAIN, MSK_ID_1, counter(2), MtkId.of(12), CSB_ID, MTK_2, Optional.of(SALT)));
            assertRejectedUnchanged(store, KeyRejection.STALE_MTK_ID,
                    () -> store.applyMtk(DOMAIN, MSK_ID_1, counter(4), MtkId.of(11), CSB_ID, MTK_1, Optional.of(SALT)));
        }

        /** The MSK changes within the session: the two most recent MTKs are counted across the group's MSKs. */
        @Test
        void theSessionSpansTheMsksOfItsKeyGroup() {
            deliverMsk(store, 2, MSK_ID_2, MSK_B, KeyValidity.of(0, 100));
            deliverMtk(store, MSK_ID_1, 1, 11, MTK_1);
            deliverMtk(store, MSK_ID_2, 1, 1, MTK_2);
            deliverMtk(store, MSK_ID_2, 2, 2, MTK_3);
            assertThat(store.mtks(DOMAIN, GROUP)).extracting(CurrentMtk::msk, CurrentMtk::mtkId).containsExactly(
                    tuple(ref(MSK_ID_2), MtkId.of(2)), tuple(ref(MSK_ID_2), MtkId.of(1)));
            assertThat(store.currentMtk(DOMAIN, MSK_ID_1)).isEmpty();
            assertRejectedUnchanged(store, KeyRejection.REPLAYED_COUNTER,
                    () -> store.applyMtk(DOMAIN, MSK_ID_1, counter(1), MtkId.of(11), CSB_ID, MTK_1, Optional.of(SALT)));
            assertRejectedUnchanged(store, KeyRejection.STALE_MTK_ID,
                    () -> store.checkMtk(DOMAIN, MSK_ID_1, counter(5), MtkId.of(11)));
        }

        @Test
        void otherKeyGroupsAreOtherSessions() {
            deliverMsk(store, 2, MskId.of(2, 1), MSK_B, KeyValidity.of(0, 100));
            deliverMtk(store, MskId.of(2, 1), 1, 1, MTK_1);
            deliverMtk(store, MSK_ID_1, 1, 11, MTK_2);
            deliverMtk(store, MSK_ID_1, 2, 12, MTK_3);
            assertThat(store.mtks(DOMAIN, KeyGroup.of(2))).extracting(CurrentMtk::mtkId).containsExactly(MtkId.of(1));
            assertThat(store.mtks(DOMAIN, GROUP)).hasSize(2);
        }

        @Test
        void endingTheSessionDeletesItsMtksButNotTheirCounters() {
            deliverMtk(store, MSK_ID_1, 1, 11, MTK_1);
            deliverMtk(store, MSK_ID_1, 2, 12, MTK_2);
            assertThat(store.endSession(DOMAIN, GROUP)).isEqualTo(2);
            assertThat(store.mtks(DOMAIN, GROUP)).isEmpty();
            assertThat(store.snapshot().mtks()).isEmpty();
            assertRejectedUnchanged(store, KeyRejection.REPLAYED_COUNTER,
                    () -> store.checkMtk(DOMAIN, MSK_ID_1, counter(2), MtkId.of(12)));
            deliverMtk(store, MSK_ID_1, 3, 13, MTK_3);
            assertThat(store.endSession(DOMAIN, KeyGroup.of(9))).isZero();
        }

        @Test
        void invalidatingTheMskDeletesItsMtks() {
            deliverMtk(store, MSK_ID_1, 1, 11, MTK_1);
            store.applyMsk(UeFixtures.MUK_ID, counter(2), DOMAIN, MSK_ID_1, Optional.empty(), KeyValidity.invalidated(),
                    UeFixtures.RAND, ServiceType.STREAMING);
            assertThat(store.mtks(DOMAIN, GROUP)).isEmpty();
            assertThat(store.mtk(DOMAIN, MSK_ID_1, MtkId.of(11))).isEmpty();
        }
    }

    @Test
    void emptyMtkOrSaltIsRefused() {
        assertThatThrownBy(() -> store.applyMtk(DOMAIN, MSK_ID_1, counter(1), MtkId.of(10), CSB_ID, SecretBytes.of(), Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("empty MTK or salt");
        assertThatThrownBy(() -> store.applyMtk(DOMAIN, MSK_ID_1, counter(1), MtkId.of(10), CSB_ID, MTK_1, Optional.of(SecretBytes.of())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Optional.empty()");
    }

    @Test
    void returnedMtkIsACopyTheCallerMayDestroy() {
        deliverMtk(store, MSK_ID_1, 1, 11, MTK_1).key().destroy();
        store.currentMtk(DOMAIN, MSK_ID_1).orElseThrow().salt().orElseThrow().destroy();
        CurrentMtk again = store.currentMtk(DOMAIN, MSK_ID_1).orElseThrow();
        assertThat(again.key()).isEqualTo(MTK_1);
        assertThat(again.salt()).contains(SALT);
    }
}
