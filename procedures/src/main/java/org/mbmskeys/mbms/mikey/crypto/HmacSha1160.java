package org.mbmskeys.mbms.mikey.crypto;

import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Objects;
import org.mbmskeys.engine.bytes.SecretBytes;

/** MIKEY MAC alg 1, HMAC-SHA-1-160: the key check and the constant-time comparison shared by KEMAC and V. */
final class HmacSha1160 {

    static final int MAC_LENGTH = CryptoSuite.HMAC_SHA1_LENGTH;

    private HmacSha1160() {
    }

    /** The live auth_key array, after checking it is an auth_key and not, say, the 16-byte encr_key. */
    static byte[] authKey(SecretBytes authKey, String where) {
        Objects.requireNonNull(authKey, "authKey");
        if (authKey.length() != PrfInput.KEMAC_AUTHENTICATION_KEY_LENGTH) {
            throw new IllegalArgumentException(where + ": auth_key must be " + PrfInput.KEMAC_AUTHENTICATION_KEY_LENGTH
                    + " bytes (HMAC-SHA-1-160, RFC 3830 §4.1.4), got " + authKey.length()
                    + "; use KemacKeys.authenticationKey()");
        }
        return authKey.unsafeArray();
    }

    /**
     * Whether {@code received} equals {@code expected}, in time independent of where they differ
     * ({@link MessageDigest#isEqual}). A wrong length is a plain {@code false}: lengths are public. Wipes
     * {@code expected}, which is a valid MAC an attacker must not see.
     */
    static boolean matches(byte[] expected, byte[] received) {
        try {
            return received.length == expected.length && MessageDigest.isEqual(expected, received);
        } finally {
            Arrays.fill(expected, (byte) 0);
        }
    }
}
