package org.mbmskeys.mbms.gba;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mbmskeys.engine.bytes.Bytes;

/**
 * B-TID = base64(RAND)@BSF domain (TS 33.220 §4.5.2; as PyHSS lib/zn_interface.py generate_btid builds it). The
 * expected text is btid_for_bsf_example_org of vectors/gba.json ([SELF]).
 */
class BTidTest {

    private static final String VECTOR_BTID = GbaVectors.text("btid_for_bsf_example_org");

    @Test
    void formatIsBase64OfRandAtBsfDomain() {
        BTid bTid = BTid.of(GbaVectors.bytes("rand"), "bsf.example.org");

        assertThat(bTid.format()).isEqualTo(VECTOR_BTID).isEqualTo("I1U8vpY3qJ0hiuZNrke/NQ==@bsf.example.org");
        assertThat(bTid).hasToString(VECTOR_BTID);
    }

    @Test
    void parseReadsBackWhatFormatWrote() {
        BTid parsed = BTid.parse(VECTOR_BTID);

        assertThat(parsed.rand()).isEqualTo(GbaVectors.bytes("rand"));
        assertThat(parsed.bsfDomain()).isEqualTo("bsf.example.org");
        assertThat(parsed).isEqualTo(BTid.of(GbaVectors.bytes("rand"), "bsf.example.org"));
    }

    @ParameterizedTest(name = "''{0}''")
    @CsvSource(delimiter = '|', textBlock = """
            I1U8vpY3qJ0hiuZNrke/NQ==bsf.example.org      | no '@'
            I1U8vpY3qJ0hiuZNrke/N*==@bsf.example.org     | not base64
            I1U8vpY3qJ0hiuZNrke/@bsf.example.org         | decodes to 15 bytes, not 16
            I1U8vpY3qJ0hiuZNrke/NQ@bsf.example.org       | not canonical base64
            I1U8vpY3qJ0hiuZNrke/NR==@bsf.example.org     | not canonical base64
            I1U8vpY3qJ0hiuZNrke/NQ==@                    | the BSF domain is not a host name: it is empty
            I1U8vpY3qJ0hiuZNrke/NQ==@bsf@example.org     | the BSF domain is not a host name: character '@' at position 3
            @bsf.example.org                             | decodes to 0 bytes
            """)
    void malformedTextIsRejectedWithTheProblem(String text, String problem) {
        assertThatThrownBy(() -> BTid.parse(text))
                .isInstanceOf(MalformedBTidException.class)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("B-TID '" + text + "' is malformed")
                .hasMessageContaining(problem)
                .hasMessageContaining("expected base64(16-byte RAND) '@' BSF domain");
    }

    @Test
    void nullTextIsRejectedAsMalformed() {
        assertThatThrownBy(() -> BTid.parse(null)).isInstanceOf(MalformedBTidException.class);
    }

    @Test
    void randOtherThan16BytesIsRejected() {
        assertThatThrownBy(() -> BTid.of(Bytes.ofHex("00112233"), "bsf.example.org"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("B-TID RAND is 16 bytes (AKA RAND), got 4");
    }

    @Test
    void oneChangedRandByteGivesAnotherBTid() {
        Bytes rand = GbaVectors.bytes("rand");

        assertThat(BTid.of(rand.withByteXored(15, 0x01), "bsf.example.org").format()).isNotEqualTo(VECTOR_BTID);
    }
}
