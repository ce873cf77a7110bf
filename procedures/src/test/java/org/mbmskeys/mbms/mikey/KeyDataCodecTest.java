package org.mbmskeys.mbms.mikey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.mbmskeys.engine.bytes.Bytes;
import org.mbmskeys.engine.bytes.Hex;
import org.mbmskeys.engine.bytes.SecretBytes;
import org.mbmskeys.mbms.keys.KeyValidity;

/** The KEMAC plaintext: Key data sub-payloads (RFC 3830 §6.13) with every KV kind, and its negatives. */
class KeyDataCodecTest {

    private static final String MSK_HEX = "000102030405060708090a0b0c0d0e0f";

    /** KEMAC plaintext, hand-made: TGK, KV Interval SEQl 1 .. SEQu 100 (an MBMS MSK is a TEK, TS 33.246 §6.4.5.1). */
    private static final SecretBytes MSK_PLAINTEXT = SecretBytes.of(Hex.annotated("""
            00            # 0  next payload: last
            02            # 1  Type TGK (0) | KV Interval (2)
            00 10         # 2  Key data len 16
            00 01 02 03 04 05 06 07 08 09 0a 0b 0c 0d 0e 0f   # 4  MSK
            02            # 20 VF len 2
            00 01         # 21 VF = SEQl 1
            02            # 23 VT len 2
            00 64         # 24 VT = SEQu 100
            """).toByteArray());

    @Test
    void mskWithKeyValidityIntervalDecodesFromTheAnnotatedPlaintext() {
        List<KeyData> keys = KeyDataCodec.decode(MSK_PLAINTEXT);

        assertThat(keys).singleElement().satisfies(k -> {
            assertThat(k.type()).isEqualTo(KeyDataType.TGK);
            assertThat(k.key().revealHex()).isEqualTo(MSK_HEX);
            assertThat(k.salt()).isEmpty();
            assertThat(k.kv()).isEqualTo(new KvInterval(Bytes.ofHex("0001"), Bytes.ofHex("0064")));
            assertThat(((KvInterval) k.kv()).keyValidity()).contains(KeyValidity.of(1, 100));
        });
        assertThat(KeyDataCodec.encode(keys)).isEqualTo(MSK_PLAINTEXT);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("keyDataChains")
    void keyDataChainRoundTrips(String name, List<KeyData> keys) {
        SecretBytes plaintext = KeyDataCodec.encode(keys);

        List<KeyData> back = KeyDataCodec.decode(plaintext);

        assertThat(back).isEqualTo(keys);
        assertThat(KeyDataCodec.encode(back)).isEqualTo(plaintext);
    }

    static Stream<Arguments> keyDataChains() {
        SecretBytes key = SecretBytes.ofHex(MSK_HEX);
        SecretBytes salt = SecretBytes.ofHex("f0f1f2f3f4f5f6f7f8f9fafbfcfd");
        return Stream.of(
                Arguments.of("TEK with KV Null (MTK)", List.of(KeyData.of(KeyDataType.TEK, key, KvNull.INSTANCE))),
                Arguments.of("TEK+SALT with KV Null (MTK with salt)",
                        List.of(KeyData.withSalt(KeyDataType.TEK_SALT, key, salt, KvNull.INSTANCE))),
                Arguments.of("TGK with KV SPI", List.of(KeyData.of(KeyDataType.TGK, key, new KvSpi(Bytes.ofHex("2f"))))),
                Arguments.of("TGK+SALT with empty SPI",
                        List.of(KeyData.withSalt(KeyDataType.TGK_SALT, key, salt, new KvSpi(Bytes.empty())))),
                Arguments.of("TGK with KV Interval (MSK)",
                        List.of(KeyData.of(KeyDataType.TGK, key, KvInterval.of(KeyValidity.of(1, 100))))),
                Arguments.of("validity-only update: key len 0 with KV Interval",
                        List.of(KeyData.of(KeyDataType.TGK, SecretBytes.of(), KvInterval.of(KeyValidity.invalidated())))),
                Arguments.of("interval with empty and 255-byte bounds",
                        List.of(KeyData.of(KeyDataType.TEK, key, new KvInterval(Bytes.empty(), Bytes.wrap(new byte[255]))))),
                Arguments.of("three sub-payloads chained with next payload 20", List.of(
                        KeyData.of(KeyDataType.TGK, key, KvInterval.of(KeyValidity.of(1, 2))),
                        KeyData.withSalt(KeyDataType.TEK_SALT, key, salt, KvNull.INSTANCE),
                        KeyData.of(KeyDataType.TEK, key, new KvSpi(Bytes.ofHex("00000001"))))),
                Arguments.of("empty plaintext: no key data (keyless KEMAC)", List.of()));
    }

    @Test
    void chainedSubPayloadsCarryNextPayload20ThenZero() {
        SecretBytes key = SecretBytes.ofHex("aa");
        SecretBytes plaintext = KeyDataCodec.encode(List.of(
                KeyData.of(KeyDataType.TEK, key, KvNull.INSTANCE), KeyData.of(KeyDataType.TEK, key, KvNull.INSTANCE)));

        assertThat(plaintext.revealHex()).isEqualTo("14" + "20" + "0001" + "aa" + "00" + "20" + "0001" + "aa");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            # case                          | offset | new byte | field                  | error offset
            next payload 5 inside KEMAC     | 0      | 05       | Key data.next payload  | 0
            next payload 20 but nothing more | 0     | 14       | Key data.next payload  | 26
            Type 4 unknown                  | 1      | 42       | Key data.Type          | 1
            KV 3 unknown                    | 1      | 03       | Key data.KV            | 1
            Key data len beyond the end     | 2      | 01       | Key data.Key data len  | 2
            TGK+SALT without salt bytes     | 1      | 12       | Key data.Salt len      | 20
            VF len beyond the end           | 20     | 09       | Key data.KV VF len     | 20
            VT len beyond the end           | 23     | 03       | Key data.KV VT len     | 23
            KV SPI instead of Interval      | 1      | 01       | Key data.next payload  | 23
            """)
    void oneChangedByteInThePlaintextIsRejectedNamingTheField(String name, int offset, String newByte, String field,
                                                              int errorOffset) {
        byte[] mutated = MSK_PLAINTEXT.copyBytes();
        mutated[offset] = (byte) Integer.parseInt(newByte, 16);

        assertThatThrownBy(() -> KeyDataCodec.decode(SecretBytes.wrap(mutated)))
                .isInstanceOfSatisfying(MikeyDecodeException.class, e -> {
                    assertThat(e.field()).isEqualTo(field);
                    assertThat(e.offset()).isEqualTo(errorOffset);
                    assertThat(e.getMessage()).doesNotContain(MSK_HEX).doesNotContain("0a0b0c");
                });
    }

    @ParameterizedTest(name = "cut to {0} bytes")
    @MethodSource("everyTruncation")
    void everyTruncationOfThePlaintextIsRejectedWithoutKeyBytes(int length) {
        SecretBytes cut = MSK_PLAINTEXT.slice(0, length);

        if (length == 0) {
            assertThat(KeyDataCodec.decode(cut)).isEmpty();
            return;
        }
        assertThatThrownBy(() -> KeyDataCodec.decode(cut))
                .isInstanceOfSatisfying(MikeyDecodeException.class, e -> {
                    assertThat(e.field()).startsWith("Key data.");
                    assertThat(e.getMessage()).doesNotContain("0a0b0c");
                });
    }

    static IntStream everyTruncation() {
        return IntStream.range(0, MSK_PLAINTEXT.length());
    }

    @Test
    void trailingBytesAfterTheLastSubPayloadAreRejected() {
        byte[] longer = new byte[MSK_PLAINTEXT.length() + 1];
        System.arraycopy(MSK_PLAINTEXT.copyBytes(), 0, longer, 0, MSK_PLAINTEXT.length());

        assertThatThrownBy(() -> KeyDataCodec.decode(SecretBytes.wrap(longer)))
                .isInstanceOfSatisfying(MikeyDecodeException.class, e -> {
                    assertThat(e.offset()).isEqualTo(26);
                    assertThat(e.problem()).contains("1 byte follows the last Key data sub-payload");
                });
    }

    @Test
    void keyDataPrintsKeyLengthsOnly() {
        KeyData k = KeyData.withSalt(KeyDataType.TEK_SALT, SecretBytes.ofHex(MSK_HEX),
                SecretBytes.ofHex("f0f1f2f3f4f5f6f7f8f9fafbfcfd"), KvNull.INSTANCE);

        assertThat(k.toString()).contains("SecretBytes[16 bytes]").contains("SecretBytes[14 bytes]")
                .doesNotContain("0a0b0c").doesNotContain("f0f1f2");
    }

    @Test
    void saltPresenceMustMatchTheType() {
        assertThatThrownBy(() -> new KeyData(KeyDataType.TEK, SecretBytes.ofHex("00"), Optional.of(SecretBytes.ofHex("01")),
                KvNull.INSTANCE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("use TEK_SALT");
        assertThatThrownBy(() -> KeyData.of(KeyDataType.TGK_SALT, SecretBytes.ofHex("00"), KvNull.INSTANCE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("use TGK for a key without salt");
    }

    @Test
    void validityOnlyKeyDataIsRecognised() {
        assertThat(KeyData.of(KeyDataType.TGK, SecretBytes.of(), KvInterval.of(KeyValidity.of(3, 9))).isValidityOnly())
                .isTrue();
        assertThat(KeyData.of(KeyDataType.TGK, SecretBytes.ofHex("00"), KvNull.INSTANCE).isValidityOnly()).isFalse();
    }

    /** RFC 3830 §6.14: VF and VT have their own lengths; a peer padding them wider still says SEQl and SEQu (U4). */
    @ParameterizedTest(name = "VF {0}, VT {1}")
    @CsvSource({"000001, 0002, 1, 2", "01, 02, 1, 2", "0000000a, 0000fffe, 10, 65534", "00000000000a, 00000000fffe, 10, 65534",
        "000000000000000a, ffff, 10, 65535"})
    void intervalBoundsOfAnyWidthUpTo8BytesAreReadAsMtkIds(String vf, String vt, int seqLow, int seqHigh) {
        assertThat(new KvInterval(Bytes.ofHex(vf), Bytes.ofHex(vt)).keyValidity()).contains(KeyValidity.of(seqLow, seqHigh));
    }

    @ParameterizedTest(name = "VF {0}, VT {1}")
    @CsvSource({"'', 0002", "0001, ''", "010000, 0002", "0001, 00010000", "000000000000000001, 0002",
        "ff00000000000001, 0002"})
    void emptyTooWideOrTooLargeBoundsAreNotAKeyValidity(String vf, String vt) {
        assertThat(new KvInterval(Bytes.ofHex(vf), Bytes.ofHex(vt)).keyValidity()).isEmpty();
    }

    @Test
    void encodeRejectsPlaintextBeyondTheKemacLengthLimit() {
        KeyData big = KeyData.of(KeyDataType.TEK, SecretBytes.wrap(new byte[65_531]), KvNull.INSTANCE);

        assertThat(KeyDataCodec.encode(List.of(big)).length()).isEqualTo(65_535);
        assertThatThrownBy(() -> KeyDataCodec.encode(List.of(big, KeyData.of(KeyDataType.TEK, SecretBytes.of(), KvNull.INSTANCE))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at most 65535");
    }
}
