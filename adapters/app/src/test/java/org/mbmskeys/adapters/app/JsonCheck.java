package org.mbmskeys.adapters.app;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A strict, tiny JSON reader for tests (RFC 8259 subset: no exponents or fractions, which the CLI never
 * writes): parses the whole text or throws {@link IllegalArgumentException} naming the offset. Objects
 * become {@link LinkedHashMap}s, arrays {@link List}s, numbers {@link Long}s.
 */
public final class JsonCheck {

    private final String text;
    private int at;

    private JsonCheck(String text) {
        this.text = text;
    }

    /** The single JSON value that is all of {@code text} (surrounding white space allowed). */
    public static Object parse(String text) {
        JsonCheck p = new JsonCheck(text);
        Object value = p.value();
        p.space();
        if (p.at != text.length()) {
            throw p.fail("trailing text");
        }
        return value;
    }

    /** {@link #parse} of a text that must be an object. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> object(String text) {
        Object v = parse(text);
        if (!(v instanceof Map)) {
            throw new IllegalArgumentException("not a JSON object: " + text);
        }
        return (Map<String, Object>) v;
    }

    private Object value() {
        space();
        if (at >= text.length()) {
            throw fail("value expected");
        }
        char c = text.charAt(at);
        switch (c) {
            case '{':
                return object();
            case '[':
                return array();
            case '"':
                return string();
            default:
                break;
        }
        if (text.startsWith("true", at)) {
            at += 4;
            return Boolean.TRUE;
        }
        if (text.startsWith("false", at)) {
            at += 5;
            return Boolean.FALSE;
        }
        if (text.startsWith("null", at)) {
            at += 4;
            return null;
        }
        int start = at;
        if (c == '-') {
            at++;
        }
        while (at < text.length() && Character.isDigit(text.charAt(at))) {
            at++;
        }
        if (at == start || (at == start + 1 && c == '-')) {
            throw fail("unexpected character '" + c + "'");
        }
        return Long.parseLong(text.substring(start, at));
    }

    private Map<String, Object> object() {
        Map<String, Object> out = new LinkedHashMap<>();
        at++;
        space();
        if (peek('}')) {
            return out;
        }
        do {
            space();
            if (at >= text.length() || text.charAt(at) != '"') {
                throw fail("member name expected");
            }
            String name = string();
            space();
            expect(':');
            if (out.containsKey(name)) {
                throw fail("duplicate member " + name);
            }
            out.put(name, value());
            space();
        } while (peek(','));
        expect('}');
        return out;
    }

    private List<Object> array() {
        List<Object> out = new ArrayList<>();
        at++;
        space();
        if (peek(']')) {
            return out;
        }
        do {
            out.add(value());
            space();
        } while (peek(','));
        expect(']');
        return out;
    }

    private String string() {
        StringBuilder sb = new StringBuilder();
        at++;
        while (at < text.length()) {
            char c = text.charAt(at++);
            if (c == '"') {
                return sb.toString();
            }
            if (c < 0x20) {
                throw fail("control character in string");
            }
            if (c != '\\') {
                sb.append(c);
                continue;
            }
            char e = text.charAt(at++);
            switch (e) {
                case '"', '\\', '/' -> sb.append(e);
                case 'n' -> sb.append('\n');
                case 'r' -> sb.append('\r');
                case 't' -> sb.append('\t');
                case 'b' -> sb.append('\b');
                case 'f' -> sb.append('\f');
                case 'u' -> {
                    sb.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
                    at += 4;
                }
                default -> throw fail("bad escape \\" + e);
            }
        }
        throw fail("unterminated string");
    }

    private void space() {
        while (at < text.length() && " \t\r\n".indexOf(text.charAt(at)) >= 0) {
            at++;
        }
    }

    private boolean peek(char c) {
        if (at < text.length() && text.charAt(at) == c) {
            at++;
            return true;
        }
        return false;
    }

    private void expect(char c) {
        if (!peek(c)) {
            throw fail("'" + c + "' expected");
        }
    }

    private IllegalArgumentException fail(String problem) {
        return new IllegalArgumentException("malformed JSON at offset " + at + ": " + problem);
    }
}
