package org.mbmskeys.engine.bytes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SecretBytesCopyTest {

    @Test
    void aCopyHoldsTheSameKeyMaterialAndOutlivesTheOriginal() {
        SecretBytes original = SecretBytes.ofHex("00112233445566778899aabbccddeeff");
        SecretBytes copy = original.copy();

        assertThat(copy).isNotSameAs(original).isEqualTo(original);
        original.destroy();
        assertThat(copy.revealHex()).isEqualTo("00112233445566778899aabbccddeeff");
        copy.destroy();
    }

    @Test
    void wipingTheCopyLeavesTheOriginal() {
        SecretBytes original = SecretBytes.ofHex("0102");
        original.copy().destroy();

        assertThat(original.revealHex()).isEqualTo("0102");
        original.destroy();
    }

    @Test
    void aDestroyedSecretCannotBeCopied() {
        SecretBytes original = SecretBytes.ofHex("0102");
        original.destroy();

        assertThatThrownBy(original::copy).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theAuditNamesTheCodeThatAskedForTheCopy() {
        SecretBytes original = SecretBytes.ofHex("0102");
        try (SecretAudit audit = SecretAudit.begin()) {
            SecretBytes copy = original.copy();

            assertThat(audit.undestroyed()).extracting(SecretAudit.Created::site)
                    .containsExactly("SecretBytesCopyTest.theAuditNamesTheCodeThatAskedForTheCopy:42");
            copy.destroy();
        }
        original.destroy();
    }
}
