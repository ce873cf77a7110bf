package org.mbmskeys.mbms.digest;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One Digest challenge, the value of a {@code WWW-Authenticate} header (RFC 7616 §3.3). The server sends
 * one per algorithm it offers, most preferred first; the client uses the first one it supports.
 *
 * <pre>{@code
 * Digest realm="3GPP-bootstrapping@bmsc.example.org", qop="auth-int", algorithm=MD5,
 *        nonce="AAABjK...", opaque="k8Rk..."
 * }</pre>
 *
 * @param realm      protection space, for MBMS a {@link DigestRealm} value
 * @param nonce      server nonce, opaque to the client
 * @param opaque     value the client must echo, if the server sent one
 * @param algorithm  hash algorithm (written even for MD5, which is the default when absent)
 * @param qopOptions offered qop values in preference order, at least one (this package requires qop)
 * @param stale      {@code true} when the previous request was right but its nonce had expired
 */
public record DigestChallenge(String realm, String nonce, Optional<String> opaque, DigestAlgorithm algorithm,
                              List<Qop> qopOptions, boolean stale) {

    private static final String HEADER = "WWW-Authenticate";

    /** @throws IllegalArgumentException for empty realm/nonce, control characters, no or repeated qop options */
    public DigestChallenge {
        HeaderText.requireText("realm", realm);
        HeaderText.requireText("nonce", nonce);
        opaque.ifPresent(o -> HeaderText.requirePrintable("opaque", o));
        Objects.requireNonNull(algorithm, "algorithm");
        qopOptions = List.copyOf(qopOptions);
        if (qopOptions.isEmpty()) {
            throw new IllegalArgumentException("qopOptions must offer auth-int and/or auth");
        }
        if (EnumSet.copyOf(qopOptions).size() != qopOptions.size()) {
            throw new IllegalArgumentException("qopOptions lists a value twice: " + qopOptions);
        }
    }

    /** The header value, e.g. {@code Digest realm="…", qop="auth-int, auth", algorithm=MD5, nonce="…"}. */
    public String toHeaderValue() {
        StringBuilder qops = new StringBuilder();
        for (Qop q : qopOptions) {
            qops.append(qops.length() == 0 ? "" : ", ").append(q.token());
        }
        AuthParamWriter w = AuthParamWriter.withScheme("Digest")
                .quoted("realm", realm)
                .quoted("qop", qops.toString())
                .token("algorithm", algorithm.token())
                .quoted("nonce", nonce);
        opaque.ifPresent(o -> w.quoted("opaque", o));
        if (stale) {
            w.token("stale", "true");
        }
        return w.build();
    }

    /**
     * The Digest challenges of one {@code WWW-Authenticate} value that this package can answer, in order.
     * Other schemes, and Digest challenges with an algorithm or qop this package does not implement, are
     * skipped (the result may be empty).
     *
     * @throws DigestException {@link DigestFailure#MALFORMED} for bad syntax or a Digest challenge without
     *                         realm or nonce
     */
    public static List<DigestChallenge> parseAll(String wwwAuthenticate) {
        List<DigestChallenge> out = new ArrayList<>();
        for (AuthParamParser.AuthItem item : AuthParamParser.challenges(HEADER, wwwAuthenticate)) {
            if (!item.scheme().equalsIgnoreCase("Digest")) {
                continue;
            }
            try {
                out.add(fromItem(item));
            } catch (DigestException e) {
                if (e.failure() == DigestFailure.MALFORMED) {
                    throw e;
                }
            }
        }
        return out;
    }

    /** One Digest challenge, failing with the reason this package cannot answer it. */
    static DigestChallenge fromItem(AuthParamParser.AuthItem item) {
        if (item.hasToken68()) {
            throw new DigestException(DigestFailure.MALFORMED, HEADER + ": a Digest challenge carries name=value "
                    + "parameters, not a token68");
        }
        Params p = new Params(HEADER, item.params(), "realm and nonce");
        String realm = p.required("realm");
        String nonce = p.required("nonce");
        DigestAlgorithm algorithm = p.algorithm(DigestAlgorithm.MD5);
        String qopText = p.optional("qop").orElseThrow(() -> new DigestException(DigestFailure.UNSUPPORTED_QOP,
                HEADER + ": the challenge offers no qop; this implementation needs qop auth-int or auth "
                        + "(the RFC 2069 mode without qop is not supported)"));
        Set<Qop> seen = EnumSet.noneOf(Qop.class);
        List<Qop> qops = new ArrayList<>();
        for (String option : qopText.split(",", -1)) {
            Qop.ofToken(option.strip()).filter(seen::add).ifPresent(qops::add);
        }
        if (qops.isEmpty()) {
            throw new DigestException(DigestFailure.UNSUPPORTED_QOP, HEADER + ": qop \"" + qopText
                    + "\" offers neither auth-int nor auth");
        }
        boolean stale = p.optional("stale").map(v -> v.equalsIgnoreCase("true")).orElse(false);
        return new DigestChallenge(realm, nonce, p.optional("opaque"), algorithm, qops, stale);
    }
}
