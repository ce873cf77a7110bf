package org.mbmskeys.mbms.mikey.crypto;

import java.security.GeneralSecurityException;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * {@link CryptoSuite} on the JDK's JCA. {@code Mac.getInstance}/{@code Cipher.getInstance} cost about
 * 0.3 µs each (provider lookup, measured on the build machine), so each thread keeps one instance per algorithm and
 * re-keys it with {@code init} on every call; {@code init} also resets any state a failed call left.
 */
final class JcaCryptoSuite implements CryptoSuite {

    static final JcaCryptoSuite INSTANCE = new JcaCryptoSuite();

    private static final String HMAC_SHA1 = "HmacSHA1";
    private static final String HMAC_SHA256 = "HmacSHA256";

    private static final ThreadLocal<Mac> SHA1 = ThreadLocal.withInitial(() -> newMac(HMAC_SHA1));
    private static final ThreadLocal<Mac> SHA256 = ThreadLocal.withInitial(() -> newMac(HMAC_SHA256));
    private static final ThreadLocal<Cipher> AES_CTR = ThreadLocal.withInitial(JcaCryptoSuite::newAesCtr);

    private JcaCryptoSuite() {
    }

    @Override
    public byte[] hmacSha1(byte[] key, byte[] data, int offset, int length) {
        SuiteArguments.hmacKey(key, "HMAC-SHA-1");
        SuiteArguments.slice(data, offset, length);
        Mac mac = keyed(SHA1.get(), key, HMAC_SHA1);
        mac.update(data, offset, length);
        return mac.doFinal();
    }

    @Override
    public byte[] hmacSha1(byte[] key, byte[]... parts) {
        SuiteArguments.hmacKey(key, "HMAC-SHA-1");
        SuiteArguments.parts(parts);
        return finish(keyed(SHA1.get(), key, HMAC_SHA1), parts);
    }

    @Override
    public byte[] hmacSha256(byte[] key, byte[] data, int offset, int length) {
        SuiteArguments.hmacKey(key, "HMAC-SHA-256");
        SuiteArguments.slice(data, offset, length);
        Mac mac = keyed(SHA256.get(), key, HMAC_SHA256);
        mac.update(data, offset, length);
        return mac.doFinal();
    }

    @Override
    public byte[] hmacSha256(byte[] key, byte[]... parts) {
        SuiteArguments.hmacKey(key, "HMAC-SHA-256");
        SuiteArguments.parts(parts);
        return finish(keyed(SHA256.get(), key, HMAC_SHA256), parts);
    }

    @Override
    public byte[] aesCtr(byte[] key16, byte[] iv16, byte[] data, int offset, int length) {
        SuiteArguments.aesCtr(key16, iv16, data, offset, length);
        Cipher cipher = AES_CTR.get();
        try {
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key16, "AES"), new IvParameterSpec(iv16));
            return cipher.doFinal(data, offset, length);
        } catch (GeneralSecurityException e) {
            // Arguments were checked above; this means the JCA provider itself is broken or restricted.
            throw new IllegalStateException("JCA AES/CTR/NoPadding failed on a checked 16-byte key and IV", e);
        }
    }

    @Override
    public String toString() {
        return "CryptoSuite.jca()";
    }

    private static byte[] finish(Mac mac, byte[][] parts) {
        for (byte[] part : parts) {
            mac.update(part);
        }
        return mac.doFinal();
    }

    private static Mac keyed(Mac mac, byte[] key, String algorithm) {
        try {
            mac.init(new SecretKeySpec(key, algorithm));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("JCA " + algorithm + " refused a non-empty key", e);
        }
    }

    private static Mac newMac(String algorithm) {
        try {
            return Mac.getInstance(algorithm);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK offers no " + algorithm
                    + " Mac; use CryptoSuite.bouncyCastle() instead", e);
        }
    }

    private static Cipher newAesCtr() {
        try {
            return Cipher.getInstance("AES/CTR/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK offers no AES/CTR/NoPadding Cipher; use "
                    + "CryptoSuite.bouncyCastle() instead", e);
        }
    }
}
