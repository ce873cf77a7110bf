package org.mbmskeys.mbms.traffic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.mbmskeys.engine.bytes.Bytes;
import org.mbmskeys.mbms.keys.KeyDomainId;
import org.mbmskeys.mbms.keys.MskId;
import org.mbmskeys.mbms.keys.MtkId;

/**
 * TS 33.246 §6.6.3.2: in the {@code obki} box, "KeyIDType set to 0x02 (reserved by OMA BCAST for 3GPP MBMS"
 * and "KeyID is the base64 encoded concatenation (Key Domain ID || MSK ID || MTK ID)". The Key Domain ID
 * octets follow the project's PLMN-style packing of MCC ‖ MNC (001-01 → 00 f1 10), which no text settles.
 */
class DcfKeyIdTest {

    private static final DcfKeyId EXAMPLE = DcfKeyId.of(KeyDomainId.parse("001-01"), MskId.parseHex("00010002"),
            MtkId.of(5));

    @Test
    void keyIdIsBase64OfKeyDomainMskIdAndMtkId() {
        assertThat(EXAMPLE.octets()).isEqualTo(Bytes.ofHex("00f110" + "00010002" + "0005"));
        assertThat(EXAMPLE.value()).isEqualTo("APEQAAEAAgAF");
        assertThat(EXAMPLE).hasToString("APEQAAEAAgAF");
    }

    @Test
    void theKeyIdTypeOfMbmsIs2() {
        assertThat(DcfKeyId.KEY_ID_TYPE).isEqualTo(0x02);
    }

    @Test
    void aKeyIdReadFromADcfNamesTheMtk() {
        DcfKeyId read = DcfKeyId.parse("APEQAAEAAgAF");

        assertThat(read).isEqualTo(EXAMPLE);
        assertThat(DcfKeyId.parse(DcfKeyId.of(KeyDomainId.parse("310-410"), MskId.of(0x1234, 0xffff),
                MtkId.of(0xfffe)).value()).keyDomainId()).isEqualTo(KeyDomainId.parse("310-410"));
    }

    @Test
    void aKeyIdOfAnotherLengthIsRefused() {
        assertThatThrownBy(() -> DcfKeyId.parse("APEQAAEAAg=="))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("holds 9 bytes (Key Domain ID ‖ MSK ID ‖ MTK ID, TS 33.246 §6.6.3.2)");
    }

    @Test
    void aKeyIdThatIsNotBase64IsRefused() {
        assertThatThrownBy(() -> DcfKeyId.parse("APEQ*AEAAgAF"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("an MBMS DCF KeyID is base64 (TS 33.246 §6.6.3.2)");
    }
}
