package org.mbmskeys.mbms.bmsc;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.mbmskeys.engine.bytes.SecretBytes;

/** The Digest settings of {@link Bmsc.Builder} that let several nodes serve one UE: their bad values are refused. */
class BmscDigestSettingsTest {

    @Test
    void aDigestSecretShorterThan32BytesIsRefusedWithoutShowingIt() {
        SecretBytes shortSecret = SecretBytes.ofHex("00112233445566778899aabbccddeeff");

        assertThatThrownBy(() -> Bmsc.builder("bmsc.example.org").digestSecret(shortSecret))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 32 bytes")
                .hasMessageNotContaining("00112233");
    }

    @Test
    void noNonceCountsIsRefused() {
        assertThatThrownBy(() -> Bmsc.builder("bmsc.example.org").nonceCounts(null))
                .isInstanceOf(NullPointerException.class);
    }
}
