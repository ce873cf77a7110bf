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

/** Stateless nonces: base64(time ‖ random ‖ HMAC-SHA-256(secret, time ‖ random ‖ realm)). */
class SelfValidatingNoncesTest {

    private static final SecretBytes SECRET = SecretBytes.ofHex("00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff");
    private static final DigestRealm REALM = DigestRealm.gbaMe("bmsc.example.org");
    private static final Duration LIFETIME = Duration.ofMinutes(5);
    private static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");

    private final TestClock clock = new TestClock(T0);
    private final SelfValidatingNonces nonces = new SelfValidatingNonces(SECRET, clock, new SeededRandom(7), LIFETIME);

    @Test
    void freshNonceIsValidAndCarriesItsIssueTime() {
        String nonce = nonces.issue(REALM);

        NonceCheck check = nonces.check(nonce, REALM);

        assertThat(nonce).hasSize(76);
        assertThat(check.verdict()).isEqualTo(NonceCheck.Verdict.FRESH);
        assertThat(check.issuedAt()).isEqualTo(T0);
        assertThat(check.expiresAt()).isEqualTo(T0.plus(LIFETIME));
    }

    @Test
    void layoutIsTimeThenRandomThenMacOverBothAndTheRealm() throws Exception {
        Bytes raw = Bytes.of(Base64.getDecoder().decode(nonces.issue(REALM)));

        assertThat(raw.length()).isEqualTo(56);
        assertThat(raw.slice(0, 8)).isEqualTo(Bytes.ofHex("000001a202b2c500")); // 1795341600000 ms = T0
        assertThat(raw.slice(8, 16)).isEqualTo(new SeededRandom(7).next(16));
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.copyBytes(), "HmacSHA256"));
        mac.update(raw.slice(0, 24).toByteArray());
        byte[] expected = mac.doFinal(REALM.value().getBytes(StandardCharsets.UTF_8));
        assertThat(raw.slice(24, 32)).isEqualTo(Bytes.of(expected));
    }

    @Test
    void twoNoncesIssuedInTheSameMillisecondDiffer() {
        assertThat(nonces.issue(REALM)).isNotEqualTo(nonces.issue(REALM));
    }

    @Test
    void nonceIsFreshUpToItsLifetimeAndStaleOneMillisecondAfter() {
        String nonce = nonces.issue(REALM);

        clock.advance(LIFETIME);
        assertThat(nonces.check(nonce, REALM).verdict()).isEqualTo(NonceCheck.Verdict.FRESH);
        clock.advance(Duration.ofMillis(1));
        assertThat(nonces.check(nonce, REALM).verdict()).isEqualTo(NonceCheck.Verdict.STALE);
    }

    @ParameterizedTest(name = "byte {0} flipped")
    @ValueSource(ints = {0, 7, 8, 23, 24, 55})
    void anyFlippedByteMakesTheNonceInvalid(int index) {
        Bytes raw = Bytes.of(Base64.getDecoder().decode(nonces.issue(REALM)));
        String forged = Base64.getEncoder().encodeToString(raw.withByteXored(index, 0x01).toByteArray());

        NonceCheck check = nonces.check(forged, REALM);

        assertThat(check.verdict()).isEqualTo(NonceCheck.Verdict.INVALID);
        assertThat(check.detail()).isEqualTo("nonce HMAC does not verify: not issued by this server for realm "
                + "3GPP-bootstrapping@bmsc.example.org");
    }

    @Test
    void nonceOfAnotherRealmIsInvalid() {
        String nonce = nonces.issue(DigestRealm.gbaU("bmsc.example.org"));

        assertThat(nonces.check(nonce, REALM).verdict()).isEqualTo(NonceCheck.Verdict.INVALID);
    }

    @Test
    void nonceOfAServerWithAnotherSecretIsInvalid() {
        SecretBytes other = SecretBytes.ofHex("ff112233445566778899aabbccddeeff00112233445566778899aabbccddeeff");
        String nonce = new SelfValidatingNonces(other, clock, new SeededRandom(7), LIFETIME).issue(REALM);

        assertThat(nonces.check(nonce, REALM).verdict()).isEqualTo(NonceCheck.Verdict.INVALID);
    }

    @Test
    void nonceOfAnotherNodeWithTheSameSecretIsFresh() {
        String nonce = new SelfValidatingNonces(SECRET, clock, new SeededRandom(99), LIFETIME).issue(REALM);

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
        String slightly = new SelfValidatingNonces(SECRET, ahead, new SeededRandom(1), LIFETIME).issue(REALM);
        String far = new SelfValidatingNonces(SECRET, farAhead, new SeededRandom(1), LIFETIME).issue(REALM);

        assertThat(nonces.check(slightly, REALM).verdict()).isEqualTo(NonceCheck.Verdict.FRESH);
        assertThat(nonces.check(far, REALM).verdict()).isEqualTo(NonceCheck.Verdict.INVALID);
    }
}
