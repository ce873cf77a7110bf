package org.mbmskeys.mbms.keys;

import org.mbmskeys.engine.bytes.SecretBytes;

/**
 * Where the BM-SC key registry gets fresh key material (MSKs, MTKs, salts). Injected so that tests and
 * simulations are reproducible; production uses {@link #secureRandom()}.
 *
 * <pre>{@code
 * KeyRegistry.create(KeyRegistryStorage.inMemory(), KeyMaterialSource.secureRandom());
 * }</pre>
 */
@FunctionalInterface
public interface KeyMaterialSource {

    /** {@code length} fresh random bytes; the caller owns the result. */
    SecretBytes generate(int length);

    /** Key material from one shared {@link java.security.SecureRandom}. Thread-safe. */
    static KeyMaterialSource secureRandom() {
        return SecureRandomKeyMaterial.INSTANCE;
    }
}
