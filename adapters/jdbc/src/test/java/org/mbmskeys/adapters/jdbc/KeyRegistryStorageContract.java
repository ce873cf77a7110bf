package org.mbmskeys.adapters.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mbmskeys.engine.bytes.Bytes;
import org.mbmskeys.engine.bytes.SecretBytes;
import org.mbmskeys.mbms.bmsc.keys.KeyGroupRecord;
import org.mbmskeys.mbms.bmsc.keys.KeyRegistryStorage;
import org.mbmskeys.mbms.bmsc.keys.RegisteredMsk;
import org.mbmskeys.mbms.keys.KeyDomainId;
import org.mbmskeys.mbms.keys.KeyGroup;
import org.mbmskeys.mbms.keys.KeyValidity;
import org.mbmskeys.mbms.keys.MskId;
import org.mbmskeys.mbms.keys.MskRef;
import org.mbmskeys.mbms.keys.MtkId;
import org.mbmskeys.mbms.keys.MukId;
import org.mbmskeys.mbms.keys.ProtectingKey;
import org.mbmskeys.mbms.keys.ServiceType;
import org.mbmskeys.mbms.keys.TimestampCounter;

/**
 * The {@link KeyRegistryStorage} contract from its javadoc: atomic compare-and-set on groups, MSKs and counters
 * (a stale expectation answers false and changes nothing), records come back equal. Run against the in-memory
 * storage, H2 and PostgreSQL by the subclasses.
 */
abstract class KeyRegistryStorageContract {

    static final KeyDomainId DOMAIN = KeyDomainId.parse("001-01");
    static final KeyDomainId OTHER_DOMAIN = KeyDomainId.parse("310-410");
    static final KeyGroup GROUP = KeyGroup.of(1);
    static final SecretBytes KEY_1 = SecretBytes.ofHex("000102030405060708090a0b0c0d0e0f");
    static final SecretBytes KEY_2 = SecretBytes.ofHex("f0f1f2f3f4f5f6f7f8f9fafbfcfdfeff");
    static final ProtectingKey MUK = ProtectingKey.muk(MukId.of("bmsc.example.org", "I1U8vpY3qJ0hiuZNrke/NQ==@bsf.example.org"));

    KeyRegistryStorage storage;

    abstract KeyRegistryStorage newStorage();

    @BeforeEach
    void openStorage() {
        storage = newStorage();
    }

    static MskRef ref(int keyNumber) {
        return MskRef.of(DOMAIN, MskId.of(GROUP, keyNumber));
    }

    static RegisteredMsk msk(int keyNumber, SecretBytes key) {
        return new RegisteredMsk(ref(keyNumber), key.copy(), KeyValidity.of(1, 1000),
                Bytes.ofHex("0123456789abcdef0123456789abcdef"), ServiceType.STREAMING, Optional.empty());
    }

    @Test
    void aGroupIsInsertedOnceAndReplacedOnlyFromWhatIsStored() {
        KeyGroupRecord empty = KeyGroupRecord.empty(DOMAIN, GROUP, ServiceType.STREAMING);
        assertThat(storage.insertGroup(empty)).isTrue();
        assertThat(storage.insertGroup(KeyGroupRecord.empty(DOMAIN, GROUP, ServiceType.DOWNLOAD))).isFalse();

        KeyGroupRecord rotated = new KeyGroupRecord(DOMAIN, GROUP, ServiceType.STREAMING, 1, Optional.of(ref(1)),
                Optional.empty());
        assertThat(storage.replaceGroup(empty, rotated)).isTrue();
        assertThat(storage.replaceGroup(empty, KeyGroupRecord.empty(DOMAIN, GROUP, ServiceType.STREAMING)))
                .as("stale expectation").isFalse();

        assertThat(storage.group(DOMAIN, GROUP)).contains(rotated);
        assertThat(storage.group(DOMAIN, KeyGroup.of(2))).isEmpty();
        assertThatThrownBy(() -> storage.replaceGroup(rotated, KeyGroupRecord.empty(OTHER_DOMAIN, GROUP,
                ServiceType.STREAMING))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void groupsAreListedByKeyDomainThenKeyGroup() {
        KeyGroupRecord b = KeyGroupRecord.empty(OTHER_DOMAIN, GROUP, ServiceType.STREAMING);
        KeyGroupRecord a2 = KeyGroupRecord.empty(DOMAIN, KeyGroup.of(2), ServiceType.DOWNLOAD);
        KeyGroupRecord a1 = KeyGroupRecord.empty(DOMAIN, GROUP, ServiceType.STREAMING);
        storage.insertGroup(b);
        storage.insertGroup(a2);
        storage.insertGroup(a1);

        assertThat(storage.groups()).containsExactly(a1, a2, b);
    }

    @Test
    void anMskComesBackEqualAndIsReplacedOnlyFromWhatIsStored() {
        RegisteredMsk first = msk(1, KEY_1);
        storage.putMsk(first);
        assertThat(storage.msk(ref(1))).contains(first);

        RegisteredMsk used = new RegisteredMsk(ref(1), KEY_1.copy(), KeyValidity.of(5, 1000),
                first.rand(), first.serviceType(), Optional.of(MtkId.of(7)));
        assertThat(storage.replaceMsk(msk(1, KEY_1), used)).isTrue();
        assertThat(storage.replaceMsk(msk(1, KEY_1), msk(1, KEY_1))).as("stale").isFalse();
        assertThat(storage.replaceMsk(msk(1, KEY_2), msk(1, KEY_2))).as("another key").isFalse();
        assertThat(storage.replaceMsk(msk(2, KEY_1), msk(2, KEY_1))).as("none stored").isFalse();
        assertThat(storage.msk(ref(1))).contains(used);
        assertThatThrownBy(() -> storage.replaceMsk(used, msk(2, KEY_1))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void putMskReplacesAndRemoveMskDeletes() {
        storage.putMsk(msk(1, KEY_1));
        storage.putMsk(msk(1, KEY_2));
        assertThat(storage.msk(ref(1))).contains(msk(1, KEY_2));

        storage.removeMsk(ref(1));
        storage.removeMsk(ref(2));   // nothing stored: no error

        assertThat(storage.msk(ref(1))).isEmpty();
    }

    @Test
    void aCounterIsSetFromEmptyOnceAndThenOnlyFromItsCurrentValue() {
        assertThat(storage.counter(MUK)).isEmpty();
        assertThat(storage.compareAndSetCounter(MUK, Optional.empty(), TimestampCounter.of(10))).isTrue();
        assertThat(storage.compareAndSetCounter(MUK, Optional.empty(), TimestampCounter.of(11))).isFalse();
        assertThat(storage.compareAndSetCounter(MUK, Optional.of(TimestampCounter.of(9)), TimestampCounter.of(11)))
                .isFalse();
        assertThat(storage.compareAndSetCounter(MUK, Optional.of(TimestampCounter.of(10)), TimestampCounter.of(11)))
                .isTrue();
        ProtectingKey mskKey = ProtectingKey.msk(ref(1));
        assertThat(storage.compareAndSetCounter(mskKey, Optional.empty(), TimestampCounter.of(3))).isTrue();

        assertThat(storage.counter(MUK)).contains(TimestampCounter.of(11));
        assertThat(storage.counter(mskKey)).contains(TimestampCounter.of(3));

        storage.removeCounter(MUK);
        assertThat(storage.counter(MUK)).isEmpty();
        assertThat(storage.counter(mskKey)).contains(TimestampCounter.of(3));
    }
}
