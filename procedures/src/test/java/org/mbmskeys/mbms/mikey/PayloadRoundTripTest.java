package org.mbmskeys.mbms.mikey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mbmskeys.engine.bytes.Bytes;
import org.mbmskeys.mbms.keys.KeyDomainId;
import org.mbmskeys.mbms.keys.MskId;
import org.mbmskeys.mbms.keys.MtkId;

/** Every payload kind (and header form) survives encode → decode unchanged, and encode rejects impossible values. */
class PayloadRoundTripTest {

    private static final CommonHeader HDR = CommonHeader.mbmsEmptyMap(DataType.PSK_INIT, false, CsbId.of(0x01020304));

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyPayloadKind")
    void payloadRoundTripsThroughTheCodec(String name, MikeyPayload payload) {
        MikeyMessage msg = new MikeyMessage(HDR, List.of(payload));

        Bytes wire = MikeyCodec.encode(msg);
        MikeyMessage back = MikeyCodec.decode(wire).message();

        assertThat(back).isEqualTo(msg);
        assertThat(MikeyCodec.encode(back)).isEqualTo(wire);
    }

    static Stream<Arguments> everyPayloadKind() {
        return Stream.of(
                Arguments.of("T NTP-UTC, all 64 bits set", new TimestampPayload(TimestampType.NTP_UTC, -1L)),
                Arguments.of("T NTP", new TimestampPayload(TimestampType.NTP, 0x0123456789abcdefL)),
                Arguments.of("T COUNTER max", new TimestampPayload(TimestampType.COUNTER, 0xFFFF_FFFFL)),
                Arguments.of("T NTP-UTC-32", new TimestampPayload(TimestampType.NTP_UTC_32, 0x80000000L)),
                Arguments.of("RAND 1 byte", RandPayload.of(Bytes.ofHex("00"))),
                Arguments.of("RAND 255 bytes", RandPayload.of(Bytes.wrap(new byte[255]))),
                Arguments.of("ID NAI", IdPayload.nai("user@example.org")),
                Arguments.of("ID URI empty", new IdPayload(IdType.URI, Bytes.empty())),
                Arguments.of("ID byte string", new IdPayload(IdType.BYTE_STRING, Bytes.ofHex("00ff10"))),
                Arguments.of("ID of a type without a name", new IdPayload(IdType.of(200), Bytes.ofHex("41"))),
                Arguments.of("SP no parameters", new SecurityPolicyPayload(7, ProtocolType.SRTP, List.of())),
                Arguments.of("SP unknown protocol, empty and full values", new SecurityPolicyPayload(255, ProtocolType.of(9),
                        List.of(SpParameter.of(0, Bytes.empty()), SpParameter.of(255, Bytes.wrap(new byte[255]))))),
                Arguments.of("EXT vendor ID", GeneralExtensionPayload.of(ExtensionType.VENDOR_ID, Bytes.ofHex("0a0b"))),
                Arguments.of("EXT unknown type 200 kept byte for byte",
                        GeneralExtensionPayload.of(ExtensionType.of(200), Bytes.ofHex("ffeeddccbbaa"))),
                Arguments.of("EXT SDP IDs empty", GeneralExtensionPayload.of(ExtensionType.SDP_IDS, Bytes.empty())),
                Arguments.of("EXT Key ID of an MTK message", KeyIdExtension.forMtk(KeyDomainId.parse("310-410"),
                        MskId.of(0xffff, 0xffff), MtkId.of(0xfffe)).toPayload()),
                Arguments.of("EXT Key ID, unknown and private-use types, any widths", new KeyIdExtension(List.of(
                        new KeyIdEntry(KeyIdType.of(9), Bytes.ofHex("0102030405")),
                        new KeyIdEntry(KeyIdType.MSK, Bytes.ofHex("01")),
                        new KeyIdEntry(KeyIdType.of(255), Bytes.wrap(new byte[255])))).toPayload()),
                Arguments.of("EXT Key ID with no sub-payload", new KeyIdExtension(List.of()).toPayload()),
                Arguments.of("KEMAC keyless with HMAC", new KemacPayload(EncryptionAlgorithm.AES_CM_128, Bytes.empty(),
                        MacAlgorithm.HMAC_SHA1_160, Bytes.wrap(new byte[20]))),
                Arguments.of("KEMAC AES-KW, NULL MAC", new KemacPayload(EncryptionAlgorithm.AES_KW_128,
                        Bytes.ofHex("0102"), MacAlgorithm.NULL, Bytes.empty())),
                Arguments.of("V HMAC", new VerificationPayload(MacAlgorithm.HMAC_SHA1_160, Bytes.wrap(new byte[20]))),
                Arguments.of("V NULL", new VerificationPayload(MacAlgorithm.NULL, Bytes.empty())),
                Arguments.of("ERR known", ErrorPayload.of(ErrorNumber.INVALID_TS)),
                Arguments.of("ERR unknown number, non-zero reserved kept",
                        new ErrorPayload(ErrorNumber.of(99), Bytes.ofHex("abcd"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyHeaderForm")
    void headerRoundTripsThroughTheCodec(String name, CommonHeader header) {
        MikeyMessage msg = new MikeyMessage(header, List.of());

        Bytes wire = MikeyCodec.encode(msg);

        assertThat(wire.length()).isEqualTo(header.wireLength());
        assertThat(MikeyCodec.decode(wire).message()).isEqualTo(msg);
    }

    static Stream<Arguments> everyHeaderForm() {
        return Stream.of(
                Arguments.of("MBMS Empty map, V set", CommonHeader.mbmsEmptyMap(DataType.PSK_INIT, true, CsbId.of(-1))),
                Arguments.of("verification message", CommonHeader.mbmsEmptyMap(DataType.PSK_VERIFY, false, CsbId.of(0))),
                Arguments.of("SRTP-ID map, two sessions, PRF-HMAC-SHA-256", CommonHeader.srtp(DataType.DH_INIT, true,
                        PrfFunction.PRF_HMAC_SHA_256, CsbId.of(0x7fffffff),
                        List.of(new SrtpCsEntry(1, 0xFFFF_FFFFL, 0), new SrtpCsEntry(255, 0, 0xFFFF_FFFFL)))),
                Arguments.of("SRTP-ID map, no sessions", CommonHeader.srtp(DataType.SAKKE, false, PrfFunction.MIKEY_1,
                        CsbId.of(5), List.of())),
                Arguments.of("GENERIC-ID map with #CS 0", new CommonHeader(1, DataType.CS_ID_MAP_UPDATE, false,
                        PrfFunction.MIKEY_1, CsbId.of(5), CsIdMapType.GENERIC_ID, List.of())),
                Arguments.of("unknown map type 7 with #CS 0 keeps its code", new CommonHeader(1, DataType.ERROR, false,
                        PrfFunction.MIKEY_1, CsbId.of(5), CsIdMapType.of(7), List.of())));
    }

    @Test
    void aMessageWithEveryPayloadKindRoundTrips() {
        MikeyMessage msg = new MikeyMessage(HDR, everyPayloadKind()
                .map(a -> (MikeyPayload) a.get()[1])
                .filter(p -> p.type() != PayloadType.KEMAC && p.type() != PayloadType.V)
                .toList());

        Bytes wire = MikeyCodec.encode(msg);

        assertThat(MikeyCodec.decode(wire).message()).isEqualTo(msg);
    }

    @Test
    void csbIdReadsAndWritesItsFourBytesBigEndian() {
        CsbId csb = CsbId.fromBytes(Bytes.ofHex("fd6d77d0"));

        assertThat(csb.toBytes()).isEqualTo(Bytes.ofHex("fd6d77d0"));
        assertThat(csb.unsignedValue()).isEqualTo(0xfd6d77d0L);
        assertThat(csb).hasToString("fd6d77d0");
        assertThatThrownBy(() -> CsbId.fromBytes(Bytes.ofHex("010203")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("4 bytes, got 3");
    }

    @Test
    void encodeRejectsAMessageLongerThan65535Bytes() {
        MikeyMessage fits = new MikeyMessage(HDR, List.of(new IdPayload(IdType.URI, Bytes.wrap(new byte[65_521]))));
        MikeyMessage tooLong = new MikeyMessage(HDR, List.of(new IdPayload(IdType.URI, Bytes.wrap(new byte[65_522]))));

        assertThat(MikeyCodec.decode(MikeyCodec.encode(fits)).received().length()).isEqualTo(65_535);
        assertThatThrownBy(() -> MikeyCodec.encode(tooLong))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("exceeds 65535 bytes");
    }

    @Test
    void encodeRejectsAKeyIdExtensionWhoseDataIsNotWholeSubPayloads() {
        MikeyMessage msg = new MikeyMessage(HDR,
                List.of(GeneralExtensionPayload.of(ExtensionType.KEY_ID, Bytes.ofHex("010400010002ff"))));

        assertThatThrownBy(() -> MikeyCodec.encode(msg))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("does not hold whole Key ID sub-payloads")
                .hasMessageContaining("EXT.Key ID Length");
    }

    @Test
    void recordsRejectValuesTheWireCannotCarry() {
        assertThatThrownBy(() -> new IdPayload(IdType.URI, Bytes.wrap(new byte[70_000])))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at most 65535 bytes").hasMessageEndingWith("got 70000");
        assertThatThrownBy(() -> RandPayload.of(Bytes.empty()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1..255");
        assertThatThrownBy(() -> RandPayload.of(Bytes.wrap(new byte[256])))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("got 256");
        assertThatThrownBy(() -> new TimestampPayload(TimestampType.COUNTER, 1L << 32))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("32 bits");
        assertThatThrownBy(() -> new KemacPayload(EncryptionAlgorithm.AES_CM_128, Bytes.empty(),
                MacAlgorithm.HMAC_SHA1_160, Bytes.wrap(new byte[19])))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("20-byte MAC, got 19");
        assertThatThrownBy(() -> new VerificationPayload(MacAlgorithm.NULL, Bytes.ofHex("00")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs 0 bytes");
        assertThatThrownBy(() -> new ErrorPayload(ErrorNumber.UNSPECIFIED, Bytes.ofHex("00")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2 bytes, got 1");
        assertThatThrownBy(() -> new SpParameter(256, Bytes.empty()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("got 256");
        assertThatThrownBy(() -> new CommonHeader(2, DataType.PSK_INIT, false, PrfFunction.MIKEY_1, CsbId.of(0),
                CsIdMapType.EMPTY_MAP, List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("version must be 1");
        assertThatThrownBy(() -> new CommonHeader(1, DataType.PSK_INIT, false, PrfFunction.MIKEY_1, CsbId.of(0),
                CsIdMapType.EMPTY_MAP, List.of(new SrtpCsEntry(0, 0, 0))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("carries no SRTP-ID entries");
        assertThatThrownBy(() -> ExtensionType.of(256))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("0..255");
    }

    @Test
    void aMacCarryingPayloadMustBeLastWhenBuilt() {
        KemacPayload kemac = new KemacPayload(EncryptionAlgorithm.NULL, Bytes.empty(), MacAlgorithm.NULL, Bytes.empty());

        assertThatThrownBy(() -> new MikeyMessage(HDR, List.of(kemac, ErrorPayload.of(ErrorNumber.UNSPECIFIED))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("KEMAC at position 0 must be the last payload");
    }

    @Test
    void findReturnsTheFirstAndFindAllEveryPayloadOfAKind() {
        IdPayload idi = IdPayload.uri("a");
        IdPayload idr = IdPayload.uri("b");
        MikeyMessage msg = new MikeyMessage(HDR, List.of(idi, ErrorPayload.of(ErrorNumber.INVALID_ID), idr));

        assertThat(msg.find(IdPayload.class)).contains(idi);
        assertThat(msg.findAll(IdPayload.class)).containsExactly(idi, idr);
        assertThat(msg.find(KemacPayload.class)).isEmpty();
        assertThat(msg.findAll(RandPayload.class)).isEmpty();
        assertThat(msg.last()).contains(idr);
    }
}
