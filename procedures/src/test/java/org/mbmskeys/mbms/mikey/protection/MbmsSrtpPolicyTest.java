package org.mbmskeys.mbms.mikey.protection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.OptionalInt;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mbmskeys.engine.bytes.Bytes;
import org.mbmskeys.mbms.mikey.ProtocolType;
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

    /** RFC 3830 §6.10.1: the session encryption key length is also the master key length, the MTK's (§6.6.2.1). */
    @ParameterizedTest(name = "{0}-byte MTKs")
    @CsvSource({"16", "24", "32"})
    void theSessionEncryptionKeyLengthIsTheMtkLengthAndReadsBack(int length) {
        SecurityPolicyPayload sp = MbmsSrtpPolicy.of(0, 10, SrtpAuthentication.RCCM1, length);

        assertThat(sp.parameters()).contains(SpParameter.of(MbmsSrtpPolicy.ENCRYPTION_KEY_LENGTH, Bytes.of((byte) length)));
        assertThat(MbmsSrtpPolicy.masterKeyLength(sp)).hasValue(length);
        assertThat(StreamingSession.of(0x0a0b0c0dL, 0, 10, SrtpAuthentication.RCCM1, length).policy()).isEqualTo(sp);
    }

    @Test
    void anMtkLengthOtherThan16Or24Or32IsRefused() {
        for (int length : new int[] {0, 15, 20, 33}) {
            assertThatThrownBy(() -> MbmsSrtpPolicy.of(0, 10, SrtpAuthentication.RCCM1, length))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("16, 24 or 32 bytes");
        }
        assertThat(MbmsSrtpPolicy.masterKeyLength(MbmsSrtpPolicy.of(0, 10, SrtpAuthentication.RCCM1))).hasValue(16);
    }

    /** Absent, or not one byte: no length is stated, and SRTP's default applies. */
    @Test
    void aPolicyWithoutAOneByteKeyLengthStatesNone() {
        assertThat(MbmsSrtpPolicy.masterKeyLength(new SecurityPolicyPayload(0, ProtocolType.SRTP,
                List.of(SpParameter.of(0, Bytes.of((byte) 1)))))).isEqualTo(OptionalInt.empty());
        assertThat(MbmsSrtpPolicy.masterKeyLength(new SecurityPolicyPayload(0, ProtocolType.SRTP,
                List.of(SpParameter.of(1, Bytes.of((byte) 0, (byte) 16)))))).isEqualTo(OptionalInt.empty());
    }
}
