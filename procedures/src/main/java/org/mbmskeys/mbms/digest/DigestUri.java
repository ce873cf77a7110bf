package org.mbmskeys.mbms.digest;

import java.util.Locale;
import java.util.Optional;

/**
 * Whether the {@code uri} a Digest response was computed over names the resource of the request-line (RFC 2617
 * §3.2.2.5: "the resource designated by the "uri" directive is the same as the resource specified in the
 * Request-Line"). The parameter exists because a proxy may rewrite the request-line, so the two may differ in form:
 * one in the absolute form ({@code http://bmsc.example.org:1234/keymanagement?requesttype=register}, which a UE may
 * send since TS 33.246 G.2 writes the Request-URI with "the full BM-SC key management URI", and which every HTTP/1.1
 * server accepts, RFC 7230 §5.3.2), the other in the origin form ({@code /keymanagement?requesttype=register}).
 *
 * <p>They name the same resource when their paths and queries are equal, character for character, and the absolute
 * one names this BM-SC: its host is the FQDN of the realm (letter case aside, any port). Two absolute forms must
 * agree in scheme and authority too. Nothing is decoded or normalised beyond that.
 */
final class DigestUri {

    private DigestUri() {
    }

    static boolean sameResource(String signed, String requestTarget, DigestRealm realm) {
        if (signed.equals(requestTarget)) {
            return true;
        }
        Optional<Absolute> s = Absolute.parse(signed);
        Optional<Absolute> t = Absolute.parse(requestTarget);
        if (s.isPresent() && t.isPresent()) {
            return s.get().scheme.equals(t.get().scheme) && s.get().authority.equalsIgnoreCase(t.get().authority)
                    && s.get().origin.equals(t.get().origin);
        }
        if (s.isEmpty() && t.isEmpty()) {
            return false;
        }
        Absolute absolute = s.orElseGet(t::get);
        String origin = s.isPresent() ? requestTarget : signed;
        return absolute.origin.equals(origin)
                && realm.bmscFqdn().map(fqdn -> fqdn.equalsIgnoreCase(absolute.host())).orElse(false);
    }

    /** {@code scheme://authority} and what follows it, the origin form (path and query; "/" when there is no path). */
    private record Absolute(String scheme, String authority, String origin) {

        static Optional<Absolute> parse(String uri) {
            int colon = uri.indexOf("://");
            if (colon <= 0) {
                return Optional.empty();
            }
            String scheme = uri.substring(0, colon).toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")) {
                return Optional.empty();
            }
            int start = colon + 3;
            int end = start;
            while (end < uri.length() && uri.charAt(end) != '/' && uri.charAt(end) != '?') {
                end++;
            }
            String rest = uri.substring(end);
            return Optional.of(new Absolute(scheme, uri.substring(start, end), rest.startsWith("/") ? rest : "/" + rest));
        }

        /** The authority without a port (no user info: HTTP URIs carry none, RFC 7230 §2.7.1). */
        String host() {
            int port = authority.lastIndexOf(':');
            return port < 0 || authority.endsWith("]") ? authority : authority.substring(0, port);
        }
    }
}
