package org.mbmskeys.mbms.mikey.crypto;

import java.io.ByteArrayOutputStream;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Deliberately naive reference computations written straight from the RFC text with javax.crypto (fresh
 * objects, explicit concatenation), independent of the main code, to compare both suites against.
 */
final class Reference {

    private Reference() {
    }

    static byte[] hmacSha1(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(key, "HmacSHA1"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }

    static byte[] hmacSha256(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }

    static byte[] aesCtr(byte[] key, byte[] iv, byte[] data) {
        try {
            Cipher cipher = Cipher.getInstance("AES/CTR/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(iv));
            return cipher.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }

    /** RFC 3830 §4.1.2, as written: chunks of 256 bits, P per chunk, XOR, truncate. */
    static byte[] mikey1Prf(byte[] inkey, byte[] label, int outputBytes) {
        int m = (outputBytes * 8 + 159) / 160;
        byte[] result = new byte[m * 20];
        int n = (inkey.length + 31) / 32;
        for (int i = 0; i < n; i++) {
            byte[] s = Arrays.copyOfRange(inkey, 32 * i, Math.min(32 * (i + 1), inkey.length));
            byte[] p = p(s, label, m);
            for (int j = 0; j < result.length; j++) {
                result[j] ^= p[j];
            }
        }
        return Arrays.copyOf(result, outputBytes);
    }

    private static byte[] p(byte[] s, byte[] label, int m) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] a = label;
        for (int i = 1; i <= m; i++) {
            a = hmacSha1(s, a);
            out.writeBytes(hmacSha1(s, concat(a, label)));
        }
        return out.toByteArray();
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
