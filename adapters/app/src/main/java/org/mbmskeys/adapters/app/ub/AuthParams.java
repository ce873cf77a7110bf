package org.mbmskeys.adapters.app.ub;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The parameters of a {@code Digest} challenge or credentials ({@code name="quoted"} or {@code name=token},
 * comma separated, RFC 7235 §2.1), as Ub writes them. Names are case-insensitive; a value may be empty
 * ({@code nonce=""} in the first request of Ub, TS 24.109 §4.5.2).
 */
record AuthParams(Map<String, String> values) {

    /** @throws IllegalArgumentException if {@code header} is not {@code Digest} followed by well-formed parameters */
    static AuthParams parseDigest(String header) {
        String text = header.strip();
        if (!text.regionMatches(true, 0, "Digest ", 0, 7)) {
            throw new IllegalArgumentException("not a Digest header");
        }
        Map<String, String> values = new LinkedHashMap<>();
        int i = 7;
        int n = text.length();
        while (i < n) {
            while (i < n && (text.charAt(i) == ' ' || text.charAt(i) == ',')) {
                i++;
            }
            if (i >= n) {
                break;
            }
            int eq = text.indexOf('=', i);
            if (eq < 0) {
                throw new IllegalArgumentException("a parameter without '=' at " + i);
            }
            String name = text.substring(i, eq).strip().toLowerCase();
            if (!name.matches("[a-z0-9_-]+")) {
                throw new IllegalArgumentException("a bad parameter name at " + i);
            }
            i = eq + 1;
            StringBuilder value = new StringBuilder();
            if (i < n && text.charAt(i) == '"') {
                i++;
                while (i < n && text.charAt(i) != '"') {
                    char c = text.charAt(i++);
                    if (c == '\\' && i < n) {
                        c = text.charAt(i++);
                    }
                    value.append(c);
                }
                if (i >= n) {
                    throw new IllegalArgumentException("an unterminated quoted value for " + name);
                }
                i++;
            } else {
                while (i < n && text.charAt(i) != ',') {
                    value.append(text.charAt(i++));
                }
            }
            if (values.put(name, value.toString().strip()) != null) {
                throw new IllegalArgumentException("the parameter " + name + " twice");
            }
        }
        return new AuthParams(Map.copyOf(values));
    }

    Optional<String> get(String name) {
        return Optional.ofNullable(values.get(name));
    }

    /** The value, or empty text if absent. */
    String text(String name) {
        return values.getOrDefault(name, "");
    }
}
