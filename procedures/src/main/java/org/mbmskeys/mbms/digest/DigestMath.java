package org.mbmskeys.mbms.digest;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.security.MessageDigest;
import java.util.Arrays;
import org.mbmskeys.engine.bytes.Bytes;
import org.mbmskeys.engine.bytes.Hex;
import org.mbmskeys.engine.bytes.SecretBytes;

/**
 * The Digest computations of RFC 7616 §3.4.1–§3.4.3 (= RFC 2617 §3.2.2.1–§3.2.2.3 for MD5), qop modes
 * only, no -sess:
 * <pre>
 * HA1      = H(username ":" realm ":" password)
 * HA2      = H(method ":" uri)                      qop=auth
 *          = H(method ":" uri ":" H(entity-body))   qop=auth-int
 * response = H(HA1 ":" nonce ":" nc ":" cnonce ":" qop ":" HA2)
 * rspauth  = response with an empty method and, for auth-int, the response's body (RFC 2617 §3.2.3)
 * </pre>
 * H is the algorithm's hash as lower-case hex. Strings are UTF-8 (identical to ISO-8859-1 for the ASCII
 * B-TIDs and realms of MBMS). HA1 is password-equivalent, so it stays in {@link SecretBytes}.
 */
final class DigestMath {

    private DigestMath() {
    }

    static SecretBytes ha1(DigestAlgorithm algorithm, String username, String realm, SecretBytes password) {
        MessageDigest md = algorithm.newDigest();
        md.update(username.getBytes(UTF_8));
        md.update((byte) ':');
        md.update(realm.getBytes(UTF_8));
        md.update((byte) ':');
        md.update(password.unsafeArray());
        byte[] digest = md.digest();
        byte[] hex = Hex.encode(digest).getBytes(UTF_8);
        Arrays.fill(digest, (byte) 0);
        return SecretBytes.wrap(hex);
    }

    static String ha2(DigestAlgorithm algorithm, String method, String uri, Qop qop, Bytes body) {
        String a2 = method + ":" + uri;
        if (qop == Qop.AUTH_INT) {
            MessageDigest bodyDigest = algorithm.newDigest();
            bodyDigest.update(body.asReadOnlyBuffer());
            a2 = a2 + ":" + Hex.encode(bodyDigest.digest());
        }
        return Hex.encode(algorithm.newDigest().digest(a2.getBytes(UTF_8)));
    }

    static String response(DigestAlgorithm algorithm, SecretBytes ha1, String nonce, long nc, String cnonce, Qop qop,
                           String ha2) {
        MessageDigest md = algorithm.newDigest();
        md.update(ha1.unsafeArray());
        String rest = ":" + nonce + ":" + NonceCount.format(nc) + ":" + cnonce + ":" + qop.token() + ":" + ha2;
        md.update(rest.getBytes(UTF_8));
        return Hex.encode(md.digest());
    }

    /** Constant-time comparison of two lower-case hex digests. */
    static boolean sameDigest(String expected, String received) {
        return MessageDigest.isEqual(expected.getBytes(UTF_8), received.getBytes(UTF_8));
    }
}
