package org.mbmskeys.mbms.gba;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.mbmskeys.engine.bytes.Bytes;
import org.mbmskeys.engine.bytes.Hex;
import org.mbmskeys.engine.bytes.SecretBytes;

/**
 * TS 33.220 Annex B.2 KDF. The S golden value is [SELF]: computed by the project from the B.2/B.3 layout and
 * the inputs of vectors/gba.json, not an official vector; the HMAC is cross-checked against a plain javax.crypto
 * computation over the hand-written S.
 */
class KdfTest {

    /** S for Ks_(ext)_NAF with the gba.json inputs ([SELF]), one field per line. */
    static final Bytes GOLDEN_S_KS_EXT_NAF = Hex.annotated("""
            01                                   # FC = 0x01 (NAF key derivation, TS 33.220 B.3)
            6762612d6d65                         # P0 = "gba-me"
            0006                                 # L0 = 6
            23553cbe9637a89d218ae64dae47bf35     # P1 = RAND (TS 35.208 Test Set 1)
            0010                                 # L1 = 16
            30303130313031323334353637383940     # P2 = IMPI "001010123456789@"
            696d732e6d6e633030312e6d63633030     #      "ims.mnc001.mcc00"
            312e336770706e6574776f726b2e6f7267   #      "1.3gppnetwork.org"
            0031                                 # L2 = 49
            626d73632e6578616d706c652e6f7267     # P3 = NAF_Id: FQDN "bmsc.example.org"
            0100000001                           #      ‖ Ua security protocol id, MBMS
            0015                                 # L3 = 21
            """);

    @Test
    void sOfKsExtNafIsByteForByteTheProfileGolden() {
        KdfInput s = NafKeys.kdfInput(NafKeys.GBA_ME_LABEL, GbaVectors.bytes("rand"), GbaVectors.text("impi"),
                NafId.forMbms(GbaVectors.text("naf_fqdn")));

        assertThat(s.encode()).isEqualTo(GOLDEN_S_KS_EXT_NAF);
        assertThat(s.encode().toHex()).isEqualTo("016762612d6d65000623553cbe9637a89d218ae64dae47bf35001030303130313031"
                + "323334353637383940696d732e6d6e633030312e6d63633030312e336770706e6574776f726b2e6f72670031626d73632e"
                + "6578616d706c652e6f726701000000010015");
    }

    @Test
    void sOfKsIntNafDiffersOnlyInP0AndL0() {
        KdfInput s = NafKeys.kdfInput(NafKeys.GBA_U_LABEL, GbaVectors.bytes("rand"), GbaVectors.text("impi"),
                NafId.forMbms(GbaVectors.text("naf_fqdn")));

        Bytes expected = Bytes.ofHex("01" + "6762612d75" + "0005")
                .concat(GOLDEN_S_KS_EXT_NAF.slice(9, GOLDEN_S_KS_EXT_NAF.length() - 9));
        assertThat(s.encode()).isEqualTo(expected);
    }

    @Test
    void deriveIsHmacSha256OfTheHandWrittenS() throws GeneralSecurityException {
        SecretBytes ks = SecretBytes.ofHex(GbaVectors.text("ck") + GbaVectors.text("ik"));
        KdfInput s = NafKeys.kdfInput(NafKeys.GBA_ME_LABEL, GbaVectors.bytes("rand"), GbaVectors.text("impi"),
                NafId.forMbms(GbaVectors.text("naf_fqdn")));

        assertThat(Kdf.derive(ks, s).revealHex()).isEqualTo(plainHmacSha256(ks, GOLDEN_S_KS_EXT_NAF));
    }

    @Test
    void outputIsTheFull256Bits() {
        SecretBytes out = Kdf.derive(SecretBytes.ofHex("00"), KdfInput.of(0x01, KdfInput.utf8("x")));

        assertThat(out.length()).isEqualTo(Kdf.OUTPUT_LENGTH).isEqualTo(32);
    }

    @Test
    void lengthsAreTwoBytesBigEndianAndEmptyParametersCount() {
        Bytes big = Bytes.wrap(new byte[300]);

        Bytes s = KdfInput.of(0x7f, big, Bytes.empty()).encode();

        assertThat(s.length()).isEqualTo(1 + 300 + 2 + 0 + 2);
        assertThat(s.u8(0)).isEqualTo(0x7f);
        assertThat(s.slice(301, 2)).isEqualTo(Bytes.ofHex("012c"));
        assertThat(s.slice(303, 2)).isEqualTo(Bytes.ofHex("0000"));
    }

    @Test
    void aChangedFcGivesAnotherKey() {
        SecretBytes key = SecretBytes.ofHex("000102030405060708090a0b0c0d0e0f");

        SecretBytes a = Kdf.derive(key, KdfInput.of(0x01, KdfInput.utf8("gba-me")));
        SecretBytes b = Kdf.derive(key, 0x02, KdfInput.utf8("gba-me"));

        assertThat(a).isNotEqualTo(b);
        assertThat(Kdf.derive(key, 0x01, KdfInput.utf8("gba-me"))).isEqualTo(a);
    }

    @Test
    void inputsWithEqualContentAreEqual() {
        KdfInput a = KdfInput.of(0x01, Bytes.ofHex("0102"), KdfInput.utf8("x"));
        KdfInput b = KdfInput.of(0x01, Bytes.ofHex("0102"), Bytes.ofHex("78"));

        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        assertThat(a.toString()).isEqualTo("KdfInput[FC=01, P0=0102, P1=78]");
    }

    @Test
    void fcOutsideOneOctetIsRejected() {
        assertThatThrownBy(() -> KdfInput.of(0x100, KdfInput.utf8("x")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("KDF FC is one octet (0..255), got 256");
        assertThatThrownBy(() -> KdfInput.of(-1, KdfInput.utf8("x")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void inputWithoutP0IsRejected() {
        assertThatThrownBy(() -> KdfInput.of(0x01))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least P0");
    }

    @Test
    void parameterLongerThanItsLengthFieldIsRejected() {
        Bytes tooLong = Bytes.wrap(new byte[65536]);

        assertThatThrownBy(() -> KdfInput.of(0x01, KdfInput.utf8("ok"), tooLong))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("KDF parameter P1 is 65536 bytes; its 2-byte length field allows at most 65535");
        assertThat(KdfInput.of(0x01, Bytes.wrap(new byte[65535])).encode().slice(65536, 2))
                .isEqualTo(Bytes.ofHex("ffff"));
    }

    @Test
    void emptyKeyIsRejected() {
        assertThatThrownBy(() -> Kdf.derive(SecretBytes.of(), KdfInput.of(0x01, KdfInput.utf8("x"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("KDF key is empty");
    }

    static String plainHmacSha256(SecretBytes key, Bytes data) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key.copyBytes(), "HmacSHA256"));
        return Hex.encode(mac.doFinal(data.toByteArray()));
    }
}
