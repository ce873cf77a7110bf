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
import org.mbmskeys.mbms.keys.ServiceType;

/** The BM-SC registry zeroes every MSK it drops: nothing it no longer needs stays readable in memory. */
class KeyRegistryWipingTest {

    private final List<SecretBytes> generated = new ArrayList<>();
    private final KeyRegistryStorage storage = KeyRegistryStorage.inMemory();
    private final KeyRegistry registry = KeyRegistry.create(storage, length -> {
        SecretBytes key = seeded(7).generate(length);
        generated.add(key);
        return key;
    });

    @Test
    void anInvalidatedMskIsWiped() {
        registry.createGroup(DOMAIN, GROUP, ServiceType.STREAMING);
        registry.rotate(DOMAIN, GROUP, VALIDITY);
        SecretBytes stored = storage.msk(ref(1)).orElseThrow().key();

        registry.invalidate(ref(1));

        assertThat(stored.isDestroyed()).isTrue();
    }

    @Test
    void theMskARotationDropsIsWiped() {
        registry.createGroup(DOMAIN, GROUP, ServiceType.STREAMING);
        registry.rotate(DOMAIN, GROUP, VALIDITY);
        SecretBytes first = storage.msk(ref(1)).orElseThrow().key();
        registry.rotate(DOMAIN, GROUP, VALIDITY);
        assertThat(first.isDestroyed()).as("still the previous MSK").isFalse();

        registry.rotate(DOMAIN, GROUP, VALIDITY);

        assertThat(first.isDestroyed()).isTrue();
        assertThat(storage.msk(ref(2)).orElseThrow().key().isDestroyed()).isFalse();
    }

    @Test
    void theInMemoryStorageWipesTheMskItRemoves() {
        byte[] material = Bytes.ofHex("a0a1a2a3a4a5a6a7a8a9aaabacadaeaf").toByteArray();
        SecretBytes key = SecretBytes.wrap(material);
        storage.putMsk(new RegisteredMsk(ref(1), key, VALIDITY, Bytes.ofHex("01"), ServiceType.DOWNLOAD, Optional.empty()));

        storage.removeMsk(ref(1));

        assertThat(key.isDestroyed()).isTrue();
        assertThat(material).containsOnly(0);
    }

    @Test
    void aRotationOfAnUnknownKeyGroupWipesTheKeyItGenerated() {
        assertThatThrownBy(() -> registry.rotate(DOMAIN, GROUP, VALIDITY)).isInstanceOf(KeyRegistryException.class);

        assertThat(generated).isNotEmpty().allSatisfy(k -> assertThat(k.isDestroyed()).isTrue());
    }
}
