package org.mbmskeys.mbms.ue.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mbmskeys.mbms.ue.keys.UeFixtures.DOMAIN;
import static org.mbmskeys.mbms.ue.keys.UeFixtures.MSK_A;
import static org.mbmskeys.mbms.ue.keys.UeFixtures.MSK_B;
import static org.mbmskeys.mbms.ue.keys.UeFixtures.MSK_C;
import static org.mbmskeys.mbms.ue.keys.UeFixtures.MSK_ID_1;
import static org.mbmskeys.mbms.ue.keys.UeFixtures.MSK_ID_2;
import static org.mbmskeys.mbms.ue.keys.UeFixtures.MSK_ID_3;
import static org.mbmskeys.mbms.ue.keys.UeFixtures.MTK_1;
import static org.mbmskeys.mbms.ue.keys.UeFixtures.MUK_ID;
import static org.mbmskeys.mbms.ue.keys.UeFixtures.OTHER_DOMAIN;
import static org.mbmskeys.mbms.ue.keys.UeFixtures.VALIDITY;
import static org.mbmskeys.mbms.ue.keys.UeFixtures.assertRejectedUnchanged;
import static org.mbmskeys.mbms.ue.keys.UeFixtures.counter;
import static org.mbmskeys.mbms.ue.keys.UeFixtures.deliverMsk;
import static org.mbmskeys.mbms.ue.keys.UeFixtures.deliverMtk;
import static org.mbmskeys.mbms.ue.keys.UeFixtures.ref;
import static org.mbmskeys.mbms.ue.keys.UeFixtures.storeWithMuk;

import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mbmskeys.engine.bytes.Bytes;
import org.mbmskeys.engine.bytes.SecretBytes;
import org.mbmskeys.mbms.keys.KeyValidity;
import org.mbmskeys.mbms.keys.MskId;
import org.mbmskeys.mbms.keys.MskRef;
import org.mbmskeys.mbms.keys.MtkId;
import org.mbmskeys.mbms.keys.MukId;
import org.mbmskeys.mbms.keys.ServiceType;

/**
 * MSK message rules of the UE key store: TS 33.246 §6.4.6.1 (replay counter per MUK, RFC 1982), §6.5.3
 * (store, replace, validity-only update, counter update), §6.3.2.1 (two MSKs per Key Domain ID and Key
 * Group, delete the older), §6.3.2.1B (SEQl &gt; SEQu invalidates). Examples are built from the rules;
 * no official vectors exist for them.
 */
class UeMskRulesTest {

    private final UeKeyStore store = storeWithMuk();

    @Nested
    class ReplayCounterPerMuk {

        @ParameterizedTest(name = "first counter {0}")
        @CsvSource({"0", "1", "2147483648", "4294967295"})
        void firstMessageForAMukAcceptsAnyCounter(long first) {
            deliverMsk(store, first, MSK_ID_1, MSK_A, VALIDITY);
            assertThat(store.counterFor(MUK_ID)).contains(counter(first));
        }

        @Test
        void equalCounterIsRejectedAsReplayWithoutChange() {
            deliverMsk(store, 100, MSK_ID_1, MSK_A, VALIDITY);
            assertRejectedUnchanged(store, KeyRejection.REPLAYED_COUNTER, () -> store.checkMskCounter(MUK_ID, counter(100)));
            assertRejectedUnchanged(store, KeyRejection.REPLAYED_COUNTER,
                    () -> store.applyMsk(MUK_ID, counter(100), DOMAIN, MSK_ID_2, Optional.of(MSK_B), VALIDITY, UeFixtures.RAND, ServiceType.STREAMING));
        }

        @Test
        void olderCounterIsRejectedAsReplayWithoutChange() {
            deliverMsk(store, 100, MSK_ID_1, MSK_A, VALIDITY);
            KeyOutcome<MskUpdate> outcome = assertRejectedUnchanged(store, KeyRejection.REPLAYED_COUNTER,
                    () -> store.applyMsk(MUK_ID, counter(99), DOMAIN, MSK_ID_1, Optional.of(MSK_B), VALIDITY, UeFixtures.RAND, ServiceType.STREAMING));
            assertThat(outcome.detail()).contains("counter 99", "the counter 100 stored for this MUK", MUK_ID.toString(), "§6.4.6.1");
        }

        @Test
        void nextCounterIsAcceptedAndStored() {
            deliverMsk(store, 100, MSK_ID_1, MSK_A, VALIDITY);
            deliverMsk(store, 101, MSK_ID_2, MSK_B, VALIDITY);
            assertThat(store.counterFor(MUK_ID)).contains(counter(101));
        }

        /** RFC 1982 §3.2: 0 is newer than 4294967295 (the counter wraps). */
        @Test
        void counterWrapFromMaximumToZeroIsNewer() {
            deliverMsk(store, 4294967295L, MSK_ID_1, MSK_A, VALIDITY);
            deliverMsk(store, 0, MSK_ID_2, MSK_B, VALIDITY);
            assertThat(store.counterFor(MUK_ID)).contains(counter(0));
        }

        /** RFC 1982 leaves counters exactly 2^31 apart unordered; TS 33.246 §6.4.3 treats them as a replay. */
        @ParameterizedTest(name = "stored {0}, received {1}")
        @CsvSource({"0, 2147483648", "2147483648, 0", "4294967295, 2147483647"})
        void counterExactlyHalfTheSpaceAwayIsRejected(long stored, long received) {
            deliverMsk(store, stored, MSK_ID_1, MSK_A, VALIDITY);
            assertRejectedUnchanged(store, KeyRejection.REPLAYED_COUNTER, () -> store.checkMskCounter(MUK_ID, counter(received)));
        }

        @Test
        void counterJustUnderHalfTheSpaceAheadIsAccepted() {
            deliverMsk(store, 0, MSK_ID_1, MSK_A, VALIDITY);
            deliverMsk(store, 2147483647L, MSK_ID_2, MSK_B, VALIDITY);
        }

        @Test
        void checkIsReadOnlyAndHandsOutTheMuk() {
            UeKeyState before = store.snapshot();
            KeyOutcome<MukKey> check = store.checkMskCounter(MUK_ID, counter(5));
            assertThat(check.value().key()).isEqualTo(UeFixtures.MUK);
            assertThat(check.value().role()).isEqualTo(MukKey.Role.CURRENT);
            assertThat(store.snapshot()).isEqualTo(before);
        }

        /** Two copies of one message both pass phase 1; only the first one applied may win. */
        @Test
        void applyChecksTheCounterAgainSoARacingReplayIsRejected() {
            assertThat(store.checkMskCounter(MUK_ID, counter(7)).isAccepted()).isTrue();
            assertThat(store.checkMskCounter(MUK_ID, counter(7)).isAccepted()).isTrue();
            assertThat(store.applyMsk(MUK_ID, counter(7), DOMAIN, MSK_ID_1, Optional.of(MSK_A), VALIDITY, UeFixtures.RAND, ServiceType.STREAMING).isAccepted()).isTrue();
            assertRejectedUnchanged(store, KeyRejection.REPLAYED_COUNTER,
                    () -> store.applyMsk(MUK_ID, counter(7), DOMAIN, MSK_ID_1, Optional.of(MSK_A), VALIDITY, UeFixtures.RAND, ServiceType.STREAMING));
        }

        @Test
        void unknownMukIsRejectedWithoutChange() {
            MukId stranger = MukId.of("bmsc.example.org", "someone-else@bsf.example.org");
            KeyOutcome<MskUpdate> outcome = assertRejectedUnchanged(store, KeyRejection.UNKNOWN_MUK,
                    () -> store.applyMsk(stranger, counter(1), DOMAIN, MSK_ID_1, Optional.of(MSK_A), VALIDITY, UeFixtures.RAND, ServiceType.STREAMING));
            assertThat(outcome.detail()).contains(stranger.toString(), "current MUK is " + MUK_ID);
        }
    }

    @Nested
    class StoreAndReplace {

        @Test
        void newMskIsStoredWithItsValidity() {
            MskUpdate update = deliverMsk(store, 1, MSK_ID_1, MSK_A, VALIDITY);
            assertThat(update).isEqualTo(new MskUpdate(MskChange.STORED, ref(MSK_ID_1), Optional.empty(), MskUpdate.Answer.ACK_IF_ASKED));
            assertThat(store.msk(ref(MSK_ID_1))).contains(new MskKey(ref(MSK_ID_1), MSK_A, VALIDITY, UeFixtures.RAND, ServiceType.STREAMING));
        }

        @Test
        void sameKeyDomainAndMskIdReplacesKeyAndValidity() {
            deliverMsk(store, 1, MSK_ID_1, MSK_A, VALIDITY);
            MskUpdate update = deliverMsk(store, 2, MSK_ID_1, MSK_B, KeyValidity.of(30, 40));
            assertThat(update.change()).isEqualTo(MskChange.REPLACED);
            assertThat(store.msks()).containsExactly(new MskKey(ref(MSK_ID_1), MSK_B, KeyValidity.of(30, 40), UeFixtures.RAND, ServiceType.STREAMING));
        }

        @Test
        void sameMskIdInAnotherKeyDomainIsADifferentMsk() {
            deliverMsk(store, 1, MSK_ID_1, MSK_A, VALIDITY);
            KeyOutcome<MskUpdate> other =
                    store.applyMsk(MUK_ID, counter(2), OTHER_DOMAIN, MSK_ID_1, Optional.of(MSK_B), VALIDITY, UeFixtures.RAND, ServiceType.STREAMING);
            assertThat(other.value().change()).isEqualTo(MskChange.STORED);
            assertThat(store.msks()).extracting(MskKey::ref)
                    .containsExactly(ref(MSK_ID_1), MskRef.of(OTHER_DOMAIN, MSK_ID_1));
        }

        /** Re-delivery of the same key (e.g. after an MSK request) must not re-open old MTK messages. */
        @Test
        void redeliveryOfTheSameKeyKeepsTheCurrentMtk() {
            deliverMsk(store, 1, MSK_ID_1, MSK_A, VALIDITY);
            deliverMtk(store, MSK_ID_1, 50, 12, MTK_1);
            deliverMsk(store, 2, MSK_ID_1, SecretBytes.of(MSK_A.copyBytes()), VALIDITY);
            assertThat(store.currentMtk(DOMAIN, MSK_ID_1)).map(CurrentMtk::mtkId).contains(MtkId.of(12));
            assertRejectedUnchanged(store, KeyRejection.REPLAYED_COUNTER,
                    () -> store.checkMtk(DOMAIN, MSK_ID_1, counter(50), MtkId.of(12)));
        }

        @Test
        void aDifferentKeyUnderTheSameIdStartsAFreshMtkState() {
            deliverMsk(store, 1, MSK_ID_1, MSK_A, VALIDITY);
            deliverMtk(store, MSK_ID_1, 50, 12, MTK_1);
            deliverMsk(store, 2, MSK_ID_1, MSK_B, VALIDITY);
            assertThat(store.currentMtk(DOMAIN, MSK_ID_1)).isEmpty();
            deliverMtk(store, MSK_ID_1, 1, 11, MTK_1);
        }

        @Test
        void callerMayDestroyTheKeyItPassedAndTheKeyItGot() {
            SecretBytes mine = SecretBytes.of(MSK_A.copyBytes());
            deliverMsk(store, 1, MSK_ID_1, mine, VALIDITY);
            mine.destroy();
            store.msk(ref(MSK_ID_1)).orElseThrow().key().destroy();
            assertThat(store.msk(ref(MSK_ID_1)).orElseThrow().key()).isEqualTo(MSK_A);
        }

        @Test
        void keyNumberZeroIsRefusedWithAPointerToSolicitedPull() {
            assertThatThrownBy(() -> store.applyMsk(MUK_ID, counter(1), DOMAIN, MskId.of(1, 0), Optional.of(MSK_A), VALIDITY, UeFixtures.RAND, ServiceType.STREAMING))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("Key Number 0").hasMessageContaining("applySolicitedPull");
        }

        @Test
        void emptyKeyIsRefusedWithAPointerToOptionalEmpty() {
            assertThatThrownBy(() -> store.applyMsk(MUK_ID, counter(1), DOMAIN, MSK_ID_1, Optional.of(SecretBytes.of()), VALIDITY, UeFixtures.RAND, ServiceType.STREAMING))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Optional.empty()");
        }
    }

    /**
     * TS 33.246 §6.5.4: "MSK, MIKEY-RAND, SEQl and SEQu were transferred to the MGV-S with the execution of
     * the MSK update procedures", and the MTK messages are verified with "the MIKEY-RAND stored together
     * with the MSK". The service type of the Key Group (§4.2) is kept alongside for the MTK key data shape
     * (§6.4.5.3).
     */
    @Nested
    class RandAndServiceType {

        @Test
        void mtkCheckHandsOutTheRandAndServiceTypeStoredWithTheMsk() {
            store.applyMsk(MUK_ID, counter(1), DOMAIN, MSK_ID_1, Optional.of(MSK_A), VALIDITY,
                    UeFixtures.RAND, ServiceType.DOWNLOAD);
            MskKey msk = store.checkMtk(DOMAIN, MSK_ID_1, counter(1), MtkId.of(11)).value();
            assertThat(msk.rand()).isEqualTo(UeFixtures.RAND);
            assertThat(msk.serviceType()).isEqualTo(ServiceType.DOWNLOAD);
        }

        @Test
        void aKeyCarryingMessageReplacesTheRand() {
            deliverMsk(store, 1, MSK_ID_1, MSK_A, VALIDITY);
            store.applyMsk(MUK_ID, counter(2), DOMAIN, MSK_ID_1, Optional.of(MSK_A), VALIDITY,
                    UeFixtures.OTHER_RAND, ServiceType.STREAMING);
            assertThat(store.msk(ref(MSK_ID_1)).orElseThrow().rand()).isEqualTo(UeFixtures.OTHER_RAND);
        }

        /** A validity-only message sets neither: the RAND belongs to the message that delivered the key. */
        @Test
        void aValidityOnlyMessageKeepsTheRandAndServiceType() {
            deliverMsk(store, 1, MSK_ID_1, MSK_A, VALIDITY);
            store.applyMsk(MUK_ID, counter(2), DOMAIN, MSK_ID_1, Optional.empty(), KeyValidity.of(10, 30),
                    UeFixtures.OTHER_RAND, ServiceType.DOWNLOAD);
            MskKey msk = store.msk(ref(MSK_ID_1)).orElseThrow();
            assertThat(msk.rand()).isEqualTo(UeFixtures.RAND);
            assertThat(msk.serviceType()).isEqualTo(ServiceType.STREAMING);
            assertThat(msk.validity()).isEqualTo(KeyValidity.of(10, 30));
        }

        @Test
        void aKeyWithoutRandIsRefused() {
            assertThatThrownBy(() -> store.applyMsk(MUK_ID, counter(1), DOMAIN, MSK_ID_1, Optional.of(MSK_A), VALIDITY,
                    Bytes.empty(), ServiceType.STREAMING))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("MIKEY-RAND")
                    .hasMessageContaining("§6.5.4");
        }
    }

    @Nested
    class ValidityOnlyUpdate {

        @Test
        void messageWithoutKeyUpdatesOnlyTheValidity() {
            deliverMsk(store, 1, MSK_ID_1, MSK_A, VALIDITY);
            KeyOutcome<MskUpdate> update =
                    store.applyMsk(MUK_ID, counter(2), DOMAIN, MSK_ID_1, Optional.empty(), KeyValidity.of(10, 99), UeFixtures.RAND, ServiceType.STREAMING);
            assertThat(update.value().change()).isEqualTo(MskChange.VALIDITY_UPDATED);
            assertThat(store.msk(ref(MSK_ID_1))).contains(new MskKey(ref(MSK_ID_1), MSK_A, KeyValidity.of(10, 99), UeFixtures.RAND, ServiceType.STREAMING));
            assertThat(store.counterFor(MUK_ID)).contains(counter(2));
        }

        @Test
        void messageWithoutKeyForAnUnknownMskIsRejectedWithoutChange() {
            deliverMsk(store, 1, MSK_ID_1, MSK_A, VALIDITY);
            KeyOutcome<MskUpdate> outcome = assertRejectedUnchanged(store, KeyRejection.NO_MSK_FOR_VALIDITY_UPDATE,
                    () -> store.applyMsk(MUK_ID, counter(2), DOMAIN, MSK_ID_2, Optional.empty(), VALIDITY, UeFixtures.RAND, ServiceType.STREAMING));
            assertThat(outcome.detail()).contains(ref(MSK_ID_2).toString(), "§6.5.3");
        }
    }

    @Nested
    class Invalidation {

        @Test
        void seqLowAboveSeqHighDeletesTheMskAndItsMtk() {
            deliverMsk(store, 1, MSK_ID_1, MSK_A, VALIDITY);
            deliverMtk(store, MSK_ID_1, 1, 11, MTK_1);
            KeyOutcome<MskUpdate> update =
                    store.applyMsk(MUK_ID, counter(2), DOMAIN, MSK_ID_1, Optional.empty(), KeyValidity.invalidated(), UeFixtures.RAND, ServiceType.STREAMING);
            assertThat(update.value()).isEqualTo(new MskUpdate(MskChange.INVALIDATED, ref(MSK_ID_1), Optional.empty(), MskUpdate.Answer.ACK_IF_ASKED));
            assertThat(store.msks()).isEmpty();
            assertThat(store.currentMtk(DOMAIN, MSK_ID_1)).isEmpty();
            assertThat(store.isInvalidated(ref(MSK_ID_1))).isTrue();
        }

        @Test
        void invalidationWithAKeyStillInvalidates() {
            deliverMsk(store, 1, MSK_ID_1, MSK_A, VALIDITY);
            assertThat(store.applyMsk(MUK_ID, counter(2), DOMAIN, MSK_ID_1, Optional.of(MSK_B), KeyValidity.of(9, 8), UeFixtures.RAND, ServiceType.STREAMING)
                    .value().change()).isEqualTo(MskChange.INVALIDATED);
            assertThat(store.msks()).isEmpty();
        }

        @Test
        void mtkAndValidityUpdateForAnInvalidatedMskAreRejectedAsInvalidated() {
            deliverMsk(store, 1, MSK_ID_1, MSK_A, VALIDITY);
            deliverMsk(store, 2, MSK_ID_1, MSK_A, KeyValidity.invalidated());
            assertRejectedUnchanged(store, KeyRejection.MSK_INVALIDATED,
                    () -> store.checkMtk(DOMAIN, MSK_ID_1, counter(1), MtkId.of(10)));
            assertRejectedUnchanged(store, KeyRejection.MSK_INVALIDATED,
                    () -> store.applyMsk(MUK_ID, counter(3), DOMAIN, MSK_ID_1, Optional.empty(), VALIDITY, UeFixtures.RAND, ServiceType.STREAMING));
        }

        @Test
        void aNewDeliveryWithTheKeyRestoresAnInvalidatedMsk() {
            deliverMsk(store, 1, MSK_ID_1, MSK_A, VALIDITY);
            deliverMsk(store, 2, MSK_ID_1, MSK_A, KeyValidity.invalidated());
            assertThat(deliverMsk(store, 3, MSK_ID_1, MSK_A, VALIDITY).change()).isEqualTo(MskChange.STORED);
            assertThat(store.isInvalidated(ref(MSK_ID_1))).isFalse();
            deliverMtk(store, MSK_ID_1, 1, 11, MTK_1);
        }

        /** Deregistration may invalidate MSKs the UE never received; the message is still valid. */
        @Test
        void invalidationOfAnMskTheUeNeverHeldIsAcceptedAndRemembered() {
            KeyOutcome<MskUpdate> update =
                    store.applyMsk(MUK_ID, counter(1), DOMAIN, MSK_ID_3, Optional.empty(), KeyValidity.invalidated(), UeFixtures.RAND, ServiceType.STREAMING);
            assertThat(update.value().change()).isEqualTo(MskChange.INVALIDATED);
            assertThat(store.counterFor(MUK_ID)).contains(counter(1));
            assertThat(store.isInvalidated(ref(MSK_ID_3))).isTrue();
        }
    }

    /**
     * TS 33.246 §6.5.3: "If the MGV-F receives an MSK and already contains two other MSKs under the same Key
     * Domain ID and Key Group part, then the UE shall keep the newer and delete the older of these two MSKs.
     * [...] The MSK that was protected with the newer MUK is the newer MSK regardless of the value of the
     * Time Stamp. In case the MUK IDs are equal, the MSK with higher Time Stamp value is the newer MSK.
     * Updating an existing MSK (e.g. by updating the Key Validity Data) or resending an MSK means then also
     * that the updated MSK becomes the newer MSK [...]. In case the MUK ID values are not equal, the newer
     * MUK is the last MUK successfully used by the BM-SC".
     */
    @Nested
    class TwoMsksPerKeyGroup {

        @Test
        void sameMukTheLowerCounterIsTheOlderAndIsDeleted() {
            deliverMsk(store, 1, MSK_ID_1, MSK_A, VALIDITY);
            deliverMsk(store, 2, MSK_ID_2, MSK_B, VALIDITY);
            MskUpdate third = deliverMsk(store, 3, MSK_ID_3, MSK_C, VALIDITY);
            assertThat(third).isEqualTo(new MskUpdate(MskChange.STORED, ref(MSK_ID_3), Optional.of(ref(MSK_ID_1)), MskUpdate.Answer.ACK_IF_ASKED));
            assertThat(store.msks()).extracting(MskKey::ref).containsExactly(ref(MSK_ID_2), ref(MSK_ID_3));
        }

        /** "Updating an existing MSK (e.g. by updating the Key Validity Data) [...] the updated MSK becomes the newer." */
        @Test
        void updatingTheValidityOfTheOlderMskMakesItTheNewer() {
            deliverMsk(store, 1, MSK_ID_1, MSK_A, VALIDITY);
            deliverMsk(store, 2, MSK_ID_2, MSK_B, VALIDITY);
            store.applyMsk(MUK_ID, counter(3), DOMAIN, MSK_ID_1, Optional.empty(), KeyValidity.of(10, 40),
                    UeFixtures.RAND, ServiceType.STREAMING);
            assertThat(store.msks()).extracting(MskKey::ref).containsExactly(ref(MSK_ID_2), ref(MSK_ID_1));
            assertThat(deliverMsk(store, 4, MSK_ID_3, MSK_C, VALIDITY).evicted()).contains(ref(MSK_ID_2));
            assertThat(store.msks()).extracting(MskKey::ref).containsExactly(ref(MSK_ID_1), ref(MSK_ID_3));
        }

        /** "[...] or resending an MSK means then also that the updated MSK becomes the newer MSK". */
        @Test
        void resendingTheOlderMskMakesItTheNewer() {
            deliverMsk(store, 1, MSK_ID_1, MSK_A, VALIDITY);
            deliverMsk(store, 2, MSK_ID_2, MSK_B, VALIDITY);
            deliverMsk(store, 3, MSK_ID_1, MSK_A, VALIDITY);
            assertThat(deliverMsk(store, 4, MSK_ID_3, MSK_C, VALIDITY).evicted()).contains(ref(MSK_ID_2));
        }

        /**
         * "The MSK that was protected with the newer MUK is the newer MSK regardless of the value of the Time
         * Stamp": MSK 2 came last, with counter 101, under the old MUK (which the BM-SC still used); MSK 1
         * was then updated under the new MUK with counter 1. MSK 1 is newer.
         */
        @Test
        void theNewerMukWinsOverAHigherCounter() {
            deliverMsk(store, 100, MSK_ID_1, MSK_A, VALIDITY);
            store.installMuk(UeFixtures.NEW_MUK_ID, UeFixtures.NEW_MUK);
            assertThat(store.applyMsk(MUK_ID, counter(101), DOMAIN, MSK_ID_2, Optional.of(MSK_B), VALIDITY,
                    UeFixtures.RAND, ServiceType.STREAMING).value().change()).isEqualTo(MskChange.STORED);
            store.applyMsk(UeFixtures.NEW_MUK_ID, counter(1), DOMAIN, MSK_ID_1, Optional.empty(), KeyValidity.of(10, 30),
                    UeFixtures.RAND, ServiceType.STREAMING);
            KeyOutcome<MskUpdate> third = store.applyMsk(UeFixtures.NEW_MUK_ID, counter(2), DOMAIN, MSK_ID_3,
                    Optional.of(MSK_C), VALIDITY, UeFixtures.RAND, ServiceType.STREAMING);
            assertThat(third.value().evicted()).contains(ref(MSK_ID_2));
            assertThat(store.msks()).extracting(MskKey::ref).containsExactly(ref(MSK_ID_1), ref(MSK_ID_3));
        }

        /**
         * Two BM-SCs (two IDi), each MSK under the last used MUK of its own IDi: §6.5.3 does not say which is
         * newer; the project takes the MUK installed later (marked unconfirmed in {@link MskAge}).
         */
        @Test
        void withNoSingleLastUsedMukTheMukInstalledLaterWins() {
            store.installMuk(UeFixtures.OTHER_BMSC_MUK_ID, UeFixtures.NEW_MUK);
            store.applyMsk(UeFixtures.OTHER_BMSC_MUK_ID, counter(5), DOMAIN, MSK_ID_1, Optional.of(MSK_A), VALIDITY,
                    UeFixtures.RAND, ServiceType.STREAMING);
            deliverMsk(store, 9, MSK_ID_2, MSK_B, VALIDITY);
            assertThat(deliverMsk(store, 10, MSK_ID_3, MSK_C, VALIDITY).evicted()).contains(ref(MSK_ID_2));
        }

        @Test
        void evictionTakesTheMtkOfTheEvictedMskAlong() {
            deliverMsk(store, 1, MSK_ID_1, MSK_A, VALIDITY);
            deliverMtk(store, MSK_ID_1, 1, 11, MTK_1);
            deliverMsk(store, 2, MSK_ID_2, MSK_B, VALIDITY);
            deliverMsk(store, 3, MSK_ID_3, MSK_C, VALIDITY);
            assertThat(store.currentMtk(DOMAIN, MSK_ID_1)).isEmpty();
            assertRejectedUnchanged(store, KeyRejection.UNKNOWN_KEY, () -> store.checkMtk(DOMAIN, MSK_ID_1, counter(2), MtkId.of(11)));
        }

        @Test
        void otherKeyGroupsAndKeyDomainsDoNotCount() {
            deliverMsk(store, 1, MSK_ID_1, MSK_A, VALIDITY);
            deliverMsk(store, 2, MskId.of(2, 1), MSK_B, VALIDITY);
            store.applyMsk(MUK_ID, counter(3), OTHER_DOMAIN, MskId.of(1, 7), Optional.of(MSK_B), VALIDITY, UeFixtures.RAND, ServiceType.STREAMING);
            assertThat(deliverMsk(store, 4, MSK_ID_2, MSK_C, VALIDITY).evicted()).isEmpty();
            assertThat(store.msks()).hasSize(4);
        }

        @Test
        void anInvalidatedMskFreesItsPlace() {
            deliverMsk(store, 1, MSK_ID_1, MSK_A, VALIDITY);
            deliverMsk(store, 2, MSK_ID_2, MSK_B, VALIDITY);
            deliverMsk(store, 3, MSK_ID_2, MSK_B, KeyValidity.invalidated());
            assertThat(deliverMsk(store, 4, MSK_ID_3, MSK_C, VALIDITY).evicted()).isEmpty();
            assertThat(store.msks()).extracting(MskKey::ref).containsExactly(ref(MSK_ID_1), ref(MSK_ID_3));
        }
    }
}
