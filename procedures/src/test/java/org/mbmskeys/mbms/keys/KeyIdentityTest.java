package org.mbmskeys.mbms.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.mbmskeys.engine.bytes.Bytes;
import org.mbmskeys.mbms.bmsc.keys.KeyGroupRecord;
import org.mbmskeys.mbms.ue.keys.StoredMsk;
import org.mbmskeys.mbms.ue.keys.UeKeyState;
import org.mbmskeys.mbms.ue.keys.UiccId;

/**
 * Identities used by the key rules: MUK ID = IDi ‖ IDr (TS 33.246 §6.4.6.1), MSK identity = Key Domain ID
 * + MSK ID (§6.3.2.1), UICC identity (§6.1), protecting keys of counter streams, and RFC 1982 ordering of
 * COUNTER timestamps (TS 33.246 §6.4.3).
 */
class KeyIdentityTest {

    @Test
    void keyGroupZeroIsReservedAndStillRepresentable() {
        // TS 33.246 §6.3.2.1: "Key Group 0x0 is not allowed"; readers must be able to name it to refuse it
        assertThat(KeyGroup.of(0).isReserved()).isTrue();
        assertThat(KeyGroup.of(0)).hasToString("0000");
        assertThat(KeyGroup.of(1).isReserved()).isFalse();
        assertThat(KeyGroup.of(0xFFFF).isReserved()).isFalse();
    }

    @Test
    void mukIdIsIdiFollowedByIdr() {
        MukId id = MukId.of("bmsc.example.org", "btid@bsf");
        assertThat(id.concatenated()).isEqualTo(Bytes.wrap("bmsc.example.orgbtid@bsf".getBytes(StandardCharsets.US_ASCII)));
        assertThat(id).isEqualTo(new MukId(Bytes.ofHex("626d73632e6578616d706c652e6f7267"), Bytes.ofHex("6274696440627366")));
        assertThat(id.hashCode()).isEqualTo(new MukId(Bytes.ofHex("626d73632e6578616d706c652e6f7267"),
                Bytes.ofHex("6274696440627366")).hashCode());
        assertThat(id).isNotEqualTo(MukId.of("bmsc.example.org", "btid@bsg")).isNotEqualTo(MukId.of("bmsc.example.orh", "btid@bsf"))
                .isNotEqualTo("bmsc.example.orgbtid@bsf");
        assertThat(MukId.of("ab", "c")).isNotEqualTo(MukId.of("a", "bc"));   // IDi and IDr are two fields, not one string
    }

    /** Only the 26 ASCII letters fold: the characters beside them ('@' '[' '`' '{') and non-ASCII bytes do not. */
    @ParameterizedTest(name = "[{index}] {0} ~ {1}: {2}")
    @CsvSource(delimiter = '|', textBlock = """
        # IDi received         | IDi held              | same
        bmsc.example.org       | bmsc.example.org      | true
        BMSC.EXAMPLE.ORG       | bmsc.example.org      | true
        az.AZ                  | AZ.az                 | true
        @[.`{                  | @[.`{                 | true
        @                      | `                     | false
        [                      | {                     | false
        bmsc.example.org.      | bmsc.example.org      | false
        bmsc.example.org       | bmsc.example.org.     | false
        bmsc.example.net       | bmsc.example.org      | false
        É.example.org          | é.example.org         | false
        """)
    void mukIdsCompareTheirIdiWithoutAsciiLetterCase(String received, String held, boolean same) {
        assertThat(MukId.of(received, "btid@bsf").sameIgnoringIdiCase(MukId.of(held, "btid@bsf"))).isEqualTo(same);
        assertThat(MukId.of(received, "btid@bsf").sameIgnoringIdiCase(MukId.of(held, "BTID@bsf"))).isFalse();
    }

    @Test
    void mukIdPrintsTextAsTextAndBinaryAsHex() {
        assertThat(MukId.of("bmsc.example.org", "btid@bsf")).hasToString("MukId[IDi=bmsc.example.org, IDr=btid@bsf]");
        assertThat(new MukId(Bytes.ofHex("00ff"), Bytes.ofHex("41"))).hasToString("MukId[IDi=0x00ff, IDr=A]");
    }

    @Test
    void mukIdNeedsBothParts() {
        assertThatThrownBy(() -> new MukId(Bytes.empty(), Bytes.ofHex("41")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("IDi of 0 bytes");
    }

    @Test
    void mskRefPrintsDomainSlashMskIdAndKnowsItsGroup() {
        MskRef ref = MskRef.of(KeyDomainId.parse("001-01"), MskId.of(1, 2));
        assertThat(ref).hasToString("001-01/00010002");
        assertThat(ref.sameGroupAs(MskRef.of(KeyDomainId.parse("001-01"), MskId.of(1, 9)))).isTrue();
        assertThat(ref.sameGroupAs(MskRef.of(KeyDomainId.parse("001-01"), MskId.of(2, 2)))).isFalse();
        assertThat(ref.sameGroupAs(MskRef.of(KeyDomainId.parse("001-001"), MskId.of(1, 2)))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "89 49", "89494400000012345678901234567890123456789012345678901234567890123"})
    void uiccIdRejectsBlankSpacedOrLongValues(String value) {
        assertThatThrownBy(() -> UiccId.of(value)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ICCID");
    }

    /** Each names one COUNTER stream, a map key at every MSK or MTK message: equal when the key is, hashed as it is. */
    @Test
    void aCounterStreamIsEqualAndHashedAsTheKeyItNames() {
        MukId muk = MukId.of("bmsc.example.org", "btid@bsf");
        MskRef msk = MskRef.of(KeyDomainId.parse("001-01"), MskId.of(1, 2));
        assertThat(ProtectingKey.muk(muk)).isEqualTo(ProtectingKey.muk(MukId.of("bmsc.example.org", "btid@bsf")))
                .isNotEqualTo(ProtectingKey.muk(MukId.of("bmsc.example.org", "btid@bsg")))
                .isNotEqualTo(ProtectingKey.msk(msk)).hasSameHashCodeAs(muk);
        assertThat(ProtectingKey.msk(msk)).isEqualTo(ProtectingKey.msk(MskRef.of(KeyDomainId.parse("001-01"), MskId.of(1, 2))))
                .isNotEqualTo(ProtectingKey.msk(MskRef.of(KeyDomainId.parse("001-01"), MskId.of(1, 3))))
                .hasSameHashCodeAs(msk);
    }

    @Test
    void counterStreamOfKeyNumberZeroIsRefused() {
        assertThatThrownBy(() -> ProtectingKey.msk(MskRef.of(KeyDomainId.parse("001-01"), MskId.of(1, 0))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Key Number 0");
    }

    /** RFC 1982 §3.2 with SERIAL_BITS = 32; pairs exactly 2^31 apart are unordered (not newer either way). */
    @ParameterizedTest(name = "{0} newer than {1}: {2}")
    @CsvSource({
            "1,          0,          true",
            "0,          1,          false",
            "5,          5,          false",
            "0,          4294967295, true",
            "4294967295, 0,          false",
            "2147483647, 0,          true",
            "2147483648, 0,          false",
            "0,          2147483648, false",
            "2147483649, 0,          false",
            "0,          2147483649, true"})
    void rfc1982Ordering(long candidate, long stored, boolean newer) {
        assertThat(TimestampCounter.of(candidate).isNewerThan(TimestampCounter.of(stored))).isEqualTo(newer);
    }

    @Test
    void keyGroupRecordRefusesAnMskOfAnotherGroup() {
        KeyDomainId domain = KeyDomainId.parse("001-01");
        assertThatThrownBy(() -> new KeyGroupRecord(domain, KeyGroup.of(1), ServiceType.STREAMING, 1,
                Optional.of(MskRef.of(domain, MskId.of(2, 1))), Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("does not belong to Key Group 0001");
    }
}
