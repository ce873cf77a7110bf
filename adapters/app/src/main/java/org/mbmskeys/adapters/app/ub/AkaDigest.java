package org.mbmskeys.adapters.app.ub;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import org.mbmskeys.engine.bytes.Bytes;

/**
 * HTTP Digest AKA (RFC 3310) as Ub uses it (TS 33.220 §4.5.2, TS 24.109 §4.5.2): algorithm {@code AKAv1-MD5},
 * qop {@code auth-int}, the nonce is base64(RAND ‖ AUTN) and the password is RES itself, as octets (RFC 3310
 * §3.3); a UE that reports a synchronisation failure uses an empty password (§3.4).
 */
final class AkaDigest {

    static final String ALGORITHM = "AKAv1-MD5";
    static final String QOP = "auth-int";
    private static final int RAND = 16;
    private static final int AUTN = 16;

    private AkaDigest() {
    }

    static String nonce(Bytes rand, Bytes autn) {
        return Base64.getEncoder().encodeToString(rand.concat(autn).toByteArray());
    }

    /** RAND and AUTN of a nonce; @throws IllegalArgumentException if it does not hold 32 octets at least */
    static Bytes[] randAndAutn(String nonce) {
        byte[] b = Base64.getDecoder().decode(nonce);
        if (b.length < RAND + AUTN) {
            throw new IllegalArgumentException("the nonce holds " + b.length + " octets; RAND ‖ AUTN is 32");
        }
        Bytes all = Bytes.wrap(b);
        return new Bytes[] {all.slice(0, RAND), all.slice(RAND, AUTN)};
    }

    /** The request-digest of RFC 2617 §3.2.2.1 with qop auth-int, the password being {@code password}'s octets. */
    static String response(String username, String realm, Bytes password, String method, String uri, String nonce,
                           String nc, String cnonce, Bytes body) {
        byte[] a1 = concat((username + ":" + realm + ":").getBytes(StandardCharsets.UTF_8), password.toByteArray());
        String ha1 = md5(a1);
        String ha2 = md5((method + ":" + uri + ":" + md5(body.toByteArray())).getBytes(StandardCharsets.UTF_8));
        return md5((ha1 + ":" + nonce + ":" + nc + ":" + cnonce + ":" + QOP + ":" + ha2).getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static String md5(byte[] input) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(input));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has MD5", e);
        }
    }
}
