package org.mbmskeys.mbms.digest;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What a {@link NonceAuthority} says about a received nonce; times are null for {@link Verdict#INVALID}.
 * {@code algorithm} is the Digest algorithm the nonce was issued with, which the response must use; empty
 * only for an invalid nonce and for the test authority of the RFC examples, whose nonces carry none.
 */
record NonceCheck(Verdict verdict, Instant issuedAt, Instant expiresAt, Optional<DigestAlgorithm> algorithm,
                  String detail) {

    enum Verdict { FRESH, STALE, INVALID }

    NonceCheck {
        Objects.requireNonNull(algorithm, "algorithm");
    }

    static NonceCheck invalid(String detail) {
        return new NonceCheck(Verdict.INVALID, null, null, Optional.empty(), detail);
    }
}
