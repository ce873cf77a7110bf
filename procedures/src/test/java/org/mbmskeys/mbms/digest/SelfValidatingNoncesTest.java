package org.mbmskeys.mbms.digest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mbmskeys.engine.bytes.Bytes;
import org.mbmskeys.engine.bytes.SecretBytes;

/** Stateless nonces: base64(time ‖ random ‖ HMAC-SHA-256(secret, time ‖ random ‖ realm ‖ 0x00 ‖ algorithm)). */
class SelfValidatingNoncesTest {

    private static final SecretBytes SECRET = SecretBytes.ofHex("00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff");
    private static final DigestRealm REALM = DigestRealm.bootstrapping("bmsc.example.org");
    private static final Duration LIFETIME = Duration.ofMinutes(5);
    private static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");

    private final TestClock clock = new TestClock(T0);
    private final SelfValidatingNonces nonces = new SelfValidatingNonces(SECRET, clock, new SeededRandom(7), LIFETIME);

    @Test
    void freshNonceIsValidAndCarriesItsIssueTime() {
        String nonce = nonces.issue(REALM, DigestAlgorithm.MD5);

        NonceCheck check = nonces.check(nonce, REALM);

        assertThat(nonce).hasSize(76);
        assertThat(check.verdict()).isEqualTo(NonceCheck.Verdict.FRESH);
        assertThat(check.issuedAt()).isEqualTo(T0);
        assertThat(check.expiresAt()).isEqualTo(T0.plus(LIFETIME));
    }

    @Test
    void layoutIsTimeThenRandomThenMacOverBothTheRealmAndTheAlgorithm() throws Exception {
        Bytes raw = Bytes.of(Base64.getDecoder().decode(nonces.issue(REALM, DigestAlgorithm.MD5)));

        assertThat(raw.length()).isEqualTo(56);
        assertThat(raw.slice(0, 8)).isEqualTo(Bytes.ofHex("000001a202b2c500")); // 1795341600000 ms = T0
        assertThat(raw.slice(8, 16)).isEqualTo(new SeededRandom(7).next(16));
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.copyBytes(), "HmacSHA256"));
        mac.update(raw.slice(0, 24).toByteArray());
        mac.update(REALM.value().getBytes(StandardCharsets.UTF_8));
        mac.update((byte) 0);
        byte[] expected = mac.doFinal("MD5".getBytes(StandardCharsets.UTF_8));
        assertThat(raw.slice(24, 32)).isEqualTo(Bytes.of(expected));
    }

    @Test
    void twoNoncesIssuedInTheSameMillisecondDiffer() {
        assertThat(nonces.issue(REALM, DigestAlgorithm.MD5)).isNotEqualTo(nonces.issue(REALM, DigestAlgorithm.MD5));
    }

    @Test
    void nonceIsFreshUpToItsLifetimeAndStaleOneMillisecondAfter() {
        String nonce = nonces.issue(REALM, DigestAlgorithm.MD5);

        clock.advance(LIFETIME);
        assertThat(nonces.check(nonce, REALM).verdict()).isEqualTo(NonceCheck.Verdict.FRESH);
        clock.advance(Duration.ofMillis(1));
        assertThat(nonces.check(nonce, REALM).verdict()).isEqualTo(NonceCheck.Verdict.STALE);
    }

    @ParameterizedTest(name = "byte {0} flipped")
    @ValueSource(ints = {0, 7, 8, 23, 24, 55})
    void anyFlippedByteMakesTheNonceInvalid(int index) {
        Bytes raw = Bytes.of(Base64.getDecoder().decode(nonces.issue(REALM, DigestAlgorithm.MD5)));
        String forged = Base64.getEncoder().encodeToString(raw.withByteXored(index, 0x01).toByteArray());

        NonceCheck check = nonces.check(forged, REALM);

        assertThat(check.verdict()).isEqualTo(NonceCheck.Verdict.INVALID);
        assertThat(check.detail()).isEqualTo("nonce HMAC does not verify: not issued by this server for realm "
                + "3GPP-bootstrapping@bmsc.example.org");
    }

    @Test
    void aNonceTellsTheAlgorithmOfItsChallenge() {
        assertThat(nonces.check(nonces.issue(REALM, DigestAlgorithm.MD5), REALM).algorithm()).contains(DigestAlgorithm.MD5);
        assertThat(nonces.check(nonces.issue(REALM, DigestAlgorithm.SHA_256), REALM).algorithm())
                .contains(DigestAlgorithm.SHA_256);
    }

    @Test
    void aNonceWithoutItsPaddingIsInvalidThoughItDecodesToTheSameBytes() {
        String nonce = nonces.issue(REALM, DigestAlgorithm.MD5);
        assertThat(nonce).endsWith("=");
        String unpadded = nonce.substring(0, nonce.length() - 1);
        assertThat(Base64.getDecoder().decode(unpadded)).isEqualTo(Base64.getDecoder().decode(nonce));

        NonceCheck check = nonces.check(unpadded, REALM);

        assertThat(check.verdict()).isEqualTo(NonceCheck.Verdict.INVALID);
        assertThat(check.detail()).contains("canonical base64");
    }

    @Test
    void aNonceWithOtherUnusedLowBitsIsInvalidThoughItDecodesToTheSameBytes() {
        String nonce = nonces.issue(REALM, DigestAlgorithm.MD5);
        // 56 bytes: the last character before "=" carries 4 data bits and 2 unused ones; flip an unused one.
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        char last = nonce.charAt(nonce.length() - 2);
        char other = alphabet.charAt(alphabet.indexOf(last) ^ 0x01);
        String respelled = nonce.substring(0, nonce.length() - 2) + other + "=";
        assertThat(Base64.getDecoder().decode(respelled)).isEqualTo(Base64.getDecoder().decode(nonce));

        assertThat(nonces.check(respelled, REALM).verdict()).isEqualTo(NonceCheck.Verdict.INVALID);
    }

    @Test
    void nonceOfAnotherRealmIsInvalid() {
        String nonce = nonces.issue(DigestRealm.of("3GPP-bootstrapping-uicc@bmsc.example.org"), DigestAlgorithm.MD5);

        assertThat(nonces.check(nonce, REALM).verdict()).isEqualTo(NonceCheck.Verdict.INVALID);
    }

    @Test
    void nonceOfAServerWithAnotherSecretIsInvalid() {
        SecretBytes other = SecretBytes.ofHex("ff112233445566778899aabbccddeeff00112233445566778899aabbccddeeff");
        String nonce = new SelfValidatingNonces(other, clock, new SeededRandom(7), LIFETIME).issue(REALM, DigestAlgorithm.MD5);

        assertThat(nonces.check(nonce, REALM).verdict()).isEqualTo(NonceCheck.Verdict.INVALID);
    }

    @Test
    void nonceOfAnotherNodeWithTheSameSecretIsFresh() {
        String nonce = new SelfValidatingNonces(SECRET, clock, new SeededRandom(99), LIFETIME).issue(REALM, DigestAlgorithm.MD5);

        assertThat(nonces.check(nonce, REALM).verdict()).isEqualTo(NonceCheck.Verdict.FRESH);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dcd98b7102dd2f0e8b11d0f600bfb0c093", "not base64!", "", "AAAA"})
    void nonceThatIsNotOursIsInvalid(String nonce) {
        assertThat(nonces.check(nonce, REALM).verdict()).isEqualTo(NonceCheck.Verdict.INVALID);
    }

    @Test
    void nonceFromAClockSlightlyAheadIsAcceptedButFromTheFarFutureIsInvalid() {
        TestClock ahead = new TestClock(T0.plus(SelfValidatingNonces.FUTURE_TOLERANCE));
        TestClock farAhead = new TestClock(T0.plus(SelfValidatingNonces.FUTURE_TOLERANCE).plusMillis(1));
        String slightly = new SelfValidatingNonces(SECRET, ahead, new SeededRandom(1), LIFETIME).issue(REALM, DigestAlgorithm.MD5);
        String far = new SelfValidatingNonces(SECRET, farAhead, new SeededRandom(1), LIFETIME).issue(REALM, DigestAlgorithm.MD5);

        assertThat(nonces.check(slightly, REALM).verdict()).isEqualTo(NonceCheck.Verdict.FRESH);
        assertThat(nonces.check(far, REALM).verdict()).isEqualTo(NonceCheck.Verdict.INVALID);
    }
}
