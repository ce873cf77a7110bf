package org.mbmskeys.mbms.digest;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.mbmskeys.engine.bytes.Bytes;
import org.mbmskeys.engine.bytes.SecretBytes;
import org.mbmskeys.engine.spi.RandomBytes;

/**
 * Stateless server nonces (RFC 7616 §3.3 suggests a time stamp and a private key in the nonce):
 * <pre>
 * nonce = base64( time (8 bytes, Unix ms, big-endian) ‖ random (16)
 *                 ‖ HMAC-SHA-256(secret, time ‖ random ‖ realm ‖ 0x00 ‖ algorithm token) )
 * </pre>
 * 56 bytes, 76 base64 characters. The algorithm of the challenge the nonce was issued in is under the
 * HMAC, so {@link #check} tells which algorithm the nonce belongs to and the verifier refuses a response
 * computed with another one (no MD5 answer to a SHA-256 challenge). Any server holding the secret can
 * check a nonce without having stored it: a bad encoding, a spelling other than the canonical base64 text
 * this class writes (no other padding, no other unused low bits: one nonce, one spelling, one nonce-count
 * record), a bad length or HMAC, or a different realm, is INVALID; a good one older than the lifetime is
 * STALE. Replay within the lifetime is the {@link NonceCountTracker}'s job.
 */
final class SelfValidatingNonces implements NonceAuthority {

    static final int RANDOM_LENGTH = 16;
    private static final int TIME_LENGTH = 8;
    private static final int MAC_LENGTH = 32;
    private static final int NONCE_LENGTH = TIME_LENGTH + RANDOM_LENGTH + MAC_LENGTH;
    private static final String HMAC = "HmacSHA256";

    // Several BM-SC nodes may share the secret; a peer whose clock runs a little ahead issues nonces
    // that look slightly in the future here. Beyond this, a well-MACed future time means a clock fault.
    static final Duration FUTURE_TOLERANCE = Duration.ofSeconds(5);

    private final SecretBytes secret;
    private final InstantSource clock;
    private final RandomBytes random;
    private final Duration lifetime;

    SelfValidatingNonces(SecretBytes secret, InstantSource clock, RandomBytes random, Duration lifetime) {
        this.secret = secret;
        this.clock = clock;
        this.random = random;
        this.lifetime = lifetime;
    }

    @Override
    public String issue(DigestRealm realm, DigestAlgorithm algorithm) {
        Bytes rnd = random.next(RANDOM_LENGTH);
        if (rnd.length() != RANDOM_LENGTH) {
            throw new IllegalStateException("RandomBytes returned " + rnd.length() + " bytes, asked for " + RANDOM_LENGTH);
        }
        ByteBuffer nonce = ByteBuffer.allocate(NONCE_LENGTH);
        nonce.putLong(clock.millis());
        nonce.put(rnd.asReadOnlyBuffer());
        nonce.put(mac(nonce.array(), realm, algorithm));
        return Base64.getEncoder().encodeToString(nonce.array());
    }

    @Override
    public NonceCheck check(String nonce, DigestRealm realm) {
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(nonce);
        } catch (IllegalArgumentException e) {
            return NonceCheck.invalid("nonce is not base64, so it was not issued by this server");
        }
        if (raw.length != NONCE_LENGTH) {
            return NonceCheck.invalid("nonce has " + raw.length + " bytes; this server issues " + NONCE_LENGTH);
        }
        // The decoder also takes other spellings of the same bytes (padding left out, other unused low bits
        // in the last character); each would be a nonce-count record of its own, so only our text counts.
        if (!Base64.getEncoder().encodeToString(raw).equals(nonce)) {
            return NonceCheck.invalid("nonce is not the canonical base64 text this server issues, so it was not "
                    + "issued by this server");
        }
        byte[] receivedMac = Arrays.copyOfRange(raw, TIME_LENGTH + RANDOM_LENGTH, NONCE_LENGTH);
        Optional<DigestAlgorithm> algorithm = Arrays.stream(DigestAlgorithm.values())
                .filter(a -> MessageDigest.isEqual(mac(raw, realm, a), receivedMac))
                .findFirst();
        if (algorithm.isEmpty()) {
            return NonceCheck.invalid("nonce HMAC does not verify: not issued by this server for realm " + realm);
        }
        Instant issuedAt = Instant.ofEpochMilli(ByteBuffer.wrap(raw).getLong());
        Instant now = clock.instant();
        if (issuedAt.isAfter(now.plus(FUTURE_TOLERANCE))) {
            return NonceCheck.invalid("nonce claims to be issued at " + issuedAt + ", after now (" + now + ")");
        }
        Instant expiresAt = issuedAt.plus(lifetime);
        NonceCheck.Verdict verdict = now.isAfter(expiresAt) ? NonceCheck.Verdict.STALE : NonceCheck.Verdict.FRESH;
        return new NonceCheck(verdict, issuedAt, expiresAt, algorithm, "nonce issued at " + issuedAt + " for "
                + algorithm.get().token() + ", valid until " + expiresAt);
    }

    /** HMAC over the time and random prefix of {@code nonce}, the realm and the algorithm. */
    private byte[] mac(byte[] nonce, DigestRealm realm, DigestAlgorithm algorithm) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(new SecretKeySpec(secret.unsafeArray(), HMAC));
            mac.update(nonce, 0, TIME_LENGTH + RANDOM_LENGTH);
            mac.update(realm.value().getBytes(UTF_8));
            // 0x00 never occurs in a realm, so realm and algorithm cannot be shifted into each other.
            mac.update((byte) 0);
            mac.update(algorithm.token().getBytes(UTF_8));
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            // HmacSHA256 is mandatory on every Java SE platform; a key of 32+ bytes is always valid for it.
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
