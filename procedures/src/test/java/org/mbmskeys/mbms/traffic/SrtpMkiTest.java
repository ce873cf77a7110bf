package org.mbmskeys.mbms.traffic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.mbmskeys.engine.bytes.Bytes;
import org.mbmskeys.mbms.keys.MskId;
import org.mbmskeys.mbms.keys.MtkId;

/**
 * TS 33.246 §6.6.2.1: "The form of MKI shall be a concatenation of MSK ID and MTK ID, i.e. MKI = (MSK ID ||
 * MTK ID)", with the 4-byte MSK ID of §6.3.2.1 and the 2-byte MTK ID.
 */
class SrtpMkiTest {

    @Test
    void mkiIsMskIdFollowedByMtkId() {
        SrtpMki mki = SrtpMki.of(MskId.parseHex("00010002"), MtkId.of(5));

        assertThat(mki.toBytes()).isEqualTo(Bytes.ofHex("000100020005"));
        assertThat(mki.toBytes().length()).isEqualTo(SrtpMki.LENGTH).isEqualTo(6);
        assertThat(mki).hasToString("000100020005");
    }

    @Test
    void highValuesKeepTheirPlaces() {
        SrtpMki mki = SrtpMki.of(MskId.of(0xfffe, 0xabcd), MtkId.of(0x1234));

        assertThat(mki.toBytes().toHex()).isEqualTo("fffeabcd1234");
    }

    @Test
    void theMkiOfAPacketNamesTheMskAndTheMtk() {
        SrtpMki mki = SrtpMki.fromBytes(Bytes.ofHex("000100020005"));

        assertThat(mki.mskId()).isEqualTo(MskId.of(1, 2));
        assertThat(mki.mtkId()).isEqualTo(MtkId.of(5));
    }

    @Test
    void anMkiOfAnotherLengthIsRefused() {
        assertThatThrownBy(() -> SrtpMki.fromBytes(Bytes.ofHex("0001000200")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("an MBMS SRTP MKI is 6 bytes (MSK ID ‖ MTK ID, TS 33.246 §6.6.2.1), got 5");
    }
}
