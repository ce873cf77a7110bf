package org.mbmskeys.mbms.mikey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mbmskeys.mbms.mikey.GoldenMbmsMessageTest.assertRejected;

import org.junit.jupiter.api.Test;
import org.mbmskeys.engine.bytes.Bytes;
import org.mbmskeys.engine.bytes.Hex;

/** The structural decode rules of {@link MikeyCodec} (RFC 3830 §6; one typed exception for every bad input), one rule per test. */
class MikeyDecodeRulesTest {

    /** HDR: v1, PSK init, V=0, PRF 0, CSB ID 00f11000, #CS 0, empty map; the next payload byte is a parameter. */
    private static Bytes header(String next) {
        return Hex.annotated("01 00 " + next + " 00 c5b1d001 00 01");
    }

    @Test
    void inputLongerThan65535BytesIsRejectedBeforeParsing() {
        Bytes huge = GoldenMessages.MSK_DELIVERY.concat(Bytes.wrap(new byte[65_536 - 170]));

        assertRejected(huge, "message", 0, "65536 bytes; at most 65535 are accepted");
    }

    @Test
    void headerAloneWithNextPayloadZeroIsAMessageWithoutPayloads() {
        DecodedMikey decoded = MikeyCodec.decode(header("00"));

        assertThat(decoded.message().payloads()).isEmpty();
        assertThat(decoded.macOffset()).isEmpty();
    }

    @Test
    void headerShorterThanTenBytesIsRejectedAtTheMissingField() {
        assertRejected(Bytes.ofHex("0100000000f11000"), "HDR.#CS", 8, "needs 1 byte, 0 remain");
    }

    @Test
    void headerAnnouncingAPayloadThatIsMissingIsRejected() {
        assertRejected(header("05"), "T.next payload", 10, "needs 1 byte, 0 remain");
    }

    @Test
    void keyDataCodeInThePayloadChainIsRejected() {
        assertRejected(header("14"), "HDR.next payload", 2, "only inside the KEMAC");
    }

    @Test
    void unknownNextPayloadCodeIsRejectedAtTheByteThatNamesIt() {
        assertRejected(header("ff"), "HDR.next payload", 2, "unknown or unsupported payload type 255; allowed: 0 (LAST)");
    }

    @Test
    void anythingAfterKemacIsRejectedEvenIfWellFormed() {
        Bytes wire = Hex.annotated("""
                01 00 01 00 00f11000 00 01   # HDR, next KEMAC
                0c 00 0000 00                # KEMAC, next ERR (!), NULL, no data, NULL MAC
                00 03 0000                   # ERR, last
                """);

        assertRejected(wire, "KEMAC.next payload", 10, "KEMAC must be the last payload");
    }

    @Test
    void keylessKemacOfASolicitedPullDecodesWithItsMacOffset() {
        Bytes wire = Hex.annotated("""
                01 00 01 00 00f11000 00 01   # HDR, next KEMAC, V=0
                00 01 0000                   # KEMAC last, AES-CM, Encr data len 0
                01 00112233445566778899aabbccddeeff00112233   # HMAC-SHA-1-160, MAC
                """);

        DecodedMikey decoded = MikeyCodec.decode(wire);

        assertThat(decoded.message().find(KemacPayload.class).orElseThrow().isKeyless()).isTrue();
        assertThat(decoded.macOffset()).hasValue(15);
        assertThat(decoded.macInput()).contains(wire.slice(0, 15));
    }

    @Test
    void emptyMapWithCryptoSessionsIsRejected() {
        assertRejected(Hex.annotated("01 00 00 00 00f11000 02 01"), "HDR.#CS", 8, "need #CS 0");
    }

    @Test
    void unknownMapTypeWithCryptoSessionsIsRejectedButWithoutThemKept() {
        assertRejected(Hex.annotated("01 00 00 00 00f11000 01 07 00"), "HDR.#CS", 8, "CS ID map type UNKNOWN(7)");

        CommonHeader hdr = MikeyCodec.decode(Hex.annotated("01 00 00 00 00f11000 00 07")).message().header();
        assertThat(hdr.csIdMapType()).isEqualTo(CsIdMapType.of(7));
        assertThat(hdr.csIdMapType()).hasToString("UNKNOWN(7)");
    }

    @Test
    void unknownErrorNumberAndReservedBytesAreKept() {
        Bytes wire = header("0c").concat(Bytes.ofHex("00 c8 1234".replace(" ", "")));

        ErrorPayload err = MikeyCodec.decode(wire).message().find(ErrorPayload.class).orElseThrow();

        assertThat(err.errorNumber()).isEqualTo(ErrorNumber.of(200));
        assertThat(err.errorNumber().isKnown()).isFalse();
        assertThat(err.reserved()).isEqualTo(Bytes.ofHex("1234"));
        assertThat(MikeyCodec.encode(MikeyCodec.decode(wire).message())).isEqualTo(wire);
    }

    @Test
    void unknownExtensionTypeIsKeptByteForByte() {
        Bytes wire = header("15").concat(Bytes.ofHex("00" + "fe" + "0003" + "a1b2c3"));

        GeneralExtensionPayload ext = MikeyCodec.decode(wire).message().find(GeneralExtensionPayload.class).orElseThrow();

        assertThat(ext.extensionType()).hasToString("UNKNOWN(254)");
        assertThat(ext.data()).isEqualTo(Bytes.ofHex("a1b2c3"));
        assertThat(MikeyCodec.encode(MikeyCodec.decode(wire).message())).isEqualTo(wire);
    }

    @Test
    void zeroLengthRandIsRejected() {
        assertRejected(header("0b").concat(Bytes.ofHex("0000")), "RAND.RAND len", 11, "RAND of 0 bytes");
    }

    @Test
    void decodeCopiesTheInputSoLaterChangesDoNotShow() {
        byte[] raw = GoldenMessages.ERROR.toByteArray();
        DecodedMikey decoded = MikeyCodec.decode(Bytes.wrap(raw.clone()));

        assertThat(decoded.received()).isEqualTo(GoldenMessages.ERROR);
        assertThat(decoded.message().find(ErrorPayload.class).orElseThrow().errorNumber()).isEqualTo(ErrorNumber.INVALID_MAC);
    }

    @Test
    void decodeErrorMessageSaysWhereAndWhat() {
        Bytes wire = GoldenMessages.MSK_DELIVERY.withByteXored(115, 0x01);

        assertThatThrownBy(() -> MikeyCodec.decode(wire))
                .isInstanceOf(MikeyDecodeException.class)
                .hasMessage("malformed MIKEY at byte 115 (KEMAC.Encr data len): declares 288 bytes, 53 remain");
    }
}
