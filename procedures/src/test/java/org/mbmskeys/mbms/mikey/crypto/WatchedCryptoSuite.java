package org.mbmskeys.mbms.mikey.crypto;

/**
 * The JCA suite with a hook at every call, for tests that watch, count or interfere with the crypto that the
 * code under test asks for. A subclass overrides the hooks it needs; the results are always the JCA suite's.
 */
public abstract class WatchedCryptoSuite implements CryptoSuite {

    private final CryptoSuite jca = CryptoSuite.jca();

    /** Before an HMAC (SHA-1 or SHA-256) under {@code key}: the caller's live array, not a copy. */
    protected void onMac(byte[] key) {
    }

    /** Before AES-CTR under {@code key16} over {@code data}: the caller's live arrays, not copies. */
    protected void onAesCtr(byte[] key16, byte[] data) {
    }

    /** After AES-CTR: the array it returns. */
    protected void onAesCtrOutput(byte[] out) {
    }

    @Override
    public final byte[] hmacSha1(byte[] key, byte[] data, int offset, int length) {
        onMac(key);
        return jca.hmacSha1(key, data, offset, length);
    }

    @Override
    public final byte[] hmacSha1(byte[] key, byte[]... parts) {
        onMac(key);
        return jca.hmacSha1(key, parts);
    }

    @Override
    public final byte[] hmacSha256(byte[] key, byte[] data, int offset, int length) {
        onMac(key);
        return jca.hmacSha256(key, data, offset, length);
    }

    @Override
    public final byte[] hmacSha256(byte[] key, byte[]... parts) {
        onMac(key);
        return jca.hmacSha256(key, parts);
    }

    @Override
    public final byte[] aesCtr(byte[] key16, byte[] iv16, byte[] data, int offset, int length) {
        onAesCtr(key16, data);
        byte[] out = jca.aesCtr(key16, iv16, data, offset, length);
        onAesCtrOutput(out);
        return out;
    }
}
