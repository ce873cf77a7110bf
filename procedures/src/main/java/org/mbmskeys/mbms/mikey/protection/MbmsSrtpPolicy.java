package org.mbmskeys.mbms.mikey.protection;

import java.util.List;
import java.util.OptionalInt;
import org.mbmskeys.engine.bytes.Bytes;
import org.mbmskeys.mbms.mikey.ProtocolType;
import org.mbmskeys.mbms.mikey.SecurityPolicyPayload;
import org.mbmskeys.mbms.mikey.SpParameter;
import org.mbmskeys.mbms.profile.InterimProfile;
import org.mbmskeys.mbms.profile.Unconfirmed;

/**
 * The SP payload of a streaming MSK message (TS 33.246 §6.4.5.1, §6.6.2.1): an SRTP policy (RFC 3830
 * §6.10.1) with AES-CM-128, HMAC-SHA-1 and the RFC 4771 ROC transform. Parameters, Type | Length | Value:
 *
 * <pre>
 * 00 01 01     encryption algorithm AES-CM                RFC 3830 Table 6.10.1.a/b
 * 01 01 10     session encryption key length 16 (24, 32 for longer MTKs; the master key length, RFC 3830 §6.10.1)
 * 02 01 01     authentication algorithm HMAC-SHA-1 (SRTCP)  Table 6.10.1.c
 * 04 01 0e     session salt key length 14
 * 0b 01 0a     authentication tag length 10 (SRTCP)
 * 0d 02 RRRR   ROC transmission rate R                    RFC 4771 §4 Table 2
 * 0e 01 0x     SRTP authentication algorithm RCCm1/2/3    RFC 4771 §4 Tables 1, 3
 * 12 01 0e|04  SRTP authentication tag length 14 = 10 MAC + 4 ROC (RCCm1, RCCm2), 4 = ROC (RCCm3; RFC 4771 §4)
 * </pre>
 *
 * <p>The key derivation rate (type 6) is omitted: TS 33.246 §6.4.5.1 sets it to 0 "explicitly or by
 * omitting this parameter", and RFC 3830 gives no encoding for its value. R is always sent: §6.6.2.1
 * requires it in every MSK delivery message.
 */
@Unconfirmed("U12: the SP parameter set and the SRTP-ID values; TS 33.246 fixes KDR 0 and R, not the rest")
public final class MbmsSrtpPolicy {

    /** SP parameter types (RFC 3830 Table 6.10.1.a; RFC 4771 §4 Table 3). */
    static final int ENCRYPTION_ALGORITHM = 0;
    static final int ENCRYPTION_KEY_LENGTH = 1;
    static final int AUTHENTICATION_ALGORITHM = 2;
    static final int SALT_KEY_LENGTH = 4;
    static final int KEY_DERIVATION_RATE = 6;
    static final int AUTHENTICATION_TAG_LENGTH = 11;
    static final int ROC_TRANSMISSION_RATE = 13;
    static final int SRTP_AUTHENTICATION_ALGORITHM = 14;
    static final int SRTP_AUTHENTICATION_TAG_LENGTH = 18;

    private MbmsSrtpPolicy() {
    }

    /**
     * The policy numbered {@code policyNo} (the SRTP-ID map entry's Policy_no).
     *
     * @param rocRate R, the ROC transmission rate, 1..65535 (RFC 4771 §4: a non-zero 16-bit integer)
     * @throws IllegalArgumentException if {@code rocRate} is out of range
     */
    public static SecurityPolicyPayload of(int policyNo, int rocRate, SrtpAuthentication authentication) {
        return of(policyNo, rocRate, authentication, InterimProfile.MTK_LENGTH);
    }

    /**
     * The same for MTKs of {@code masterKeyLength} bytes (16, 24 or 32: AES-128, -192 or -256 counter mode, TS 33.246
     * §4.2): the session encryption key length says it, since RFC 3830 §6.10.1 takes it as the master key length too,
     * and the MTK is the SRTP master key (§6.6.2.1).
     *
     * @throws IllegalArgumentException if {@code rocRate} or {@code masterKeyLength} is out of range
     */
    public static SecurityPolicyPayload of(int policyNo, int rocRate, SrtpAuthentication authentication,
                                           int masterKeyLength) {
        if (!InterimProfile.ACCEPTED_KEY_LENGTHS.contains(masterKeyLength)) {
            throw new IllegalArgumentException("an SRTP master key (the MTK) is 16, 24 or 32 bytes, got " + masterKeyLength);
        }
        if (rocRate < 1 || rocRate > 0xFFFF) {
            throw new IllegalArgumentException("ROC transmission rate R must be 1..65535 (RFC 4771 §4), got " + rocRate);
        }
        return new SecurityPolicyPayload(policyNo, ProtocolType.SRTP, List.of(
                one(ENCRYPTION_ALGORITHM, 1),
                one(ENCRYPTION_KEY_LENGTH, masterKeyLength),
                one(AUTHENTICATION_ALGORITHM, 1),
                one(SALT_KEY_LENGTH, 14),
                one(AUTHENTICATION_TAG_LENGTH, 10),
                SpParameter.of(ROC_TRANSMISSION_RATE, Bytes.of((byte) (rocRate >>> 8), (byte) rocRate)),
                one(SRTP_AUTHENTICATION_ALGORITHM, authentication.code()),
                one(SRTP_AUTHENTICATION_TAG_LENGTH, authentication.tagLength())));
    }

    /**
     * The SRTP master key length a policy states: its "Session Encr. key length" (type 1), which "should also be
     * seen as the Master key length" (RFC 3830 §6.10.1). Empty if the parameter is absent (SRTP's default applies)
     * or is not one byte.
     */
    public static OptionalInt masterKeyLength(SecurityPolicyPayload policy) {
        for (SpParameter p : policy.parameters()) {
            if (p.type() == ENCRYPTION_KEY_LENGTH && p.value().length() == 1) {
                return OptionalInt.of(p.value().u8(0));
            }
        }
        return OptionalInt.empty();
    }

    private static SpParameter one(int type, int value) {
        return SpParameter.of(type, Bytes.of((byte) value));
    }
}
