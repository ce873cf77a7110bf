package org.mbmskeys.mbms.mikey.protection;

import java.util.Objects;
import org.mbmskeys.mbms.mikey.ProtocolType;
import org.mbmskeys.mbms.mikey.SecurityPolicyPayload;
import org.mbmskeys.mbms.mikey.SrtpCsEntry;

/**
 * What a streaming MSK message says about the RTP session of its Key Group (TS 33.246 §6.4.5.1): the one
 * SRTP-ID map entry of the header (Policy_no, SSRC, ROC) and the SRTP policy it points to.
 *
 * @param policy the SP payload; its Policy no is the entry's Policy_no and its Prot type SRTP
 */
public record StreamingSession(SrtpCsEntry srtpCs, SecurityPolicyPayload policy) {

    /**
     * @throws IllegalArgumentException if the policy is not an SRTP policy or has another number than the entry
     */
    public StreamingSession {
        Objects.requireNonNull(srtpCs, "srtpCs");
        Objects.requireNonNull(policy, "policy");
        if (!policy.protType().equals(ProtocolType.SRTP)) {
            throw new IllegalArgumentException("the SP of a streaming MSK message is an SRTP policy (TS 33.246 §6.4.5.1), "
                    + "got Prot type " + policy.protType());
        }
        if (policy.policyNo() != srtpCs.policyNo()) {
            throw new IllegalArgumentException("SP Policy no " + policy.policyNo() + " is not the SRTP-ID map entry's "
                    + "Policy_no " + srtpCs.policyNo() + " (RFC 3830 §6.1.1)");
        }
    }

    /** SSRC and ROC of the session with the policy {@link MbmsSrtpPolicy} builds, numbered 0. */
    public static StreamingSession of(long ssrc, long roc, int rocRate, SrtpAuthentication authentication) {
        return new StreamingSession(new SrtpCsEntry(0, ssrc, roc), MbmsSrtpPolicy.of(0, rocRate, authentication));
    }

    /** The same for MTKs (SRTP master keys) of {@code mtkLength} bytes, 16, 24 or 32 ({@link MbmsSrtpPolicy}). */
    public static StreamingSession of(long ssrc, long roc, int rocRate, SrtpAuthentication authentication, int mtkLength) {
        return new StreamingSession(new SrtpCsEntry(0, ssrc, roc), MbmsSrtpPolicy.of(0, rocRate, authentication, mtkLength));
    }
}
