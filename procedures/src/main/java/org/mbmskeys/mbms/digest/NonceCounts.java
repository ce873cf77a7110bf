package org.mbmskeys.mbms.digest;

import java.time.Instant;

/**
 * Remembers, per used Digest nonce, the nonce-counts accepted ({@link NonceCountWindow}: the highest and the
 * {@value NonceCountWindow#WIDTH} below it), so that a replayed request (an nc accepted before, or one below the
 * window) is refused (RFC 2617 §3.2.2, RFC 7616 §3.4, §5.3), while requests under one nonce may arrive out of
 * order. The nonces themselves are self-validating (any node holding the server secret checks them); this is the
 * only per-nonce state, so BM-SC nodes that share it (a database) refuse on one node a request already accepted on
 * another.
 *
 * <p>Contract: {@link #advance} is atomic per nonce and thread-safe. It may forget a nonce only by answering
 * {@link Outcome#FORGOTTEN} for it afterwards (the client is then told its nonce is stale), never by accepting
 * an nc it already accepted.
 */
public interface NonceCounts {

    /** What {@link #advance} decided. */
    enum Outcome {
        /** The nc was not accepted with this nonce before, and is not below the window. */
        ACCEPTED,
        /** The nc was accepted with this nonce before, or is below the window: a replay. */
        REPLAYED,
        /** This nonce is no longer remembered; the request must be retried with a fresh nonce. */
        FORGOTTEN
    }

    /**
     * Accepts {@code nc} for {@code nonce} if {@link NonceCountWindow#accept} does: not accepted with it before,
     * and not more than {@value NonceCountWindow#WIDTH} below the highest.
     *
     * @param issuedAt  when the (already verified) nonce was issued
     * @param expiresAt when it stops being valid; the entry may be dropped after that
     * @param now       the verifier's clock
     */
    Outcome advance(String nonce, long nc, Instant issuedAt, Instant expiresAt, Instant now);

    /**
     * This process's memory, bounded to {@code maxNonces} entries (the default of {@link DigestVerifier}); a
     * full memory forgets the nonces used longest ago (answering {@link Outcome#FORGOTTEN} for them).
     */
    static NonceCounts inMemory(int maxNonces) {
        if (maxNonces < 1) {
            throw new IllegalArgumentException("maxNonces must be at least 1, got " + maxNonces);
        }
        return new NonceCountTracker(maxNonces);
    }
}
