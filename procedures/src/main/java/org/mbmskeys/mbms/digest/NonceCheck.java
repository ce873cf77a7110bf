package org.mbmskeys.mbms.digest;

import java.time.Instant;

/** What a {@link NonceAuthority} says about a received nonce; times are null for {@link Verdict#INVALID}. */
record NonceCheck(Verdict verdict, Instant issuedAt, Instant expiresAt, String detail) {

    enum Verdict { FRESH, STALE, INVALID }

    static NonceCheck invalid(String detail) {
        return new NonceCheck(Verdict.INVALID, null, null, detail);
    }
}
