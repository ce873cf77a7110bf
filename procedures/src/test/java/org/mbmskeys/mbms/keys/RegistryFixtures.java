package org.mbmskeys.mbms.keys;

import java.util.Random;
import org.mbmskeys.engine.bytes.SecretBytes;

/** Shared values for the key registry tests; key material comes from a seeded, reproducible source. */
final class RegistryFixtures {

    static final KeyDomainId DOMAIN = KeyDomainId.parse("001-01");
    static final KeyDomainId OTHER_DOMAIN = KeyDomainId.parse("310-410");
    static final KeyGroup GROUP = KeyGroup.of(0x0001);
    static final KeyValidity VALIDITY = KeyValidity.of(1, 1000);

    private RegistryFixtures() {
    }

    /** Not for production: java.util.Random with a fixed seed, so every run sees the same keys. */
    static KeyMaterialSource seeded(long seed) {
        Random random = new Random(seed);
        return length -> {
            byte[] key = new byte[length];
            random.nextBytes(key);
            return SecretBytes.wrap(key);
        };
    }

    static KeyRegistry registry(KeyRegistryStorage storage) {
        return KeyRegistry.create(storage, seeded(42));
    }

    static KeyRegistry registryWithGroup() {
        KeyRegistry registry = registry(KeyRegistryStorage.inMemory());
        registry.createGroup(DOMAIN, GROUP, ServiceType.STREAMING);
        return registry;
    }

    static MskRef ref(int keyNumber) {
        return MskRef.of(DOMAIN, MskId.of(GROUP, keyNumber));
    }
}
