package org.mbmskeys.mbms.digest;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code Authentication-Info} header of a successful Digest exchange (RFC 7615, RFC 7616 §3.5,
 * RFC 2617 §3.2.3): the server's {@code rspauth} proves it knows the password too (mutual
 * authentication), and {@code nextnonce} is the nonce for the client's next request. TS 33.246 wants it
 * in every 200 (§6.3.2.1A, §6.3.2.2.1, Annex H step 7); this package sends all five fields.
 *
 * <pre>{@code
 * nextnonce="AAABjK…", qop=auth-int, rspauth="…", cnonce="…", nc=00000001
 * }</pre>
 *
 * @param rspauth   response digest, lower-case hex
 * @param cnonce    the client nonce of the request this answers
 * @param nc        the nonce-count of the request this answers
 * @param nextnonce nonce to use next, if the server sent one
 */
public record AuthenticationInfo(Qop qop, String rspauth, String cnonce, long nc, Optional<String> nextnonce) {

    private static final String HEADER = "Authentication-Info";

    /** @throws IllegalArgumentException for empty or control-character values, or nc out of range */
    public AuthenticationInfo {
        Objects.requireNonNull(qop, "qop");
        HeaderText.requireText("rspauth", rspauth);
        HeaderText.requireText("cnonce", cnonce);
        NonceCount.require("nc", nc);
        nextnonce.ifPresent(n -> HeaderText.requireText("nextnonce", n));
    }

    /** The header value. */
    public String toHeaderValue() {
        AuthParamWriter w = AuthParamWriter.bare();
        nextnonce.ifPresent(n -> w.quoted("nextnonce", n));
        return w.token("qop", qop.token())
                .quoted("rspauth", rspauth)
                .quoted("cnonce", cnonce)
                .token("nc", NonceCount.format(nc))
                .build();
    }

    /**
     * Parses an {@code Authentication-Info} value. Unknown parameters are ignored.
     *
     * @throws DigestException {@link DigestFailure#MALFORMED} for bad syntax or a missing qop, rspauth,
     *                         cnonce or nc; {@link DigestFailure#UNSUPPORTED_QOP} for an unknown qop
     */
    public static AuthenticationInfo parse(String authenticationInfo) {
        Params p = new Params(HEADER, AuthParamParser.params(HEADER, authenticationInfo), "qop, rspauth, cnonce and nc");
        String qopText = p.required("qop");
        Qop qop = Qop.ofToken(qopText).orElseThrow(() -> new DigestException(DigestFailure.UNSUPPORTED_QOP,
                HEADER + ": qop '" + qopText + "' is not supported; expected auth-int or auth"));
        String rspauth = p.required("rspauth").toLowerCase(Locale.ROOT);
        String cnonce = p.required("cnonce");
        long nc = NonceCount.parse(HEADER, p.required("nc"));
        Optional<String> nextnonce = p.optional("nextnonce");
        if (nextnonce.isPresent() && nextnonce.get().isEmpty()) {
            throw new DigestException(DigestFailure.MALFORMED, HEADER + ": nextnonce is empty; omit it or send a nonce");
        }
        return new AuthenticationInfo(qop, rspauth, cnonce, nc, nextnonce);
    }
}
