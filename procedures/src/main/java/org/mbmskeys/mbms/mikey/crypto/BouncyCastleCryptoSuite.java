package org.mbmskeys.mbms.mikey.crypto;

import org.bouncycastle.crypto.digests.SHA1Digest;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.modes.CTRModeCipher;
import org.bouncycastle.crypto.modes.SICBlockCipher;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.crypto.params.ParametersWithIV;

/**
 * {@link CryptoSuite} on the Bouncy Castle lightweight API; no JCA provider is involved. BC engines are
 * stateful ({@code init}/{@code update}/{@code doFinal}), so each thread keeps its own and re-keys it on
 * every call, which also clears whatever a failed call left behind.
 */
final class BouncyCastleCryptoSuite implements CryptoSuite {

    static final BouncyCastleCryptoSuite INSTANCE = new BouncyCastleCryptoSuite();

    private static final ThreadLocal<HMac> SHA1 = ThreadLocal.withInitial(() -> new HMac(new SHA1Digest()));
    private static final ThreadLocal<HMac> SHA256 = ThreadLocal.withInitial(() -> new HMac(new SHA256Digest()));
    // newInstance: the constructors are deprecated in BC 1.86.
    private static final ThreadLocal<CTRModeCipher> AES_CTR =
            ThreadLocal.withInitial(() -> SICBlockCipher.newInstance(AESEngine.newInstance()));

    private BouncyCastleCryptoSuite() {
    }

    @Override
    public byte[] hmacSha1(byte[] key, byte[] data, int offset, int length) {
        SuiteArguments.hmacKey(key, "HMAC-SHA-1");
        SuiteArguments.slice(data, offset, length);
        return mac(SHA1.get(), key, data, offset, length);
    }

    @Override
    public byte[] hmacSha1(byte[] key, byte[]... parts) {
        SuiteArguments.hmacKey(key, "HMAC-SHA-1");
        SuiteArguments.parts(parts);
        return mac(SHA1.get(), key, parts);
    }

    @Override
    public byte[] hmacSha256(byte[] key, byte[] data, int offset, int length) {
        SuiteArguments.hmacKey(key, "HMAC-SHA-256");
        SuiteArguments.slice(data, offset, length);
        return mac(SHA256.get(), key, data, offset, length);
    }

    @Override
    public byte[] hmacSha256(byte[] key, byte[]... parts) {
        SuiteArguments.hmacKey(key, "HMAC-SHA-256");
        SuiteArguments.parts(parts);
        return mac(SHA256.get(), key, parts);
    }

    @Override
    public byte[] aesCtr(byte[] key16, byte[] iv16, byte[] data, int offset, int length) {
        SuiteArguments.aesCtr(key16, iv16, data, offset, length);
        CTRModeCipher cipher = AES_CTR.get();
        cipher.init(true, new ParametersWithIV(new KeyParameter(key16), iv16));
        byte[] out = new byte[length];
        cipher.processBytes(data, offset, length, out, 0);
        return out;
    }

    @Override
    public String toString() {
        return "CryptoSuite.bouncyCastle()";
    }

    private static byte[] mac(HMac hmac, byte[] key, byte[] data, int offset, int length) {
        hmac.init(new KeyParameter(key));
        hmac.update(data, offset, length);
        return finish(hmac);
    }

    private static byte[] mac(HMac hmac, byte[] key, byte[][] parts) {
        hmac.init(new KeyParameter(key));
        for (byte[] part : parts) {
            hmac.update(part, 0, part.length);
        }
        return finish(hmac);
    }

    private static byte[] finish(HMac hmac) {
        byte[] out = new byte[hmac.getMacSize()];
        hmac.doFinal(out, 0);
        return out;
    }
}
