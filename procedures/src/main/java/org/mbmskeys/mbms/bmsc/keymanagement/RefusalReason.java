package org.mbmskeys.mbms.bmsc.keymanagement;

/**
 * Why the BM-SC refused a key management request before it reached the authorisation decision, with the
 * status it answers (TS 33.246 table G.2.4-1). Closed.
 */
public enum RefusalReason {
    /** Not HTTP/1.1: 505 ("the UE should use HTTP/1.1"). */
    HTTP_VERSION(505),
    /** The Request-URI is not {@code /keymanagement} with one known {@code requesttype}: 404 ("malformed Request-URI"). */
    NOT_FOUND(404),
    /** Not POST: 405, with {@code Allow: POST}. */
    METHOD(405),
    /** No credentials and no {@code 3gpp-gba} in the User-Agent: the UE cannot run GBA-based Digest, 403. */
    NO_GBA(403),
    /**
     * No credentials (the normal first request, Annex H step 2) or credentials the Digest verifier refused:
     * 401 with fresh challenges ({@code stale=true} after an expired nonce).
     */
    UNAUTHENTICATED(401),
    /** Authenticated, but the Content-Type is not the one of the request type: 400 (415 is "not used by BM-SC"). */
    MEDIA_TYPE(400),
    /** Authenticated, but the body is not the TS 26.346 format of the request type: 400. */
    BODY(400),
    /**
     * Authenticated, but the project's {@code mikeyport} parameter of a registration
     * ({@link org.mbmskeys.mbms.keymanagement.MikeyPortParameter}) is repeated or not a port 1..65535: 400.
     */
    MIKEY_PORT(400);

    private final int status;

    RefusalReason(int status) {
        this.status = status;
    }

    /** The HTTP status the BM-SC answers. */
    public int status() {
        return status;
    }
}
