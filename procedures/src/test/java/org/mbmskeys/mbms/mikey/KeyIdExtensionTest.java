package org.mbmskeys.mbms.mikey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mbmskeys.engine.bytes.Bytes;
import org.mbmskeys.mbms.keys.MskId;
import org.mbmskeys.mbms.keys.MtkId;
import org.mbmskeys.mbms.profile.InterimProfile;

/**
 * The RFC 4563 Key ID extension in the project's interim layout (PROFILE.md §10): type
 * {@link InterimProfile#KEY_ID_EXTENSION_TYPE}, data Key ID Type (1) ‖ Key ID len (2) ‖ Key ID.
 * Expected bytes are hand-made from that layout.
 */
class KeyIdExtensionTest {

    @Test
    void mskKeyIdIsTypeThenLengthThenTheFourByteMskId() {
        GeneralExtensionPayload ext = KeyIdExtension.forMsk(MskId.of(0x0001, 0x0002)).toPayload();

        assertThat(ext.extensionType().code()).isEqualTo(InterimProfile.KEY_ID_EXTENSION_TYPE);
        assertThat(ext.data()).isEqualTo(Bytes.ofHex("01" + "0004" + "00010002"));
        assertThat(KeyIdExtension.from(ext).orElseThrow().mskId()).isEqualTo(MskId.of(1, 2));
    }

    @Test
    void mtkKeyIdCarriesTheTwoByteMtkId() {
        GeneralExtensionPayload ext = KeyIdExtension.forMtk(MtkId.of(0x0102)).toPayload();

        assertThat(ext.data()).isEqualTo(Bytes.ofHex("02" + "0002" + "0102"));
        assertThat(KeyIdExtension.from(ext).orElseThrow().mtkId()).isEqualTo(MtkId.of(0x0102));
    }

    @Test
    void extensionOfAnotherTypeIsNoKeyId() {
        assertThat(KeyIdExtension.from(GeneralExtensionPayload.of(ExtensionType.VENDOR_ID, Bytes.ofHex("01000400010002"))))
                .isEmpty();
    }

    @Test
    void accessorForTheWrongKeyIdTypeSaysWhichTypeItIs() {
        KeyIdExtension mtk = KeyIdExtension.forMtk(MtkId.of(5));

        assertThatThrownBy(mtk::mskId)
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("Key ID Type is MTK, not MSK");
        assertThatThrownBy(() -> KeyIdExtension.forMsk(MskId.of(1, 1)).mtkId())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("Key ID Type is MSK, not MTK");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            # case                       | data (hex)         | field             | offset | problem contains
            empty data                   | ''                 | EXT.Key ID Type   | 0      | needs 1 byte, 0 remain
            unknown Key ID Type 9        | 09000400010002     | EXT.Key ID Type   | 0      | unknown Key ID Type 9
            length beyond the data       | 01000500010002     | EXT.Key ID len    | 1      | declares 5 bytes, 4 remain
            MSK ID of 3 bytes            | 010003000100       | EXT.Key ID len    | 1      | an MSK Key ID is 4 bytes, declared 3
            MTK ID of 4 bytes            | 02000400010002     | EXT.Key ID len    | 1      | an MTK Key ID is 2 bytes, declared 4
            a second Key ID follows      | 0100040001000201   | EXT.Data          | 7      | 1 byte follows the Key ID
            cut inside the length        | 0100               | EXT.Key ID len    | 1      | needs 2 bytes, 1 remain
            """)
    void malformedKeyIdDataIsATypedErrorWithOffsetIntoTheData(String name, String hex, String field, int offset,
                                                              String problem) {
        GeneralExtensionPayload ext = GeneralExtensionPayload.of(ExtensionType.KEY_ID, Bytes.ofHex(hex));

        assertThatThrownBy(() -> KeyIdExtension.from(ext))
                .isInstanceOfSatisfying(MikeyDecodeException.class, e -> {
                    assertThat(e.field()).isEqualTo(field);
                    assertThat(e.offset()).isEqualTo(offset);
                    assertThat(e.problem()).contains(problem);
                });
    }

    @Test
    void malformedKeyIdInAMessageIsReportedAtItsOffsetInTheMessage() {
        // MSK delivery golden, Key ID len at offset 15..16 changed from 4 to 2
        Bytes mutated = GoldenMessages.MSK_DELIVERY.withByteXored(16, 0x04 ^ 0x02);

        GoldenMbmsMessageTest.assertRejected(mutated, "EXT.Key ID len", 15, "an MSK Key ID is 4 bytes, declared 2");
    }

    @Test
    void mukKeyIdMayHaveAnyLength() {
        KeyIdExtension muk = new KeyIdExtension(KeyIdType.MUK, Bytes.ofHex("0102030405060708"));

        assertThat(KeyIdExtension.from(muk.toPayload())).contains(muk);
    }

    @Test
    void constructorRejectsAnMskIdOfTheWrongWidth() {
        assertThatThrownBy(() -> new KeyIdExtension(KeyIdType.MSK, Bytes.ofHex("0001")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("an MSK Key ID is 4 bytes, got 2");
    }
}
