package org.mbmskeys.mbms.mikey.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mbmskeys.engine.bytes.Bytes;
import org.mbmskeys.engine.bytes.Hex;
import org.mbmskeys.engine.bytes.SecretBytes;

/**
 * MIKEY-1 PRF (RFC 3830 §4.1.2) on both suites.
 *
 * <p>Sources: {@code vectors/mikey-prf.json} holds <b>[SELF]</b> regression values,
 * computed by the project with two independent implementations; they are NOT official (RFC 3830 has no
 * vectors). The 48-, 64- and 33-byte inkeys and the 30-byte output are checked against {@link Reference}, a
 * naive javax.crypto transcription of the RFC text in this test tree; the pinned hex for them was also
 * computed in this change with Python's {@code hmac} module (self-computed, not official).
 */
class MikeyPrfKnownAnswerTest {

    private static final int CSB_ID = 0x01020304;
    private static final Bytes RAND = Bytes.ofHex("101112131415161718191a1b1c1d1e1f");

    static Stream<Arguments> vectorFile() {
        return Suites.both().flatMap(suite -> PrfVectorFile.cases().stream().map(c -> Arguments.of(suite, c)));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("vectorFile")
    void kemacKeysMatchTheSelfComputedVectorFile(CryptoSuite suite, PrfVectorFile.Case c) {
        SecretBytes inkey = SecretBytes.ofHex(c.inkey());
        int csbId = Integer.parseUnsignedInt(c.csbId(), 16);
        Bytes rand = Bytes.ofHex(c.rand());
        MikeyPrf prf = MikeyPrf.mikey1(suite);

        assertThat(prf.derive(PrfInput.kemacEncryptionKey(inkey, csbId, rand)).revealHex())
                .as("encr_key").isEqualTo(c.encrKey());
        assertThat(prf.derive(PrfInput.kemacAuthenticationKey(inkey, csbId, rand)).revealHex())
                .as("auth_key").isEqualTo(c.authKey());
        if (c.saltKey() != null) {
            assertThat(prf.derive(PrfInput.kemacSaltingKey(inkey, csbId, rand)).revealHex())
                    .as("salt_key").isEqualTo(c.saltKey());
        }
    }

    static Stream<Arguments> multiChunk() {
        return cross(
                Arguments.of("48-byte inkey: a full chunk and a 16-byte chunk", 48,
                        "567ae521bc3deb9a360bd5eedd7521cd", "ff67f98603b86db24a20f8605aa55e77ea87a9e0",
                        "4d44af417cbc8a3fb102fcc9ae9d"),
                Arguments.of("64-byte inkey: two full chunks (minisip would key an empty third)", 64,
                        "48418d2262077792cf59377265ca4692", null, null),
                Arguments.of("33-byte inkey: a full chunk and a 1-byte chunk", 33, null, null, null));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("multiChunk")
    void multiChunkInkeyEqualsTheReferenceComputation(CryptoSuite suite, String name, int inkeyLength,
                                                      String encr, String auth, String salt) {
        byte[] inkeyBytes = counting(inkeyLength);
        SecretBytes inkey = SecretBytes.of(inkeyBytes);
        MikeyPrf prf = MikeyPrf.mikey1(suite);

        checkAgainstReference(prf, PrfInput.kemacEncryptionKey(inkey, CSB_ID, RAND), inkeyBytes, encr);
        checkAgainstReference(prf, PrfInput.kemacAuthenticationKey(inkey, CSB_ID, RAND), inkeyBytes, auth);
        checkAgainstReference(prf, PrfInput.kemacSaltingKey(inkey, CSB_ID, RAND), inkeyBytes, salt);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(Suites.BOTH)
    void outputLongerThanOneHmacBlockChainsTheAValues(CryptoSuite suite) {
        byte[] tgk = counting(16);
        PrfInput input = PrfInput.tekFromTgk(SecretBytes.of(tgk), 1, CSB_ID, RAND, 30);   // m = 2

        SecretBytes tek = MikeyPrf.mikey1(suite).derive(input);

        assertThat(tek.revealHex())
                .isEqualTo(Hex.encode(Reference.mikey1Prf(tgk, input.label().toByteArray(), 30)))
                .isEqualTo("a488dab36184e8d41ae26cb6daf5405e1e4d96748084ed1237e5d283451f");
    }

    static Stream<Arguments> oneByteMutations() {
        Function<SecretBytes, PrfInput> base = k -> PrfInput.kemacAuthenticationKey(k, CSB_ID, RAND);
        return cross(
                Arguments.of("inkey byte 0", (Function<SecretBytes, PrfInput>) k ->
                        PrfInput.kemacAuthenticationKey(SecretBytes.of(mutated(k.copyBytes(), 0)), CSB_ID, RAND), base),
                Arguments.of("last inkey byte", (Function<SecretBytes, PrfInput>) k ->
                        PrfInput.kemacAuthenticationKey(SecretBytes.of(mutated(k.copyBytes(), 15)), CSB_ID, RAND), base),
                Arguments.of("CSB ID low byte", (Function<SecretBytes, PrfInput>) k ->
                        PrfInput.kemacAuthenticationKey(k, CSB_ID ^ 1, RAND), base),
                Arguments.of("last RAND byte", (Function<SecretBytes, PrfInput>) k ->
                        PrfInput.kemacAuthenticationKey(k, CSB_ID, RAND.withByteXored(15, 1)), base),
                Arguments.of("RAND one byte shorter", (Function<SecretBytes, PrfInput>) k ->
                        PrfInput.kemacAuthenticationKey(k, CSB_ID, RAND.slice(0, 15)), base));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("oneByteMutations")
    void anyOneByteChangeOfTheInputChangesTheKey(CryptoSuite suite, String change,
                                                 Function<SecretBytes, PrfInput> mutant,
                                                 Function<SecretBytes, PrfInput> original) {
        SecretBytes inkey = SecretBytes.of(counting(16));
        MikeyPrf prf = MikeyPrf.mikey1(suite);

        assertThat(prf.derive(mutant.apply(inkey))).isNotEqualTo(prf.derive(original.apply(inkey)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(Suites.BOTH)
    void aDestroyedInkeyIsRefused(CryptoSuite suite) {
        SecretBytes inkey = SecretBytes.of(counting(16));
        PrfInput input = PrfInput.kemacEncryptionKey(inkey, CSB_ID, RAND);
        inkey.destroy();

        assertThatThrownBy(() -> MikeyPrf.mikey1(suite).derive(input))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("secret was destroyed");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(Suites.BOTH)
    void derivationLeavesTheInkeyIntact(CryptoSuite suite) {
        byte[] bytes = counting(48);
        SecretBytes inkey = SecretBytes.of(bytes);

        MikeyPrf.mikey1(suite).derive(PrfInput.kemacSaltingKey(inkey, CSB_ID, RAND));

        assertThat(inkey.copyBytes()).isEqualTo(bytes);
    }

    private static void checkAgainstReference(MikeyPrf prf, PrfInput input, byte[] inkey, String pinned) {
        String derived = prf.derive(input).revealHex();
        assertThat(derived).as("reference for label %s", input.label())
                .isEqualTo(Hex.encode(Reference.mikey1Prf(inkey, input.label().toByteArray(), input.outputBytes())));
        if (pinned != null) {
            assertThat(derived).as("pinned value for label %s", input.label()).isEqualTo(pinned);
        }
    }

    private static Stream<Arguments> cross(Arguments... rows) {
        return Suites.both().flatMap(suite -> Stream.of(rows).map(r -> {
            Object[] a = r.get();
            Object[] withSuite = new Object[a.length + 1];
            withSuite[0] = suite;
            System.arraycopy(a, 0, withSuite, 1, a.length);
            return Arguments.of(withSuite);
        }));
    }

    static byte[] counting(int length) {
        byte[] out = new byte[length];
        for (int i = 0; i < length; i++) {
            out[i] = (byte) i;
        }
        return out;
    }

    private static byte[] mutated(byte[] bytes, int index) {
        bytes[index] ^= 0x01;
        return bytes;
    }
}
