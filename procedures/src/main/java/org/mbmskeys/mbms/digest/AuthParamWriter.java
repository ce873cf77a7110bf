package org.mbmskeys.mbms.digest;

/** Writes {@code [scheme SP] name=value, name="value", ...}; the twin of {@link AuthParamParser}. */
final class AuthParamWriter {

    private final StringBuilder sb = new StringBuilder(256);
    private boolean first = true;

    private AuthParamWriter() {
    }

    static AuthParamWriter withScheme(String scheme) {
        AuthParamWriter w = new AuthParamWriter();
        w.sb.append(scheme).append(' ');
        return w;
    }

    static AuthParamWriter bare() {
        return new AuthParamWriter();
    }

    /** {@code name="value"} with '"' and '\' escaped; callers validated the value has no control characters. */
    AuthParamWriter quoted(String name, String value) {
        separate();
        sb.append(name).append("=\"");
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\') {
                sb.append('\\');
            }
            sb.append(c);
        }
        sb.append('"');
        return this;
    }

    /** {@code name=value} for values that are tokens by construction (algorithm, qop, nc, stale). */
    AuthParamWriter token(String name, String value) {
        separate();
        sb.append(name).append('=').append(value);
        return this;
    }

    private void separate() {
        if (!first) {
            sb.append(", ");
        }
        first = false;
    }

    String build() {
        return sb.toString();
    }
}
