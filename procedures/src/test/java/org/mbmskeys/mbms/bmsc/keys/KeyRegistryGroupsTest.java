package org.mbmskeys.mbms.bmsc.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mbmskeys.mbms.bmsc.keys.RegistryFixtures.DOMAIN;
import static org.mbmskeys.mbms.bmsc.keys.RegistryFixtures.GROUP;
import static org.mbmskeys.mbms.bmsc.keys.RegistryFixtures.OTHER_DOMAIN;
import static org.mbmskeys.mbms.bmsc.keys.RegistryFixtures.VALIDITY;
import static org.mbmskeys.mbms.bmsc.keys.RegistryFixtures.ref;
import static org.mbmskeys.mbms.bmsc.keys.RegistryFixtures.registry;
import static org.mbmskeys.mbms.bmsc.keys.RegistryFixtures.registryWithGroup;
import static org.mbmskeys.mbms.bmsc.keys.RegistryFixtures.seeded;

import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.mbmskeys.engine.bytes.Bytes;
import org.mbmskeys.engine.bytes.SecretBytes;
import org.mbmskeys.mbms.keys.KeyGroup;
import org.mbmskeys.mbms.keys.KeyMaterialSource;
import org.mbmskeys.mbms.keys.KeyValidity;
import org.mbmskeys.mbms.keys.MskId;
import org.mbmskeys.mbms.keys.MskRef;
import org.mbmskeys.mbms.keys.ServiceType;
import org.mbmskeys.mbms.profile.InterimProfile;

/**
 * Key Groups and MSKs of the BM-SC key registry: unique Key Groups (TS 33.246 §6.3.2.1 NOTE), rotation
 * with the next Key Number (never 0, the "current" marker of §6.3.2.1A; 65535 wraps to 1), the previous
 * MSK kept until the next rotation, invalidation.
 */
class KeyRegistryGroupsTest {

    private final KeyRegistry registry = registryWithGroup();

    @Test
    void newGroupHasNoMsk() {
        assertThat(registry.group(DOMAIN, GROUP)).contains(KeyGroupRecord.empty(DOMAIN, GROUP, ServiceType.STREAMING));
        assertThat(registry.currentMsk(DOMAIN, GROUP)).isEmpty();
    }

    @Test
    void creatingAnExistingGroupIsRefusedWithAClearMessage() {
        assertThatThrownBy(() -> registry.createGroup(DOMAIN, KeyGroup.of(1), ServiceType.STREAMING))
                .isInstanceOfSatisfying(KeyRegistryException.class,
                        e -> assertThat(e.reason()).isEqualTo(KeyRegistryException.Reason.DUPLICATE_KEY_GROUP))
                .hasMessage("Key Group 0001 already exists in Key Domain 001-01; Key Groups must be unique within an "
                        + "operator (TS 33.246 §6.3.2.1 NOTE): choose an unused Key Group or rotate the MSK of the existing one");
    }

    @Test
    void refusedDuplicateLeavesTheExistingGroupAlone() {
        RegisteredMsk msk = registry.rotate(DOMAIN, GROUP, VALIDITY);
        assertThatThrownBy(() -> registry.createGroup(DOMAIN, GROUP, ServiceType.STREAMING)).isInstanceOf(KeyRegistryException.class);
        assertThat(registry.currentMsk(DOMAIN, GROUP)).contains(msk);
    }

    @Test
    void sameKeyGroupNumberInAnotherKeyDomainIsAnotherGroup() {
        registry.createGroup(OTHER_DOMAIN, GROUP, ServiceType.STREAMING);
        registry.createGroup(DOMAIN, KeyGroup.of(2), ServiceType.STREAMING);
        assertThat(registry.groups()).hasSize(3);
    }

    @Test
    void rotatingAnUnknownGroupIsRefused() {
        assertThatThrownBy(() -> registry.rotate(DOMAIN, KeyGroup.of(9), VALIDITY))
                .isInstanceOfSatisfying(KeyRegistryException.class,
                        e -> assertThat(e.reason()).isEqualTo(KeyRegistryException.Reason.UNKNOWN_KEY_GROUP))
                .hasMessageContaining("0009").hasMessageContaining("createGroup");
    }

    @Test
    void firstRotationIssuesKeyNumberOneAsCurrent() {
        RegisteredMsk msk = registry.rotate(DOMAIN, GROUP, VALIDITY);
        assertThat(msk.ref()).isEqualTo(ref(1));
        assertThat(msk.validity()).isEqualTo(VALIDITY);
        assertThat(msk.key().length()).isEqualTo(InterimProfile.MSK_LENGTH);
        assertThat(registry.currentMsk(DOMAIN, GROUP)).contains(msk);
        assertThat(registry.previousMsk(DOMAIN, GROUP)).isEmpty();
    }

    @Test
    void rotationKeepsThePreviousMskUntilTheNextRotationReplacesIt() {
        RegisteredMsk first = registry.rotate(DOMAIN, GROUP, VALIDITY);
        RegisteredMsk second = registry.rotate(DOMAIN, GROUP, VALIDITY);
        assertThat(second.ref()).isEqualTo(ref(2));
        assertThat(registry.previousMsk(DOMAIN, GROUP)).contains(first);

        RegisteredMsk third = registry.rotate(DOMAIN, GROUP, VALIDITY);
        assertThat(registry.currentMsk(DOMAIN, GROUP)).contains(third);
        assertThat(registry.previousMsk(DOMAIN, GROUP)).contains(second);
        assertThat(registry.msk(first.ref())).isEmpty();
        assertThat(registry.group(DOMAIN, GROUP).orElseThrow())
                .isEqualTo(new KeyGroupRecord(DOMAIN, GROUP, ServiceType.STREAMING, 3, Optional.of(ref(3)), Optional.of(ref(2))));
    }

    @Test
    void keyNumberWrapsFrom65535ToOneAndNeverIssuesZero() {
        KeyRegistryStorage storage = KeyRegistryStorage.inMemory();
        storage.insertGroup(new KeyGroupRecord(DOMAIN, GROUP, ServiceType.STREAMING, 0xFFFE, Optional.empty(), Optional.empty()));
        KeyRegistry near = registry(storage);
        assertThat(near.rotate(DOMAIN, GROUP, VALIDITY).ref()).isEqualTo(ref(0xFFFF));
        assertThat(near.rotate(DOMAIN, GROUP, VALIDITY).ref()).isEqualTo(ref(1));
        assertThat(near.rotate(DOMAIN, GROUP, VALIDITY).ref()).isEqualTo(ref(2));
    }

    @Test
    void keyNumberZeroLooksUpTheCurrentMsk() {
        registry.rotate(DOMAIN, GROUP, VALIDITY);
        RegisteredMsk current = registry.rotate(DOMAIN, GROUP, VALIDITY);
        assertThat(registry.msk(MskRef.of(DOMAIN, MskId.current(GROUP)))).contains(current);
    }

    /** TS 33.246 §6.3.2.1: Key Group 0 is "not allowed". */
    @Test
    void keyGroupZeroIsRefused() {
        assertThatThrownBy(() -> registry.createGroup(DOMAIN, KeyGroup.of(0), ServiceType.DOWNLOAD))
                .isInstanceOfSatisfying(KeyRegistryException.class,
                        e -> assertThat(e.reason()).isEqualTo(KeyRegistryException.Reason.RESERVED_KEY_GROUP))
                .hasMessageContaining("0000").hasMessageContaining("§6.3.2.1");
        assertThat(registry.group(DOMAIN, KeyGroup.of(0))).isEmpty();
    }

    /** TS 33.246 §4.2: one Key Group protects one RTP session or FLUTE channel, so it has one service type. */
    @Test
    void groupAndItsMsksKeepTheServiceTypeGivenAtCreation() {
        registry.createGroup(DOMAIN, KeyGroup.of(2), ServiceType.DOWNLOAD);
        assertThat(registry.group(DOMAIN, KeyGroup.of(2)).orElseThrow().serviceType()).isEqualTo(ServiceType.DOWNLOAD);
        assertThat(registry.rotate(DOMAIN, KeyGroup.of(2), VALIDITY).serviceType()).isEqualTo(ServiceType.DOWNLOAD);
        assertThat(registry.rotate(DOMAIN, GROUP, VALIDITY).serviceType()).isEqualTo(ServiceType.STREAMING);
    }

    /**
     * TS 33.246 §6.4.5.1: "For a specific MSK (identified by the MSK ID including the Key Number part) [...]
     * the same MIKEY-RAND shall be used in MSK delivery messages for all UEs." The registry draws one
     * 128-bit RAND per MSK at rotation, from the injected source (after the MSK), and keeps it.
     */
    @Test
    void eachMskHasOneRandDrawnAtRotationAndKept() {
        RegisteredMsk first = registry.rotate(DOMAIN, GROUP, VALIDITY);
        Random seeded = new Random(42);
        byte[] msk = new byte[InterimProfile.MSK_LENGTH];
        byte[] rand = new byte[16];
        seeded.nextBytes(msk);
        seeded.nextBytes(rand);
        assertThat(first.rand()).isEqualTo(Bytes.wrap(rand));
        registry.nextMtk(first.ref());
        registry.updateValidity(first.ref(), KeyValidity.of(1, 2000));
        assertThat(registry.msk(first.ref()).orElseThrow().rand()).isEqualTo(first.rand());
        RegisteredMsk second = registry.rotate(DOMAIN, GROUP, VALIDITY);
        assertThat(second.rand().length()).isEqualTo(16);
        assertThat(second.rand()).isNotEqualTo(first.rand());
        assertThat(registry.previousMsk(DOMAIN, GROUP).orElseThrow().rand()).isEqualTo(first.rand());
    }

    @Test
    void keysComeFromTheInjectedSource() {
        RegisteredMsk msk = registry.rotate(DOMAIN, GROUP, VALIDITY);
        byte[] expected = new byte[InterimProfile.MSK_LENGTH];
        new Random(42).nextBytes(expected);
        assertThat(msk.key()).isEqualTo(SecretBytes.of(expected));
    }

    @Test
    void sourceReturningTheWrongLengthIsReportedNotUsed() {
        KeyRegistry broken = KeyRegistry.create(KeyRegistryStorage.inMemory(), length -> SecretBytes.of(new byte[length - 1]));
        broken.createGroup(DOMAIN, GROUP, ServiceType.STREAMING);
        assertThatThrownBy(() -> broken.rotate(DOMAIN, GROUP, VALIDITY))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("15 bytes for a 16-byte MSK");
        assertThat(broken.group(DOMAIN, GROUP)).contains(KeyGroupRecord.empty(DOMAIN, GROUP, ServiceType.STREAMING));
    }

    @Test
    void returnedKeysAreCopiesTheCallerMayDestroy() {
        RegisteredMsk issued = registry.rotate(DOMAIN, GROUP, VALIDITY);
        SecretBytes kept = SecretBytes.of(issued.key().copyBytes());
        issued.key().destroy();
        registry.currentMsk(DOMAIN, GROUP).orElseThrow().key().destroy();
        assertThat(registry.currentMsk(DOMAIN, GROUP).orElseThrow().key()).isEqualTo(kept);
    }

    @Test
    void invalidationValidityIsRefusedWhereARealIntervalIsNeeded() {
        assertThatThrownBy(() -> registry.rotate(DOMAIN, GROUP, KeyValidity.invalidated()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("invalidate(MskRef)");
        RegisteredMsk msk = registry.rotate(DOMAIN, GROUP, VALIDITY);
        assertThatThrownBy(() -> registry.updateValidity(msk.ref(), KeyValidity.of(5, 4)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("SEQl > SEQu");
    }

    @Test
    void invalidatingTheCurrentMskLeavesTheGroupWithoutCurrent() {
        RegisteredMsk first = registry.rotate(DOMAIN, GROUP, VALIDITY);
        RegisteredMsk second = registry.rotate(DOMAIN, GROUP, VALIDITY);
        registry.invalidate(second.ref());
        assertThat(registry.currentMsk(DOMAIN, GROUP)).isEmpty();
        assertThat(registry.previousMsk(DOMAIN, GROUP)).contains(first);
        assertThat(registry.msk(second.ref())).isEmpty();
        assertThatThrownBy(() -> registry.nextMtk(second.ref()))
                .isInstanceOfSatisfying(KeyRegistryException.class,
                        e -> assertThat(e.reason()).isEqualTo(KeyRegistryException.Reason.UNKNOWN_MSK))
                .hasMessageContaining("001-01/00010002").hasMessageContaining("previous 001-01/00010001");
    }

    @Test
    void rotationAfterInvalidationContinuesTheKeyNumbers() {
        registry.invalidate(registry.rotate(DOMAIN, GROUP, VALIDITY).ref());
        assertThat(registry.rotate(DOMAIN, GROUP, VALIDITY).ref()).isEqualTo(ref(2));
    }

    @Test
    void invalidatingAnUnknownMskIsRefused() {
        assertThatThrownBy(() -> registry.invalidate(ref(7)))
                .isInstanceOfSatisfying(KeyRegistryException.class,
                        e -> assertThat(e.reason()).isEqualTo(KeyRegistryException.Reason.UNKNOWN_MSK));
    }

    @Test
    void keyNumberZeroNamesNoMskForChanges() {
        assertThatThrownBy(() -> registry.nextMtk(MskRef.of(DOMAIN, MskId.current(GROUP))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Key Number 0");
    }

    @Test
    void defaultSourceGivesFreshKeysOfTheRequestedLength() {
        SecretBytes a = KeyMaterialSource.secureRandom().generate(16);
        SecretBytes b = KeyMaterialSource.secureRandom().generate(16);
        assertThat(a.length()).isEqualTo(16);
        assertThat(a).isNotEqualTo(b);
    }

    @Test
    void sameSeedGivesTheSameKeys() {
        KeyRegistry one = KeyRegistry.create(KeyRegistryStorage.inMemory(), seeded(7));
        KeyRegistry two = KeyRegistry.create(KeyRegistryStorage.inMemory(), seeded(7));
        one.createGroup(DOMAIN, GROUP, ServiceType.STREAMING);
        two.createGroup(DOMAIN, GROUP, ServiceType.STREAMING);
        assertThat(one.rotate(DOMAIN, GROUP, VALIDITY)).isEqualTo(two.rotate(DOMAIN, GROUP, VALIDITY));
    }
}
