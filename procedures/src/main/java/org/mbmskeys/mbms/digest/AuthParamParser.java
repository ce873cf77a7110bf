package org.mbmskeys.mbms.digest;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Parser for the auth-param syntax of RFC 7235 §2.1 / RFC 7230 §3.2.6 as used by {@code WWW-Authenticate}
 * (one or more challenges), {@code Authorization} (one credentials) and {@code Authentication-Info}
 * (a bare parameter list, RFC 7615).
 *
 * <p>Deliberately strict where leniency would hide tampering: a repeated parameter, an unterminated
 * quoted-string, a control character or a header over {@link #MAX_HEADER_CHARS} is {@link
 * DigestFailure#MALFORMED}. Lenient where RFC 7230's list rule asks for it: empty list elements and
 * optional white space are skipped, and any parameter may be a token or a quoted-string. Parameter names
 * are case-insensitive and returned lower-cased; values are returned unescaped.
 */
final class AuthParamParser {

    /** Upper bound on a header value; Digest headers of this profile are a few hundred characters. */
    static final int MAX_HEADER_CHARS = 8 * 1024;

    /** One challenge or credentials. {@code params} is empty when the scheme carried a token68 or nothing. */
    record AuthItem(String scheme, Map<String, String> params, boolean hasToken68) {
        AuthItem {
            params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
        }
    }

    private final String header;
    private final String s;
    private int pos;

    private AuthParamParser(String header, String value) {
        this.header = header;
        this.s = value;
    }

    /** Every challenge of one {@code WWW-Authenticate} value, in order. */
    static List<AuthItem> challenges(String header, String value) {
        AuthParamParser p = new AuthParamParser(header, checkLength(header, value));
        List<AuthItem> out = new ArrayList<>();
        p.skipSeparators();
        while (!p.atEnd()) {
            out.add(p.readItem(true));
            p.skipSeparators();
        }
        if (out.isEmpty()) {
            throw p.expected("an auth-scheme such as Digest");
        }
        return out;
    }

    /** The single credentials of an {@code Authorization} value. */
    static AuthItem credentials(String header, String value) {
        AuthParamParser p = new AuthParamParser(header, checkLength(header, value));
        p.skipOws();
        AuthItem item = p.readItem(false);
        p.skipSeparators();
        if (!p.atEnd()) {
            throw p.expected("end of header after the credentials");
        }
        return item;
    }

    /** The parameters of a bare auth-param list such as {@code Authentication-Info}. */
    static Map<String, String> params(String header, String value) {
        AuthParamParser p = new AuthParamParser(header, checkLength(header, value));
        Map<String, String> params = new LinkedHashMap<>();
        p.skipSeparators();
        if (!p.atEnd()) {
            p.readParamList(params, false);
        }
        return Collections.unmodifiableMap(params);
    }

    private static String checkLength(String header, String value) {
        if (value == null) {
            throw new DigestException(DigestFailure.MALFORMED, header + " is missing");
        }
        if (value.length() > MAX_HEADER_CHARS) {
            throw new DigestException(DigestFailure.MALFORMED, header + " is " + value.length()
                    + " characters long; at most " + MAX_HEADER_CHARS + " are accepted");
        }
        return value;
    }

    private AuthItem readItem(boolean anotherChallengeMayFollow) {
        String scheme = readToken("an auth-scheme such as Digest");
        int afterScheme = pos;
        skipOws();
        boolean spaced = pos > afterScheme;
        Map<String, String> params = new LinkedHashMap<>();
        boolean token68 = false;
        if (atEnd()) {
            return new AuthItem(scheme, params, false);
        }
        if (peek() == ',') {
            // Either empty list elements before this scheme's first parameter ("Digest , realm=...", allowed
            // by the #rule), or the comma between a parameterless scheme and the next challenge.
            int comma = pos;
            skipSeparators();
            if (!atEnd() && looksLikeParam()) {
                readParamList(params, anotherChallengeMayFollow);
            } else {
                pos = comma;
            }
            return new AuthItem(scheme, params, false);
        }
        if (!spaced) {
            throw expected("a space after the auth-scheme '" + scheme + "'");
        }
        if (looksLikeToken68()) {
            while (!atEnd() && isToken68Char(peek())) {
                pos++;
            }
            while (!atEnd() && peek() == '=') {
                pos++;
            }
            token68 = true;
        } else {
            readParamList(params, anotherChallengeMayFollow);
        }
        return new AuthItem(scheme, params, token68);
    }

    /** auth-param *( OWS "," OWS [ auth-param ] ), stopping before the scheme of a following challenge. */
    private void readParamList(Map<String, String> params, boolean anotherChallengeMayFollow) {
        readParam(params);
        while (true) {
            skipOws();
            if (atEnd()) {
                return;
            }
            if (peek() != ',') {
                throw expected("',' between parameters");
            }
            skipSeparators();
            if (atEnd()) {
                return;
            }
            if (!looksLikeParam()) {
                if (anotherChallengeMayFollow) {
                    return;
                }
                throw expected("a parameter of the form name=value");
            }
            readParam(params);
        }
    }

    private void readParam(Map<String, String> params) {
        int start = pos;
        String name = readToken("a parameter name").toLowerCase(Locale.ROOT);
        skipOws();
        if (atEnd() || peek() != '=') {
            throw expected("'=' after the parameter name '" + name + "'");
        }
        pos++;
        skipOws();
        String value;
        if (!atEnd() && peek() == '"') {
            value = readQuoted(name);
        } else {
            value = readToken("a token or a quoted string as the value of '" + name + "'");
        }
        if (params.putIfAbsent(name, value) != null) {
            throw new DigestException(DigestFailure.MALFORMED, header + " at char " + start + ": parameter '"
                    + name + "' appears twice; each parameter is allowed once");
        }
    }

    private String readQuoted(String name) {
        int start = pos;
        pos++;
        StringBuilder sb = new StringBuilder();
        while (pos < s.length()) {
            char c = s.charAt(pos++);
            if (c == '"') {
                return sb.toString();
            }
            if (c == '\\') {
                if (pos >= s.length()) {
                    break;
                }
                char escaped = s.charAt(pos++);
                if (isControl(escaped)) {
                    throw controlCharacter(pos - 1, escaped, name);
                }
                sb.append(escaped);
            } else if (isControl(c)) {
                throw controlCharacter(pos - 1, c, name);
            } else {
                sb.append(c);
            }
        }
        throw new DigestException(DigestFailure.MALFORMED, header + " at char " + start + ": the quoted value of '"
                + name + "' is not closed by '\"'");
    }

    private DigestException controlCharacter(int at, char c, String name) {
        return new DigestException(DigestFailure.MALFORMED, header + " at char " + at + ": control character 0x"
                + Integer.toHexString(c) + " in the quoted value of '" + name + "'; only printable characters "
                + "and HTAB are allowed");
    }

    private String readToken(String what) {
        int start = pos;
        while (!atEnd() && HeaderText.isTchar(peek())) {
            pos++;
        }
        if (pos == start) {
            throw expected(what);
        }
        return s.substring(start, pos);
    }

    /** token OWS "=" ahead: a parameter, as opposed to the scheme of the next challenge. */
    private boolean looksLikeParam() {
        int i = pos;
        while (i < s.length() && HeaderText.isTchar(s.charAt(i))) {
            i++;
        }
        if (i == pos) {
            return false;
        }
        while (i < s.length() && isOws(s.charAt(i))) {
            i++;
        }
        return i < s.length() && s.charAt(i) == '=';
    }

    /** token68 = 1*( ALPHA / DIGIT / "-" / "." / "_" / "~" / "+" / "/" ) *"=", then the end of the item. */
    private boolean looksLikeToken68() {
        int i = pos;
        while (i < s.length() && isToken68Char(s.charAt(i))) {
            i++;
        }
        if (i == pos) {
            return false;
        }
        while (i < s.length() && s.charAt(i) == '=') {
            i++;
        }
        while (i < s.length() && isOws(s.charAt(i))) {
            i++;
        }
        return i == s.length() || s.charAt(i) == ',';
    }

    private static boolean isToken68Char(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-._~+/".indexOf(c) >= 0;
    }

    private static boolean isOws(char c) {
        return c == ' ' || c == '\t';
    }

    private static boolean isControl(char c) {
        return (c < 0x20 && c != '\t') || c == 0x7F;
    }

    private void skipOws() {
        while (!atEnd() && isOws(peek())) {
            pos++;
        }
    }

    private void skipSeparators() {
        while (!atEnd() && (isOws(peek()) || peek() == ',')) {
            pos++;
        }
    }

    private boolean atEnd() {
        return pos >= s.length();
    }

    private char peek() {
        return s.charAt(pos);
    }

    private DigestException expected(String what) {
        String found;
        if (atEnd()) {
            found = "the end of the header";
        } else if (isControl(peek()) || peek() > 0x7E) {
            found = "character 0x" + Integer.toHexString(peek());
        } else {
            found = "'" + peek() + "'";
        }
        return new DigestException(DigestFailure.MALFORMED, header + " at char " + pos + ": expected " + what
                + ", found " + found);
    }
}
