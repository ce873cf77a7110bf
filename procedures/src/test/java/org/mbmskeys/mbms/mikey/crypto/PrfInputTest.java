package org.mbmskeys.mbms.mikey.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.mbmskeys.engine.bytes.Bytes;
import org.mbmskeys.engine.bytes.Hex;
import org.mbmskeys.engine.bytes.SecretBytes;

/**
 * Label layouts of the named PRF inputs (RFC 3830 §4.1.3, §4.1.4, constants from their tables).
 * Pure byte layout, no crypto, so no suite is involved. The encr_key label is the one behind vectors/mikey-prf.json.
 */
class PrfInputTest {

    private static final SecretBytes KEY = SecretBytes.ofHex("000102030405060708090a0b0c0d0e0f");
    private static final int CSB_ID = 0x01020304;
    private static final Bytes RAND = Bytes.ofHex("101112131415161718191a1b1c1d1e1f");

    @Test
    void kemacEncryptionKeyLabelIsConstantFfCsbIdRandAsInProfile() {
        PrfInput input = PrfInput.kemacEncryptionKey(KEY, CSB_ID, RAND);

        assertThat(input.label()).isEqualTo(Hex.annotated("""
                150533e1                            # constant for encr_key (RFC 3830 §4.1.4)
                ff                                  # 0xFF: pre-shared/envelope key
                01020304                            # CSB ID
                101112131415161718191a1b1c1d1e1f    # RAND
                """));
        assertThat(input.label().toHex()).isEqualTo("150533e1ff01020304101112131415161718191a1b1c1d1e1f");
        assertThat(input.outputBytes()).isEqualTo(16);
    }

    @Test
    void kemacAuthenticationAndSaltingKeysUseTheirConstantsAndLengths() {
        PrfInput auth = PrfInput.kemacAuthenticationKey(KEY, CSB_ID, RAND);
        PrfInput salt = PrfInput.kemacSaltingKey(KEY, CSB_ID, RAND);

        assertThat(auth.label().slice(0, 9).toHex()).isEqualTo("2d22ac75ff01020304");
        assertThat(auth.outputBytes()).isEqualTo(20);
        assertThat(salt.label().slice(0, 9).toHex()).isEqualTo("29b88916ff01020304");
        assertThat(salt.outputBytes()).isEqualTo(14);
    }

    @Test
    void anEmptyRandEndsTheLabelAfterTheCsbId() {
        assertThat(PrfInput.kemacEncryptionKey(KEY, 0xFFFFFFFE, Bytes.empty()).label().toHex())
                .isEqualTo("150533e1fffffffffe");
    }

    @Test
    void tgkLabelsCarryTheCsIdWhereKemacLabelsCarry0xFf() {
        assertThat(PrfInput.tekFromTgk(KEY, 7, CSB_ID, RAND, 16).label()).isEqualTo(Hex.annotated("""
                2ad01c64                            # constant for the TEK (RFC 3830 §4.1.3)
                07                                  # CS ID
                01020304                            # CSB ID
                101112131415161718191a1b1c1d1e1f    # RAND
                """));
        assertThat(PrfInput.encryptionKeyFromTgk(KEY, 0, CSB_ID, Bytes.empty(), 16).label().toHex())
                .isEqualTo("15798cef0001020304");
        assertThat(PrfInput.authenticationKeyFromTgk(KEY, 255, CSB_ID, Bytes.empty(), 20).label().toHex())
                .isEqualTo("1b5c7973ff01020304");
        assertThat(PrfInput.saltingKeyFromTgk(KEY, 1, CSB_ID, Bytes.empty(), 14).label().toHex())
                .isEqualTo("39a2c14b0101020304");
    }

    @Test
    void csIdOutsideOneByteIsRejected() {
        assertThatThrownBy(() -> PrfInput.tekFromTgk(KEY, 256, CSB_ID, RAND, 16))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("CS ID is one byte (0..255), got 256");
    }

    @Test
    void emptyInkeyIsRejected() {
        assertThatThrownBy(() -> PrfInput.kemacEncryptionKey(SecretBytes.of(), CSB_ID, RAND))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("MIKEY-1 PRF inkey is empty; the PRF needs at least one key byte");
    }

    @Test
    void nonPositiveOutputLengthIsRejected() {
        assertThatThrownBy(() -> PrfInput.tekFromTgk(KEY, 1, CSB_ID, RAND, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("PRF output length must be at least 1 byte, got 0");
    }

    @Test
    void missingRandSaysToUseEmpty() {
        assertThatThrownBy(() -> PrfInput.kemacEncryptionKey(KEY, CSB_ID, null))
                .isInstanceOf(NullPointerException.class)
                .hasMessageContaining("Bytes.empty()");
    }
}
