package org.mbmskeys.mbms.mikey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.mbmskeys.engine.bytes.Bytes;
import org.mbmskeys.mbms.keys.KeyDomainId;
import org.mbmskeys.mbms.keys.MskId;
import org.mbmskeys.mbms.keys.MtkId;
import org.mbmskeys.mbms.keys.TimestampCounter;

/**
 * The annotated MBMS golden messages of {@link GoldenMessages} (self-made from TS 33.246 §6.4.4–§6.4.5.3
 * and RFC 4563 §4, not official vectors): field-by-field decode, byte-exact re-encode, MAC position, and the negatives: one
 * changed byte per payload kind, and every truncation.
 */
class GoldenMbmsMessageTest {

    @Test
    void mskDeliveryDecodesFieldByField() {
        MikeyMessage msg = decoded(GoldenMessages.MSK_DELIVERY);

        assertThat(msg.header()).isEqualTo(CommonHeader.mbmsEmptyMap(DataType.PSK_INIT, true, CsbId.of(0xc5b1d001)));
        assertThat(msg.payloads()).extracting(MikeyPayload::type).containsExactly(
                PayloadType.GENERAL_EXTENSION, PayloadType.T, PayloadType.RAND, PayloadType.ID, PayloadType.ID,
                PayloadType.KEMAC);

        GeneralExtensionPayload ext = msg.find(GeneralExtensionPayload.class).orElseThrow();
        assertThat(ext.extensionType()).isEqualTo(ExtensionType.KEY_ID);
        assertThat(KeyIdExtension.from(ext).orElseThrow().entries()).containsExactly(
                new KeyIdEntry(KeyIdType.KEY_DOMAIN, Bytes.ofHex("00f110")),
                new KeyIdEntry(KeyIdType.MSK, MskId.of(1, 2).toBytes()));

        assertThat(msg.find(TimestampPayload.class).orElseThrow().counter()).contains(TimestampCounter.of(101));
        assertThat(msg.find(RandPayload.class).orElseThrow().rand())
                .isEqualTo(Bytes.ofHex("101112131415161718191a1b1c1d1e1f"));

        List<IdPayload> ids = msg.findAll(IdPayload.class);
        assertThat(ids).extracting(IdPayload::idType).containsExactly(IdType.NAI, IdType.NAI);
        assertThat(ids.get(0).text()).contains(GoldenMessages.BMSC_FQDN);
        assertThat(ids.get(1).text()).contains(GoldenMessages.B_TID);

        KemacPayload kemac = msg.find(KemacPayload.class).orElseThrow();
        assertThat(kemac.encryption()).isEqualTo(EncryptionAlgorithm.AES_CM_128);
        assertThat(kemac.encryptedKeyData()).isEqualTo(GoldenMessages.MSK_DELIVERY.slice(117, 32));
        assertThat(kemac.macAlgorithm()).isEqualTo(MacAlgorithm.HMAC_SHA1_160);
        assertThat(kemac.mac().toHex()).isEqualTo("c0c1c2c3c4c5c6c7c8c9cacbcccdcecfd0d1d2d3");
        assertThat(kemac.isKeyless()).isFalse();
    }

    @Test
    void mskDeliveryRecordsTheMacOffsetInTheReceivedBytes() {
        DecodedMikey decoded = MikeyCodec.decode(GoldenMessages.MSK_DELIVERY);

        assertThat(decoded.received()).isEqualTo(GoldenMessages.MSK_DELIVERY);
        assertThat(decoded.macOffset()).hasValue(GoldenMessages.MSK_DELIVERY_MAC_OFFSET);
        assertThat(decoded.macInput()).contains(GoldenMessages.MSK_DELIVERY.slice(0, 150));
        assertThat(decoded.receivedMac()).contains(Bytes.ofHex("c0c1c2c3c4c5c6c7c8c9cacbcccdcecfd0d1d2d3"));
    }

    @Test
    void mskDeliveryBuiltFromRecordsEncodesToTheGoldenBytes() {
        MikeyMessage built = new MikeyMessage(
                CommonHeader.mbmsEmptyMap(DataType.PSK_INIT, true, CsbId.of(0xc5b1d001)),
                List.of(KeyIdExtension.forMsk(KeyDomainId.parse("001-01"), MskId.of(1, 2)).toPayload(),
                        TimestampPayload.counter(TimestampCounter.of(101)),
                        RandPayload.of(Bytes.ofHex("101112131415161718191a1b1c1d1e1f")),
                        IdPayload.nai(GoldenMessages.BMSC_FQDN),
                        IdPayload.nai(GoldenMessages.B_TID),
                        new KemacPayload(EncryptionAlgorithm.AES_CM_128, GoldenMessages.MSK_DELIVERY.slice(117, 32),
                                MacAlgorithm.HMAC_SHA1_160, Bytes.ofHex("c0c1c2c3c4c5c6c7c8c9cacbcccdcecfd0d1d2d3"))));

        assertThat(MikeyCodec.encode(built)).isEqualTo(GoldenMessages.MSK_DELIVERY);
    }

    /** TS 33.246 §6.4.5.3: HDR, one EXT with Key Domain, MSK and MTK ID (§6.4.4), T, KEMAC; no RAND. */
    @Test
    void downloadMtkMessageDecodesFieldByFieldAndIsBuiltFromRecords() {
        DecodedMikey decoded = MikeyCodec.decode(GoldenMessages.MTK_DOWNLOAD);
        MikeyMessage msg = decoded.message();

        assertThat(msg.header()).isEqualTo(CommonHeader.mbmsEmptyMap(DataType.PSK_INIT, false, CsbId.of(0xc5b1d003)));
        assertThat(msg.payloads()).extracting(MikeyPayload::type)
                .containsExactly(PayloadType.GENERAL_EXTENSION, PayloadType.T, PayloadType.KEMAC);
        assertThat(msg.find(GeneralExtensionPayload.class).orElseThrow().data())
                .isEqualTo(Bytes.ofHex("000300f1100104000100020202" + "0005"));
        assertThat(decoded.macOffset()).hasValue(GoldenMessages.MTK_DOWNLOAD_MAC_OFFSET);

        MikeyMessage built = new MikeyMessage(msg.header(), List.of(
                KeyIdExtension.forMtk(KeyDomainId.parse("001-01"), MskId.of(1, 2), MtkId.of(5)).toPayload(),
                TimestampPayload.counter(TimestampCounter.of(7)),
                new KemacPayload(EncryptionAlgorithm.AES_CM_128, GoldenMessages.MTK_DOWNLOAD.slice(39, 20),
                        MacAlgorithm.HMAC_SHA1_160, Bytes.ofHex("c0c1c2c3c4c5c6c7c8c9cacbcccdcecfd0d1d2d3"))));
        assertThat(MikeyCodec.encode(built)).isEqualTo(GoldenMessages.MTK_DOWNLOAD);
    }

    /** TS 33.246 §6.4.5.1: the streaming MSK message's header has one SRTP-ID entry, its SP is an SRTP policy. */
    @Test
    void streamingMskMessageDecodesItsMapEntryAndSecurityPolicy() {
        DecodedMikey decoded = MikeyCodec.decode(GoldenMessages.STREAMING_MSK);
        MikeyMessage msg = decoded.message();

        assertThat(msg.header()).isEqualTo(CommonHeader.mbmsStreaming(false, CsbId.of(0xc5b1d001),
                new SrtpCsEntry(0, 0x0a0b0c0dL, 0)));
        assertThat(msg.payloads()).extracting(MikeyPayload::type).containsExactly(PayloadType.GENERAL_EXTENSION,
                PayloadType.T, PayloadType.RAND, PayloadType.ID, PayloadType.ID, PayloadType.SP, PayloadType.KEMAC);
        SecurityPolicyPayload sp = msg.find(SecurityPolicyPayload.class).orElseThrow();
        assertThat(sp.policyNo()).isZero();
        assertThat(sp.protType()).isEqualTo(ProtocolType.SRTP);
        assertThat(sp.parameters()).extracting(SpParameter::type).containsExactly(0, 1, 2, 4, 11, 13, 14, 18);
        assertThat(sp.parameters().get(5).value()).isEqualTo(Bytes.ofHex("0001"));
        assertThat(decoded.macOffset()).hasValue(GoldenMessages.STREAMING_MSK_MAC_OFFSET);
    }

    @Test
    void verificationMessageDecodesAndRecordsTheVerificationDataOffset() {
        DecodedMikey decoded = MikeyCodec.decode(GoldenMessages.VERIFICATION);
        MikeyMessage msg = decoded.message();

        assertThat(msg.header().dataType()).isEqualTo(DataType.PSK_VERIFY);
        assertThat(msg.header().vFlag()).isFalse();
        assertThat(msg.payloads()).extracting(MikeyPayload::type)
                .containsExactly(PayloadType.T, PayloadType.ID, PayloadType.V);
        assertThat(msg.find(IdPayload.class).orElseThrow().text()).contains(GoldenMessages.B_TID);
        VerificationPayload v = msg.find(VerificationPayload.class).orElseThrow();
        assertThat(v.macAlgorithm()).isEqualTo(MacAlgorithm.HMAC_SHA1_160);
        assertThat(decoded.macOffset()).hasValue(GoldenMessages.VERIFICATION_MAC_OFFSET);
        assertThat(decoded.receivedMac()).contains(v.verificationData());
        assertThat(decoded.macInput()).contains(GoldenMessages.VERIFICATION.slice(0, 62));
    }

    @Test
    void errorMessageDecodesAndHasNoMacOffset() {
        DecodedMikey decoded = MikeyCodec.decode(GoldenMessages.ERROR);

        assertThat(decoded.message().header().dataType()).isEqualTo(DataType.ERROR);
        assertThat(decoded.message().find(ErrorPayload.class)).contains(ErrorPayload.of(ErrorNumber.INVALID_MAC));
        assertThat(decoded.macOffset()).isEmpty();
        assertThat(decoded.macInput()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("goldenMessages")
    void goldenMessageReEncodesToTheSameBytes(String name, Bytes wire) {
        assertThat(MikeyCodec.encode(MikeyCodec.decode(wire).message())).isEqualTo(wire);
    }

    static Stream<Arguments> goldenMessages() {
        return Stream.of(
                Arguments.of("MSK delivery", GoldenMessages.MSK_DELIVERY),
                Arguments.of("download MTK", GoldenMessages.MTK_DOWNLOAD),
                Arguments.of("streaming MSK", GoldenMessages.STREAMING_MSK),
                Arguments.of("verification", GoldenMessages.VERIFICATION),
                Arguments.of("error", GoldenMessages.ERROR),
                Arguments.of("ONVIF MIKEY-NULL", GoldenMessages.onvif()));
    }

    /** Netty MqttCodecTest style: start from the valid golden message, change one byte, assert where and what. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            # case                                  | offset | new byte | field                  | error offset | problem contains
            HDR version 2                           | 0      | 02       | HDR.version            | 0            | only 1 exists
            HDR unknown data type 11                | 1      | 0b       | HDR.data type          | 1            | unknown HDR data type 11
            HDR next payload PKE (unsupported)      | 2      | 02       | HDR.next payload       | 2            | unsupported payload type 2
            HDR PRF func 5                          | 3      | 85       | HDR.PRF func           | 3            | unknown PRF func 5
            HDR empty map with #CS 1                | 8      | 01       | HDR.#CS                | 8            | need #CS 0
            EXT next payload Key data outside KEMAC | 10     | 14       | EXT.next payload       | 10           | only inside the KEMAC
            EXT length beyond the message           | 13     | ff       | EXT.Length             | 12           | declares 255 bytes, 156 remain
            EXT Key ID Length beyond the EXT        | 15     | 0c       | EXT.Key ID Length      | 15           | declares 12 bytes, 9 remain
            EXT MSK Key ID Length 3 leaves a stub   | 20     | 03       | EXT.Key ID Length      | 25           | needs 1 byte, 0 remain
            T unknown TS type                       | 26     | 09       | T.TS type              | 26           | unknown TS type 9
            T next payload DH (unsupported)         | 25     | 03       | T.next payload         | 25           | unsupported payload type 3
            RAND len 0                              | 32     | 00       | RAND.RAND len          | 32           | RAND of 0 bytes
            RAND len beyond the message             | 32     | ff       | RAND.RAND len          | 32           | declares 255 bytes, 137 remain
            ID len beyond the message               | 51     | ff       | ID.ID len              | 51           | declares 65296 bytes
            KEMAC followed by T                     | 113    | 05       | KEMAC.next payload     | 113          | KEMAC must be the last payload
            KEMAC unknown Encr alg                  | 114    | 07       | KEMAC.Encr alg         | 114          | unknown KEMAC Encr alg 7
            KEMAC Encr data len beyond the message  | 115    | 01       | KEMAC.Encr data len    | 115          | declares 288 bytes, 53 remain
            KEMAC unknown MAC alg                   | 149    | 02       | KEMAC.MAC alg          | 149          | unknown MAC alg 2
            KEMAC MAC alg NULL leaves 20 bytes over | 149    | 00       | after last payload     | 150          | 20 trailing bytes
            """)
    void oneChangedByteInTheMskDeliveryIsRejectedNamingTheField(String name, int offset, String newByte, String field,
                                                                int errorOffset, String problem) {
        Bytes mutated = withByte(GoldenMessages.MSK_DELIVERY, offset, newByte);

        assertThatThrownBy(() -> MikeyCodec.decode(mutated))
                .isInstanceOfSatisfying(MikeyDecodeException.class, e -> {
                    assertThat(e.field()).isEqualTo(field);
                    assertThat(e.offset()).isEqualTo(errorOffset);
                    assertThat(e.problem()).contains(problem);
                    assertThat(e.getMessage()).startsWith("malformed MIKEY at byte " + errorOffset + " (" + field + "): ");
                });
    }

    /** TS 33.246 §6.4.5.1: the receiver ignores the IDi type, so an ID type this codec does not name is read and kept. */
    @Test
    void anUnknownIdTypeIsReadAndReEncodedAsItCame() {
        Bytes mutated = withByte(GoldenMessages.MSK_DELIVERY, 50, "05");

        MikeyMessage message = MikeyCodec.decode(mutated).message();

        assertThat(message.findAll(IdPayload.class).get(0).idType()).isEqualTo(IdType.of(5))
                .hasToString("UNKNOWN(5)");
        assertThat(MikeyCodec.encode(message)).isEqualTo(mutated);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            # case                             | offset | new byte | field            | error offset | problem contains
            V unknown Auth alg                 | 61     | 05       | V.Auth alg       | 61           | unknown MAC alg 5
            V followed by ERR                  | 60     | 0c       | V.next payload   | 60           | V must be the last payload
            V Auth alg NULL leaves 20 bytes    | 61     | 00       | after last payload | 62         | 20 trailing bytes
            IDr next payload SIGN              | 16     | 04       | ID.next payload  | 16           | unsupported payload type 4
            """)
    void oneChangedByteInTheVerificationMessageIsRejectedNamingTheField(String name, int offset, String newByte,
                                                                        String field, int errorOffset, String problem) {
        assertRejected(withByte(GoldenMessages.VERIFICATION, offset, newByte), field, errorOffset, problem);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            # case                                | offset | new byte | field                  | error offset | problem contains
            SP param length one byte too long     | 33     | 19       | SP.Policy param.Length | 59           | needs 1 byte, 0 remain
            SP param length one byte too short    | 33     | 17       | SP.Policy param.Length | 56           | declares 1 byte, 0 remain
            SP param length beyond the message    | 32     | 01       | SP.Policy param length | 32           | declares 280 bytes
            SRTP-ID map with #CS 11               | 8      | 0b       | HDR.#CS                | 8            | declares 11 crypto sessions (99 bytes of SRTP-ID map info), 92 remain
            KEMAC Encr data len 38                | 61     | 26       | KEMAC.MAC alg          | 100          | unknown MAC alg 47
            """)
    void oneChangedByteInTheOnvifMessageIsRejectedNamingTheField(String name, int offset, String newByte,
                                                                 String field, int errorOffset, String problem) {
        assertRejected(withByte(GoldenMessages.onvif(), offset, newByte), field, errorOffset, problem);
    }

    @Test
    void errPayloadCutInItsReservedBytesIsRejectedNamingTheField() {
        Bytes cut = GoldenMessages.ERROR.slice(0, 19);

        assertRejected(cut, "ERR.Reserved", 18, "needs 2 bytes, 1 remain");
    }

    @Test
    void trailingByteAfterTheLastPayloadIsRejected() {
        Bytes longer = GoldenMessages.ERROR.concat(Bytes.of((byte) 0));

        assertRejected(longer, "after last payload", 20, "1 trailing byte;");
    }

    @ParameterizedTest(name = "{0} cut to {1} bytes")
    @MethodSource("everyTruncation")
    void everyTruncationOfAGoldenMessageIsRejectedTyped(String name, int length, Bytes wire) {
        Bytes prefix = wire.slice(0, length);

        assertThatThrownBy(() -> MikeyCodec.decode(prefix))
                .isInstanceOfSatisfying(MikeyDecodeException.class, e -> {
                    assertThat(e.getCause()).isNull();
                    assertThat(e.offset()).isBetween(0, length);
                    assertThat(e.problem()).containsAnyOf("remain", "declares");
                });
    }

    static Stream<Arguments> everyTruncation() {
        return goldenMessages().flatMap(a -> {
            String name = (String) a.get()[0];
            Bytes wire = (Bytes) a.get()[1];
            return IntStream.range(0, wire.length()).mapToObj(n -> Arguments.of(name, n, wire));
        });
    }

    @Test
    void truncationInsideTheKemacMacNamesTheMacField() {
        Bytes cut = GoldenMessages.MSK_DELIVERY.slice(0, 164);

        assertRejected(cut, "KEMAC.MAC", 150, "needs 20 bytes, 14 remain");
    }

    @Test
    void idTextIsEmptyForInvalidUtf8() {
        IdPayload id = new IdPayload(IdType.URI, Bytes.ofHex("c328"));

        assertThat(id.text()).isEmpty();
        assertThat(IdPayload.uri("bmsc.example.org").data().toByteArray())
                .isEqualTo("bmsc.example.org".getBytes(StandardCharsets.UTF_8));
    }

    private static MikeyMessage decoded(Bytes wire) {
        return MikeyCodec.decode(wire).message();
    }

    private static Bytes withByte(Bytes wire, int offset, String hexByte) {
        return wire.withByteXored(offset, wire.u8(offset) ^ Integer.parseInt(hexByte, 16));
    }

    static void assertRejected(Bytes wire, String field, int offset, String problem) {
        assertThatThrownBy(() -> MikeyCodec.decode(wire))
                .isInstanceOfSatisfying(MikeyDecodeException.class, e -> {
                    assertThat(e.field()).isEqualTo(field);
                    assertThat(e.offset()).isEqualTo(offset);
                    assertThat(e.problem()).contains(problem);
                });
    }
}
