package org.mbmskeys.mbms.digest;

import java.util.Objects;
import java.util.Optional;

/**
 * Digest credentials, the value of an {@code Authorization} header (RFC 7616 §3.4, RFC 2617 §3.2.2),
 * always with qop, cnonce and nc (the RFC 2069 mode is not supported). For MBMS the username is the
 * B-TID.
 *
 * <pre>{@code
 * Digest username="I1U8vpY3qJ0hiuZNrke/NQ==@bsf.example.org", realm="3GPP-bootstrapping@bmsc.example.org",
 *        nonce="…", uri="/keymanagement?requesttype=register", algorithm=MD5, response="…",
 *        qop=auth-int, nc=00000001, cnonce="…"
 * }</pre>
 *
 * @param response request digest, lower-case hex of {@link DigestAlgorithm#hexLength()} digits
 * @param nc       nonce-count, 1 to 2^32-1 (written as 8 hex digits)
 */
public record DigestAuthorization(String username, String realm, String nonce, String uri, String response,
                                  DigestAlgorithm algorithm, Optional<String> opaque, Qop qop, String cnonce,
                                  long nc) {

    private static final String HEADER = "Authorization";

    /** @throws IllegalArgumentException for empty or control-character values, or nc out of range */
    public DigestAuthorization {
        HeaderText.requireText("username", username);
        HeaderText.requireText("realm", realm);
        HeaderText.requireText("nonce", nonce);
        HeaderText.requireText("uri", uri);
        HeaderText.requireText("response", response);
        Objects.requireNonNull(algorithm, "algorithm");
        opaque.ifPresent(o -> HeaderText.requirePrintable("opaque", o));
        Objects.requireNonNull(qop, "qop");
        HeaderText.requireText("cnonce", cnonce);
        NonceCount.require("nc", nc);
    }

    /** The header value; qop, nc and algorithm unquoted as RFC 7616 §3.4 requires. */
    public String toHeaderValue() {
        AuthParamWriter w = AuthParamWriter.withScheme("Digest")
                .quoted("username", username)
                .quoted("realm", realm)
                .quoted("nonce", nonce)
                .quoted("uri", uri)
                .token("algorithm", algorithm.token())
                .quoted("response", response);
        opaque.ifPresent(o -> w.quoted("opaque", o));
        return w.token("qop", qop.token())
                .token("nc", NonceCount.format(nc))
                .quoted("cnonce", cnonce)
                .build();
    }

    /**
     * Parses an {@code Authorization} value. Unknown parameters are ignored (RFC 7616 §3.4).
     *
     * @throws DigestException {@link DigestFailure#MALFORMED} for bad syntax, another scheme, a missing
     *                         parameter, a bad nc or response; {@link DigestFailure#UNSUPPORTED_ALGORITHM};
     *                         {@link DigestFailure#UNSUPPORTED_QOP} for a missing or unknown qop
     */
    public static DigestAuthorization parse(String authorization) {
        AuthParamParser.AuthItem item = AuthParamParser.credentials(HEADER, authorization);
        if (!item.scheme().equalsIgnoreCase("Digest")) {
            throw new DigestException(DigestFailure.MALFORMED, HEADER + " uses the scheme '" + item.scheme()
                    + "'; only Digest is accepted");
        }
        if (item.hasToken68()) {
            throw new DigestException(DigestFailure.MALFORMED, HEADER + ": Digest credentials are name=value "
                    + "parameters, not a token68");
        }
        Params p = new Params(HEADER, item.params(), "username, realm, nonce, uri, response, qop, nc and cnonce");
        if (!p.has("username") && p.has("username*")) {
            throw new DigestException(DigestFailure.MALFORMED, HEADER + ": username* (RFC 7616 §3.4.4) is not "
                    + "supported; send username (the B-TID is plain ASCII)");
        }
        if (p.optional("userhash").map(v -> v.equalsIgnoreCase("true")).orElse(false)) {
            throw new DigestException(DigestFailure.MALFORMED, HEADER + ": userhash=true is not supported; "
                    + "send the username in clear");
        }
        String username = p.required("username");
        String realm = p.required("realm");
        String nonce = p.required("nonce");
        String uri = p.required("uri");
        DigestAlgorithm algorithm = p.algorithm(DigestAlgorithm.MD5);
        String qopText = p.optional("qop").orElseThrow(() -> new DigestException(DigestFailure.UNSUPPORTED_QOP,
                HEADER + ": qop is missing; this server needs qop auth-int or auth (RFC 2069 mode is not supported)"));
        Qop qop = Qop.ofToken(qopText).orElseThrow(() -> new DigestException(DigestFailure.UNSUPPORTED_QOP,
                HEADER + ": qop '" + qopText + "' is not supported; use auth-int or auth"));
        String response = p.hexDigest("response", algorithm);
        String cnonce = p.required("cnonce");
        long nc = NonceCount.parse(HEADER, p.required("nc"));
        return new DigestAuthorization(username, realm, nonce, uri, response, algorithm, p.optional("opaque"), qop,
                cnonce, nc);
    }
}
