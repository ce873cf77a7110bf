package org.mbmskeys.mbms.digest;

/**
 * Issues server nonces and judges the ones that come back. {@link SelfValidatingNonces} is the only
 * production implementation; the seam exists so known-answer tests can accept the fixed nonces of the
 * RFC examples.
 */
interface NonceAuthority {

    /** A nonce for a challenge in {@code realm} with {@code algorithm}; only that algorithm may answer it. */
    String issue(DigestRealm realm, DigestAlgorithm algorithm);

    NonceCheck check(String nonce, DigestRealm realm);
}
