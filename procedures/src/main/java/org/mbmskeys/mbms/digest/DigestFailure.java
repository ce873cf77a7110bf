package org.mbmskeys.mbms.digest;

/**
 * Why a Digest exchange failed (RFC 7616 §3.3–§3.5, RFC 2617 §3.2). Closed set: every rejection in this
 * package names exactly one of these, with a detail text that never carries a password or HA1.
 *
 * <p>On the BM-SC every failure except {@link #WRONG_RSPAUTH} (which only the UE detects) is answered
 * with 401 and fresh challenges; {@link #STALE_NONCE} challenges carry {@code stale=true}.
 */
public enum DigestFailure {
    /** The request carried no {@code Authorization} header: the normal first step, answer with a challenge. */
    NO_AUTHORIZATION,
    /** A header is not valid auth-param syntax, lacks a required parameter, repeats one, or is too long. */
    MALFORMED,
    /** The {@code algorithm} is not one this side offers or implements (MD5, SHA-256). */
    UNSUPPORTED_ALGORITHM,
    /** The {@code qop} is missing, unknown, or {@code auth} where only {@code auth-int} is allowed. */
    UNSUPPORTED_QOP,
    /** The {@code realm} is not one the server protects, or not the one the UE expects. */
    REALM_MISMATCH,
    /** The {@code uri} parameter differs from the request-URI of the request it came with. */
    URI_MISMATCH,
    /** The {@code opaque} parameter is not the one the server sent. */
    OPAQUE_MISMATCH,
    /** The nonce was not issued by this server (bad or non-canonical encoding, bad HMAC, other realm). */
    INVALID_NONCE,
    /** The response's {@code algorithm} is not the one its nonce was issued with (e.g. MD5 to a SHA-256 challenge). */
    ALGORITHM_MISMATCH,
    /** No credentials for the username (B-TID): unknown or expired bootstrapping. */
    UNKNOWN_USER,
    /** The request digest is wrong: wrong password, or method, URI or (auth-int) body changed. */
    WRONG_RESPONSE,
    /** The response was right but the nonce is older than its lifetime: retry with the new nonce. */
    STALE_NONCE,
    /** The nonce-count did not increase for this nonce: a replayed request. */
    NONCE_COUNT_REPLAY,
    /** UE side: the server's {@code rspauth} is missing or wrong, so the server is not authenticated. */
    WRONG_RSPAUTH
}
