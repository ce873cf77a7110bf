package org.mbmskeys.mbms.digest;

import java.time.Instant;

/**
 * Remembers, per used Digest nonce, the highest nonce-count accepted, so that a replayed request (same or lower
 * nc) is refused (RFC 7616 §3.4, §5.3). The nonces themselves are self-validating (any node holding the server
 * secret checks them); this is the only per-nonce state, so BM-SC nodes that share it (a database) refuse on one
 * node a request already accepted on another.
 *
 * <p>Contract: {@link #advance} is atomic per nonce and thread-safe. It may forget a nonce only by answering
 * {@link Outcome#FORGOTTEN} for it afterwards (the client is then told its nonce is stale), never by accepting
 * an nc it already accepted.
 */
public interface NonceCounts {

    /** What {@link #advance} decided. */
    enum Outcome {
        /** The nc is above every nc accepted with this nonce; it is now the highest. */
        ACCEPTED,
        /** The nc is not above the highest accepted with this nonce: a replay. */
        REPLAYED,
        /** This nonce is no longer remembered; the request must be retried with a fresh nonce. */
        FORGOTTEN
    }

    /**
     * Accepts {@code nc} for {@code nonce} if it is above the highest nc accepted with it so far.
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
