package org.mbmskeys.engine.spi;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The header fields of one HTTP/1.1 message, as an immutable value: in the order they were sent, with
 * names as spelled on the wire, looked up without regard to case (RFC 9110 §5.1). A name may repeat
 * ({@code WWW-Authenticate} does when a server offers several challenges), so this is a multi-map.
 *
 * <pre>{@code
 * HttpHeaders h = HttpHeaders.empty().with("Host", "bmsc.example.org").with("WWW-Authenticate", "Digest a")
 *         .with("www-authenticate", "Digest b");
 * h.first("HOST");               // Optional[bmsc.example.org]
 * h.all("WWW-Authenticate");     // [Digest a, Digest b]
 * }</pre>
 *
 * @param fields the fields in wire order
 */
public record HttpHeaders(List<Field> fields) {

    private static final HttpHeaders EMPTY = new HttpHeaders(List.of());

    /**
     * One header field.
     *
     * @param name  an RFC 9110 token, e.g. {@code Content-Type}
     * @param value the field value: visible ASCII, space, tab or octets 0x80–0xFF (obs-text); never CR, LF or NUL
     */
    public record Field(String name, String value) {

        /** @throws IllegalArgumentException for a name that is not a token, or a value with CR, LF or other controls */
        public Field {
            requireToken("header name", name);
            Objects.requireNonNull(value, "value");
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                boolean allowed = c == '\t' || (c >= 0x20 && c < 0x7f) || (c >= 0x80 && c <= 0xff);
                if (!allowed) {
                    // CR or LF in a value would let a caller inject a header or a whole message.
                    throw new IllegalArgumentException("header " + name + ": character 0x" + Integer.toHexString(c)
                            + " at index " + i + " is not allowed in a field value (visible ASCII, space, tab, 0x80-0xFF)");
                }
            }
        }
    }

    /** @throws NullPointerException if {@code fields} or one of them is null */
    public HttpHeaders {
        fields = List.copyOf(fields);
    }

    /** No fields. */
    public static HttpHeaders empty() {
        return EMPTY;
    }

    /**
     * Fields from name, value pairs in order, e.g. {@code of("Host", "bmsc", "Accept", "*}{@code /*")}.
     *
     * @throws IllegalArgumentException for an odd number of arguments or a bad name or value
     */
    public static HttpHeaders of(String... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("HttpHeaders.of takes name, value pairs; got " + namesAndValues.length
                    + " arguments");
        }
        List<Field> out = new ArrayList<>(namesAndValues.length / 2);
        for (int i = 0; i < namesAndValues.length; i += 2) {
            out.add(new Field(namesAndValues[i], namesAndValues[i + 1]));
        }
        return new HttpHeaders(out);
    }

    /** The value of the first field called {@code name} (any case), or empty. */
    public Optional<String> first(String name) {
        for (Field f : fields) {
            if (f.name().equalsIgnoreCase(name)) {
                return Optional.of(f.value());
            }
        }
        return Optional.empty();
    }

    /** The values of every field called {@code name} (any case), in order; empty if there is none. */
    public List<String> all(String name) {
        List<String> out = new ArrayList<>(1);
        for (Field f : fields) {
            if (f.name().equalsIgnoreCase(name)) {
                out.add(f.value());
            }
        }
        return List.copyOf(out);
    }

    /** Whether a field called {@code name} (any case) is present. */
    public boolean contains(String name) {
        return first(name).isPresent();
    }

    /** These fields and one more, {@code name: value}, at the end. */
    public HttpHeaders with(String name, String value) {
        List<Field> out = new ArrayList<>(fields.size() + 1);
        out.addAll(fields);
        out.add(new Field(name, value));
        return new HttpHeaders(out);
    }

    /** These fields without any called {@code name} (any case), then {@code name: value} at the end. */
    public HttpHeaders replacing(String name, String value) {
        return without(name).with(name, value);
    }

    /** These fields without any called {@code name} (any case). */
    public HttpHeaders without(String name) {
        List<Field> out = new ArrayList<>(fields.size());
        for (Field f : fields) {
            if (!f.name().equalsIgnoreCase(name)) {
                out.add(f);
            }
        }
        return out.size() == fields.size() ? this : new HttpHeaders(out);
    }

    /** The number of fields. */
    public int size() {
        return fields.size();
    }

    static String requireToken(String what, String text) {
        Objects.requireNonNull(text, what);
        if (text.isEmpty()) {
            throw new IllegalArgumentException(what + " must not be empty");
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean tchar = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
            if (!tchar) {
                throw new IllegalArgumentException(what + " must be an RFC 9110 token (letters, digits, !#$%&'*+-.^_`|~); '"
                        + clip(text) + "' has " + (c < 0x20 || c >= 0x7f ? "0x" + Integer.toHexString(c) : "'" + c + "'")
                        + " at index " + i);
            }
        }
        return text;
    }

    static String clip(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "...";
    }

    static String requireVersion(String version) {
        Objects.requireNonNull(version, "version");
        if (!version.matches("HTTP/\\d\\.\\d")) {
            throw new IllegalArgumentException("HTTP version must look like HTTP/1.1; got '" + clip(version) + "'");
        }
        return version;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("HttpHeaders[");
        for (int i = 0; i < fields.size(); i++) {
            Field f = fields.get(i);
            sb.append(i == 0 ? "" : ", ").append(f.name()).append(": ");
            // Authorization carries a Digest response; not a secret, but no reason to spread it through logs.
            sb.append(f.name().toLowerCase(Locale.ROOT).equals("authorization") ? "(" + f.value().length() + " chars)"
                    : f.value());
        }
        return sb.append(']').toString();
    }
}
