package org.mbmskeys.mbms.gba;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.mbmskeys.engine.bytes.Bytes;

/**
 * NAF_Id = FQDN ‖ Ua security protocol id (TS 33.220 Annex H). The MBMS NAF_Id is the [SELF] value of
 * vectors/gba.json; the protocol ids are those of AOSP UaSecurityProtocolIdentifier (which cites TS 33.220 Annex H).
 */
class NafIdTest {

    @Test
    void mbmsNafIdIsFqdnFollowedByProtocol0100000001() {
        NafId nafId = NafId.forMbms(GbaVectors.text("naf_fqdn"));

        assertThat(nafId.toBytes()).isEqualTo(GbaVectors.bytes("naf_id"));
        assertThat(nafId.uaSecurityProtocolId().toBytes()).isEqualTo(GbaVectors.bytes("ua_protocol_id"));
        assertThat(nafId).hasToString("bmsc.example.org/MBMS(0100000001)");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "MBMS,        0100000001, 1",
            "HTTP_DIGEST, 0100000002, 2",
            "MBMS_HTTP,   0100000003, 3",
            "MBMS_SIP,    0100000004, 4"})
    void knownUaProtocolIdsHaveTheirProfileOctets(String name, String hex, long protocol) throws Exception {
        UaSecurityProtocolId id = (UaSecurityProtocolId) UaSecurityProtocolId.class.getField(name).get(null);

        assertThat(id.toBytes()).isEqualTo(Bytes.ofHex(hex));
        assertThat(id.organisation()).isEqualTo(1);
        assertThat(id.protocol()).isEqualTo(protocol);
        assertThat(id).hasToString(name + "(" + hex + ")");
    }

    @Test
    void unknownUaProtocolIdIsKeptAndPrintedAsUnknown() {
        UaSecurityProtocolId id = UaSecurityProtocolId.of(Bytes.ofHex("ff00000107"));

        assertThat(id).hasToString("UNKNOWN(ff00000107)");
        assertThat(id.organisation()).isEqualTo(0xff);
        assertThat(id.protocol()).isEqualTo(0x107);
    }

    @Test
    void anotherUaProtocolGivesAnotherNafId() {
        assertThat(NafId.of("bmsc.example.org", UaSecurityProtocolId.HTTP_DIGEST).toBytes())
                .isNotEqualTo(NafId.forMbms("bmsc.example.org").toBytes());
    }

    @Test
    void uaProtocolIdOfWrongLengthIsRejected() {
        assertThatThrownBy(() -> UaSecurityProtocolId.of(Bytes.ofHex("01000000")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("5 octets")
                .hasMessageContaining("got 4");
    }

    @ParameterizedTest(name = "''{0}'' → {1}")
    @CsvSource(delimiter = '|', textBlock = """
            ''                      | it is empty
            bmsc.example.org.       | ends with a dot
            bmsc..example.org       | is empty
            bm sc.example.org       | U+0020 at position 2 is not allowed
            bmsc_1.example.org      | '_' at position 4 is not allowed
            -bmsc.example.org       | starts or ends with a hyphen
            bmsc-.example.org       | starts or ends with a hyphen
            bmsc.exämple.org        | 'ä' at position 7 is not allowed
            """)
    void invalidFqdnIsRejectedWithTheProblem(String fqdn, String problem) {
        assertThatThrownBy(() -> NafId.forMbms(fqdn))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("NAF FQDN '" + fqdn + "' is not a host name")
                .hasMessageContaining(problem)
                .hasMessageContaining("e.g. bmsc.example.org");
    }

    @Test
    void labelOf64CharactersIsRejectedAnd63Accepted() {
        String label63 = "a".repeat(63);

        assertThat(NafId.forMbms(label63 + ".example.org").fqdn()).startsWith(label63);
        assertThatThrownBy(() -> NafId.forMbms(label63 + "a.example.org"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("has 64 characters, at most 63");
    }

    @Test
    void fqdnIsUsedAsGivenWithoutCaseFolding() {
        assertThat(NafId.forMbms("BMSC.example.org").toBytes())
                .isNotEqualTo(NafId.forMbms("bmsc.example.org").toBytes());
    }
}
