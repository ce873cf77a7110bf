package org.mbmskeys.mbms.gba;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The IMPI is KDF parameter P2 as UTF-8 (TS 33.220 B.3): no white space or control characters, at most 65,535 bytes. */
class ImpiTest {

    private static final String NAI = "001010123456789@ims.mnc001.mcc001.3gppnetwork.org";

    @Test
    void anNaiPassesUnchanged() {
        assertThat(Impi.require(NAI)).isSameAs(NAI);
    }

    @Test
    void emptyWhiteSpaceAndControlCharactersAreRefused() {
        assertThatThrownBy(() -> Impi.require("")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("empty");
        assertThatThrownBy(() -> Impi.require(null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Impi.require("0010101 23@ims")).hasMessageContaining("U+0020 at position 7");
        assertThatThrownBy(() -> Impi.require("001\u0000@ims")).hasMessageContaining("U+0000 at position 3");
    }

    @Test
    void theCharactersAtTheEdgesOfPrintableAsciiAreCheckedToo() {
        assertThat(Impi.require("!~@ims")).isEqualTo("!~@ims");
        assertThatThrownBy(() -> Impi.require("a\u007F@ims")).hasMessageContaining("U+007F at position 1");
        assertThatThrownBy(() -> Impi.require("a\u001F@ims")).hasMessageContaining("U+001F at position 1");
        assertThatThrownBy(() -> Impi.require("a\t@ims")).hasMessageContaining("U+0009 at position 1");
        assertThatThrownBy(() -> Impi.require("a\u0085@ims")).hasMessageContaining("U+0085 at position 1");
        assertThatThrownBy(() -> Impi.require("a\u2003@ims")).hasMessageContaining("U+2003 at position 1");
        assertThat(Impi.require("ü\u00A0@ims")).isEqualTo("ü\u00A0@ims");   // NO-BREAK SPACE is not white space in Java
    }

    @Test
    void theLimitIsInUtf8BytesNotCharacters() {
        assertThat(Impi.require("a".repeat(0xFFFF))).hasSize(0xFFFF);
        assertThatThrownBy(() -> Impi.require("a".repeat(0x10000))).hasMessageContaining("longer than 65535 UTF-8 bytes");
        // '€' is 3 bytes: 21,845 of them are 65,535 bytes, one more is over.
        assertThat(Impi.require("€".repeat(21_845))).hasSize(21_845);
        assertThatThrownBy(() -> Impi.require("€".repeat(21_846))).hasMessageContaining("longer than 65535 UTF-8 bytes");
        // A surrogate pair is 2 chars and 4 bytes: 16,384 pairs are 65,536 bytes in 32,768 chars.
        assertThatThrownBy(() -> Impi.require("\uD83D\uDE00".repeat(16_384))).hasMessageContaining("longer than 65535");
        assertThat(Impi.require("\uD83D\uDE00".repeat(16_383) + "abc")).hasSize(32_769);
    }
}
