package org.mbmskeys.mbms.mikey.crypto;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * The JCA suite, counting what it is asked: for tests that a configured suite is the one used, or that a MAC is
 * not computed twice.
 */
public final class CountingCryptoSuite extends WatchedCryptoSuite {

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
    protected void onMac(byte[] key) {
        macs.incrementAndGet();
        calls.incrementAndGet();
    }

    @Override
    protected void onAesCtr(byte[] key16, byte[] data) {
        calls.incrementAndGet();
    }
}
