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
     * Parses an {@code Authentication-Info} value as a server writes it: all of qop, rspauth, cnonce and nc.
     * Unknown parameters are ignored.
     *
     * @throws DigestException {@link DigestFailure#MALFORMED} for bad syntax or a missing qop, rspauth,
     *                         cnonce or nc; {@link DigestFailure#UNSUPPORTED_QOP} for an unknown qop
     */
    public static AuthenticationInfo parse(String authenticationInfo) {
        Params p = new Params(HEADER, AuthParamParser.params(HEADER, authenticationInfo), "qop, rspauth, cnonce and nc");
        return read(p, qop(p.required("qop")), p.required("cnonce"), NonceCount.parse(HEADER, p.required("nc")));
    }

    /**
     * Parses the {@code Authentication-Info} of the response to {@code answered}, as a client reads it: only
     * {@code rspauth} is required. RFC 2617 §3.2.3 and RFC 7616 §3.5 make {@code qop} a SHOULD ("the server
     * SHOULD use the same value ... as was sent by the client") and tie cnonce and nc to the request answered,
     * so a server that leaves any of the three out is read as having used the request's; one that sends them
     * is taken at its word (and {@link DigestClient} refuses values that answer another request).
     *
     * @throws DigestException {@link DigestFailure#MALFORMED} for bad syntax or a missing rspauth;
     *                         {@link DigestFailure#UNSUPPORTED_QOP} for an unknown qop
     */
    public static AuthenticationInfo parse(String authenticationInfo, DigestAuthorization answered) {
        Objects.requireNonNull(answered, "answered");
        Params p = new Params(HEADER, AuthParamParser.params(HEADER, authenticationInfo), "rspauth");
        return read(p, ifSent(p, "qop").map(AuthenticationInfo::qop).orElse(answered.qop()),
                ifSent(p, "cnonce").orElse(answered.cnonce()),
                ifSent(p, "nc").map(nc -> NonceCount.parse(HEADER, nc)).orElse(answered.nc()));
    }

    /** A parameter that may be left out, but not sent empty. */
    private static Optional<String> ifSent(Params p, String name) {
        Optional<String> value = p.optional(name);
        if (value.isPresent() && value.get().isEmpty()) {
            throw new DigestException(DigestFailure.MALFORMED, HEADER + ": " + name + " is empty; omit it or send a value");
        }
        return value;
    }

    private static Qop qop(String text) {
        return Qop.ofToken(text).orElseThrow(() -> new DigestException(DigestFailure.UNSUPPORTED_QOP,
                HEADER + ": qop '" + text + "' is not supported; expected auth-int or auth"));
    }

    private static AuthenticationInfo read(Params p, Qop qop, String cnonce, long nc) {
        String rspauth = p.required("rspauth").toLowerCase(Locale.ROOT);
        Optional<String> nextnonce = ifSent(p, "nextnonce");
        return new AuthenticationInfo(qop, rspauth, cnonce, nc, nextnonce);
    }
}
