package org.mbmskeys.mbms.mikey.protection;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mbmskeys.engine.bytes.Bytes;
import org.mbmskeys.engine.bytes.SecretBytes;
import org.mbmskeys.mbms.mikey.KeyData;
import org.mbmskeys.mbms.mikey.KeyDataType;
import org.mbmskeys.mbms.mikey.KvNull;

/**
 * Every refusal of decrypted Key data in {@link MikeyOpener} goes through {@code discard}: an MSK message
 * that wrongly carries TEK+SALT is refused as not in the profile, and its salt must be zeroed like its key.
 */
class RefusedKeyDataWipingTest {

    @Test
    void aRefusedKeyDataLosesItsKeyAndItsSalt() {
        byte[] key = Bytes.ofHex("a0a1a2a3a4a5a6a7a8a9aaabacadaeaf").toByteArray();
        byte[] salt = Bytes.ofHex("f0f1f2f3f4f5f6f7f8f9fafbfcfd").toByteArray();
        KeyData refused = new KeyData(KeyDataType.TEK_SALT, SecretBytes.wrap(key), Optional.of(SecretBytes.wrap(salt)),
                KvNull.INSTANCE);

        MikeyOpener.discard(refused);

        assertThat(key).containsOnly(0);
        assertThat(salt).containsOnly(0);
        assertThat(refused.salt().orElseThrow().isDestroyed()).isTrue();
    }
}
