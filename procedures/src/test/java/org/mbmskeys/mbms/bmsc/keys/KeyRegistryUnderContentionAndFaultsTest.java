package org.mbmskeys.mbms.bmsc.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mbmskeys.mbms.bmsc.keys.RegistryFixtures.DOMAIN;
import static org.mbmskeys.mbms.bmsc.keys.RegistryFixtures.GROUP;
import static org.mbmskeys.mbms.bmsc.keys.RegistryFixtures.VALIDITY;
import static org.mbmskeys.mbms.bmsc.keys.RegistryFixtures.ref;
import static org.mbmskeys.mbms.bmsc.keys.RegistryFixtures.seeded;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mbmskeys.engine.bytes.Bytes;
import org.mbmskeys.engine.bytes.SecretBytes;
import org.mbmskeys.mbms.keys.KeyGroup;
import org.mbmskeys.mbms.keys.KeyMaterialSource;
import org.mbmskeys.mbms.keys.KeyValidity;
import org.mbmskeys.mbms.keys.MskRef;
import org.mbmskeys.mbms.keys.ProtectingKey;
import org.mbmskeys.mbms.keys.ServiceType;
import org.mbmskeys.mbms.keys.TimestampCounter;

/**
 * The registry over a storage that another BM-SC node changes at the same time (a compare-and-set that
 * fails once), over a storage that hands out its own records, and with a key source that fails: every
 * change is retried until it lands, and no key it generated or dropped stays readable.
 */
class KeyRegistryUnderContentionAndFaultsTest {

    /** In-memory storage whose next compare-and-set of a group fails, as if another node had won the race. */
    private static final class Contended implements KeyRegistryStorage {

        final KeyRegistryStorage inner = KeyRegistryStorage.inMemory();
        int groupRacesToLose;
        int groupReplacements;
        boolean wipeOnRemove = true;

        @Override
        public Optional<KeyGroupRecord> group(org.mbmskeys.mbms.keys.KeyDomainId d, KeyGroup g) {
            return inner.group(d, g);
        }

        @Override
        public List<KeyGroupRecord> groups() {
            return inner.groups();
        }

        @Override
        public boolean insertGroup(KeyGroupRecord group) {
            return inner.insertGroup(group);
        }

        @Override
        public boolean replaceGroup(KeyGroupRecord expected, KeyGroupRecord next) {
            groupReplacements++;
            if (groupRacesToLose > 0) {
                groupRacesToLose--;
                return false;
            }
            return inner.replaceGroup(expected, next);
        }

        @Override
        public Optional<RegisteredMsk> msk(MskRef ref) {
            // A storage that hands out its own record (no copy), like a cache in front of a database.
            return inner.msk(ref);
        }

        @Override
        public void putMsk(RegisteredMsk msk) {
            inner.putMsk(msk);
        }

        @Override
        public boolean replaceMsk(RegisteredMsk expected, RegisteredMsk next) {
            return inner.replaceMsk(expected, next);
        }

        @Override
        public void removeMsk(MskRef ref) {
            if (wipeOnRemove) {
                inner.removeMsk(ref);
            } else {
                // Drop the record without wiping it, as a storage that only deletes a row would.
                Optional<RegisteredMsk> held = inner.msk(ref);
                held.ifPresent(m -> inner.putMsk(new RegisteredMsk(m.ref(), SecretBytes.of(new byte[16]), m.validity(),
                        m.rand(), m.serviceType(), m.lastMtk())));
                inner.removeMsk(ref);
            }
        }

        @Override
        public Optional<TimestampCounter> counter(ProtectingKey key) {
            return inner.counter(key);
        }

        @Override
        public boolean compareAndSetCounter(ProtectingKey key, Optional<TimestampCounter> expected, TimestampCounter next) {
            return inner.compareAndSetCounter(key, expected, next);
        }

        @Override
        public void removeCounter(ProtectingKey key) {
            inner.removeCounter(key);
        }
    }

    private final Contended storage = new Contended();
    private final KeyRegistry registry = KeyRegistry.create(storage, seeded(3));

    @Test
    void createGroupHandsBackTheStoredRecord() {
        KeyGroupRecord created = registry.createGroup(DOMAIN, GROUP, ServiceType.DOWNLOAD);

        assertThat(created).isEqualTo(registry.group(DOMAIN, GROUP).orElseThrow())
                .isEqualTo(KeyGroupRecord.empty(DOMAIN, GROUP, ServiceType.DOWNLOAD));
    }

    @Test
    void aRotationThatLosesTheRaceForTheGroupRetriesAndTheNewMskIsCurrent() {
        registry.createGroup(DOMAIN, GROUP, ServiceType.STREAMING);
        storage.groupRacesToLose = 1;

        RegisteredMsk msk = registry.rotate(DOMAIN, GROUP, VALIDITY);

        assertThat(msk.ref()).isEqualTo(ref(1));
        assertThat(registry.currentMsk(DOMAIN, GROUP).map(RegisteredMsk::ref)).contains(ref(1));
    }

    @Test
    void anInvalidationThatLosesTheRaceForTheGroupRetriesAndTheGroupForgetsTheMsk() {
        registry.createGroup(DOMAIN, GROUP, ServiceType.STREAMING);
        registry.rotate(DOMAIN, GROUP, VALIDITY);
        storage.groupRacesToLose = 1;

        registry.invalidate(ref(1));

        assertThat(registry.group(DOMAIN, GROUP).orElseThrow().current()).isEmpty();
        assertThat(registry.msk(ref(1))).isEmpty();
    }

    @Test
    void anMskTheGroupNoLongerNamesIsStillRemovedByItsInvalidation() {
        registry.createGroup(DOMAIN, GROUP, ServiceType.STREAMING);
        registry.rotate(DOMAIN, GROUP, VALIDITY);
        KeyGroupRecord group = registry.group(DOMAIN, GROUP).orElseThrow();
        // A stray record, e.g. left by a node that crashed between writing the MSK and the group.
        storage.putMsk(new RegisteredMsk(ref(7), SecretBytes.of(new byte[16]), VALIDITY, Bytes.ofHex("01"),
                ServiceType.STREAMING, Optional.empty()));
        storage.groupReplacements = 0;

        registry.invalidate(ref(7));

        assertThat(storage.groupReplacements).as("the group record is not even written").isZero();
        assertThat(registry.msk(ref(7))).isEmpty();
        assertThat(registry.group(DOMAIN, GROUP)).contains(group);
    }

    @Test
    void anMskWithoutAnyGroupRecordIsStillRemovedByItsInvalidation() {
        storage.putMsk(new RegisteredMsk(ref(7), SecretBytes.of(new byte[16]), VALIDITY, Bytes.ofHex("01"),
                ServiceType.STREAMING, Optional.empty()));

        registry.invalidate(ref(7));

        assertThat(registry.msk(ref(7))).isEmpty();
    }

    @Test
    void theRecordReadFromAStorageThatDoesNotWipeIsWipedByTheRegistry() {
        storage.wipeOnRemove = false;
        registry.createGroup(DOMAIN, GROUP, ServiceType.STREAMING);
        registry.rotate(DOMAIN, GROUP, VALIDITY);
        SecretBytes stored = storage.msk(ref(1)).orElseThrow().key();

        registry.invalidate(ref(1));

        assertThat(stored.isDestroyed()).isTrue();
    }

    @Test
    void aKeyNumberThatWrapsToAnIdentityStillHeldAsPreviousKeepsTheNewMsk() {
        // Key Numbers 65535 (current) and 1 (previous, issued before the wrap) are held; the next is 1 again.
        storage.insertGroup(new KeyGroupRecord(DOMAIN, GROUP, ServiceType.STREAMING, 0xFFFF, Optional.of(ref(0xFFFF)),
                Optional.of(ref(1))));
        storage.putMsk(new RegisteredMsk(ref(0xFFFF), SecretBytes.of(new byte[16]), VALIDITY, Bytes.ofHex("01"),
                ServiceType.STREAMING, Optional.empty()));
        storage.putMsk(new RegisteredMsk(ref(1), SecretBytes.of(new byte[16]), VALIDITY, Bytes.ofHex("01"),
                ServiceType.STREAMING, Optional.empty()));

        RegisteredMsk msk = registry.rotate(DOMAIN, GROUP, VALIDITY);

        assertThat(msk.ref()).isEqualTo(ref(1));
        assertThat(registry.msk(ref(1)).map(m -> m.key().revealHex())).contains(msk.key().revealHex());
        assertThat(registry.previousMsk(DOMAIN, GROUP).map(RegisteredMsk::ref)).contains(ref(0xFFFF));
    }

    @Test
    void aWrappedKeyNumberStartsItsCounterStreamAfresh() {
        storage.insertGroup(new KeyGroupRecord(DOMAIN, GROUP, ServiceType.STREAMING, 0xFFFF, Optional.empty(),
                Optional.empty()));
        // A counter left over from the MSK with Key Number 1 issued long ago.
        storage.compareAndSetCounter(ProtectingKey.msk(ref(1)), Optional.empty(), TimestampCounter.of(500));

        registry.rotate(DOMAIN, GROUP, VALIDITY);

        assertThat(registry.nextCounter(ProtectingKey.msk(ref(1)))).isEqualTo(KeyRegistry.DEFAULT_FIRST_COUNTER);
    }

    @Test
    void updateValidityHandsBackTheUpdatedMsk() {
        registry.createGroup(DOMAIN, GROUP, ServiceType.STREAMING);
        registry.rotate(DOMAIN, GROUP, VALIDITY);

        RegisteredMsk updated = registry.updateValidity(ref(1), KeyValidity.of(5, 50));

        assertThat(updated.validity()).isEqualTo(KeyValidity.of(5, 50));
        assertThat(updated.ref()).isEqualTo(ref(1));
    }

    @Test
    void aFailedRandDrawWipesTheMskAlreadyDrawn() {
        List<SecretBytes> drawn = new ArrayList<>();
        KeyMaterialSource failsSecond = length -> {
            if (!drawn.isEmpty()) {
                throw new IllegalStateException("entropy source gone");
            }
            SecretBytes key = seeded(1).generate(length);
            drawn.add(key);
            return key;
        };
        KeyRegistry failing = KeyRegistry.create(storage, failsSecond);
        failing.createGroup(DOMAIN, GROUP, ServiceType.STREAMING);

        assertThatThrownBy(() -> failing.rotate(DOMAIN, GROUP, VALIDITY)).hasMessageContaining("entropy source gone");

        assertThat(drawn).singleElement().satisfies(k -> assertThat(k.isDestroyed()).isTrue());
    }

    @Test
    void aFailedSaltDrawWipesTheMtkAlreadyDrawnAndTheMtkIdStaysUsed() {
        registry.createGroup(DOMAIN, GROUP, ServiceType.STREAMING);
        registry.rotate(DOMAIN, GROUP, VALIDITY);
        List<SecretBytes> drawn = new ArrayList<>();
        KeyMaterialSource failsSecond = length -> {
            if (!drawn.isEmpty()) {
                throw new IllegalStateException("entropy source gone");
            }
            SecretBytes key = seeded(1).generate(length);
            drawn.add(key);
            return key;
        };
        KeyRegistry failing = KeyRegistry.create(storage, failsSecond);

        assertThatThrownBy(() -> failing.nextMtk(ref(1))).hasMessageContaining("entropy source gone");

        assertThat(drawn).singleElement().satisfies(k -> assertThat(k.isDestroyed()).isTrue());
    }

    @Test
    void aSourceReturningNullIsReported() {
        KeyRegistry failing = KeyRegistry.create(storage, length -> null);
        failing.createGroup(DOMAIN, GROUP, ServiceType.STREAMING);

        assertThatThrownBy(() -> failing.rotate(DOMAIN, GROUP, VALIDITY)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("returned null for a 16-byte MSK");
    }

    @Test
    void aKeyOfTheWrongLengthIsWipedBeforeTheErrorLeaves() {
        List<SecretBytes> drawn = new ArrayList<>();
        KeyRegistry failing = KeyRegistry.create(storage, length -> {
            SecretBytes key = SecretBytes.of(new byte[length + 1]);
            drawn.add(key);
            return key;
        });
        failing.createGroup(DOMAIN, GROUP, ServiceType.STREAMING);

        assertThatThrownBy(() -> failing.rotate(DOMAIN, GROUP, VALIDITY)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("17 bytes for a 16-byte MSK");

        assertThat(drawn).singleElement().satisfies(k -> assertThat(k.isDestroyed()).isTrue());
    }
}
