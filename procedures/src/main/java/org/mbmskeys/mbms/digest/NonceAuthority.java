package org.mbmskeys.mbms.digest;

/**
 * Issues server nonces and judges the ones that come back. {@link SelfValidatingNonces} is the only
 * production implementation; the seam exists so known-answer tests can accept the fixed nonces of the
 * RFC examples.
 */
interface NonceAuthority {

    String issue(DigestRealm realm);

    NonceCheck check(String nonce, DigestRealm realm);
}
