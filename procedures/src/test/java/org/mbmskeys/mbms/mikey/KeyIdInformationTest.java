package org.mbmskeys.mbms.mikey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mbmskeys.engine.bytes.Bytes;
import org.mbmskeys.mbms.keys.KeyDomainId;
import org.mbmskeys.mbms.keys.MskId;
import org.mbmskeys.mbms.keys.MtkId;
import org.mbmskeys.mbms.profile.InterimProfile;

/**
 * The Key ID extension of RFC 4563 §4 (Figures 1 and 2, Table 2) as TS 33.246 §6.4.4 uses it: one
 * General Extension of type 3 whose data is a list of Key ID sub-payloads, each Key ID Type (1) ‖ Key ID
 * Length (1) ‖ Key ID. Expected bytes are written by hand from those figures.
 */
class KeyIdInformationTest {

    private static final KeyDomainId DOMAIN = KeyDomainId.parse("001-01");

    /** TS 33.246 §6.4.4: the MSK message names the Key Domain ID and the MSK ID, in one EXT. */
    @Test
    void mskMessageExtensionHoldsKeyDomainThenMskId() {
        GeneralExtensionPayload ext = KeyIdExtension.forMsk(DOMAIN, MskId.of(0x0001, 0x0002)).toPayload();

        assertThat(ext.extensionType().code()).isEqualTo(InterimProfile.KEY_ID_EXTENSION_TYPE).isEqualTo(3);
        assertThat(encoded(ext)).isEqualTo(Bytes.ofHex("05" + "03" + "000b" + "00" + "03" + "00f110" + "01" + "04" + "00010002"));
    }

    /** TS 33.246 §6.4.4: the MTK message adds the MTK ID. */
    @Test
    void mtkMessageExtensionHoldsKeyDomainMskIdAndMtkId() {
        GeneralExtensionPayload ext = KeyIdExtension.forMtk(DOMAIN, MskId.of(1, 2), MtkId.of(5)).toPayload();

        assertThat(encoded(ext)).isEqualTo(Bytes.ofHex("05" + "03" + "000f" + "000300f110" + "010400010002" + "02020005"));
        KeyIdExtension read = KeyIdExtension.from(ext).orElseThrow();
        assertThat(read.ids(KeyIdType.KEY_DOMAIN)).containsExactly(Bytes.ofHex("00f110"));
        assertThat(read.ids(KeyIdType.MSK)).containsExactly(Bytes.ofHex("00010002"));
        assertThat(read.ids(KeyIdType.MTK)).containsExactly(Bytes.ofHex("0005"));
    }

    /** RFC 4563 §4 gives no order; a reader takes the sub-payloads in any order. */
    @Test
    void subPayloadsAreReadInAnyOrder() {
        GeneralExtensionPayload ext = GeneralExtensionPayload.of(ExtensionType.KEY_ID,
                Bytes.ofHex("02020005" + "010400010002" + "000300f110"));

        KeyIdExtension read = KeyIdExtension.from(ext).orElseThrow();

        assertThat(read.entries()).extracting(KeyIdEntry::type)
                .containsExactly(KeyIdType.MTK, KeyIdType.MSK, KeyIdType.KEY_DOMAIN);
        assertThat(read.ids(KeyIdType.MSK)).containsExactly(Bytes.ofHex("00010002"));
    }

    /** RFC 4563 §4 Table 2 and §8: other types (241..255 private use) are kept, skipped by readers, re-encoded. */
    @Test
    void unknownKeyIdTypesSurviveDecodeAndReEncode() {
        Bytes data = Bytes.ofHex("000300f110" + "0701aa" + "010400010002" + "f103010203");
        GeneralExtensionPayload ext = GeneralExtensionPayload.of(ExtensionType.KEY_ID, data);

        KeyIdExtension read = KeyIdExtension.from(ext).orElseThrow();

        assertThat(read.entries()).extracting(KeyIdEntry::type)
                .containsExactly(KeyIdType.KEY_DOMAIN, KeyIdType.of(7), KeyIdType.MSK, KeyIdType.of(241));
        assertThat(read.toPayload().data()).isEqualTo(data);
    }

    /** RFC 4563 Figure 2: Key ID Length is one octet, so a Key ID has at most 255 bytes. */
    @Test
    void keyIdLengthIsOneByte() {
        assertThatThrownBy(() -> new KeyIdEntry(KeyIdType.of(241), Bytes.wrap(new byte[256])))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at most 255 bytes");
        KeyIdEntry longest = new KeyIdEntry(KeyIdType.of(241), Bytes.wrap(new byte[255]));
        assertThat(new KeyIdExtension(List.of(longest)).toPayload().data().slice(0, 2)).isEqualTo(Bytes.ofHex("f1ff"));
    }

    @Test
    void extensionOfAnotherTypeIsNoKeyId() {
        assertThat(KeyIdExtension.from(GeneralExtensionPayload.of(ExtensionType.VENDOR_ID, Bytes.ofHex("010400010002"))))
                .isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            # case                         | data (hex)             | field             | offset | problem contains
            length beyond the data         | 010500010002           | EXT.Key ID Length | 1      | declares 5 bytes, 4 remain
            second entry cut in its length | 01040001000200         | EXT.Key ID Length | 7      | needs 1 byte, 0 remain
            second entry cut in its id     | 010400010002020200     | EXT.Key ID Length | 7      | declares 2 bytes, 1 remain
            cut after the type             | 00                     | EXT.Key ID Length | 1      | needs 1 byte, 0 remain
            """)
    void truncatedEntriesAreMalformedAtTheirOffsetIntoTheData(String name, String hex, String field, int offset,
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
    void emptyKeyIdDataIsFramedCorrectly() {
        assertThat(KeyIdExtension.from(GeneralExtensionPayload.of(ExtensionType.KEY_ID, Bytes.empty())).orElseThrow()
                .entries()).isEmpty();
    }

    @Test
    void truncatedEntryInAMessageIsReportedAtItsOffsetInTheMessage() {
        // MSK delivery golden: the MSK ID's Key ID Length at offset 20 changed from 4 to 5, one past the EXT
        Bytes mutated = GoldenMessages.MSK_DELIVERY.withByteXored(20, 0x04 ^ 0x05);

        GoldenMbmsMessageTest.assertRejected(mutated, "EXT.Key ID Length", 20, "declares 5 bytes, 4 remain");
    }

    private static Bytes encoded(GeneralExtensionPayload ext) {
        WireWriter out = new WireWriter(4 + ext.data().length());
        out.u8(PayloadType.T.code()).u8(ext.extensionType().code()).u16(ext.data().length()).bytes(ext.data());
        return Bytes.wrap(out.toArray());
    }
}
