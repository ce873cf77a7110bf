package org.mbmskeys.mbms.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.mbmskeys.engine.bytes.Bytes;

/**
 * The shared identities (TS 33.246 §6.3.2.1, §6.3.3.1, §6.4.3) take exactly the values their wire fields can
 * carry, read and write those fields byte for byte, and order counters by RFC 1982.
 */
class KeyIdentitiesRefuseWhatTheWireCannotCarryTest {

    @Test
    void keyDomainIdIsThreeMccDigitsAndTwoOrThreeMncDigits() {
        KeyDomainId d = KeyDomainId.of("310", "410");

        assertThat(d).isEqualTo(KeyDomainId.parse("310-410"));
        assertThat(d.mcc()).isEqualTo("310");
        assertThat(d.mnc()).isEqualTo("410");
        assertThatThrownBy(() -> KeyDomainId.parse("01-01")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("MCC-MNC");
        assertThatThrownBy(() -> KeyDomainId.of("001", "1")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void keyDomainIdPacksAndUnpacksPlmnOctets() {
        assertThat(KeyDomainId.parse("310-410").plmnOctets()).isEqualTo(Bytes.ofHex("130014"));
        assertThat(KeyDomainId.parse("001-01").plmnOctets()).isEqualTo(Bytes.ofHex("00f110"));
        assertThat(KeyDomainId.parse("999-999").plmnOctets()).isEqualTo(Bytes.ofHex("999999"));
        assertThat(KeyDomainId.fromPlmnOctets(Bytes.ofHex("999999"))).isEqualTo(KeyDomainId.parse("999-999"));
        assertThat(KeyDomainId.fromPlmnOctets(Bytes.ofHex("130014"))).isEqualTo(KeyDomainId.parse("310-410"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1300", "13001400", "a30014", "1300a4", "13001a"})
    void plmnOctetsMustBeThreeBcdOctets(String hex) {
        assertThatThrownBy(() -> KeyDomainId.fromPlmnOctets(Bytes.ofHex(hex))).isInstanceOf(IllegalArgumentException.class);
    }

    /** U2: octets in another packing are a Key Domain ID too, known by the octets, written 0x and hex, read back. */
    @ParameterizedTest
    @ValueSource(strings = {"a30014", "1300a4", "13001a", "b8709d"})
    void octetsInAnotherPackingAreAKeyDomainIdKnownByItsOctets(String hex) {
        KeyDomainId d = KeyDomainId.fromOctets(Bytes.ofHex(hex));

        assertThat(d.isPlmn()).isFalse();
        assertThat(d).hasToString("0x" + hex).isEqualTo(KeyDomainId.parse("0x" + hex.toUpperCase()));
        assertThat(d.plmnOctets()).isEqualTo(Bytes.ofHex(hex));
        assertThatThrownBy(d::mcc).isInstanceOf(IllegalStateException.class).hasMessageContaining("not an MCC-MNC");
        assertThat(KeyDomainId.fromOctets(Bytes.ofHex("00f110"))).isEqualTo(KeyDomainId.parse("001-01"))
                .isEqualTo(KeyDomainId.parse("0x00f110")).hasToString("001-01");
        assertThatThrownBy(() -> KeyDomainId.fromOctets(Bytes.ofHex("1300"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> KeyDomainId.parse("0x1300")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void keyDomainIdsSpreadOverHashBuckets() {
        Set<Integer> hashes = new HashSet<>();
        for (String text : new String[] {"001-01", "001-02", "310-410", "262-01"}) {
            hashes.add(KeyDomainId.parse(text).hashCode());
        }

        assertThat(hashes).hasSize(4);
        assertThat(KeyDomainId.parse("001-01").hashCode()).isEqualTo(KeyDomainId.of("001", "01").hashCode());
    }

    @Test
    void keyGroupIsSixteenBitsWrittenAsFourHexDigits() {
        assertThat(KeyGroup.parseHex("01fF")).isEqualTo(KeyGroup.of(0x01ff));
        assertThat(KeyGroup.of(0xFFFF).value()).isEqualTo(0xFFFF);
        assertThatThrownBy(() -> KeyGroup.of(0x10000)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> KeyGroup.of(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> KeyGroup.parseHex(null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> KeyGroup.parseHex("001")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> KeyGroup.parseHex("000g")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void mskIdIsKeyGroupThenKeyNumberOnFourBytes() {
        assertThat(MskId.fromBytes(Bytes.ofHex("01020304"))).isEqualTo(MskId.of(0x0102, 0x0304));
        assertThat(MskId.parseHex("01020304")).isEqualTo(MskId.of(0x0102, 0x0304));
        assertThat(MskId.of(1, 0xFFFF).keyNumber()).isEqualTo(0xFFFF);
        assertThatThrownBy(() -> MskId.of(1, 0x10000)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MskId.of(1, -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MskId.parseHex("0102030")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MskId.parseHex(null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MskId.fromBytes(Bytes.ofHex("010203"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("4 bytes");
    }

    @ParameterizedTest
    @ValueSource(ints = {0x00010000, 0x00010002, 0x0000ffff, 0x0abc0001, 0x7fffffff, 0x80000000, 0xffffffff, 0xfffe0000, 0x90000009})
    void mskIdTextIsEightLowerCaseHexDigitsAndReadsBack(int raw) {
        MskId id = MskId.fromInt(raw);

        assertThat(id.toString()).isEqualTo(String.format("%08x", raw)).hasSize(8);
        assertThat(MskId.parseHex(id.toString())).isEqualTo(id);
        assertThat(MskId.parseHex(id.toString().toUpperCase(java.util.Locale.ROOT))).isEqualTo(id);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "0102030g", "0102030G", "0102030/", "0102030:", "0102030@", "0102030`", "010203 4", "+1020304",
            "-1020304", "0x010203", "010203040", "０1020304"})
    void mskIdTextThatIsNotEightHexDigitsIsRefused(String text) {
        assertThatThrownBy(() -> MskId.parseHex(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("8 hex digits");
    }

    @Test
    void anMskReferenceIsWrittenKeyDomainSlashMskId() {
        MskRef ref = MskRef.parse("001-01/00010002");

        assertThat(ref).isEqualTo(MskRef.of(KeyDomainId.parse("001-01"), MskId.of(1, 2)));
        assertThat(MskRef.parse(ref.toString())).isEqualTo(ref);
        assertThatThrownBy(() -> MskRef.parse("001-01")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageEndingWith("as in 001-01/00010002; got '001-01'");
        String long41 = "0".repeat(41);
        assertThatThrownBy(() -> MskRef.parse(long41)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageEndingWith("got '" + "0".repeat(40) + "…'");
        assertThatThrownBy(() -> MskRef.parse("0".repeat(40))).hasMessageEndingWith("got '" + "0".repeat(40) + "'");
        // A slash first: the text has the shape, its Key Domain ID part is what is wrong.
        assertThatThrownBy(() -> MskRef.parse("/00010002")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("an MSK is written as");
    }

    @Test
    void mskIdWritesKeyGroupThenKeyNumberOnFourBytes() {
        assertThat(MskId.of(0x0102, 0x0304).toBytes()).isEqualTo(Bytes.ofHex("01020304"));
        assertThat(MskId.of(0xFEDC, 0xBA98).toBytes()).isEqualTo(Bytes.ofHex("fedcba98"));
    }

    @Test
    void protectingKeysAreEqualExactlyWhenTheyNameTheSameKeyOfTheSameKind() {
        MukId a = MukId.of("bmsc.example.org", "btid-a@bsf.example.org");
        MukId b = MukId.of("bmsc.example.org", "btid-b@bsf.example.org");
        MskRef one = MskRef.parse("001-01/00010001");
        MskRef two = MskRef.parse("001-01/00010002");

        assertThat(ProtectingKey.muk(a)).isEqualTo(ProtectingKey.muk(MukId.of("bmsc.example.org", "btid-a@bsf.example.org")))
                .isNotEqualTo(ProtectingKey.muk(b)).isNotEqualTo(ProtectingKey.msk(one));
        assertThat(ProtectingKey.msk(one)).isEqualTo(ProtectingKey.msk(MskRef.parse("001-01/00010001")))
                .isNotEqualTo(ProtectingKey.msk(two)).isNotEqualTo(ProtectingKey.muk(a));
    }

    @Test
    void mtkIdIsTwoBytes() {
        assertThat(MtkId.fromBytes(Bytes.ofHex("0102"))).isEqualTo(MtkId.of(0x0102));
        assertThat(MtkId.of(0xFFFF).value()).isEqualTo(0xFFFF);
        assertThatThrownBy(() -> MtkId.of(0x10000)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MtkId.of(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MtkId.fromBytes(Bytes.ofHex("01"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2 bytes");
    }

    @Test
    void mukIdNeedsANonEmptyIdiAndANonEmptyIdr() {
        assertThatThrownBy(() -> new MukId(Bytes.empty(), Bytes.ofHex("01"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MukId(Bytes.ofHex("01"), Bytes.empty())).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @CsvSource({"20, ' '", "7e, ~", "41, A"})
    void mukIdPrintsPrintableAsciiAsText(String hex, String text) {
        assertThat(MukId.render(Bytes.ofHex(hex))).isEqualTo(text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1f", "7f", "41ff"})
    void mukIdPrintsAnythingElseAsHex(String hex) {
        assertThat(MukId.render(Bytes.ofHex(hex))).isEqualTo("0x" + hex);
    }

    @Test
    void counterIsThirtyTwoBits() {
        assertThat(TimestampCounter.of(0xFFFF_FFFFL).value()).isEqualTo(0xFFFF_FFFFL);
        assertThatThrownBy(() -> TimestampCounter.of(1L << 32)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TimestampCounter.of(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest(name = "{0} newer than {1}: {2}")
    @CsvSource({
            "5, 5, false",
            "2147483643, 2147483647, false",   // just under 2^31 behind: the sum exceeds 2^31, the distance does not
            "2147483647, 2147483643, true",
            "20, 2147483658, false",           // 2^31 - 10 + 20 behind, across the wrap
            "2147483658, 20, true",
            "2147483648, 0, false",            // exactly 2^31 apart: unordered, so not newer either way
            "0, 2147483648, false",
    })
    void rfc1982DistancesNotSums(long candidate, long stored, boolean newer) {
        assertThat(TimestampCounter.of(candidate).isNewerThan(TimestampCounter.of(stored))).isEqualTo(newer);
    }
}
