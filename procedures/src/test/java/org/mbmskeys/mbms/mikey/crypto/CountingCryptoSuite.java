package org.mbmskeys.mbms.mikey.crypto;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * The JCA suite, counting what it is asked: for tests that a configured suite is the one used, or that a MAC is
 * not computed twice.
 */
public final class CountingCryptoSuite implements CryptoSuite {

    private final CryptoSuite jca = CryptoSuite.jca();
    private final AtomicInteger macs = new AtomicInteger();
    private final AtomicInteger calls = new AtomicInteger();

    /** HMAC computations (SHA-1 and SHA-256) so far. */
    public AtomicInteger macs() {
        return macs;
    }

    /** Every call so far: HMACs and AES-CTR. */
    public AtomicInteger calls() {
        return calls;
    }

    @Override
    public byte[] hmacSha1(byte[] key, byte[] data, int offset, int length) {
        mac();
        return jca.hmacSha1(key, data, offset, length);
    }

    @Override
    public byte[] hmacSha1(byte[] key, byte[]... parts) {
        mac();
        return jca.hmacSha1(key, parts);
    }

    @Override
    public byte[] hmacSha256(byte[] key, byte[] data, int offset, int length) {
        mac();
        return jca.hmacSha256(key, data, offset, length);
    }

    @Override
    public byte[] hmacSha256(byte[] key, byte[]... parts) {
        mac();
        return jca.hmacSha256(key, parts);
    }

    @Override
    public byte[] aesCtr(byte[] key16, byte[] iv16, byte[] data, int offset, int length) {
        calls.incrementAndGet();
        return jca.aesCtr(key16, iv16, data, offset, length);
    }

    private void mac() {
        macs.incrementAndGet();
        calls.incrementAndGet();
    }
}
