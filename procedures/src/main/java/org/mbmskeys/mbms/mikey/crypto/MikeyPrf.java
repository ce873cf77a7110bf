package org.mbmskeys.mbms.mikey.crypto;

import java.util.Arrays;
import java.util.Objects;
import org.mbmskeys.engine.bytes.SecretBytes;

/**
 * The MIKEY-1 pseudo-random function (RFC 3830 §4.1.2, HDR PRF func 0), computed with a {@link CryptoSuite}.
 *
 * <pre>
 * A_0 = label,  A_i = HMAC-SHA-1(s, A_(i-1))
 * P(s, label, m) = HMAC-SHA-1(s, A_1 ‖ label) ‖ … ‖ HMAC-SHA-1(s, A_m ‖ label),  m = ceil(outkey_len / 160 bits)
 * inkey = s_1 ‖ … ‖ s_n in 256-bit chunks, the last one possibly shorter (never empty)
 * PRF(inkey, label) = P(s_1, label, m) XOR … XOR P(s_n, label, m), truncated to outkey_len
 * </pre>
 *
 * <p>A 32-byte inkey (e.g. a 256-bit Ks_int_NAF used as MUK) is exactly one chunk. minisip gets this
 * wrong and keys its last chunk with zero bytes (its {@code prf()} in libmikey/keyagreement/KeyAgreement.cxx
 * passes {@code inkeyLength % 32} as the last chunk's length), so it is no oracle for inkeys
 * whose length is a multiple of 32.
 *
 * <p>Stateless and thread-safe. The result is a fresh {@link SecretBytes} owned by the caller.
 *
 * <pre>{@code
 * SecretBytes encrKey = MikeyPrf.mikey1(CryptoSuite.jca())
 *         .derive(PrfInput.kemacEncryptionKey(muk, csbId, rand));
 * }</pre>
 */
public final class MikeyPrf {

    private static final int CHUNK_BYTES = 32;
    private static final int BLOCK_BYTES = CryptoSuite.HMAC_SHA1_LENGTH;

    private static final MikeyPrf JCA = new MikeyPrf(CryptoSuite.jca());

    private final CryptoSuite suite;

    private MikeyPrf(CryptoSuite suite) {
        this.suite = Objects.requireNonNull(suite, "suite");
    }

    /** MIKEY-1 computed with {@code suite}. */
    public static MikeyPrf mikey1(CryptoSuite suite) {
        return suite == CryptoSuite.jca() ? JCA : new MikeyPrf(suite);
    }

    /** MIKEY-1 computed with the default {@link CryptoSuite#jca()}. */
    public static MikeyPrf mikey1() {
        return JCA;
    }

    /**
     * {@code PRF(inkey, label)} truncated to {@link PrfInput#outputBytes()}.
     *
     * @throws IllegalStateException if the inkey was destroyed
     */
    public SecretBytes derive(PrfInput input) {
        byte[] inkey = input.inkey().unsafeArray();
        byte[] label = input.label().toByteArray();
        int outputBytes = input.outputBytes();
        int m = (outputBytes + BLOCK_BYTES - 1) / BLOCK_BYTES;
        byte[] sum = new byte[m * BLOCK_BYTES];
        for (int from = 0; from < inkey.length; from += CHUNK_BYTES) {
            int to = Math.min(from + CHUNK_BYTES, inkey.length);
            if (from == 0 && to == inkey.length) {
                xorP(inkey, label, m, sum);
            } else {
                byte[] chunk = Arrays.copyOfRange(inkey, from, to);
                xorP(chunk, label, m, sum);
                Arrays.fill(chunk, (byte) 0);
            }
        }
        if (sum.length == outputBytes) {
            return SecretBytes.wrap(sum);
        }
        byte[] truncated = Arrays.copyOf(sum, outputBytes);
        Arrays.fill(sum, (byte) 0);
        return SecretBytes.wrap(truncated);
    }

    /** {@code sum ^= P(s, label, m)}. */
    private void xorP(byte[] s, byte[] label, int m, byte[] sum) {
        byte[] a = label;
        for (int i = 0; i < m; i++) {
            byte[] next = suite.hmacSha1(s, a);
            wipeUnlessLabel(a, label);
            a = next;
            byte[] block = suite.hmacSha1(s, a, label);
            for (int j = 0; j < BLOCK_BYTES; j++) {
                sum[i * BLOCK_BYTES + j] ^= block[j];
            }
            Arrays.fill(block, (byte) 0);
        }
        wipeUnlessLabel(a, label);
    }

    private static void wipeUnlessLabel(byte[] a, byte[] label) {
        if (a != label) {
            Arrays.fill(a, (byte) 0);
        }
    }

    @Override
    public String toString() {
        return "MikeyPrf.mikey1(" + suite + ")";
    }
}
