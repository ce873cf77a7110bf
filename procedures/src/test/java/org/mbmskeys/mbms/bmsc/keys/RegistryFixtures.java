package org.mbmskeys.mbms.bmsc.keys;

import java.util.Random;
import org.mbmskeys.engine.bytes.SecretBytes;
import org.mbmskeys.mbms.keys.KeyDomainId;
import org.mbmskeys.mbms.keys.KeyGroup;
import org.mbmskeys.mbms.keys.KeyMaterialSource;
import org.mbmskeys.mbms.keys.KeyValidity;
import org.mbmskeys.mbms.keys.MskId;
import org.mbmskeys.mbms.keys.MskRef;
import org.mbmskeys.mbms.keys.ServiceType;

/** Shared values for the key registry tests; key material comes from a seeded, reproducible source. */
public final class RegistryFixtures {

    public static final KeyDomainId DOMAIN = KeyDomainId.parse("001-01");
    public static final KeyDomainId OTHER_DOMAIN = KeyDomainId.parse("310-410");
    public static final KeyGroup GROUP = KeyGroup.of(0x0001);
    public static final KeyValidity VALIDITY = KeyValidity.of(1, 1000);

    private RegistryFixtures() {
    }

    /** Not for production: java.util.Random with a fixed seed, so every run sees the same keys. */
    public static KeyMaterialSource seeded(long seed) {
        Random random = new Random(seed);
        return length -> {
            byte[] key = new byte[length];
            random.nextBytes(key);
            return SecretBytes.wrap(key);
        };
    }

    public static KeyRegistry registry(KeyRegistryStorage storage) {
        return KeyRegistry.create(storage, seeded(42));
    }

    public static KeyRegistry registryWithGroup() {
        KeyRegistry registry = registry(KeyRegistryStorage.inMemory());
        registry.createGroup(DOMAIN, GROUP, ServiceType.STREAMING);
        return registry;
    }

    public static MskRef ref(int keyNumber) {
        return MskRef.of(DOMAIN, MskId.of(GROUP, keyNumber));
    }
}
