package org.mbmskeys.mbms.bmsc.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mbmskeys.mbms.bmsc.keys.RegistryFixtures.DOMAIN;
import static org.mbmskeys.mbms.bmsc.keys.RegistryFixtures.GROUP;
import static org.mbmskeys.mbms.bmsc.keys.RegistryFixtures.OTHER_DOMAIN;
import static org.mbmskeys.mbms.bmsc.keys.RegistryFixtures.VALIDITY;
import static org.mbmskeys.mbms.bmsc.keys.RegistryFixtures.ref;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mbmskeys.engine.bytes.Bytes;
import org.mbmskeys.engine.bytes.SecretBytes;
import org.mbmskeys.mbms.keys.KeyGroup;
import org.mbmskeys.mbms.keys.KeyValidity;
import org.mbmskeys.mbms.keys.MskId;
import org.mbmskeys.mbms.keys.MskRef;
import org.mbmskeys.mbms.keys.ProtectingKey;
import org.mbmskeys.mbms.keys.ServiceType;
import org.mbmskeys.mbms.keys.TimestampCounter;

/**
 * The registry's records keep their invariants whoever builds them (a storage loading rows, a test), and
 * the in-memory storage keeps its compare-and-set contract.
 */
class RegistryRecordsRefuseInconsistentValuesTest {

    private static final Bytes RAND = Bytes.ofHex("0102030405060708090a0b0c0d0e0f10");

    private static RegisteredMsk msk(MskRef ref, KeyValidity validity, Bytes rand) {
        return new RegisteredMsk(ref, SecretBytes.of(new byte[16]), validity, rand, ServiceType.STREAMING, Optional.empty());
    }

    @Test
    void registeredMskRefusesKeyNumberZeroAnInvalidationAndAnEmptyRand() {
        assertThatThrownBy(() -> msk(MskRef.of(DOMAIN, MskId.current(GROUP)), VALIDITY, RAND))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Key Number 0");
        assertThatThrownBy(() -> msk(ref(1), KeyValidity.invalidated(), RAND))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("SEQl > SEQu");
        assertThatThrownBy(() -> msk(ref(1), VALIDITY, Bytes.empty()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("empty MIKEY-RAND");
        assertThat(msk(ref(1), VALIDITY, RAND).ref()).isEqualTo(ref(1));
    }

    @Test
    void keyGroupRecordRefusesAKeyNumberBeyondSixteenBitsAndMsksOfOtherGroups() {
        assertThatThrownBy(() -> new KeyGroupRecord(DOMAIN, GROUP, ServiceType.STREAMING, 0x10000, Optional.empty(),
                Optional.empty())).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("16 bits");
        assertThatThrownBy(() -> new KeyGroupRecord(DOMAIN, GROUP, ServiceType.STREAMING, -1, Optional.empty(),
                Optional.empty())).isInstanceOf(IllegalArgumentException.class);
        MskRef otherDomain = MskRef.of(OTHER_DOMAIN, MskId.of(GROUP, 1));
        MskRef otherGroup = MskRef.of(DOMAIN, MskId.of(KeyGroup.of(2), 1));
        assertThatThrownBy(() -> new KeyGroupRecord(DOMAIN, GROUP, ServiceType.STREAMING, 1, Optional.of(otherDomain),
                Optional.empty())).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("does not belong");
        assertThatThrownBy(() -> new KeyGroupRecord(DOMAIN, GROUP, ServiceType.STREAMING, 1, Optional.empty(),
                Optional.of(otherGroup))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("does not belong");
        assertThat(new KeyGroupRecord(DOMAIN, GROUP, ServiceType.STREAMING, 0xFFFF, Optional.of(ref(2)),
                Optional.of(ref(1))).nextKeyNumber()).isEqualTo(1);
    }

    @Test
    void keyGroupRecordHoldsItsCurrentAndPreviousOnlyAndForgetsEachOnItsOwn() {
        KeyGroupRecord g = new KeyGroupRecord(DOMAIN, GROUP, ServiceType.STREAMING, 2, Optional.of(ref(2)),
                Optional.of(ref(1)));

        assertThat(g.holds(ref(2))).isTrue();
        assertThat(g.holds(ref(1))).isTrue();
        assertThat(g.holds(ref(3))).isFalse();
        assertThat(KeyGroupRecord.empty(DOMAIN, GROUP, ServiceType.STREAMING).holds(ref(1))).isFalse();
        assertThat(g.without(ref(2))).isEqualTo(new KeyGroupRecord(DOMAIN, GROUP, ServiceType.STREAMING, 2,
                Optional.empty(), Optional.of(ref(1))));
        assertThat(g.without(ref(1))).isEqualTo(new KeyGroupRecord(DOMAIN, GROUP, ServiceType.STREAMING, 2,
                Optional.of(ref(2)), Optional.empty()));
        assertThat(g.without(ref(3))).isEqualTo(g);
    }

    @Test
    void keyGroupRecordPrintsItsIdentityAndMsks() {
        KeyGroupRecord g = new KeyGroupRecord(DOMAIN, GROUP, ServiceType.STREAMING, 2, Optional.of(ref(2)),
                Optional.empty());

        assertThat(g.toString()).isEqualTo("KeyGroup[001-01/0001, STREAMING, last Key Number 2, current 001-01/00010002, "
                + "previous none]");
    }

    @Test
    void inMemoryStorageListsGroupsByKeyDomainThenKeyGroup() {
        KeyRegistryStorage storage = KeyRegistryStorage.inMemory();
        storage.insertGroup(KeyGroupRecord.empty(OTHER_DOMAIN, KeyGroup.of(1), ServiceType.STREAMING));
        // Inserted in descending order, many of them, so that no hash order happens to be the sorted one.
        for (int group = 40; group >= 1; group--) {
            storage.insertGroup(KeyGroupRecord.empty(DOMAIN, KeyGroup.of(group * 0x0101), ServiceType.STREAMING));
        }

        List<String> listed = storage.groups().stream().map(g -> g.keyDomain() + "/" + g.keyGroup()).toList();

        assertThat(listed).hasSize(41).startsWith("001-01/0101", "001-01/0202").endsWith("001-01/2828", "310-410/0001");
        assertThat(storage.groups()).isSortedAccordingTo(java.util.Comparator
                .comparing((KeyGroupRecord g) -> g.keyDomain().toString()).thenComparingInt(g -> g.keyGroup().value()));
    }

    @Test
    void inMemoryStorageReplacesAGroupOnlyIfItIsUnchangedAndOnlyByTheSameGroup() {
        KeyRegistryStorage storage = KeyRegistryStorage.inMemory();
        KeyGroupRecord empty = KeyGroupRecord.empty(DOMAIN, GROUP, ServiceType.STREAMING);
        storage.insertGroup(empty);
        KeyGroupRecord rotated = empty.rotatedTo(ref(1));

        assertThat(storage.replaceGroup(rotated, rotated.rotatedTo(ref(2)))).isFalse();
        assertThat(storage.group(DOMAIN, GROUP)).contains(empty);
        assertThatThrownBy(() -> storage.replaceGroup(empty, KeyGroupRecord.empty(DOMAIN, KeyGroup.of(2),
                ServiceType.STREAMING))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not the same");
        assertThat(storage.replaceGroup(empty, rotated)).isTrue();
        assertThat(storage.group(DOMAIN, GROUP)).contains(rotated);
    }

    @Test
    void inMemoryStorageReplacesAnMskOnlyByTheSameMsk() {
        KeyRegistryStorage storage = KeyRegistryStorage.inMemory();
        RegisteredMsk one = msk(ref(1), VALIDITY, RAND);
        storage.putMsk(one);

        assertThatThrownBy(() -> storage.replaceMsk(one, msk(ref(2), VALIDITY, RAND)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is not MSK");
        assertThat(storage.msk(ref(2))).isEmpty();
        RegisteredMsk stale = msk(ref(1), KeyValidity.of(1, 2), RAND);
        assertThat(storage.replaceMsk(stale, msk(ref(1), KeyValidity.of(1, 3), RAND))).isFalse();
        assertThat(storage.msk(ref(1))).contains(one);
    }

    @Test
    void inMemoryStorageSetsACounterOnlyIfItIsStillTheExpectedOne() {
        KeyRegistryStorage storage = KeyRegistryStorage.inMemory();
        ProtectingKey key = ProtectingKey.msk(ref(1));
        assertThat(storage.compareAndSetCounter(key, Optional.empty(), TimestampCounter.of(1))).isTrue();

        assertThat(storage.compareAndSetCounter(key, Optional.empty(), TimestampCounter.of(5))).isFalse();
        assertThat(storage.compareAndSetCounter(key, Optional.of(TimestampCounter.of(3)), TimestampCounter.of(5))).isFalse();
        assertThat(storage.counter(key)).contains(TimestampCounter.of(1));
        assertThat(storage.compareAndSetCounter(key, Optional.of(TimestampCounter.of(1)), TimestampCounter.of(2))).isTrue();
        assertThat(storage.counter(key)).contains(TimestampCounter.of(2));
    }
}
