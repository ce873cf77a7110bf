package org.mbmskeys.mbms.traffic;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mbmskeys.engine.bytes.Bytes;
import org.mbmskeys.engine.bytes.SecretBytes;
import org.mbmskeys.mbms.keys.KeyDomainId;
import org.mbmskeys.mbms.keys.MskId;
import org.mbmskeys.mbms.keys.MtkId;
import org.mbmskeys.mbms.mikey.CsbId;
import org.mbmskeys.mbms.mikey.crypto.CryptoSuite;

/**
 * TS 33.246 §6.5.4: for download, the authentication and encryption keys of the DCF come from the MTK by the RFC 3830
 * §4.1.3 derivation with cs_id 0: {@code PRF(MTK, constant ‖ cs_id ‖ CSB ID ‖ RAND)}, the constants 0x15798CEF
 * (encryption) and 0x1B5C7973 (authentication). The expected keys were computed apart from the project's code, by a
 * short Python implementation of the RFC 3830 §4.1.2 PRF (HMAC-SHA1 P function, 256-bit inkey chunks) over the labels
 * written out below; they hold only for the reading of the label that U7 records (cs_id one byte, the MTK message's
 * CSB ID, its MSK's MIKEY-RAND).
 */
class DcfKeysTest {

    private static final DcfKeyId KEY_ID = DcfKeyId.of(KeyDomainId.parse("001-01"), MskId.parseHex("01010001"), MtkId.of(11));
    private static final SecretBytes MTK = SecretBytes.ofHex("b0b1b2b3b4b5b6b7b8b9babbbcbdbebf");
    private static final CsbId CSB_ID = CsbId.of(0xc5b1d001);
    private static final Bytes RAND = Bytes.ofHex("101112131415161718191a1b1c1d1e1f");

    static CryptoSuite[] suites() {
        return new CryptoSuite[] {CryptoSuite.jca(), CryptoSuite.bouncyCastle()};
    }

    @ParameterizedTest
    @MethodSource("suites")
    void theKeysAreTheRfc3830Derivation413OfTheMtkWithCsId0(CryptoSuite suite) {
        // labels: 15798cef 00 c5b1d001 1011…1f and 1b5c7973 00 c5b1d001 1011…1f
        DcfKeys keys = DcfKeys.derive(KEY_ID, MTK, CSB_ID, RAND, suite);

        assertThat(keys.keyId()).isEqualTo(KEY_ID);
        assertThat(keys.encryptionKey().revealHex()).isEqualTo("39a05a6e98f0610572213c7a051fa850");
        assertThat(keys.authenticationKey().revealHex()).isEqualTo("767c3ed6ce90e695f86050dba88c288ead9a1fde");
        assertThat(MTK.isDestroyed()).as("the MTK stays the caller's").isFalse();
    }

    @Test
    void anotherCsbIdOrRandGivesOtherKeys() {
        DcfKeys keys = DcfKeys.derive(KEY_ID, MTK, CSB_ID, RAND, CryptoSuite.jca());
        DcfKeys otherCsb = DcfKeys.derive(KEY_ID, MTK, CsbId.of(0xc5b1d002), RAND, CryptoSuite.jca());
        DcfKeys otherRand = DcfKeys.derive(KEY_ID, MTK, CSB_ID, Bytes.ofHex("101112131415161718191a1b1c1d1e20"),
                CryptoSuite.jca());

        assertThat(otherCsb.encryptionKey()).isNotEqualTo(keys.encryptionKey());
        assertThat(otherCsb.authenticationKey()).isNotEqualTo(keys.authenticationKey());
        assertThat(otherRand.encryptionKey()).isNotEqualTo(keys.encryptionKey());
        assertThat(otherRand.authenticationKey()).isNotEqualTo(keys.authenticationKey());
    }

    @Test
    void destroyWipesBothKeysAndNothingIsPrinted() {
        DcfKeys keys = DcfKeys.derive(KEY_ID, MTK, CSB_ID, RAND, CryptoSuite.jca());

        assertThat(keys.toString()).contains(KEY_ID.value()).doesNotContain("39a05a6e").doesNotContain("767c3ed6");
        keys.destroy();
        assertThat(keys.encryptionKey().isDestroyed()).isTrue();
        assertThat(keys.authenticationKey().isDestroyed()).isTrue();
    }

    @Test
    void anSrtpMasterKeyPrintsNoKeyAndDestroyWipesBoth() {
        SrtpMasterKey key = new SrtpMasterKey(SrtpMki.of(MskId.parseHex("01010001"), MtkId.of(11)),
                SecretBytes.ofHex("a0a1a2a3a4a5a6a7a8a9aaabacadaeaf"), SecretBytes.ofHex("c0c1c2c3c4c5c6c7c8c9cacbcccd"));

        assertThat(key.toString()).contains("01010001000b").doesNotContain("a0a1a2").doesNotContain("c0c1c2");
        key.destroy();
        assertThat(key.masterKey().isDestroyed()).isTrue();
        assertThat(key.masterSalt().isDestroyed()).isTrue();
    }
}
