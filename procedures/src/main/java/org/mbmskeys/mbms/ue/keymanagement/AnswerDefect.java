package org.mbmskeys.mbms.ue.keymanagement;

/**
 * Why the UE could not use a BM-SC answer ({@link KeyManagementOutcome.Malformed}). Closed.
 */
public enum AnswerDefect {
    /** A 401 without a Digest challenge the UE can answer: none, another realm, unknown algorithm or qop, bad syntax. */
    BAD_CHALLENGE,
    /**
     * A 2xx whose {@code Authentication-Info} is missing, answers another request, or whose {@code rspauth}
     * does not verify over the body (auth-int): the server is not authenticated or the body was changed,
     * so nothing in it is used (TS 33.246 Annex H step 8).
     */
    NOT_AUTHENTICATED,
    /** An authenticated 2xx with a Content-Type other than the answer type of the request (G.2.1–G.2.3, Annex H step 7). */
    WRONG_MEDIA_TYPE,
    /** An authenticated 2xx whose body is not the TS 26.346 answer format. */
    BAD_BODY
}
