package org.mbmskeys.mbms.digest;

import java.time.Duration;
import java.time.InstantSource;

/**
 * Test {@link NonceAuthority} for the RFC examples, whose nonces are not self-validating: the one given
 * nonce is FRESH (issued now, valid for a minute), anything else INVALID; it issues that same nonce.
 */
final class AcceptOneNonce implements NonceAuthority {

    private final String nonce;
    private final InstantSource clock;

    AcceptOneNonce(String nonce, InstantSource clock) {
        this.nonce = nonce;
        this.clock = clock;
    }

    @Override
    public String issue(DigestRealm realm, DigestAlgorithm algorithm) {
        return nonce;
    }

    @Override
    public NonceCheck check(String received, DigestRealm realm) {
        if (!nonce.equals(received)) {
            return NonceCheck.invalid("test authority knows one nonce only");
        }
        return new NonceCheck(NonceCheck.Verdict.FRESH, clock.instant(), clock.instant().plus(Duration.ofMinutes(1)),
                java.util.Optional.empty(), "the RFC example nonce (bound to no algorithm)");
    }
}
