package org.mbmskeys.mbms.mikey.protection;

import java.util.ArrayList;
import java.util.List;
import org.mbmskeys.mbms.mikey.crypto.WatchedCryptoSuite;

/**
 * The JCA suite, remembering every key array it was handed and every AES-CTR input and output: the key
 * objects of the protection code pass their live arrays to the suite, so a test can look at them after
 * the call and see whether they were zeroed.
 */
final class SpyingSuite extends WatchedCryptoSuite {

    final List<byte[]> keys = new ArrayList<>();
    final List<byte[]> aesInputs = new ArrayList<>();
    final List<byte[]> aesOutputs = new ArrayList<>();

    @Override
    protected void onMac(byte[] key) {
        keys.add(key);
    }

    @Override
    protected void onAesCtr(byte[] key16, byte[] data) {
        keys.add(key16);
        aesInputs.add(data);
    }

    @Override
    protected void onAesCtrOutput(byte[] out) {
        aesOutputs.add(out);
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
