package org.mbmskeys.mbms.digest;

import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import org.mbmskeys.engine.bytes.Bytes;
import org.mbmskeys.engine.bytes.SecretBytes;
import org.mbmskeys.engine.spi.RandomBytes;

/**
 * The UE side of HTTP Digest with GBA keys (TS 33.246 §6.2.1.3, Annex H; RFC 7616, RFC 2617):
 * answers the BM-SC's challenge, signs requests, and checks the BM-SC's {@code rspauth} (mutual
 * authentication). One client per UE and BM-SC; thread-safe.
 *
 * <p>Flow:
 * <ol>
 *   <li>{@link #onChallenge} with the {@code WWW-Authenticate} values of a 401: the client takes the
 *       first challenge (server preference order) whose realm is the expected one and whose algorithm
 *       (MD5, SHA-256) and qop it supports; it prefers qop {@code auth-int}. A new challenge, stale or
 *       not, resets the nonce-count.</li>
 *   <li>{@link #authorize} for each request: nc counts up per nonce, the cnonce is fresh random.</li>
 *   <li>{@link #onAuthenticationInfo} with the 200's {@code Authentication-Info}: a wrong or missing
 *       {@code rspauth} is {@link DigestFailure#WRONG_RSPAUTH}; a {@code nextnonce} becomes the nonce of
 *       the next request, so no further 401 is needed.</li>
 * </ol>
 *
 * <pre>{@code
 * DigestClient client = new DigestClient(btid, MrkDigestPassword.derive(mrk),
 *         DigestRealm.bootstrapping("bmsc.example.org"), RandomBytes.secure());
 * client.onChallenge(response401.headers("WWW-Authenticate"));
 * DigestAuthorization auth = client.authorize("POST", uri, body);
 * request.header("Authorization", auth.toHeaderValue());
 * client.onAuthenticationInfo(auth, response200.header("Authentication-Info"), response200.body());
 * }</pre>
 *
 * <p>The password is never printed. Given as {@link SecretBytes}, it is kept (not copied, not destroyed) for the
 * client's life. Given as a source ({@link #DigestClient(String, Supplier, DigestRealm, RandomBytes)}), it is
 * asked for each time a request is signed or an {@code rspauth} checked, and destroyed after that use: a UE
 * derives it from the MRK as its key store holds it then, and keeps no copy between requests.
 */
public final class DigestClient {

    private static final String HEADER = "WWW-Authenticate";
    private static final int CNONCE_BYTES = 16;

    private final String username;
    private final Supplier<SecretBytes> password;
    private final DigestRealm expectedRealm;
    private final Supplier<String> cnonces;

    private DigestChallenge challenge;
    private Qop qop;
    private String nonce;
    private long nc;

    /**
     * @param username      the B-TID
     * @param password      base64(MRK) as ASCII bytes ({@link MrkDigestPassword#derive})
     * @param expectedRealm the realm of the BM-SC the UE bootstrapped for; other realms are refused (its FQDN in
     *                      another letter case is the same realm, {@link DigestRealm#matches})
     * @param random        source of cnonces (16 random bytes, as hex)
     */
    public DigestClient(String username, SecretBytes password, DigestRealm expectedRealm, RandomBytes random) {
        this(username, password, expectedRealm, cnonceFrom(Objects.requireNonNull(random, "random")));
    }

    /**
     * A client that asks {@code password} for the password at each use (signing a request, checking an
     * {@code rspauth}) and destroys what it got after that use.
     *
     * @param password gives base64(MRK) as ASCII bytes, a fresh copy each time ({@link MrkDigestPassword#derive});
     *                 it may throw when the key is gone, and the call that needed it fails with that exception
     */
    public DigestClient(String username, Supplier<SecretBytes> password, DigestRealm expectedRealm, RandomBytes random) {
        this(username, Objects.requireNonNull(password, "password"), expectedRealm,
                cnonceFrom(Objects.requireNonNull(random, "random")));
    }

    /** Test seam: the RFC examples use fixed cnonces. */
    DigestClient(String username, SecretBytes password, DigestRealm expectedRealm, Supplier<String> cnonces) {
        this(username, kept(password), expectedRealm, cnonces);
    }

    private DigestClient(String username, Supplier<SecretBytes> password, DigestRealm expectedRealm,
                         Supplier<String> cnonces) {
        this.username = HeaderText.requireText("username", username);
        this.password = password;
        this.expectedRealm = Objects.requireNonNull(expectedRealm, "expectedRealm");
        this.cnonces = cnonces;
    }

    /** The kept password, handed out as a copy that each use destroys. */
    private static Supplier<SecretBytes> kept(SecretBytes password) {
        if (password.isEmpty()) {
            throw new IllegalArgumentException("password must not be empty; use MrkDigestPassword.derive(mrk)");
        }
        return () -> password.copy();
    }

    /** HA1 with the password of this use; the password is destroyed before this returns. */
    private SecretBytes ha1(DigestAlgorithm algorithm, String user, String realm) {
        SecretBytes pw = Objects.requireNonNull(password.get(), "the password source gave no password");
        try {
            if (pw.isEmpty()) {
                throw new IllegalStateException("the password source gave an empty password; it must give base64(MRK)");
            }
            return DigestMath.ha1(algorithm, user, realm, pw);
        } finally {
            pw.destroy();
        }
    }

    private static Supplier<String> cnonceFrom(RandomBytes random) {
        return () -> random.next(CNONCE_BYTES).toHex();
    }

    /**
     * Takes the challenges of a 401 and selects one; its nonce is used from now on, nc restarts at 1.
     *
     * @param wwwAuthenticate every {@code WWW-Authenticate} header value of the response, in order
     * @return the selected challenge
     * @throws DigestException if no challenge is usable, with the reason for the first unusable one:
     *                         {@link DigestFailure#REALM_MISMATCH}, {@link DigestFailure#UNSUPPORTED_ALGORITHM},
     *                         {@link DigestFailure#UNSUPPORTED_QOP} or {@link DigestFailure#MALFORMED}
     */
    public synchronized DigestChallenge onChallenge(List<String> wwwAuthenticate) {
        DigestException firstProblem = null;
        for (String value : wwwAuthenticate) {
            List<AuthParamParser.AuthItem> items;
            try {
                items = AuthParamParser.challenges(HEADER, value);
            } catch (DigestException e) {
                firstProblem = firstProblem != null ? firstProblem : e;
                continue;
            }
            for (AuthParamParser.AuthItem item : items) {
                if (!item.scheme().equalsIgnoreCase("Digest")) {
                    continue;
                }
                try {
                    DigestChallenge c = DigestChallenge.fromItem(item);
                    if (!expectedRealm.matches(c.realm())) {
                        throw new DigestException(DigestFailure.REALM_MISMATCH, HEADER + ": realm '" + c.realm()
                                + "' is not the expected '" + expectedRealm + "'");
                    }
                    adopt(c);
                    return c;
                } catch (DigestException e) {
                    firstProblem = firstProblem != null ? firstProblem : e;
                }
            }
        }
        throw firstProblem != null ? firstProblem : new DigestException(DigestFailure.MALFORMED,
                HEADER + ": the response offers no Digest challenge (" + wwwAuthenticate.size() + " header values)");
    }

    private void adopt(DigestChallenge c) {
        challenge = c;
        qop = c.qopOptions().contains(Qop.AUTH_INT) ? Qop.AUTH_INT : Qop.AUTH;
        nonce = c.nonce();
        nc = 0;
    }

    /** Whether a nonce is known, so {@link #authorize} can sign a request without waiting for a 401. */
    public synchronized boolean hasNonce() {
        return nonce != null;
    }

    /**
     * Signs one request with the current nonce and the next nonce-count.
     *
     * @param uri  the request-target exactly as sent, e.g. {@code /keymanagement?requesttype=register}
     * @param body the request body ({@link Bytes#empty()} for none); covered when qop is auth-int
     * @throws IllegalStateException if no challenge was received yet, or the nonce-count is exhausted
     */
    public synchronized DigestAuthorization authorize(String method, String uri, Bytes body) {
        HeaderText.requireToken("method", method);
        HeaderText.requireText("uri", uri);
        Objects.requireNonNull(body, "body (use Bytes.empty() for none)");
        if (nonce == null) {
            throw new IllegalStateException("no nonce yet; pass the WWW-Authenticate values of a 401 to onChallenge first");
        }
        if (nc == NonceCount.MAX) {
            throw new IllegalStateException("nonce-count exhausted for this nonce; a new challenge is needed");
        }
        nc++;
        DigestAlgorithm algorithm = challenge.algorithm();
        String cnonce = cnonces.get();
        SecretBytes ha1 = ha1(algorithm, username, challenge.realm());
        try {
            String ha2 = DigestMath.ha2(algorithm, method, uri, qop, body);
            String response = DigestMath.response(algorithm, ha1, nonce, nc, cnonce, qop, ha2);
            return new DigestAuthorization(username, challenge.realm(), nonce, uri, response, algorithm,
                    challenge.opaque(), qop, cnonce, nc);
        } finally {
            ha1.destroy();
        }
    }

    /**
     * Checks the server's {@code Authentication-Info} for a request this client signed, then adopts its
     * {@code nextnonce} (if the request used the current nonce).
     *
     * @param sent               what {@link #authorize} returned for the request
     * @param authenticationInfo the header value of the 200 response, or {@code null} if absent
     * @param responseBody       the response body ({@link Bytes#empty()} for none); covered under auth-int
     * @throws DigestException {@link DigestFailure#WRONG_RSPAUTH} when the header is missing, answers
     *                         another request, or its rspauth is wrong; {@link DigestFailure#MALFORMED}
     *                         for bad syntax or a missing rspauth (qop, cnonce and nc left out are read as
     *                         the request's, {@link AuthenticationInfo#parse(String, DigestAuthorization)});
     *                         {@link DigestFailure#UNSUPPORTED_QOP} for an unknown qop
     */
    public synchronized void onAuthenticationInfo(DigestAuthorization sent, String authenticationInfo, Bytes responseBody) {
        Objects.requireNonNull(sent, "sent");
        Objects.requireNonNull(responseBody, "responseBody (use Bytes.empty() for none)");
        if (authenticationInfo == null) {
            throw new DigestException(DigestFailure.WRONG_RSPAUTH, "the response has no Authentication-Info, so the "
                    + "server did not prove it knows the password");
        }
        AuthenticationInfo info = AuthenticationInfo.parse(authenticationInfo, sent);
        if (info.qop() != sent.qop() || info.nc() != sent.nc() || !info.cnonce().equals(sent.cnonce())) {
            throw new DigestException(DigestFailure.WRONG_RSPAUTH, "Authentication-Info answers another request: "
                    + "qop/nc/cnonce are " + info.qop().token() + "/" + NonceCount.format(info.nc()) + "/" + info.cnonce()
                    + ", the request had " + sent.qop().token() + "/" + NonceCount.format(sent.nc()) + "/" + sent.cnonce());
        }
        SecretBytes ha1 = ha1(sent.algorithm(), sent.username(), sent.realm());
        try {
            String ha2 = DigestMath.ha2(sent.algorithm(), "", sent.uri(), sent.qop(), responseBody);
            String expected = DigestMath.response(sent.algorithm(), ha1, sent.nonce(), sent.nc(), sent.cnonce(),
                    sent.qop(), ha2);
            if (!DigestMath.sameDigest(expected, info.rspauth())) {
                throw new DigestException(DigestFailure.WRONG_RSPAUTH, "rspauth does not verify: the server does not "
                        + "know the password, or the response body was changed");
            }
        } finally {
            ha1.destroy();
        }
        if (info.nextnonce().isPresent() && sent.nonce().equals(nonce)) {
            nonce = info.nextnonce().get();
            nc = 0;
        }
    }

    @Override
    public synchronized String toString() {
        return "DigestClient[username=" + username + ", realm=" + expectedRealm + ", nonce "
                + (nonce == null ? "none" : "known") + ", nc=" + nc + "]";
    }
}
