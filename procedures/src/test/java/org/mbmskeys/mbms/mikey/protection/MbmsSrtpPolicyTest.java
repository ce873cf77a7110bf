package org.mbmskeys.mbms.mikey.protection;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mbmskeys.engine.bytes.Bytes;
import org.mbmskeys.mbms.mikey.SecurityPolicyPayload;
import org.mbmskeys.mbms.mikey.SpParameter;

/**
 * The SP of a streaming MSK message announces the RFC 4771 transform and the SRTP tag length that goes with it
 * (RFC 4771 §4: the ROC's 4 bytes are in it; TS 33.246 §6.6.2.1 NOTE 3: a 10-byte MAC and the ROC in modes 1
 * and 2, the ROC alone in mode 3).
 */
class MbmsSrtpPolicyTest {

    @ParameterizedTest(name = "{0}: algorithm {1}, tag {2}")
    @CsvSource({"RCCM1, 2, 14", "RCCM2, 3, 14", "RCCM3, 4, 4"})
    void theSrtpTagLengthIsTheMacAndTheRocOrTheRocAlone(SrtpAuthentication mode, int code, int tag) {
        SecurityPolicyPayload sp = MbmsSrtpPolicy.of(0, 10, mode);

        assertThat(sp.parameters()).contains(SpParameter.of(MbmsSrtpPolicy.SRTP_AUTHENTICATION_ALGORITHM,
                Bytes.of((byte) code)), SpParameter.of(MbmsSrtpPolicy.SRTP_AUTHENTICATION_TAG_LENGTH, Bytes.of((byte) tag)));
    }

    @Test
    void theSrtcpTagStaysTenWhateverTheSrtpMode() {
        assertThat(MbmsSrtpPolicy.of(0, 1, SrtpAuthentication.RCCM3).parameters())
                .contains(SpParameter.of(MbmsSrtpPolicy.AUTHENTICATION_TAG_LENGTH, Bytes.of((byte) 10)));
    }
}
