package org.mbmskeys.mbms.mikey.protection;

import java.util.ArrayList;
import java.util.List;
import org.mbmskeys.mbms.mikey.crypto.CryptoSuite;

/**
 * The JCA suite, remembering every key array it was handed and every AES-CTR input and output: the key
 * objects of the protection code pass their live arrays to the suite, so a test can look at them after
 * the call and see whether they were zeroed.
 */
final class SpyingSuite implements CryptoSuite {

    private final CryptoSuite jca = CryptoSuite.jca();
    final List<byte[]> keys = new ArrayList<>();
    final List<byte[]> aesInputs = new ArrayList<>();
    final List<byte[]> aesOutputs = new ArrayList<>();

    @Override
    public byte[] hmacSha1(byte[] key, byte[] data, int offset, int length) {
        keys.add(key);
        return jca.hmacSha1(key, data, offset, length);
    }

    @Override
    public byte[] hmacSha1(byte[] key, byte[]... parts) {
        keys.add(key);
        return jca.hmacSha1(key, parts);
    }

    @Override
    public byte[] hmacSha256(byte[] key, byte[] data, int offset, int length) {
        keys.add(key);
        return jca.hmacSha256(key, data, offset, length);
    }

    @Override
    public byte[] hmacSha256(byte[] key, byte[]... parts) {
        keys.add(key);
        return jca.hmacSha256(key, parts);
    }

    @Override
    public byte[] aesCtr(byte[] key16, byte[] iv16, byte[] data, int offset, int length) {
        keys.add(key16);
        aesInputs.add(data);
        byte[] out = jca.aesCtr(key16, iv16, data, offset, length);
        aesOutputs.add(out);
        return out;
    }

    /** The key arrays seen, other than the caller's own keys (which the code must leave alone). */
    List<byte[]> derivedKeys(byte[]... callersKeys) {
        List<byte[]> out = new ArrayList<>();
        for (byte[] k : keys) {
            boolean callers = false;
            for (byte[] c : callersKeys) {
                callers |= k == c;
            }
            if (!callers) {
                out.add(k);
            }
        }
        return out;
    }

    void forget() {
        keys.clear();
        aesInputs.clear();
        aesOutputs.clear();
    }
}
