package org.mbmskeys.mbms.mikey.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.mbmskeys.engine.bytes.Bytes;
import org.mbmskeys.engine.bytes.Hex;
import org.mbmskeys.engine.bytes.SecretBytes;
import org.mbmskeys.mbms.keys.TimestampCounter;

/**
 * JCA and Bouncy Castle give identical bytes on seeded random inputs (a few hundred cases per primitive),
 * including keys longer than a hash block, unaligned slices, partial AES blocks and multi-chunk PRF inkeys.
 * Each case prints its seed-derived index on failure.
 */
class SuiteEquivalenceTest {

    private static final long SEED = 0x3830_4563L;
    private static final int CASES = 300;

    private final CryptoSuite jca = CryptoSuite.jca();
    private final CryptoSuite bc = CryptoSuite.bouncyCastle();

    @Test
    void hmacSha1AgreesOnRandomKeysAndSlices() {
        Random random = new Random(SEED);
        for (int i = 0; i < CASES; i++) {
            byte[] key = bytes(random, 1 + random.nextInt(100));
            byte[] data = bytes(random, random.nextInt(300));
            int offset = data.length == 0 ? 0 : random.nextInt(data.length);
            int length = random.nextInt(data.length - offset + 1);

            assertThat(Hex.encode(bc.hmacSha1(key, data, offset, length)))
                    .as("case %d", i).isEqualTo(Hex.encode(jca.hmacSha1(key, data, offset, length)));
            assertThat(Hex.encode(bc.hmacSha1(key, data, key)))
                    .as("case %d, parts", i).isEqualTo(Hex.encode(jca.hmacSha1(key, data, key)));
        }
    }

    @Test
    void hmacSha256AgreesOnRandomKeysAndSlices() {
        Random random = new Random(SEED + 1);
        for (int i = 0; i < CASES; i++) {
            byte[] key = bytes(random, 1 + random.nextInt(100));
            byte[] data = bytes(random, random.nextInt(300));
            int offset = data.length == 0 ? 0 : random.nextInt(data.length);
            int length = random.nextInt(data.length - offset + 1);

            assertThat(Hex.encode(bc.hmacSha256(key, data, offset, length)))
                    .as("case %d", i).isEqualTo(Hex.encode(jca.hmacSha256(key, data, offset, length)));
            assertThat(Hex.encode(bc.hmacSha256(key, key, data)))
                    .as("case %d, parts", i).isEqualTo(Hex.encode(jca.hmacSha256(key, key, data)));
        }
    }

    @Test
    void aesCtrAgreesOnRandomKeysIvsAndSlices() {
        Random random = new Random(SEED + 2);
        for (int i = 0; i < CASES; i++) {
            byte[] key = bytes(random, 16);
            byte[] iv = bytes(random, 16);
            if (i % 10 == 0) {
                // low counter bytes all ones: the block counter carries into the next bytes at once
                for (int j = 8; j < 16; j++) {
                    iv[j] = (byte) 0xFF;
                }
            }
            byte[] data = bytes(random, random.nextInt(200));
            int offset = data.length == 0 ? 0 : random.nextInt(data.length);
            int length = random.nextInt(data.length - offset + 1);

            assertThat(Hex.encode(bc.aesCtr(key, iv, data, offset, length)))
                    .as("case %d", i).isEqualTo(Hex.encode(jca.aesCtr(key, iv, data, offset, length)));
        }
    }

    @Test
    void kemacKeysAndCiphertextAgreeOnRandomInkeysCsbIdsAndRands() {
        Random random = new Random(SEED + 3);
        for (int i = 0; i < CASES; i++) {
            SecretBytes psk = SecretBytes.of(bytes(random, 1 + random.nextInt(80)));
            int csbId = random.nextInt();
            Bytes rand = Bytes.wrap(bytes(random, random.nextInt(33)));
            TimestampCounter counter = TimestampCounter.of(random.nextInt() & 0xFFFF_FFFFL);
            byte[] plaintext = bytes(random, random.nextInt(64));

            KemacKeys fromJca = KemacKeys.derive(jca, psk, csbId, rand);
            KemacKeys fromBc = KemacKeys.derive(bc, psk, csbId, rand);

            assertThat(fromBc.encryptionKey()).as("case %d encr_key", i).isEqualTo(fromJca.encryptionKey());
            assertThat(fromBc.authenticationKey()).as("case %d auth_key", i).isEqualTo(fromJca.authenticationKey());
            assertThat(fromBc.saltingKey()).as("case %d salt_key", i).isEqualTo(fromJca.saltingKey());
            assertThat(Hex.encode(KemacCipher.encrypt(bc, fromBc, csbId, counter, plaintext))).as("case %d", i)
                    .isEqualTo(Hex.encode(KemacCipher.encrypt(jca, fromJca, csbId, counter, plaintext)));
        }
    }

    private static byte[] bytes(Random random, int length) {
        byte[] out = new byte[length];
        random.nextBytes(out);
        return out;
    }
}
